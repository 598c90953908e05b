"""The few HTML primitives every view of the web app builds on: escaping, safe ids and links, copy buttons.

Everything a user or the corpus wrote passes through `esc` before it reaches markup; links are emitted
only for absolute http(s) URLs and DOIs. Kept apart from the views (render, citation_view,
reference_table, source_reader) so each of them can use these without importing another view.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from assistant.ui.icons import icon

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: object) -> str:
    """HTML-escape any value, quotes included (safe inside attributes too)."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_id(text: str) -> str:
    """An id/class fragment with nothing but [A-Za-z0-9_-]."""
    return _SAFE_ID.sub("-", text)[:64] or "x"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (no javascript:, data:, relative links)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\"'<> \n\r\t"):
        return None
    return url


def doi_url(doi: str | None) -> str | None:
    """https://doi.org/<doi> with the DOI percent-encoded where needed."""
    if not doi:
        return None
    return "https://doi.org/" + quote(doi.strip(), safe="/()._;:-")


def link(url: str | None, text: str, label: str | None = None) -> str:
    """An external link opening in a new tab, or the escaped text alone when the URL is unsafe."""
    href = safe_url(url)
    if href is None:
        return esc(text)
    aria = f' aria-label="{esc(label)}"' if label else ""
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer nofollow"{aria}>{esc(text)}</a>'


def copy_button(text: str, label: str, aria_label: str | None = None) -> str:
    """A button that copies `text` (kept, escaped, in a data attribute) to the clipboard; see scripts.COPY_JS."""
    aria = esc(aria_label or label)
    return (
        f'<button type="button" class="pns-copy" data-copy="{esc(text)}" aria-label="{aria}" title="{aria}">'
        f'{icon("copy")}<span class="pns-copy-label">{esc(label)}</span></button>'
    )


def merge_spans(spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], length: int) -> list[tuple[int, int]]:
    """(start, end) spans clipped to [0, length], empty ones dropped, overlapping or touching ones merged, sorted."""
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s), min(length, e)) for s, e in spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def highlight(text: str, spans: list[tuple[int, int]], mark_id: str) -> str:
    """`text` escaped, with each (start, end) span in a <mark>; the first mark gets `mark_id` (the scroll target).

    Spans may overlap or touch: they are merged first, so the markup stays well formed.
    """
    out, pos = [], 0
    for n, (s, e) in enumerate(merge_spans(spans, len(text))):
        ident = f' id="{mark_id}"' if n == 0 else ""
        out.append(f'{esc(text[pos:s])}<mark{ident} class="pns-quote">{esc(text[s:e])}</mark>')
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)
