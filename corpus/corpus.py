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
from corpus.models import Article, Reference, ReferenceLink, Section, SourceDocument
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

        references = load_references(settings)
        sources = load_sources(settings, on_error=None if strict_sources else lenient)
        return cls(
            article=load_article(article_path(settings)),
            references=tuple(references),
            links=tuple(load_links(settings)),
            sources=tuple(sources),
            skipped_sources=tuple(skipped),
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
        return frozenset(s.reference_id for s in self._corpus.sources)

    def reference(self, reference_id: str) -> Reference | None:
        return self._corpus.reference(reference_id)

    def section(self, section_id: str) -> Section | None:
        return self._corpus.section(section_id)

    def text_of(self, source_id: str) -> str | None:
        return self._corpus.text_of(source_id)

    def links_for(self, section_id: str) -> list[ReferenceLink]:
        return self._corpus.links_for(section_id)
