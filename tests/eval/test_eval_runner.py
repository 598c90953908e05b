"""The eval machinery end to end on 3 items: real index, real assistant, ScriptedJudgeChat as the judge.

ScriptedJudgeChat is a scripted fake LLM (see scripted_judge.py), so this checks the wiring —
ragas prompts parsed, scores collected per item, citations and retrieval scored, reports written —
not the quality of any real judge. The real judged run is `pns eval run`, not a test.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from scripted_judge import ScriptedJudgeChat

from foundation.settings import Settings
from eval.dataset import load_evalset
from eval.judge import DiskJudgeCache, judge_cache_path, judge_from_chat
from eval.report import write_report
from eval.runner import LLM_METRICS, EvalRun, acceptance

ITEM_IDS = ("diagnosis-03", "multi_turn-02", "emergency-01")


@pytest.fixture(scope="module")
def built_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    pytest.importorskip("assistant.api", reason="the assistant API is not there yet")
    from index.build import build_index

    settings = Settings(home=tmp_path_factory.mktemp("eval-home"))
    build_index(settings, progress=False)
    return settings


@pytest.fixture(scope="module")
def report(built_settings: Settings) -> dict:
    items = [i for i in load_evalset() if i.id in ITEM_IDS]
    judge = judge_from_chat(ScriptedJudgeChat(cache=DiskJudgeCache(judge_cache_path(built_settings))),
                            "ScriptedJudgeChat", built_settings)
    return EvalRun(built_settings, judge, progress=False).run(items)


def test_every_item_is_answered_with_its_expected_behaviour(report: dict) -> None:
    items = {i["id"]: i for i in report["items"]}
    assert set(items) == set(ITEM_IDS)
    assert not report["errors"]
    assert items["emergency-01"]["status"] == "emergency"
    assert items["diagnosis-03"]["status"] == "answered"
    assert report["disclaimer_rate"] == 1.0
    assert report["judge"]["name"] == "custom:ScriptedJudgeChat"


def test_ragas_llm_and_non_llm_metrics_are_collected_per_item(report: dict) -> None:
    scores = report["ragas"]["scores"]
    for name in (*LLM_METRICS, "non_llm_context_recall", "id_based_context_recall", "rouge_score"):
        assert name in scores, name
        assert scores[name]["n"] + scores[name]["failed"] == report["ragas"]["n"]
    answered = [i for i in report["items"] if i["ragas"]]
    assert answered and all("faithfulness" in i["ragas"] for i in answered)


def test_retrieval_and_citations_are_scored(report: dict) -> None:
    for name in ("dense", "bm25", "hybrid"):
        row = report["retrieval"][name]
        assert 0.0 <= row["recall@5"] <= 1.0 and row["n"] >= 1
    assert report["citations"]["judge"] == "custom:ScriptedJudgeChat"
    assert report["citations"]["n"] >= 1
    assert report["latency"]["n"] == 3


def test_reports_are_written_as_json_markdown_html_and_plots(report: dict, tmp_path: Path) -> None:
    paths = write_report(report, tmp_path, publish=True, stamp="eval-test")
    data = json.loads(paths["json"].read_text())  # strict JSON: NaN was written as null
    assert data["judge"]["name"] == "custom:ScriptedJudgeChat"
    md = paths["latest_md"].read_text()
    assert "judge: custom:ScriptedJudgeChat" in md and "latest-retrieval.png" in md
    assert paths["plot-retrieval"].stat().st_size > 1000 and (tmp_path / "latest-per-category.png").exists()
    assert "<table>" in paths["html"].read_text()
    acc = acceptance(report)
    assert acc["faithfulness"]["met"] is False  # a scripted judge never satisfies the faithfulness target
    assert not any(isinstance(v, float) and math.isnan(v) for v in data["headline"].values() if v is not None)


def test_stratified_positions_cover_every_category_before_repeating() -> None:
    from eval.runner import stratified_positions

    cats = ["a", "a", "a", "b", "b", "c"]
    assert stratified_positions(cats, None) == [0, 1, 2, 3, 4, 5]
    assert stratified_positions(cats, 3) == [0, 3, 5]
    assert stratified_positions(cats, 4) == [0, 1, 3, 5]
    assert stratified_positions(cats, 10) == [0, 1, 2, 3, 4, 5]


def test_html_report_renders_bold_and_code_and_escapes_the_rest() -> None:
    from eval.report import render_html

    page = render_html("- **judge: x** — sha256 `abc`\n- <script>alert(1)</script>\n")
    assert "<li><strong>judge: x</strong> — sha256 <code>abc</code></li>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
