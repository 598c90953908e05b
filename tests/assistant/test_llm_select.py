"""The llm-select answerer: the model's yes/no judgement picks verbatim sentences; nothing picked is not_found.

Wiring tests use ScriptedFakeLLM (a scripted fake: fixed P(yes), for wiring only). The real-model test is
slow and skips with the reason where llama-cpp-python or the GGUF is absent.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

import pytest

from assistant.answerers.llm_select import LLMSelectAnswerer, candidates
from assistant.answerers.registry import create_answerer
from assistant.api import Assistant
from assistant.disclaimer import DISCLAIMER
from assistant.pipeline import gather
from foundation.settings import Settings
from foundation.model_parts import DEFAULT_GGUF
from foundation.settings import default_home
from scripted_llm import ScriptedFakeLLM

# Resolved at import, before the autouse fixture clears PNS_* variables (same rule as tests/foundation/test_llm_llamacpp_real.py).
_CANDIDATES = [os.environ.get("PNS_TEST_GGUF"),
               os.environ.get("PNS_HOME") and str(Path(os.environ["PNS_HOME"]) / "models" / f"{DEFAULT_GGUF}.gguf"),
               str(default_home() / "models" / f"{DEFAULT_GGUF}.gguf")]
GGUF = next((Path(c) for c in _CANDIDATES if c and Path(c).is_file()), None)


class KeywordFakeLLM(ScriptedFakeLLM):
    """Scripted fake (wiring only): P(yes) is high when the prompt's sentence contains a keyword."""

    def __init__(self, keyword: str) -> None:
        super().__init__()
        self.keyword = keyword
        self._lock = threading.Lock()

    def yes_probability(self, prompt: str) -> float:
        with self._lock:
            self.prompts.append(prompt)
        sentence = prompt.split("\nSentence: ", 1)[1]
        return 0.95 if self.keyword.lower() in sentence.lower().split("\ndoes the sentence")[0] else 0.05


def test_registered(settings: Settings) -> None:
    assert isinstance(create_answerer(settings.override(answer={"answerer": "llm-select"})), LLMSelectAnswerer)


def test_selected_sentences_are_verbatim_and_cited(warm_assistant, built_index_home: Settings) -> None:
    fake = KeywordFakeLLM("Trousseau")
    answerer = LLMSelectAnswerer(built_index_home, fake)
    parts = warm_assistant.parts()
    question = "what is trousseau syndrome"
    evidence = gather(parts, question, question)
    draft = answerer.draft(evidence)
    assert draft.citations and "Trousseau" in draft.body
    assert len(fake.prompts) == len(candidates(evidence))  # one yes/no question per candidate
    assert all(p.startswith(f"Question: {question}\nSentence: ") for p in fake.prompts)  # question first: shared prefix
    text = parts.resolver.article.text
    for citation in draft.citations:
        assert text[citation.start:citation.end] == citation.quote


def test_an_empty_selection_is_not_found(built_index_home: Settings) -> None:
    settings = built_index_home.override(answer={"answerer": "llm-select"})
    assistant = Assistant(settings, llm=ScriptedFakeLLM(yes=0.01))
    answer = assistant.ask("What is Trousseau syndrome?")
    assert answer.status == "not_found" and answer.answer.endswith(DISCLAIMER)
    assert any("no candidate sentence judged helpful" in f for f in answer.flags)


def test_concurrent_users_share_one_model_without_crashing(built_index_home: Settings) -> None:
    settings = built_index_home.override(answer={"answerer": "llm-select"})
    assistant = Assistant(settings, llm=KeywordFakeLLM("tumor"))
    assistant.warm_up()
    questions = ["What causes paraneoplastic syndromes?", "How are tumors found?", "What is plasmapheresis?",
                 "Which cancers are linked to paraneoplastic syndromes?"] * 2
    answers: list = []
    errors: list = []

    def ask(q: str) -> None:
        try:
            answers.append(assistant.ask(q))
        except Exception as exc:  # noqa: BLE001 - the test reports any escape
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(answers) == len(questions)
    assert all(a.status in ("answered", "not_found") and a.status != "error" for a in answers)


@pytest.mark.slow
def test_real_model_selects_for_a_clear_question(built_index_home: Settings) -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (make llm-model installs it)")
    if GGUF is None:
        pytest.skip(f"no GGUF model found (set PNS_TEST_GGUF; looked at {[c for c in _CANDIDATES if c]})")
    settings = built_index_home.override(answer={"answerer": "llm-select"}, llm={"model_path": GGUF, "threads": 1})
    assistant = Assistant(settings)
    answers: list = []
    threads = [threading.Thread(target=lambda q=q: answers.append(assistant.ask(q)))
               for q in ("What is Trousseau syndrome?", "What does a lumbar puncture look for?")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert [a.status for a in answers] == ["answered", "answered"]
    assert any("Trousseau" in a.body for a in answers) and any("Lumbar" in a.body for a in answers)
