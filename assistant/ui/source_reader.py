"""The indexed text of a cited source, page by page: what a clinician reads to check what answers quote.

Answers quote a source's *extracted* text (corpus/readers), not the file's layout, so the reader shows
exactly that text, escaped, one page at a time: a PDF's own pages ("Varki 2007, p. 3 of 12"); a file
without pages (HTML, JATS, plain text) in parts cut at its sections and paragraphs. Each view says where
the text came from (user-supplied file or fetched URL, when, which extractor), so nothing passes for
more than it is. Pure functions over a SourceDocument from the CorpusView; no gradio import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from assistant.ui.markup import esc, link, safe_url
from corpus.models import SourceDocument

PART_CHARS = 4000  # a part of an unpaged text: about one printed page


@dataclass(frozen=True)
class ReaderPage:
    """One page of the reader: its 1-based position, its label ("p. 7", "part 2 of 5 — Methods"), its offsets."""

    number: int
    label: str
    start: int
    end: int


def when(iso: str | None) -> str:
    """'2026-12-01 19:26 UTC' from an ISO time stamp (the stamp itself if it does not parse)."""
    if not iso:
        return "at an unrecorded time"
    try:
        stamp = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(timezone.utc)
    return stamp.strftime("%Y-%m-%d %H:%M") + (" UTC" if stamp.tzinfo is not None else "")


def describe_origin(doc: SourceDocument) -> str:
    """Where a source's text came from, in words: the user's file or the fetched URL, when, and the extractor."""
    if doc.user_supplied:
        origin = f"the user-supplied file “{doc.original_name or doc.path}”, added {when(doc.added_at)}"
    else:
        origin = f"fetched from {doc.origin_url or 'an unrecorded address'}, {when(doc.retrieved_at)}"
    return origin + (f"; text as extracted by {doc.extractor}" if doc.extractor else "")


def _cuts(text: str, starts: list[int]) -> list[int]:
    """Cut points: every section start, then long stretches split near PART_CHARS at a paragraph or a space."""
    points = sorted({0, len(text), *(s for s in starts if 0 < s < len(text))})
    out = [0]
    for lo, hi in zip(points, points[1:]):
        pos = lo
        while hi - pos > PART_CHARS:
            cut = text.rfind("\n\n", pos + PART_CHARS // 2, pos + PART_CHARS)
            if cut <= pos:
                cut = text.rfind(" ", pos + PART_CHARS // 2, pos + PART_CHARS)
            cut = cut if cut > pos else pos + PART_CHARS
            out.append(cut)
            pos = cut
        out.append(hi)
    return out


def reader_pages(doc: SourceDocument) -> list[ReaderPage]:
    """The reader's pages: the file's own pages when it has them, else parts cut at sections and paragraphs."""
    if doc.pages:
        return [ReaderPage(n, f"p. {p.number}", p.start, p.end) for n, p in enumerate(doc.pages, start=1)]
    cuts = _cuts(doc.text, [s.start for s in doc.sections])
    spans = [(lo, hi) for lo, hi in zip(cuts, cuts[1:]) if doc.text[lo:hi].strip()]
    pages = []
    for n, (lo, hi) in enumerate(spans, start=1):
        section = next((s for s in doc.sections if s.start <= lo < s.end), None)
        title = f" — {section.title}" if section is not None else ""
        pages.append(ReaderPage(n, f"part {n} of {len(spans)}{title}", lo, hi))
    return pages


def clamp_page(doc: SourceDocument, number: object) -> int:
    """A page number the reader can show (1 for anything that is not a number; the last page past the end)."""
    try:
        wanted = int(float(number))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        wanted = 1
    return min(max(wanted, 1), max(len(reader_pages(doc)), 1))


def reader_page(doc: SourceDocument, number: object) -> tuple[ReaderPage, int]:
    """The page to show for `number` (clamped) and how many pages there are."""
    pages = reader_pages(doc)
    return pages[clamp_page(doc, number) - 1], len(pages)


def render_reader(doc: SourceDocument, short: str, title: str, number: object) -> str:
    """One page of a source's indexed text, escaped, under a heading that names the source, page and origin."""
    page, total = reader_page(doc, number)
    what = "abstract only" if doc.coverage == "abstract" else "full text"
    count = f"page {page.number} of {total}" if doc.pages else page.label
    label = f"{short}, {page.label}" if doc.pages else f"{short}, part {page.number}"
    origin = f" ({link(doc.origin_url, 'open the original', f'Open {title} (new tab)')})" \
        if not doc.user_supplied and safe_url(doc.origin_url) else ""
    return (
        f'<section class="pns-reader" data-ref-id="{esc(doc.reference_id)}" data-page="{page.number}" '
        f'data-pages="{total}" aria-label="Indexed text of {esc(short)}">'
        f'<p class="pns-reader-head"><strong class="pns-reader-label">{esc(label)}</strong> · {esc(count)} · '
        f"<cite>{esc(title)}</cite></p>"
        f'<p class="pns-reader-note">The text the index holds for this reference ({esc(what)}): '
        f"{esc(describe_origin(doc))}{origin}. Answers quote this text; the file's layout, figures and tables "
        "are not kept.</p>"
        f'<div class="pns-reader-text" tabindex="0">{esc(doc.text[page.start:page.end])}</div></section>'
    )


def render_reader_message(text: str) -> str:
    """What the reader shows instead of a page (nothing chosen yet, no text held)."""
    return f'<section class="pns-reader pns-reader-empty"><p>{esc(text)}</p></section>'
