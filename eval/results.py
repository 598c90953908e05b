"""ItemResult: everything one evaluation item produced and scored, in one record.

Why one record per item: every metric reads the same answers, so a report's numbers describe one run
of one configuration; the per-item record is also what a reviewer opens to see why a number is low.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from assistant.models import Citation
    from eval.dataset import ReferenceContext


class Item(Protocol):
    """What the runner and the metrics read of an item; v1 `EvalItem` and v2 `EvalItemV2` both provide it."""

    id: str
    version: str
    category: str
    question: str
    reference_answer: str
    expected_reference_ids: list[str]

    @property
    def acceptable_statuses(self) -> Sequence[str]: ...

    @property
    def expected_status(self) -> str: ...

    @property
    def required_facts(self) -> Sequence[ReferenceContext]: ...

    @property
    def conversation_id(self) -> str | None: ...

    @property
    def tags(self) -> Sequence[str]: ...

    def history_dicts(self) -> list[dict[str, str]]: ...


@dataclass
class ItemResult:
    """One item's answer, its evidence and its scores (`scores` holds one value per registered metric)."""

    item: Item
    split: str | None = None
    status: str = "error"
    answer: str = ""
    body: str = ""
    latency_ms: float | None = None
    error: str | None = None
    standalone_question: str | None = None
    contexts: list[str] = field(default_factory=list)
    context_ids: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    cited_reference_ids: list[str] = field(default_factory=list)
    has_disclaimer: bool = False
    retrieval: dict[str, dict[str, float]] = field(default_factory=dict)
    citation: dict[str, Any] | None = None
    ragas: dict[str, float | None] = field(default_factory=dict)
    answer_span_recall: float | None = None
    scores: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def status_ok(self) -> bool:
        return self.status in self.item.acceptable_statuses

    @property
    def cited_spans(self) -> list[tuple[str, int, int]]:
        return [(c.source_id, c.start, c.end) for c in self.citations]

    @property
    def article_spans(self) -> list[tuple[int, int]]:
        """The article character ranges the answer quotes, in the order it shows them."""
        return [(c.start, c.end) for c in sorted(self.citations, key=lambda c: c.marker) if c.source_id == "article"]

    def to_dict(self) -> dict[str, Any]:
        item = self.item
        return {
            "id": item.id, "category": item.category, "split": self.split, "question": item.question,
            "conversation_id": item.conversation_id, "tags": list(item.tags),
            "expected_status": item.expected_status, "acceptable_statuses": list(item.acceptable_statuses),
            "status": self.status, "status_ok": self.status_ok, "latency_ms": self.latency_ms,
            "error": self.error, "standalone_question": self.standalone_question, "answer": self.answer,
            "context_ids": self.context_ids, "cited_reference_ids": self.cited_reference_ids,
            "expected_reference_ids": item.expected_reference_ids,
            "reference_ids_found": (set(item.expected_reference_ids) <= set(self.cited_reference_ids)
                                    if item.expected_reference_ids else None),
            "has_disclaimer": self.has_disclaimer, "answer_span_recall": self.answer_span_recall,
            "retrieval": self.retrieval, "citation": self.citation, "ragas": self.ragas,
            "scores": {k: (None if v is not None and math.isnan(v) else v) for k, v in self.scores.items()},
            "failed": sorted(k for k, v in self.scores.items() if v is not None and math.isnan(v)),
            "details": self.details,
        }
