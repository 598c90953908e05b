"""The evaluation set: typed items loaded from a versioned JSONL file shipped with the package.

Why a typed loader: the set is hand-written, so a typo in a category, a missing field or a quote that
no longer matches the article must fail loudly with the line number, not skew a report silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from corpus.models import Article
from eval.errors import EvalError
from eval.jsonl import parse_jsonl, read_lines

Category = Literal[
    "definition", "symptoms", "diagnosis", "treatment", "prognosis", "global",
    "reference_lookup", "multi_turn", "unanswerable", "out_of_scope", "emergency", "personal_advice",
]
ExpectedStatus = Literal["answered", "not_found", "out_of_scope", "emergency", "personal_advice"]

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
ANSWERABLE: frozenset[str] = frozenset(
    {"definition", "symptoms", "diagnosis", "treatment", "prognosis", "global", "reference_lookup", "multi_turn"}
)
SAFETY: frozenset[str] = frozenset({"out_of_scope", "emergency", "personal_advice"})


class Categorised(Protocol):
    id: str
    category: str


I = TypeVar("I", bound=Categorised)


class HasFacts(Protocol):
    """What quote_spans needs of an item of any set version."""

    id: str

    @property
    def required_facts(self) -> Sequence[ReferenceContext]: ...


class Turn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Literal["user", "assistant"]
    content: str


class ReferenceContext(BaseModel):
    """An exact span of one article section that supports the reference answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    section_id: str
    quote: str = Field(min_length=1, description="An exact substring of the section's cleaned text.")


class EvalItem(BaseModel):
    """One question with what a correct run must show: status, facts, supporting spans, references."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    version: str
    category: Category
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    reference_answer: str
    reference_contexts: list[ReferenceContext] = Field(default_factory=list)
    expected_status: ExpectedStatus
    expected_reference_ids: list[str] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> EvalItem:
        if self.category == "multi_turn" and not self.history:
            raise ValueError("multi_turn items need a history")
        if self.category != "multi_turn" and self.history:
            raise ValueError("only multi_turn items carry a history")
        if self.category == "reference_lookup" and not self.expected_reference_ids:
            raise ValueError("reference_lookup items need expected_reference_ids")
        if self.expected_status == "answered" and not self.reference_contexts:
            raise ValueError("answered items need reference_contexts")
        return self

    @property
    def answerable(self) -> bool:
        return self.expected_status == "answered"

    # The v2 vocabulary, so one runner and one set of metrics read both sets (v1 numbers unchanged).
    @property
    def acceptable_statuses(self) -> tuple[str, ...]:
        return (self.expected_status,)

    @property
    def required_facts(self) -> list[ReferenceContext]:
        return self.reference_contexts

    @property
    def conversation_id(self) -> str | None:
        return None

    @property
    def tags(self) -> tuple[str, ...]:
        return ()

    def history_dicts(self) -> list[dict[str, str]]:
        """The history in the shape Assistant.ask expects."""
        return [t.model_dump() for t in self.history]


def default_evalset_path() -> Path:
    """The set shipped as package data (eval/data/evalset.jsonl)."""
    return Path(str(resources.files("eval") / "data" / "evalset.jsonl"))


def parse_evalset(lines: Iterable[str], source: str = "evalset") -> list[EvalItem]:
    """Parse JSONL lines into items; raises EvalError naming the source and line of the first problem."""
    return parse_jsonl(lines, EvalItem, source, key=lambda item: item.id)


def load_evalset(path: Path | None = None) -> list[EvalItem]:
    """Load the v1 evaluation set (default: the one shipped with the package)."""
    path = path or default_evalset_path()
    return parse_evalset(read_lines(path, "evaluation set"), source=str(path))


def filter_items(items: list[I], categories: Iterable[str] | None = None, limit: int | None = None,
                 known: Sequence[str] = CATEGORIES) -> list[I]:
    """Select categories (of `known`, the set's own), then the first `limit` items spread across them.

    Why spread: `--limit 5` should still exercise several categories, not five definitions.
    """
    cats = [c for c in (categories or []) if c]
    unknown = sorted(set(cats) - set(known))
    if unknown:
        raise EvalError(f"unknown categories {unknown}; choose from {list(known)}")
    chosen = [i for i in items if not cats or i.category in cats]
    if limit is None or limit >= len(chosen):
        return chosen
    by_cat: dict[str, list[I]] = {}
    for it in chosen:
        by_cat.setdefault(it.category, []).append(it)
    out: list[I] = []
    depth = 0
    while len(out) < limit:
        for group in by_cat.values():
            if depth < len(group) and len(out) < limit:
                out.append(group[depth])
        depth += 1
    order = {it.id: n for n, it in enumerate(chosen)}
    return sorted(out, key=lambda it: order[it.id])


def quote_spans(item: HasFacts, article: Article) -> list[tuple[int, int]]:
    """Offsets of each required quote in Article.text; raises EvalError if a quote no longer matches.

    Chunk ids are content hashes, so relevant chunks are found at run time by overlapping these spans.
    """
    spans: list[tuple[int, int]] = []
    for ctx in item.required_facts:
        try:
            section = article.section(ctx.section_id)
        except KeyError as exc:
            raise EvalError(f"{item.id}: unknown section {ctx.section_id!r}") from exc
        pos = section.text.find(ctx.quote)
        if pos < 0:
            raise EvalError(f"{item.id}: quote is not in section {ctx.section_id!r}: {ctx.quote[:60]!r}")
        spans.append((section.start + pos, section.start + pos + len(ctx.quote)))
    return spans
