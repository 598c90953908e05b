"""`pns feedback export|summary` against a real SQLite feedback store in a temp PNS_HOME."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.ui.feedback import FeedbackError, FeedbackStore, feedback_path
from assistant.ui.feedback_report import category, export_feedback, read_feedback, summarize, topic
from foundation.settings import Settings

REPO = Path(__file__).resolve().parents[3]
MULTILINE = 'First sentence, with a comma. [1]\nSecond "quoted" line.\n\n---\nThe disclaimer.'
ROWS = [  # rating, question, answer, status, comment
    ("down", "How is Lambert-Eaton myasthenic syndrome treated?", MULTILINE, "answered", "misses IVIG; too vague"),
    ("up", "What scans are used to find a hidden tumour?", "PET-CT. [1]", "answered", None),
    ("up", "What scans find the tumour?", "PET. [1]", "answered", ""),
    ("down", "What is the survival rate at five years?", "Not found.", "not_found", "should know this"),
    ("up", "My husband is having a seizure right now", "Call emergency services.", "emergency", None),
]


@pytest.fixture
def store(settings: Settings) -> FeedbackStore:
    store = FeedbackStore.for_settings(settings)
    for rating, question, answer, status, comment in ROWS:
        store.add(rating=rating, question=question, answer=answer, status=status, comment=comment, session_id="s1")
    return store


def run(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    from assistant.cli import app

    return CliRunner().invoke(app, ["--home", str(settings.home), "feedback", *args])


def test_csv_export_keeps_what_an_evaluation_item_needs(settings: Settings, store: FeedbackStore) -> None:
    result = run(settings, "export", "--format", "csv", "--rating", "down")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["question"] for r in rows] == [ROWS[0][1], ROWS[3][1]]
    first = rows[0]
    assert first["answer"] == MULTILINE and first["status"] == "answered" and first["comment"] == "misses IVIG; too vague"
    assert first["rating"] == "down" and first["created_at"].startswith("20") and first["category"] == "treatment"
    assert rows[1]["category"] == "unanswerable"


def test_jsonl_export_to_a_file(settings: Settings, store: FeedbackStore, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "feedback.jsonl"
    result = run(settings, "export", "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0 and "wrote 5 feedback rows" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records) and len(records) == 5  # oldest first
    assert records[0]["answer"] == MULTILINE and records[2]["comment"] is None
    assert set(records[0]) == {"id", "created_at", "rating", "status", "category", "question", "answer", "comment", "session_id"}


def test_summary_gives_the_helpful_rate_by_status_and_category(settings: Settings, store: FeedbackStore) -> None:
    summary = summarize(read_feedback(feedback_path(settings)))
    assert summary["overall"] == {"group": "all", "rows": 5, "up": 3, "down": 2, "helpful_rate": 0.6}
    by_status = {g["group"]: g for g in summary["by_status"]}  # type: ignore[union-attr]
    assert by_status["answered"]["helpful_rate"] == pytest.approx(2 / 3, abs=1e-4) and by_status["not_found"]["up"] == 0
    by_category = {g["group"]: (g["rows"], g["up"]) for g in summary["by_category"]}  # type: ignore[union-attr]
    assert by_category == {"diagnosis": (2, 2), "treatment": (1, 0), "unanswerable": (1, 0), "emergency": (1, 1)}
    text = run(settings, "summary")
    assert text.exit_code == 0 and "helpful rate 60%" in text.stdout and "diagnosis" in text.stdout
    as_json = json.loads(run(settings, "summary", "--json").stdout)
    assert as_json["overall"]["rows"] == 5


def test_no_store_and_bad_options_are_messages(settings: Settings, store: FeedbackStore, tmp_path: Path) -> None:
    missing = run(settings, "summary", "--db", str(tmp_path / "none.sqlite3"))
    assert missing.exit_code == 1 and "no feedback has been stored yet" in missing.output
    assert not (tmp_path / "none.sqlite3").exists()  # reading never creates a store
    bad = run(settings, "export", "--format", "xml")
    assert bad.exit_code == 1 and "choose csv or jsonl" in bad.output and "Traceback" not in bad.output
    with pytest.raises(FeedbackError, match="'up' or 'down'"):
        read_feedback(store.path, "sideways")
    assert export_feedback([], "csv").startswith("id,created_at,rating,status,category,question")


def test_topic_rules_agree_with_the_evaluation_sets_categories() -> None:
    """In-sample: the rules were written with these questions in view; the held-out phrasings below were not."""
    items = [json.loads(line) for line in (REPO / "eval" / "data" / "evalset.jsonl").read_text(encoding="utf-8").splitlines()]
    topical = [i for i in items if i["category"] in ("definition", "symptoms", "diagnosis", "treatment", "prognosis",
                                                     "reference_lookup", "global")]
    agree = sum(topic(i["question"]) == i["category"] for i in topical)
    assert len(topical) == 55 and agree / len(topical) >= 0.9
    held_out = {"Is there a cure for this?": "prognosis", "Which medicine helps with the muscle weakness?": "treatment",
                "Which blood test finds the antibodies?": "diagnosis", "Does it cause a rash on the skin?": "symptoms",
                "Which journal published the Trousseau paper?": "reference_lookup"}
    assert {q: topic(q) for q in held_out} == held_out
    assert category("personal_advice", "Should I stop my chemo?") == "personal_advice"
    assert category("answered", "hello there") == "other"
