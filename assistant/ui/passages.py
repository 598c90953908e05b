"""Find the text around a cited passage, so the UI can show the quote highlighted in its section.

A citation carries offsets into its source (the cleaned article text, or a cited source's text).
For the article we show the whole section the passage sits in; for a source document, a window
of text around the passage. Loaded lazily and held by the app, never globally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from assistant.models import Citation
from assistant.ui.render import PassageContext
from corpus.models import Article, SourceDocument

WINDOW = 700


class PassageFinder:
    """Maps a Citation to the PassageContext that surrounds it."""

    def __init__(self, article_loader: Callable[[], Article], sources_loader: Callable[[], Iterable[SourceDocument]]) -> None:
        self._article_loader = article_loader
        self._sources_loader = sources_loader
        self._article: Article | None = None
        self._sources: dict[str, SourceDocument] | None = None

    @property
    def article(self) -> Article:
        if self._article is None:
            self._article = self._article_loader()
        return self._article

    def _source(self, source_id: str) -> SourceDocument | None:
        if self._sources is None:
            try:
                self._sources = {s.reference_id: s for s in self._sources_loader()}
            except Exception:  # a broken manifest must not break answers: show the quote alone
                self._sources = {}
        return self._sources.get(source_id)

    def context(self, citation: Citation) -> PassageContext | None:
        if citation.source_id == "article":
            try:
                section = self.article.section(citation.section_id)
            except KeyError:
                section = next((s for s in self.article.sections if s.start <= citation.start < s.end), None)
            if section is None:
                return None
            return PassageContext(section.text, section.start, " > ".join(section.path))
        doc = self._source(citation.source_id)
        if doc is None:
            return None
        lo = max(0, citation.start - WINDOW)
        hi = min(len(doc.text), citation.end + WINDOW)
        if lo >= hi:
            return None
        # widen to whole words so the window doesn't start mid-word
        while lo > 0 and not doc.text[lo - 1].isspace():
            lo -= 1
        while hi < len(doc.text) and not doc.text[hi].isspace():
            hi += 1
        return PassageContext(doc.text[lo:hi], lo, citation.section)

    def contexts(self, citations: Iterable[Citation]) -> dict[int, PassageContext]:
        out: dict[int, PassageContext] = {}
        for c in citations:
            ctx = self.context(c)
            if ctx is not None:
                out[c.marker] = ctx
        return out
