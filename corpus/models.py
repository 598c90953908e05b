"""Typed values produced by the corpus stage and read by every later stage."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ReferenceType = Literal["journal_article", "book_chapter", "web_page"]


class Reference(BaseModel):
    """One bibliography entry of the article, parsed into fields a reference manager understands."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable key, e.g. 'varki2007' (author + year + letter suffix).")
    authors: list[str]
    year: int | None
    title: str
    container: str | None = Field(default=None, description="Journal, site or book.")
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = Field(default=None, description="Normalised: lower-case, no https://doi.org/ prefix.")
    url: str | None = None
    type: ReferenceType
    date: str | None = Field(default=None, description="Full date where the entry gives one (ISO).")
    publisher: str | None = None
    raw: str = Field(description="The entry exactly as printed in the article.")
    line: int = Field(description="1-based line of the entry in the article file.")

    @property
    def short(self) -> str:
        """'Varki 2007' style label for UIs."""
        first = self.authors[0].split(",")[0] if self.authors else "Anon."
        tail = " et al." if len(self.authors) > 2 else (f" & {self.authors[1].split(',')[0]}" if len(self.authors) == 2 else "")
        # keep the printed a/b suffix ('Bryant 2025a', 'n.d.-b'): without it same-author-year entries look identical
        m = re.search(r"\((?:\d{4}|n\.d\.)-?([a-z])?[,)]", self.raw)
        suffix = m.group(1) if m and m.group(1) else ""
        when = f"{self.year}{suffix}" if self.year else ("n.d." + (f"-{suffix}" if suffix else ""))
        return f"{first}{tail} {when}"


class Section(BaseModel):
    """A titled part of the cleaned article, with offsets into the cleaned text."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable slug path, e.g. 'diagnostic-procedures/advanced-diagnostic-tests'.")
    title: str
    level: int = Field(description="1 = article title, 2 = heading, 3 = sub-heading.")
    path: list[str] = Field(description="Headings from the top, e.g. ['Diagnostic Procedures', 'Advanced Diagnostic Tests'].")
    parent_id: str | None = None
    text: str = Field(description="The body text; bullets rendered as '- item' lines.")
    bullets: list[str] = Field(default_factory=list)
    start: int = Field(description="Offset of `text` in Article.text.")
    end: int


class ArticleMetadata(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    publisher: str
    category: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str


class Article(BaseModel):
    """The cleaned article: metadata, a canonical text and its sections pointing into it."""

    model_config = ConfigDict(frozen=True)

    id: str = "article"
    metadata: ArticleMetadata
    text: str
    sections: list[Section]
    disclaimer: str | None = Field(default=None, description="The article's own educational-use notice.")

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)


class ReferenceLink(BaseModel):
    """An inferred (not printed) link between an article section and a reference."""

    model_config = ConfigDict(frozen=True)

    section_id: str
    reference_id: str
    score: float
    method: str = Field(description="How it was inferred, e.g. 'keyword+embedding'.")
    inferred: bool = True
    keyword_score: float | None = Field(default=None, description="Weight of the best title term found in the section.")
    embedding_similarity: float | None = Field(default=None, description="Cosine of title vs closest sentence.")
    terms: list[str] = Field(default_factory=list, description="Title terms found in the section (for review).")


class PageSpan(BaseModel):
    """Where one printed page sits in a source's extracted text, so a passage can be cited by page."""

    model_config = ConfigDict(frozen=True)

    number: int = Field(description="1-based page number as the file counts them.")
    start: int
    end: int
    label: str | None = Field(default=None, description="The page number as printed (the PDF's own page labels, e.g. "
                              "'1725' in a journal issue), when the file defines labels; None when it does not.")

    @property
    def printed(self) -> str:
        """How to cite the page: its printed label where the file gives one, else the file's own count."""
        return self.label or str(self.number)


class TextSection(BaseModel):
    """A titled part of a source's extracted text (JATS sections, an abstract), with offsets."""

    model_config = ConfigDict(frozen=True)

    title: str
    start: int
    end: int


SourceCoverage = Literal["full_text", "abstract"]


class SourceDocument(BaseModel):
    """The text of a cited source, loaded from a file listed in the sources manifest.

    `pages` (PDF) and `sections` (JATS, abstracts) point into `text`; a chunk never crosses either,
    so every passage of a source can be cited with its page or section.
    """

    model_config = ConfigDict(frozen=True)

    reference_id: str
    path: str
    text: str
    origin_url: str | None = None
    retrieved_at: str | None = None
    sha256: str
    licence: str | None = None
    media_type: str
    coverage: SourceCoverage = "full_text"
    title: str | None = Field(default=None, description="The title the file itself gives (metadata or first heading).")
    extractor: str | None = Field(default=None, description="Reader and library version that extracted `text`.")
    pages: list[PageSpan] = Field(default_factory=list)
    sections: list[TextSection] = Field(default_factory=list)
    user_supplied: bool = False
    original_name: str | None = None
    added_at: str | None = None

    def page_label(self, number: int | None) -> str | None:
        """The printed label of page `number` (None when unknown or when the file defines no labels)."""
        return next((p.label for p in self.pages if p.number == number), None)

    def page_at(self, offset: int) -> int | None:
        """The page holding character `offset` (None for sources without pages)."""
        for page in self.pages:
            if page.start <= offset < page.end or (offset == page.end and page is self.pages[-1]):
                return page.number
        return None


# Fetch outcomes that brought text (corpus/classify.py's Outcome); any other recorded outcome is a failure.
FETCH_SUCCESS = ("full_text", "abstract_only")
Coverage = Literal["full_text", "abstract", "metadata_only"]


class FetchRecord(BaseModel):
    """One reference's latest fetch (corpus/fetch_log.py keeps them).

    Here, with the other value types, so every edge that reports a fetch (`pns corpus status`, the web
    app's references tab and its /references API) reads this one record: a new field is added once.
    """

    model_config = ConfigDict(extra="ignore")

    reference_id: str
    outcome: str
    detail: str
    at: str
    url: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    via: str | None = None
    path: str | None = None
    chars: int | None = None
    chain: list[str] = Field(default_factory=list)
    metadata_title: str | None = None

    @property
    def failed(self) -> bool:
        """True when the fetch brought no text (paywall, blocked, not_found, error)."""
        return self.outcome not in FETCH_SUCCESS

    @property
    def address(self) -> str | None:
        """Where the fetch ended (after redirects), else where it started: the address a reader can retry."""
        return self.final_url or self.url


class CoverageRecord(BaseModel):
    """One reference's coverage and provenance (None where it does not apply), built by corpus/coverage.py.

    The one record every edge shows coverage from (the CLI's status table and JSON, the references tab and
    its API), so what the corpus knows about a held text is named in one place.
    """

    model_config = ConfigDict(frozen=True)

    reference_id: str
    short: str
    title: str
    type: str
    coverage: Coverage
    origin: Literal["user", "fetched"] | None = None
    file: str | None = None
    media_type: str | None = None
    extractor: str | None = None
    pages: int | None = None
    characters: int | None = None
    sha256: str | None = Field(default=None, description="The held file's digest, as the manifest verified it.")
    origin_url: str | None = None
    original_name: str | None = None
    added_at: str | None = None
    retrieved_at: str | None = None
    problem: str | None = None
    last_fetch: FetchRecord | None = None

    @classmethod
    def metadata_only(cls, ref: Reference) -> CoverageRecord:
        """What is known of a reference no coverage was recorded for: its metadata, no text."""
        return cls(reference_id=ref.id, short=ref.short, title=ref.title, type=ref.type, coverage="metadata_only")

    @property
    def when(self) -> str | None:
        return self.added_at or self.retrieved_at

    @property
    def has_text(self) -> bool:
        """True when the index holds the reference's own text (full text or an abstract)."""
        return self.coverage in ("full_text", "abstract")
