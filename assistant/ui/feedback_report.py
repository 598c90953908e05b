"""Feedback for evaluators: every stored thumbs-up/down as CSV or JSON Lines, and the helpful rate by group.

Thumbs-down answers are the cheapest source of new evaluation items, so each exported row keeps what an
evaluator needs to write one: the question, the answer shown, its status, the comment and the time.

Each row also gets a category named like the evaluation set's (eval/data/evalset.jsonl), so a summary
reads against the evaluation report:
* the answer's status decides first, because it already is a category there: emergency, personal_advice,
  out_of_scope, not_found (the set's "unanswerable"), plus invalid_input and error;
* an answered question gets a topic from transparent keyword rules over the question (reference_lookup,
  global, prognosis, treatment, diagnosis, symptoms, definition; "other" when none applies), checked
  in that order so the most specific wins. Rules rather than a model: they run in microseconds, need no
  download, and anyone can read why a row landed where it did. Measured against the evaluation set's own
  single-turn answerable questions in tests/assistant/ui/test_feedback_report.py.
The evaluation set's items are not looked up here: the assistant stage does not read the eval stage's data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.ui.feedback import FeedbackError, FeedbackRow, FeedbackStore

ExportFormat = Literal["csv", "jsonl"]
FIELDS = ["id", "created_at", "rating", "status", "category", "question", "answer", "comment", "session_id"]
STATUS_CATEGORIES = {"emergency": "emergency", "personal_advice": "personal_advice", "out_of_scope": "out_of_scope",
                     "not_found": "unanswerable", "invalid_input": "invalid_input", "error": "error"}
TOPIC_RULES: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("reference_lookup", r"\b(sources?|references?|cite[sd]?|citations?|papers?|stud(y|ies)|doi|journals?|"
                             r"authors?|bibliograph\w*|comes? from)\b"),
        ("global", r"\b(world\w*|global\w*|countr(y|ies)|regions?|nations?|income|high-resource|low-resource|"
                   r"healthcare access)\b"),
        ("prognosis", r"\b(outlook|prognos\w*|recover\w*|get better|cured?|permanent\w*|surviv\w*|life expectancy|"
                      r"early|aggressive\w*|stage)\b"),
        ("treatment", r"\b(treat\w*|therap\w*|manag\w*|medications?|medicines?|drugs?|steroids?|ivig|immunoglobulin|"
                      r"plasma exchange|plasmapheresis|chemo\w*|surgery|radiation|physiotherap\w*|acupuncture|herbal|"
                      r"remed(y|ies)|diet|care|research\w*)\b"),
        ("diagnosis", r"\b(diagnos\w*|tests?|testing|scans?|ct|mri|pet|biops(y|ies)|antibod(y|ies)|markers?|labs?|"
                      r"spinal tap|lumbar puncture|emg|nerve conduction|work-?up|screen\w*|detect\w*|mimics?|"
                      r"differential|assess\w*|check\w*)\b"),
        ("symptoms", r"\b(symptoms?|signs?|manifestations?|features?|affect\w*|kidneys?|skin|cutaneous|blood|nerves?|"
                     r"brain|fevers?|pain|weak\w*|hormon\w*|problems?|trousseau)\b"),
        ("definition", r"\b(what (is|are)|defin\w*|mean\w*|types?|kinds?|common|causes?d?|risks?|why|cancers?|"
                       r"tumou?rs?|mediators?|genetic|smok\w*|syndromes?)\b"),
    )
]


def topic(question: str) -> str:
    """The first topic whose keywords occur in the question, or 'other'."""
    for name, pattern in TOPIC_RULES:
        if pattern.search(question or ""):
            return name
    return "other"


def category(status: str, question: str) -> str:
    """The evaluation-set category of a feedback row: its status where that is a category, else its topic."""
    return STATUS_CATEGORIES.get(status) or topic(question)


def read_feedback(path: Path, rating: str | None = None) -> list[FeedbackRow]:
    """Every stored row, oldest first (optionally only 'up' or 'down'); a FeedbackError when there is no store."""
    if not Path(path).exists():
        raise FeedbackError(f"no feedback has been stored yet ({path} does not exist; the web app creates it "
                            "with the first thumbs-up or thumbs-down)")
    if rating not in (None, "up", "down"):
        raise FeedbackError(f"rating must be 'up' or 'down', got {rating!r}")
    return FeedbackStore(Path(path)).all_rows(rating)


def export_row(row: FeedbackRow) -> dict[str, object]:
    """One rating as an export record: the FIELDS columns, in order, with its question's category added."""
    data = row.model_dump()
    data["category"] = category(row.status, row.question)
    return {key: data.get(key) for key in FIELDS}


def export_feedback(rows: Iterable[FeedbackRow], fmt: str) -> str:
    """CSV (RFC 4180, a header row, multi-line answers quoted) or JSON Lines (one object per row, UTF-8)."""
    records = [export_row(r) for r in rows]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        return buffer.getvalue()
    raise FeedbackError(f"unknown export format {fmt!r}; choose csv or jsonl")


@dataclass(frozen=True)
class GroupRate:
    """Helpful rate of one group: the share of its rated answers that got a thumbs-up."""

    group: str
    rows: int
    up: int
    down: int

    @property
    def helpful_rate(self) -> float:
        return self.up / self.rows if self.rows else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"group": self.group, "rows": self.rows, "up": self.up, "down": self.down,
                "helpful_rate": round(self.helpful_rate, 4)}


def rates(rows: Sequence[FeedbackRow], key: str) -> list[GroupRate]:
    """Rates grouped by 'status' or 'category', most rated group first."""
    groups: dict[str, list[FeedbackRow]] = {}
    for row in rows:
        name = row.status if key == "status" else category(row.status, row.question)
        groups.setdefault(name or "(none)", []).append(row)
    out = [GroupRate(name, len(g), sum(r.rating == "up" for r in g), sum(r.rating == "down" for r in g))
           for name, g in groups.items()]
    return sorted(out, key=lambda g: (-g.rows, g.group))


def summarize(rows: Sequence[FeedbackRow]) -> dict[str, object]:
    """Overall, by-status and by-category helpful rates (JSON-ready)."""
    overall = GroupRate("all", len(rows), sum(r.rating == "up" for r in rows), sum(r.rating == "down" for r in rows))
    return {
        "overall": overall.as_dict(),
        "by_status": [g.as_dict() for g in rates(rows, "status")],
        "by_category": [g.as_dict() for g in rates(rows, "category")],
        "first": rows[0].created_at if rows else None,
        "last": rows[-1].created_at if rows else None,
    }
