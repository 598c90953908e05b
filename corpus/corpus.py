"""The corpus as one value: the article, its bibliography, the inferred links and the cited sources' texts.

Why one object: the index build, the citation resolver, the answerers and the web UI all need the same four
things. Loading them once per process and passing the value down means every part sees the same version of
the files (no half-updated view after `pns corpus add`), and parsing happens once, not once per caller.
`CorpusView` is the read-only face the edges (web UI, MCP) get: lookups, no loading.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from corpus.errors import CorpusError
from corpus.models import Article, CoverageRecord, Reference, ReferenceLink, Section, SourceDocument
from foundation.settings import Settings

log = logging.getLogger(__name__)

ARTICLE_SOURCE_ID = "article"


@dataclass(frozen=True)
class Corpus:
    """Everything answers are grounded in, loaded once (`Corpus.load`) and passed down explicitly."""

    article: Article
    references: tuple[Reference, ...]
    links: tuple[ReferenceLink, ...] = ()
    sources: tuple[SourceDocument, ...] = ()
    skipped_sources: tuple[str, ...] = field(default=(), metadata={"why": "messages of source files left out"})
    coverage: tuple[CoverageRecord, ...] = field(default=(), metadata={"why": "per reference: what is held, from where"})

    @classmethod
    def load(cls, settings: Settings, *, on_error: Callable[[CorpusError], None] | None = None,
             strict_sources: bool = False) -> Corpus:
        """Read the article, bibliography, links and source texts that `settings` names.

        Sources load leniently by default: a corrupt or changed source file is left out (and named in
        `skipped_sources`, and handed to `on_error`) so one bad download cannot take the article offline.
        `strict_sources=True` raises instead, for commands that must verify every file.
        """
        from corpus.article import load_article
        from corpus.bibliography import load_references
        from corpus.links import load_links
        from corpus.paths import article_path
        from corpus.sources import load_sources

        skipped: list[str] = []

        def lenient(exc: CorpusError) -> None:
            log.warning("skipped a source: %s", exc)
            skipped.append(str(exc))
            if on_error is not None:
                on_error(exc)

        from corpus.coverage import coverage_records

        references = load_references(settings)
        sources = load_sources(settings, references, on_error=None if strict_sources else lenient)
        return cls(
            article=load_article(article_path(settings)),
            references=tuple(references),
            links=tuple(load_links(settings)),
            sources=tuple(sources),
            skipped_sources=tuple(skipped),
            coverage=tuple(coverage_records(settings, references, sources, skipped)),
        )

    # -- lookups ----------------------------------------------------------------------------------
    @property
    def references_by_id(self) -> Mapping[str, Reference]:
        return MappingProxyType({r.id: r for r in self.references})

    @property
    def titles(self) -> dict[str, str]:
        """Reference id -> title (what a source document's chunks are headed by)."""
        return {r.id: r.title for r in self.references}

    def reference(self, reference_id: str) -> Reference | None:
        return self.references_by_id.get(reference_id)

    def source(self, reference_id: str) -> SourceDocument | None:
        return next((s for s in self.sources if s.reference_id == reference_id), None)

    def text_of(self, source_id: str) -> str | None:
        """The full text a chunk's offsets point into: the article's, or a cited source's."""
        if source_id == ARTICLE_SOURCE_ID:
            return self.article.text
        doc = self.source(source_id)
        return doc.text if doc is not None else None

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.article.sections if s.id == section_id), None)

    def links_for(self, section_id: str) -> list[ReferenceLink]:
        return sorted((l for l in self.links if l.section_id == section_id), key=lambda l: -l.score)

    def view(self) -> CorpusView:
        return CorpusView(self)


class CorpusView:
    """Read-only access to a loaded Corpus for the edges (web UI, MCP): no loading, no mutation."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus

    @property
    def article(self) -> Article:
        return self._corpus.article

    @property
    def references(self) -> Sequence[Reference]:
        return self._corpus.references

    @property
    def links(self) -> Sequence[ReferenceLink]:
        return self._corpus.links

    @property
    def sources(self) -> Sequence[SourceDocument]:
        return self._corpus.sources

    @property
    def full_text_ids(self) -> frozenset[str]:
        """References whose full text is held (an abstract alone does not count: see `coverage`)."""
        return frozenset(s.reference_id for s in self._corpus.sources if s.coverage == "full_text")

    @property
    def coverage(self) -> Sequence[CoverageRecord]:
        """Per reference: full text / abstract / metadata only, from where (user or fetched, file, pages,
        when) and the last fetch's outcome and reason (corpus/coverage.py), in bibliography order."""
        return self._corpus.coverage

    def source(self, reference_id: str) -> SourceDocument | None:
        """The indexed text of a cited source (with its pages and sections), for a viewer that opens it."""
        return self._corpus.source(reference_id)

    def reference(self, reference_id: str) -> Reference | None:
        return self._corpus.reference(reference_id)

    def section(self, section_id: str) -> Section | None:
        return self._corpus.section(section_id)

    def text_of(self, source_id: str) -> str | None:
        return self._corpus.text_of(source_id)

    def links_for(self, section_id: str) -> list[ReferenceLink]:
        return self._corpus.links_for(section_id)

    @property
    def export_formats(self) -> tuple[str, ...]:
        """The formats `export` writes (reference-manager files, and citation styles where installed)."""
        from corpus.export import FORMATS

        return tuple(FORMATS)

    def export(self, references: Sequence[Reference], fmt: str) -> str:
        """`references` as text in `fmt` (one of `export_formats`); an unknown format is a CorpusError.

        On the view so an edge can offer export without reaching into the corpus stage's modules.
        """
        from corpus.export import export_references

        return export_references(list(references), fmt)

    def choose(self, ids: Sequence[str] | None, listed_by: str) -> list[Reference]:
        """The references with these ids in the bibliography's order (all when `ids` is empty); an unknown id is a
        CorpusError naming it and `listed_by`, where the caller's user finds the ids (corpus.export.choose_references)."""
        from corpus.export import choose_references

        return choose_references(self.references, ids, listed_by)
