"""The clinicians' reference table as HTML: one compact row per reference, a DOI column and a copy button.

Why our own table rather than gradio's Dataframe: the Dataframe drew every cell in the monospace font, made
rows ~100 px tall (four per screen) and scrolled sideways on a phone, cutting off the DOI. Here each row is
the citation as a reader scans it (who, year, title, where), the DOI as a link, the text status and a copy
button; details (all authors, URL, linked sections, coverage with provenance, key) fold open below. The
text column says what the corpus holds (full text / abstract only / metadata only, and a failed last
fetch) and, where text is held, offers "Read" (scripts.READ_JS asks the app to open it in the reader).
On a phone that column moves under the citation's Details, so the DOI and copy columns keep their place
without sideways scrolling. Every corpus string passes through markup.esc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.ui.markup import copy_button, doi_url, esc, link, safe_id, safe_url
from assistant.ui.references import ReferenceEntry, format_label
from assistant.ui.source_reader import when
from corpus.models import CoverageRecord

EMPTY_SEARCH = "No reference matches this search. Clear the search box, or try an author's surname, a year or a DOI."


def _where(entry: ReferenceEntry) -> str:
    ref = entry.ref
    if not ref.container:
        return esc(ref.publisher or "")
    vol = f" {esc(ref.volume)}" if ref.volume else ""
    iss = f"({esc(ref.issue)})" if ref.issue else ""
    pages = f":{esc(ref.pages)}" if ref.pages else ""
    return f"<i>{esc(ref.container)}</i>{vol}{iss}{pages}"


def read_button(entry: ReferenceEntry, text: str = "Read text") -> str:
    """Opens the reference's indexed text in the reader below the table (only where text is held)."""
    if not entry.source.has_text:
        return ""
    return (f'<button type="button" class="pns-read" data-read="{esc(entry.ref.id)}" '
            f'aria-label="Read the indexed text of {esc(entry.ref.short)}">{esc(text)}</button>')


def _held(src: CoverageRecord, status: str) -> str:
    """Where the held text came from, what read it, how much of it there is."""
    if src.origin == "user":
        origin = f"the user-supplied file “{esc(src.original_name or src.file)}”, added {esc(when(src.added_at))}"
    else:
        origin = f"fetched from {link(src.origin_url, src.origin_url or 'an unrecorded address')}, {esc(when(src.retrieved_at))}"
    size = ", ".join(p for p in (f"{src.pages} pages" if src.pages else "", f"{src.characters:,} characters"
                                 if src.characters else "") if p)
    extracted = f"Extracted by {esc(src.extractor or 'an unrecorded reader')}" + (f": {esc(size)}" if size else "")
    stored = f"stored as <code>{esc(src.file)}</code>" + (f" ({esc(src.media_type)})" if src.media_type else "")
    digest = f", sha256 <code>{esc(src.sha256[:12])}…</code>" if src.sha256 else ""
    return (f'<p class="pns-coverage">Indexed text: <strong>{esc(status)}</strong>, from {origin}.</p>'
            f"<p>{extracted}; {stored}{digest}</p>")


def _coverage(entry: ReferenceEntry) -> str:
    """The Details' coverage lines: what is held and from where, a file problem, the last fetch."""
    src = entry.source
    if src.has_text:
        lines = _held(src, entry.text_status) + f"<p>{read_button(entry, 'Read indexed text')}</p>"
    else:
        lines = ('<p class="pns-coverage">Indexed text: <strong>none (metadata only)</strong>. Answers name this '
                 "reference only as a related reference inferred from the article's text.</p>")
    if src.problem:
        lines += f'<p class="pns-problem">Source file left out: {esc(src.problem)}</p>'
    fetch = src.last_fetch
    if fetch is not None:
        http = f", HTTP {fetch.http_status}" if fetch.http_status else ""
        where = f" ({link(fetch.address, 'address tried')})" if fetch.address else ""
        lines += (f'<p class="pns-last-fetch">Last fetch, {esc(when(fetch.at))}: <strong>{esc(fetch.outcome)}</strong>'
                  f"{esc(http)}: {esc(fetch.detail)}{where}</p>")
    return lines


def _details(entry: ReferenceEntry) -> str:
    ref = entry.ref
    sections = (
        "<ul>" + "".join(f"<li>{esc(s.title)}</li>" for s in entry.sections) + "</ul>"
        if entry.sections
        else "<p>No article section linked.</p>"
    )
    url = ""
    if ref.url and safe_url(ref.url) and not (ref.doi and "doi.org" in ref.url):
        url = f"<p>URL: {link(ref.url, ref.url, f'Open {ref.title} (new tab)')}</p>"
    return (
        f'<details class="pns-ref-details"><summary>Details</summary>'
        f"<p>Authors: {esc('; '.join(ref.authors) or 'Anonymous')}</p>{url}"
        f"<p>Linked article sections (inferred from the text, not printed in it):</p>{sections}"
        f"{_coverage(entry)}"
        f'<p class="pns-ref-id">Key: <code>{esc(ref.id)}</code> · {esc(entry.text_status)}</p></details>'
    )


BADGE_KINDS = {"full_text": "full", "abstract": "abstract", "metadata_only": "meta"}


def _badge(entry: ReferenceEntry) -> str:
    """The text column: coverage badge, a failed last fetch's outcome, and Read where text is held."""
    kind = BADGE_KINDS.get(entry.coverage, "meta")
    badge = f'<span class="pns-badge pns-badge-{kind}">{esc(entry.text_status)}</span>'
    fetch = entry.source.last_fetch
    if fetch is not None and fetch.failed:
        badge += (f' <span class="pns-badge pns-badge-failed" title="{esc(fetch.detail)}">'
                  f"Fetch: {esc(fetch.outcome.replace('_', ' '))}</span>")
    return badge + (" " + read_button(entry) if entry.source.has_text else "")


def render_row(entry: ReferenceEntry, copy_text: str, copy_fmt: str) -> str:
    """One row: the citation as one flowing line (who and when, title, where) with its details folded, the DOI
    link, the text status and the copy button."""
    ref = entry.ref
    doi = link(doi_url(ref.doi), ref.doi, f"DOI {ref.doi} (opens in a new tab)") if ref.doi else '<span aria-label="no DOI">—</span>'
    where = _where(entry)
    citation = (
        f'<span class="pns-ref-who">{esc(ref.short)}.</span> <span class="pns-ref-title">{esc(ref.title.rstrip("."))}.</span>'
        + (f' <span class="pns-ref-where">{where}.</span>' if where else "")
    )
    label = format_label(copy_fmt)
    copy = copy_button(copy_text, "Copy", f"Copy {ref.short} as {label}")
    return (
        f'<tr id="ref-{safe_id(ref.id)}" data-ref-id="{esc(ref.id)}">'
        f'<td class="pns-cell-ref">{citation} {_details(entry)}</td>'
        f'<td class="pns-cell-doi">{doi}</td><td class="pns-cell-text">{_badge(entry)}</td>'
        f'<td class="pns-cell-copy">{copy}</td></tr>'
    )


def render_reference_table(entries: Sequence[ReferenceEntry], total: int, copy_text: Callable[[ReferenceEntry], str],
                           copy_fmt: str) -> str:
    """The table for `entries` (already searched and sorted) out of `total`; copy buttons copy `copy_text(entry)`."""
    caption = f"References ({len(entries)})" if len(entries) == total else f"References ({len(entries)} of {total})"
    head = (
        '<thead><tr><th scope="col" class="pns-cell-ref">Reference</th><th scope="col" class="pns-cell-doi">DOI</th>'
        '<th scope="col" class="pns-cell-text">Text held</th><th scope="col" class="pns-cell-copy">Copy</th></tr></thead>'
    )
    if entries:
        rows = "".join(render_row(e, copy_text(e), copy_fmt) for e in entries)
    else:
        rows = f'<tr><td colspan="4" class="pns-empty-row">{esc(EMPTY_SEARCH)}</td></tr>'
    return (
        f'<div class="pns-reftable-wrap"><table class="pns-reftable"><caption>{caption}</caption>'
        f"{head}<tbody>{rows}</tbody></table></div>"
    )
