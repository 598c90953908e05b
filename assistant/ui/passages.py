"""Find the text around a cited passage, so the UI can show the quote highlighted in its section.

A citation carries offsets into its source (the cleaned article text, or a cited source's text). For the
article we show the whole section the passage sits in; for a source document, a window of text around the
passage. Everything is read from the CorpusView the Assistant answered from, so offsets and text agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.models import Citation
from assistant.ui.render import PassageContext
from corpus.corpus import CorpusView

WINDOW = 700
ARTICLE = "article"


def passage_context(view: CorpusView, citation: Citation) -> PassageContext | None:
    """The section (article) or the window of text (a cited source) around `citation`; None if unknown."""
    if citation.source_id == ARTICLE:
        section = view.section(citation.section_id) or next(
            (s for s in view.article.sections if s.start <= citation.start < s.end), None
        )
        return PassageContext(section.text, section.start, " > ".join(section.path)) if section else None
    text = view.text_of(citation.source_id)
    if not text:
        return None
    lo, hi = max(0, citation.start - WINDOW), min(len(text), citation.end + WINDOW)
    if lo >= hi:
        return None
    while lo > 0 and not text[lo - 1].isspace():  # widen to whole words so the window doesn't start mid-word
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return PassageContext(text[lo:hi], lo, citation.section)


def passage_contexts(view: CorpusView, citations: Iterable[Citation]) -> dict[int, PassageContext]:
    out: dict[int, PassageContext] = {}
    for c in citations:
        ctx = passage_context(view, c)
        if ctx is not None:
            out[c.marker] = ctx
    return out
