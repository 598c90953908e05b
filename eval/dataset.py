"""The evaluation set: typed items loaded from a versioned JSONL file shipped with the package.

Why a typed loader: the set is hand-written, so a typo in a category, a missing field or a quote that
no longer matches the article must fail loudly with the line number, not skew a report silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from eval.errors import EvalError
from corpus.models import Article

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

    def history_dicts(self) -> list[dict[str, str]]:
        """The history in the shape Assistant.ask expects."""
        return [t.model_dump() for t in self.history]


def default_evalset_path() -> Path:
    """The set shipped as package data (eval/data/evalset.jsonl)."""
    return Path(str(resources.files("eval") / "data" / "evalset.jsonl"))


def parse_evalset(lines: Iterable[str], source: str = "evalset") -> list[EvalItem]:
    """Parse JSONL lines into items; raises EvalError naming the source and line of the first problem."""
    items: list[EvalItem] = []
    seen: set[str] = set()
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{source}:{no}: not valid JSON ({exc.msg})") from exc
        if not isinstance(data, dict):
            raise EvalError(f"{source}:{no}: expected a JSON object")
        try:
            item = EvalItem.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "item"
            raise EvalError(f"{source}:{no}: {where}: {first['msg']}") from exc
        if item.id in seen:
            raise EvalError(f"{source}:{no}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise EvalError(f"{source}: no evaluation items")
    return items


def load_evalset(path: Path | None = None) -> list[EvalItem]:
    """Load the evaluation set (default: the one shipped with the package)."""
    path = path or default_evalset_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvalError(f"evaluation set not found: {path}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"evaluation set is not UTF-8 text: {path}") from exc
    return parse_evalset(text.splitlines(), source=str(path))


def filter_items(items: list[EvalItem], categories: Iterable[str] | None = None, limit: int | None = None) -> list[EvalItem]:
    """Select categories, then take the first `limit` items spread across the selected categories.

    Why spread: `--limit 5` should still exercise several categories, not five definitions.
    """
    cats = [c for c in (categories or []) if c]
    unknown = sorted(set(cats) - set(CATEGORIES))
    if unknown:
        raise EvalError(f"unknown categories {unknown}; choose from {list(CATEGORIES)}")
    chosen = [i for i in items if not cats or i.category in cats]
    if limit is None or limit >= len(chosen):
        return chosen
    by_cat: dict[str, list[EvalItem]] = {}
    for it in chosen:
        by_cat.setdefault(it.category, []).append(it)
    out: list[EvalItem] = []
    depth = 0
    while len(out) < limit:
        for group in by_cat.values():
            if depth < len(group) and len(out) < limit:
                out.append(group[depth])
        depth += 1
    order = {it.id: n for n, it in enumerate(chosen)}
    return sorted(out, key=lambda it: order[it.id])


def quote_spans(item: EvalItem, article: Article) -> list[tuple[int, int]]:
    """Offsets of each reference quote in Article.text; raises EvalError if a quote no longer matches.

    Chunk ids are content hashes, so relevant chunks are found at run time by overlapping these spans.
    """
    spans: list[tuple[int, int]] = []
    for ctx in item.reference_contexts:
        try:
            section = article.section(ctx.section_id)
        except KeyError as exc:
            raise EvalError(f"{item.id}: unknown section {ctx.section_id!r}") from exc
        pos = section.text.find(ctx.quote)
        if pos < 0:
            raise EvalError(f"{item.id}: quote is not in section {ctx.section_id!r}: {ctx.quote[:60]!r}")
        spans.append((section.start + pos, section.start + pos + len(ctx.quote)))
    return spans
