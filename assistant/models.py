"""Typed values produced by the assistant stage: what an answer is, and what backs it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from assistant.disclaimer import DISCLAIMER, with_disclaimer

Status = Literal["answered", "not_found", "out_of_scope", "emergency", "personal_advice", "unsupported_language",
                 "invalid_input", "error"]


class CitedReference(BaseModel):
    """A bibliography entry shown under a citation: a related reference of the passage's section."""

    model_config = ConfigDict(frozen=True)

    id: str
    authors: list[str]
    year: int | None
    title: str
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    type: str | None = Field(default=None, description="journal_article | book_chapter | web_page")
    doi: str | None = None
    url: str | None = None
    relation: str = Field(default="related reference", description=(
        "'related reference' for a passage's inferred links (the article prints no inline citations); "
        "'bibliography entry' when the answer is about the entry itself."))


class Citation(BaseModel):
    """What an inline marker [n] resolves to: the exact passage and the references behind it.

    `source` says whose words the quote is: the article's (its `references` are then inferred and
    labelled 'related reference'), or a cited source's own text (`source` is that reference's id,
    `page` its page where the file has pages, and the one reference is labelled 'cited source').
    """

    model_config = ConfigDict(frozen=True)

    marker: int
    chunk_id: str
    source_id: str
    section: str = Field(description="Section path joined with ' > '.")
    section_id: str
    quote: str = Field(description="The exact passage text cited.")
    start: int
    end: int
    article_title: str
    article_url: str
    references: list[CitedReference] = Field(default_factory=list)
    source: str = Field(default="article", description="'article', or the reference id whose own text is quoted.")
    page: int | None = Field(default=None, description="Page of the cited source the quote is printed on, when known.")
    page_label: str | None = Field(default=None, description="That page's printed number (e.g. '1725') when the file "
                                   "defines page labels; cite it as 'p. <page_label>'.")


class Passage(BaseModel):
    """An indexed passage as a citation names it: its exact text, where it sits, and its related references."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str
    source_id: str = Field(description="'article' or the reference id of a cited source's full text.")
    section: str = Field(description="Section path joined with ' > '.")
    section_id: str
    text: str = Field(description="The passage exactly as indexed (and as a citation's quote comes from).")
    start: int = Field(description="Offset of `text` in the cleaned source text.")
    end: int
    article_title: str
    article_url: str
    references: list[CitedReference] = Field(default_factory=list)
    source: str = Field(default="article", description="'article', or the reference id whose own text this is.")
    page: int | None = Field(default=None, description="Page of the cited source the passage is printed on, when known.")
    page_label: str | None = Field(default=None, description="That page's printed number when the file defines page labels.")


class Answer(BaseModel):
    """The full result of one `ask`: the body, the fixed disclaimer and the evidence, kept apart.

    Each edge renders body and disclaimer together in its own way (terminal, HTML, MCP); `answer` is the
    plain-text rendering that the JSON API and the CLI print, always ending with the disclaimer.
    """

    status: Status
    body: str = Field(description="What the assistant says, without the disclaimer.")
    disclaimer: str = DISCLAIMER
    citations: list[Citation] = Field(default_factory=list)
    contexts: list[str] = Field(default_factory=list, description="Retrieved passage texts, in rank order.")
    context_ids: list[str] = Field(default_factory=list)
    standalone_question: str | None = Field(default=None, description="The question after follow-up rewriting.")
    answerer: str = "extractive"
    latency_ms: float | None = None
    flags: list[str] = Field(default_factory=list, description="e.g. sentences dropped by the support check.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def answer(self) -> str:
        """Everything shown to the user as plain text: the body, then the disclaimer, last."""
        return with_disclaimer(self.body, self.disclaimer)
