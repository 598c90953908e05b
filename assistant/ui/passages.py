"""Find the text around a cited passage, so the chat can show the quote highlighted where it stands.

A citation carries offsets into its source: the cleaned article text, a cited source's extracted text,
or the printed reference list. What a reader checks a quote against differs by source, so:
- the article: the whole section the passage sits in;
- a cited source (`citation.source` is a reference id): the whole page of that source the passage is
  printed on ("Varki 2007, p. 7"), or its section / a window of text when the file has no pages;
- a bibliography entry: the whole entry as printed, with the fields the answer states marked.
Everything is read from the CorpusView the Assistant answered from, so offsets and text agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.models import Citation, CitedReference
from assistant.ui.citation_view import ARTICLE, BIBLIOGRAPHY, PassageContext
from assistant.ui.markup import merge_spans
from assistant.ui.source_reader import describe_origin
from corpus.corpus import CorpusView
from corpus.models import SourceDocument

WINDOW = 700
_MARKER_GROUP = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")


def article_context(view: CorpusView, citation: Citation) -> PassageContext | None:
    """The article section a citation quotes (by id, else by offset), as the context its passage is shown in."""
    section = view.section(citation.section_id) or next(
        (s for s in view.article.sections if s.start <= citation.start < s.end), None
    )
    return PassageContext(section.text, section.start, " > ".join(section.path)) if section else None


def _window(text: str, start: int, end: int) -> tuple[int, int] | None:
    """WINDOW characters either side of [start, end), widened to whole words."""
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    if lo >= hi:
        return None
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def _page_context(doc: SourceDocument, short: str, citation: Citation) -> PassageContext | None:
    """The whole page of a paged source (PDF) holding the passage."""
    number = citation.page if citation.page is not None else doc.page_at(citation.start)
    page = next((p for p in doc.pages if p.number == number), None)
    if page is None:
        return None
    printed = f" (printed p. {page.label})" if page.label else ""
    note = f"page {page.number}{printed} of {len(doc.pages)} of {describe_origin(doc)}"
    return PassageContext(doc.text[page.start:page.end], page.start, citation.section, label=f"{short}, p. {page.printed}",
                          note=note, kind="page")


def source_context(view: CorpusView, citation: Citation) -> PassageContext | None:
    """A cited source's own text around the passage: its page, else its section, else a window of text."""
    doc = view.source(citation.source_id)
    if doc is None or not doc.text:
        return None
    ref = view.reference(citation.source_id)
    short = ref.short if ref is not None else citation.source_id
    if doc.pages:
        page = _page_context(doc, short, citation)
        if page is not None:
            return page
    what = "the abstract" if doc.coverage == "abstract" else "the full text"
    section = next((s for s in doc.sections if s.start <= citation.start < s.end), None)
    if section is not None and section.end - section.start <= 20 * WINDOW:
        return PassageContext(doc.text[section.start:section.end], section.start, section.title,
                              label=f"{short}, {section.title}", note=f"a section of {what}, {describe_origin(doc)}",
                              kind="part")
    span = _window(doc.text, citation.start, citation.end)
    if span is None:
        return None
    return PassageContext(doc.text[span[0]:span[1]], span[0], citation.section, label=f"{short}, {citation.section}",
                          note=f"an excerpt of {what}, {describe_origin(doc)}", kind="window")


def stated_lines(body: str, marker: int) -> str:
    """The lines of an answer body that carry marker [n] (what the answer says about citation n)."""
    out = []
    for line in body.splitlines():
        groups = _MARKER_GROUP.findall(line)
        if any(str(marker) in re.split(r"\s*[,;]\s*", g) for g in groups):
            out.append(line)
    return "\n".join(out)


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(haystack)]


def entry_marks(raw: str, ref: CitedReference, stated: str) -> tuple[tuple[int, int], ...]:
    """Spans of the printed entry holding a field value that the answer's own words state."""
    values = [ref.doi, ref.url, ref.title.rstrip("."), ref.container, ref.volume, ref.issue, ref.pages, ref.publisher,
              str(ref.year) if ref.year else None, *ref.authors]
    spans: list[tuple[int, int]] = []
    for value in dict.fromkeys(v.strip() for v in values if v and len(v.strip()) >= 2):
        if _occurrences(stated, value):
            spans.extend(_occurrences(raw, value))
    return tuple(merge_spans(spans, len(raw)))


def entry_context(view: CorpusView, citation: Citation, body: str) -> PassageContext | None:
    """The whole printed bibliography entry; the fields the answer states marked (none found: the whole entry,
    which is the citation's quote)."""
    ref_id = citation.chunk_id.split(":", 1)[1] if ":" in citation.chunk_id else ""
    ordered = sorted(view.references, key=lambda r: r.line)
    ref = view.reference(ref_id) or next((view.reference(r.id) for r in citation.references), None)
    if ref is None:
        return None
    cited = next((r for r in citation.references if r.id == ref.id), None)
    marks = entry_marks(ref.raw, cited, stated_lines(body, citation.marker)) if cited is not None and body else ()
    position = next((n for n, r in enumerate(ordered, start=1) if r.id == ref.id), 0)
    return PassageContext(ref.raw, citation.start, "References", label=ref.short,
                          note=f"entry {position} of {len(ordered)}", marks=marks, kind="entry")


def passage_context(view: CorpusView, citation: Citation, body: str = "") -> PassageContext | None:
    """What surrounds `citation` in its source (see the module docstring); None if unknown."""
    if citation.source_id == BIBLIOGRAPHY:
        return entry_context(view, citation, body)
    if citation.source_id == ARTICLE:
        return article_context(view, citation)
    return source_context(view, citation)


def passage_contexts(view: CorpusView, citations: Iterable[Citation], body: str = "") -> dict[int, PassageContext]:
    """Marker -> context for every citation whose source is known; `body` (the answer's text) picks what to
    mark in a bibliography entry."""
    out: dict[int, PassageContext] = {}
    for c in citations:
        ctx = passage_context(view, c, body)
        if ctx is not None:
            out[c.marker] = ctx
    return out
