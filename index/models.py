"""Typed values produced by the index stage."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Chunk(BaseModel):
    """A retrievable passage with everything needed to cite it and highlight it in its source."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="sha256(source_id + '\\n' + text)[:32]: stable, so rebuilds are idempotent.")
    source_id: str = Field(description="'article' or a reference id for a cited source text.")
    section_id: str
    section_path: list[str]
    position: int = Field(description="Order of the chunk within its source.")
    text: str
    start: int = Field(description="Offset of `text` in the cleaned source text (Article.text for the article).")
    end: int
    reference_ids: list[str] = Field(default_factory=list, description="Inferred related references of its section.")
    page: int | None = Field(default=None, description="Page of a source PDF the passage is printed on (chunks never cross pages).")
    page_label: str | None = Field(default=None, description="That page's printed number when the PDF defines page labels.")


class ScoredChunk(BaseModel):
    """A chunk returned by a retriever, with the score and rank that put it there."""

    model_config = ConfigDict(frozen=True)

    chunk: Chunk
    score: float
    rank: int
    retriever: str = Field(description="'dense', 'bm25' or 'hybrid'.")
