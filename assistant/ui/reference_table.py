"""The clinicians' reference table as HTML: one compact row per reference, a DOI column and a copy button.

Why our own table rather than gradio's Dataframe: the Dataframe drew every cell in the monospace font, made
rows ~100 px tall (four per screen) and scrolled sideways on a phone, cutting off the DOI. Here each row is
the citation as a reader scans it (who, year, title, where), the DOI as a link, the text status and a copy
button; details (all authors, URL, linked sections, key) fold open below. On a phone the status column
moves under the citation's Details, so the DOI and copy columns keep their place without sideways scrolling.
Every corpus string passes through render.esc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.ui.references import ReferenceEntry, format_label
from assistant.ui.render import copy_button, doi_url, esc, link, safe_id, safe_url

EMPTY_SEARCH = "No reference matches this search. Clear the search box, or try an author's surname, a year or a DOI."


def _where(entry: ReferenceEntry) -> str:
    ref = entry.ref
    if not ref.container:
        return esc(ref.publisher or "")
    vol = f" {esc(ref.volume)}" if ref.volume else ""
    iss = f"({esc(ref.issue)})" if ref.issue else ""
    pages = f":{esc(ref.pages)}" if ref.pages else ""
    return f"<i>{esc(ref.container)}</i>{vol}{iss}{pages}"


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
        f'<p class="pns-ref-id">Key: <code>{esc(ref.id)}</code> · {esc(entry.text_status)}</p></details>'
    )


def _badge(entry: ReferenceEntry) -> str:
    kind = "full" if entry.full_text else "meta"
    return f'<span class="pns-badge pns-badge-{kind}">{esc(entry.text_status)}</span>'


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
        '<th scope="col" class="pns-cell-text">Text</th><th scope="col" class="pns-cell-copy">Copy</th></tr></thead>'
    )
    if entries:
        rows = "".join(render_row(e, copy_text(e), copy_fmt) for e in entries)
    else:
        rows = f'<tr><td colspan="4" class="pns-empty-row">{esc(EMPTY_SEARCH)}</td></tr>'
    return (
        f'<div class="pns-reftable-wrap"><table class="pns-reftable"><caption>{caption}</caption>'
        f"{head}<tbody>{rows}</tbody></table></div>"
    )
