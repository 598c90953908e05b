"""Evaluation set v2: questions written the way people type, with required facts and acceptable statuses.

Why a second set beside v1: v1 (85 items) is the set the answer composer was tuned on, so its scores
are in-sample. v2 adds typos, missing apostrophes, abbreviations, misconceptions, list and bibliography
questions, follow-up conversations, emergencies inside long messages and other languages, and carries
what the new metrics need: `required_facts` (exact article quotes a good answer shows) and
`acceptable_statuses` (more than one where either behaviour is right). v1 stays loadable unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eval.dataset import ReferenceContext, Turn
from eval.jsonl import parse_jsonl, read_lines

CategoryV2 = Literal[
    "definition", "symptoms", "diagnosis", "treatment", "prognosis", "global", "misconception", "list",
    "bibliography", "multi_turn", "unanswerable", "out_of_scope", "emergency", "personal_advice", "non_english",
]
StatusV2 = Literal["answered", "not_found", "out_of_scope", "emergency", "personal_advice", "unsupported_language"]
Tag = Literal[
    "typo", "lowercase", "no_apostrophe", "abbreviation", "misconception", "simple_words", "list", "multi_part",
    "two_sections", "bibliography", "follow_up", "long_message", "non_english", "not_in_article",
]

CATEGORIES_V2: tuple[str, ...] = CategoryV2.__args__  # type: ignore[attr-defined]
# A category whose items must accept exactly this behaviour (the safety paths and the language gate).
CATEGORY_STATUS = {
    "emergency": "emergency", "personal_advice": "personal_advice", "out_of_scope": "out_of_scope",
    "non_english": "unsupported_language",
}


class EvalItemV2(BaseModel):
    """One v2 question and what a correct run shows: an acceptable status, the required facts, the references."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    version: str = Field(pattern=r"^2\.\d+\.\d+$")
    category: CategoryV2
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    conversation_id: str | None = None
    reference_answer: str = ""
    required_facts: list[ReferenceContext] = Field(default_factory=list)
    acceptable_statuses: list[StatusV2] = Field(min_length=1)
    expected_reference_ids: list[str] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    note: str | None = None
    # A self-written bank's half that is studied item by item, or kept blind (only aggregate numbers read) until the end
    part: Literal["studied", "blind"] | None = None
    # A paraphrase bank's group: the items that ask one question in different words (eval/data/paraphrase_check.jsonl)
    group: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> EvalItemV2:
        if len(set(self.acceptable_statuses)) != len(self.acceptable_statuses):
            raise ValueError("acceptable_statuses repeats a status")
        if self.category == "multi_turn":
            if not self.history or not self.conversation_id:
                raise ValueError("multi_turn items need a history and a conversation_id")
            if self.history[-1].role != "assistant":
                raise ValueError("a multi_turn history ends with the assistant's turn")
        elif self.history or self.conversation_id:
            raise ValueError("only multi_turn items carry a history or a conversation_id")
        needed = CATEGORY_STATUS.get(self.category)
        if needed and self.acceptable_statuses != [needed]:
            raise ValueError(f"{self.category} items accept exactly [{needed!r}]")
        if self.category == "bibliography" and not self.expected_reference_ids:
            raise ValueError("bibliography items need expected_reference_ids")
        if self.acceptable_statuses == ["answered"] and not (self.required_facts or self.expected_reference_ids):
            raise ValueError("items that must be answered need required_facts or expected_reference_ids")
        return self

    # The v1 vocabulary, so code written for v1 (retrieval scoring, ragas samples) reads v2 items too.
    @property
    def expected_status(self) -> str:
        """The first acceptable status: the row of the status confusion matrix when the run got none of them."""
        return self.acceptable_statuses[0]

    @property
    def reference_contexts(self) -> list[ReferenceContext]:
        return self.required_facts

    @property
    def answerable(self) -> bool:
        return "answered" in self.acceptable_statuses

    def history_dicts(self) -> list[dict[str, str]]:
        """The history in the shape Assistant.ask expects."""
        return [t.model_dump() for t in self.history]


def default_evalset_v2_path() -> Path:
    """The v2 set shipped as package data (eval/data/evalset_v2.jsonl)."""
    return Path(str(resources.files("eval") / "data" / "evalset_v2.jsonl"))


def parse_evalset_v2(lines: Iterable[str], source: str = "evalset_v2") -> list[EvalItemV2]:
    """Parse v2 JSONL lines; raises EvalError naming the source and line of the first problem."""
    return parse_jsonl(lines, EvalItemV2, source, key=lambda item: item.id)


def load_evalset_v2(path: Path | None = None) -> list[EvalItemV2]:
    """Load the v2 evaluation set (default: the one shipped with the package)."""
    path = path or default_evalset_v2_path()
    return parse_evalset_v2(read_lines(path, "evaluation set"), source=str(path))
