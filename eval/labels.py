"""Hand labels that calibrate two v2 metrics: sentence relevance (for the judge) and sentence references.

Why labels: answer precision is judged by a small offline LLM, so its verdicts are only worth
reporting next to how often it agrees with a person (`sentence_relevance_labels.jsonl`, >= 40 rows).
Related-reference precision needs to know which bibliography entries really back a sentence; the
article prints no inline citations, so a person read each sentence against the reference titles
(`sentence_reference_labels.jsonl`). Every labelled sentence is an exact substring of its section.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from eval.jsonl import parse_jsonl, read_lines


class RelevanceLabel(BaseModel):
    """Does this article sentence help answer this question? (a person's yes/no)"""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str = Field(min_length=1)
    sentence: str = Field(min_length=1)
    section_id: str
    helps: bool
    note: str | None = None


class ReferenceLabel(BaseModel):
    """The bibliography entries that back one article sentence (empty: none of the titles fits it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    section_id: str
    sentence: str = Field(min_length=1)
    reference_ids: list[str] = Field(default_factory=list)
    note: str | None = None


def _data_path(name: str) -> Path:
    return Path(str(resources.files("eval") / "data" / name))


def load_relevance_labels(path: Path | None = None) -> list[RelevanceLabel]:
    path = path or _data_path("sentence_relevance_labels.jsonl")
    return parse_jsonl(read_lines(path, "relevance labels"), RelevanceLabel, str(path))


def load_reference_labels(path: Path | None = None) -> list[ReferenceLabel]:
    path = path or _data_path("sentence_reference_labels.jsonl")
    return parse_jsonl(read_lines(path, "reference labels"), ReferenceLabel, str(path),
                       key=lambda label: f"{label.section_id}|{label.sentence}")
