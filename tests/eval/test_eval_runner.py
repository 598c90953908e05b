"""The eval machinery end to end on a few items: real index, real assistant, ScriptedJudgeChat as the judge.

ScriptedJudgeChat is a scripted fake LLM (see scripted_judge.py), so this checks the wiring — ragas
prompts parsed, scores collected per item, every registered metric per split, the acceptance table,
reports written — not the quality of any real judge. The real judged run is `pns eval run`, not a test.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from scripted_judge import ScriptedJudgeChat

from eval.dataset import load_evalset
from eval.evalsets import load_named
from eval.judge import DiskJudgeCache, judge_cache_path, judge_from_chat
from eval.labels import load_relevance_labels
from eval.relevance_pool import BANKS, load_pool
from eval.metrics.catalog import METRICS
from eval.metrics.registry import Metric
from eval.report import write_report
from eval.runner import LLM_METRICS, EvalRun
from foundation.settings import Settings

V1_IDS = ("diagnosis-03", "multi_turn-02", "emergency-01")


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One built index and one warm assistant shared by every run here."""
    from assistant.api import Assistant
    from index.build import build_index
    from index.store import open_index

    settings = Settings(home=tmp_path_factory.mktemp("eval-home"))
    build_index(settings, progress=False)
    index = open_index(settings)
    index.warm_up()
    assistant = Assistant(settings, index=index)
    assistant.warm_up()
    return {"settings": settings, "index": index, "ask": lambda q, h: assistant.ask(q, history=h or None)}


def _run(parts: dict[str, Any], items: list, judged: bool, **kwargs: Any) -> dict:
    settings = parts["settings"]
    judge = (judge_from_chat(ScriptedJudgeChat(cache=DiskJudgeCache(judge_cache_path(settings))), "ScriptedJudgeChat",
                             settings) if judged else None)
    return EvalRun(settings, judge, ask=parts["ask"], index=parts["index"], progress=False, **kwargs).run(items)


@pytest.fixture(scope="module")
def v1_report(parts: dict[str, Any]) -> dict:
    return _run(parts, [i for i in load_evalset() if i.id in V1_IDS], judged=True)


def _v2_items() -> tuple[list, Any]:
    chosen = load_named("v2")
    picked: list = []
    for category in ("definition", "multi_turn", "emergency", "non_english", "bibliography"):
        for split in ("dev", "test"):
            ids = chosen.split.ids(split)
            picked.append(next(i for i in chosen.items if i.category == category and i.id in ids))
    return picked, chosen.split


@pytest.fixture(scope="module")
def v2_report(parts: dict[str, Any]) -> dict:
    items, split = _v2_items()
    return _run(parts, items, judged=True, split=split, evalset_name="v2", llm_metrics=["faithfulness"])


def test_v1_items_get_their_expected_behaviour(v1_report: dict) -> None:
    items = {i["id"]: i for i in v1_report["items"]}
    assert set(items) == set(V1_IDS) and not v1_report["errors"]
    assert items["emergency-01"]["status"] == "emergency" and items["diagnosis-03"]["status"] == "answered"
    assert v1_report["metrics"].keys() == {"all"} and v1_report["primary_split"] == "all"
    assert v1_report["headline"]["disclaimer_rate"] == 1.0
    assert v1_report["judge"]["name"] == "custom:ScriptedJudgeChat"


def test_ragas_llm_and_non_llm_metrics_are_collected_per_item(v1_report: dict) -> None:
    scores = v1_report["metrics"]["all"]
    for name in (*LLM_METRICS, "non_llm_context_recall", "id_based_context_recall", "rouge_score"):
        assert scores[name]["n"] + scores[name]["failed"] == v1_report["ragas"]["n"], name
    assert all("faithfulness" in i["ragas"] for i in v1_report["items"] if i["ragas"])


def test_v2_reports_every_registered_metric_for_dev_and_test_side_by_side(v2_report: dict) -> None:
    assert list(v2_report["metrics"]) == ["dev", "test", "all"] and v2_report["primary_split"] == "test"
    assert v2_report["evalset"]["splits"] == {"dev": 5, "test": 5, "all": 10}
    for split in ("dev", "test"):
        assert set(v2_report["metrics"][split]) == {m.name for m in METRICS}
        assert v2_report["splits"][split]["n"] == 5
    rows = {r["metric"]: r for r in v2_report["acceptance"]}
    assert set(rows) == {m.name for m in METRICS if m.target is not None}
    assert all(r["checked_on"] == "test" and set(r["values"]) == {"dev", "test", "all"} for r in rows.values())
    assert rows["faithfulness"]["met"] is False  # a scripted judge never satisfies a real-judge target
    assert "never used to tune" in v2_report["policy"]


def test_v2_behaviour_metrics_see_the_categories(v2_report: dict) -> None:
    test = v2_report["metrics"]["test"]
    assert test["emergency_recall"]["n"] == 1 and test["false_emergency_rate"]["n"] == 4
    assert test["non_english_declined"]["n"] == 1 and test["follow_up_success"]["n"] == 1
    assert test["bibliography_accuracy"]["n"] == 1
    confusion = v2_report["splits"]["test"]["confusion"]
    assert sum(sum(row.values()) for row in confusion.values()) == 5


def test_answer_precision_is_judged_sentence_by_sentence_and_the_judge_is_calibrated(v2_report: dict) -> None:
    judged = [i for i in v2_report["items"] if i["details"].get("sentence_helps")]
    assert judged and all(i["scores"]["answer_precision"] is not None for i in judged)
    for item in judged:
        helps = [s["helps"] for s in item["details"]["sentence_helps"]]
        assert item["scores"]["answer_precision"] == pytest.approx(sum(helps) / len(helps))
    agreement = v2_report["judge_agreement"]
    assert agreement["n"] == len(load_pool()) and agreement["judge"] == "custom:ScriptedJudgeChat"
    assert agreement["banks"]["sentence_relevance_labels"]["n"] == len(load_relevance_labels())
    assert set(agreement["banks"]) == set(BANKS)


def test_without_a_judge_judged_metrics_read_not_measured(parts: dict[str, Any], tmp_path: Path) -> None:
    items, split = _v2_items()
    report = _run(parts, items[:4], judged=False, split=split, evalset_name="v2")
    cell = report["metrics"]["dev"]["answer_precision"]
    assert cell["value"] is None and cell["reason"] == "no judge"
    assert report["judge_agreement"] is None
    md = write_report(report, tmp_path, stamp="eval-nojudge")["md"].read_text()
    assert "faithfulness (ragas) | >= 0.900 | not measured (no judge)" in md
    assert "| not measured |" in md and "| - |" not in md and "–" not in md


def test_a_new_metric_is_one_function_and_one_registration(parts: dict[str, Any], tmp_path: Path) -> None:
    def answered_share(res, ctx):  # type: ignore[no-untyped-def]
        return 1.0 if res.status == "answered" else 0.0

    extra = Metric("answered_share", "answered share", answered_share, "items answered", target=0.5, per_category=True)
    items, split = _v2_items()
    report = _run(parts, items, judged=False, split=split, evalset_name="v2", metrics=(*METRICS, extra))
    assert report["metrics"]["test"]["answered_share"]["n"] == 5
    assert any(r["metric"] == "answered_share" for r in report["acceptance"])
    paths = write_report(report, tmp_path, stamp="eval-extra")
    md = paths["md"].read_text()
    assert "| answered share | >= 0.500 |" in md and "answered_share" in md
    assert paths["plot-splits"].stat().st_size > 1000


def test_reports_are_written_as_json_markdown_html_and_plots(v2_report: dict, tmp_path: Path) -> None:
    paths = write_report(v2_report, tmp_path, publish=True, stamp="eval-test")
    data = json.loads(paths["json"].read_text())  # strict JSON: NaN was written as null
    assert data["judge"]["name"] == "custom:ScriptedJudgeChat"
    md = paths["latest_md"].read_text()
    assert "judge: custom:ScriptedJudgeChat" in md and "latest-confusion.png" in md
    assert "never used to tune" in md and "## Acceptance targets (checked on test)" in md
    assert "| metric | dev | test | all | what it measures |" in md
    for name in ("splits", "categories", "retrieval", "confusion"):
        assert paths[f"plot-{name}"].stat().st_size > 1000 and (tmp_path / f"latest-{name}.png").exists()
    assert "<table>" in paths["html"].read_text()
    assert not any(isinstance(v, float) and math.isnan(v) for v in data["headline"].values() if v is not None)


def test_stratified_positions_cover_every_category_before_repeating() -> None:
    from eval.scoring.ragas_run import stratified_positions

    cats = ["a", "a", "a", "b", "b", "c"]
    assert stratified_positions(cats, None) == [0, 1, 2, 3, 4, 5]
    assert stratified_positions(cats, 3) == [0, 3, 5]
    assert stratified_positions(cats, 4) == [0, 1, 3, 5]
    assert stratified_positions(cats, 10) == [0, 1, 2, 3, 4, 5]


def test_html_report_renders_bold_and_code_and_escapes_the_rest() -> None:
    from eval.report_html import render_html

    page = render_html("- **judge: x** — sha256 `abc`\n- <script>alert(1)</script>\n")
    assert "<li><strong>judge: x</strong> — sha256 <code>abc</code></li>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
