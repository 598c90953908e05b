"""One citation as the chat shows it: a numbered fold-out with the cited passage highlighted where it stands.

Three kinds of passage, each shown where a reader would check it:
- the article's own words: the whole section, the quote marked;
- a cited source's own text (`citation.source` is a reference id): the whole page of that source
  ("Varki 2007, p. 7"), the quote marked, in a box that scrolls to the mark when the page is long;
- a bibliography entry (an answer about the reference list): the whole printed entry, with the parts the
  answer states (DOI, title, volume ...) marked.
What surrounds a passage comes from assistant/ui/passages.py as a PassageContext; this module only draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.models import Citation, CitedReference
from assistant.ui.markup import doi_url, esc, highlight, link, safe_url

ARTICLE = "article"
BIBLIOGRAPHY = "bibliography"
RELATED = "related reference"
# Headings of a citation's reference list, by the relation its references carry.
REFS_TITLES = {
    RELATED: "Related references (inferred from the article's text, which prints no inline citations)",
    "bibliography entry": "The entry's fields",
    "cited source": "Cited source",
}


@dataclass(frozen=True)
class PassageContext:
    """The text surrounding a cited passage and where that text starts in its source.

    `label` names where the text is ("Varki 2007, p. 7"), `note` says what the text is (page of how many,
    which file, which extractor), `marks` (offsets into `text`) replace the quote as what is highlighted,
    and `kind` is "section" (article), "page" / "part" / "window" (a cited source) or "entry" (bibliography).
    """

    text: str
    start: int
    title: str = ""
    label: str = ""
    note: str = ""
    marks: tuple[tuple[int, int], ...] = ()
    kind: str = "section"


def _norm(text: str) -> str:
    return " ".join(text.split())


def locate_quote(context: PassageContext, quote_text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quote sits inside the context text: the offsets if they agree, else a search, else None."""
    rel_start, rel_end = start - context.start, end - context.start
    in_range = 0 <= rel_start < rel_end <= len(context.text)
    if in_range and _norm(context.text[rel_start:rel_end]) == _norm(quote_text):
        return rel_start, rel_end
    found = context.text.find(quote_text.strip()) if quote_text.strip() else -1
    if found >= 0:
        return found, found + len(quote_text.strip())
    return (rel_start, rel_end) if in_range else None


def render_passage(citation: Citation, context: PassageContext | None, mark_id: str) -> str:
    """The cited passage highlighted inside its surrounding text (or the quote alone).

    A source page can be long: its box scrolls (scripts.MARKER_JS brings the mark into view when it opens).
    """
    spans = list(context.marks) if context and context.marks else None
    if context is not None and spans is None:
        found = locate_quote(context, citation.quote, citation.start, citation.end)
        spans = [found] if found else None
    if context is None or not spans:
        return f'<blockquote class="pns-passage"><mark id="{mark_id}" class="pns-quote">{esc(citation.quote)}</mark></blockquote>'
    kind = f" pns-passage-{context.kind}" if context.kind != "section" else ""
    label = f' aria-label="{esc(context.label)}"' if context.label else ""
    return f'<blockquote class="pns-passage{kind}" tabindex="0"{label}>{highlight(context.text, spans, mark_id)}</blockquote>'


def render_reference(ref: CitedReference) -> str:
    """One bibliography line: authors (year). Title. Journal. DOI/URL links. Labelled with its relation."""
    authors = ", ".join(ref.authors[:3]) + (" et al." if len(ref.authors) > 3 else "")
    parts = [f"<span class=\"pns-ref-authors\">{esc(authors or 'Anon.')}</span> ({esc(ref.year or 'n.d.')}). "]
    parts.append(f"<cite>{esc(ref.title)}</cite>.")
    if ref.container:
        parts.append(f" <span class=\"pns-ref-container\">{esc(ref.container)}</span>.")
    links = []
    if ref.doi and doi_url(ref.doi):
        links.append("DOI: " + link(doi_url(ref.doi), ref.doi, f"DOI {ref.doi} (opens in a new tab)"))
    if ref.url and safe_url(ref.url) and (not ref.doi or "doi.org" not in ref.url):
        links.append(link(ref.url, urlsplit(ref.url).netloc or "Link", f"Open {ref.title} (new tab)"))
    if links:
        parts.append(" " + " · ".join(links))
    relation = re.sub(r"\s*\((.+)\)$", r", \1", ref.relation)  # "cited source (full text)" -> "cited source, full text"
    parts.append(f' <span class="pns-ref-relation">({esc(relation)})</span>')
    return f'<li class="pns-ref" data-ref-id="{esc(ref.id)}">' + "".join(parts) + "</li>"


def snippet(text: str, limit: int = 90) -> str:
    """`text` on one line without a leading bullet, cut at a word and marked "…" when over `limit` characters."""
    text = " ".join(text.split()).lstrip("-• ")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def short_label(ref: CitedReference | None) -> str:
    """'Varki 2007' from a cited reference (the viewer's label when the source text itself is not at hand)."""
    if ref is None:
        return "Cited source"
    first = ref.authors[0].split(",")[0] if ref.authors else "Anon."
    tail = " et al." if len(ref.authors) > 2 else (f" & {ref.authors[1].split(',')[0]}" if len(ref.authors) == 2 else "")
    return f"{first}{tail} {ref.year or 'n.d.'}"


def _own_reference(citation: Citation) -> CitedReference | None:
    return next((r for r in citation.references if r.id == citation.source), None) or (
        citation.references[0] if citation.references else None)


def _heading_and_origin(citation: Citation, context: PassageContext | None) -> tuple[str, str]:
    """The fold-out's heading and the line that says where the passage is from (both already escaped)."""
    note = f" ({esc(context.note)})" if context is not None and context.note else ""
    if citation.source_id == BIBLIOGRAPHY:
        label = context.label if context is not None and context.label else short_label(_own_reference(citation))
        marked = "; the parts this answer states are highlighted" if context is not None and context.marks else ""
        return (f"Reference list: {esc(label)}",
                f"From the article's reference list, the entry as printed{note}{esc(marked)}:")
    if citation.source != ARTICLE:
        label = context.label if context is not None and context.label else \
            f"{short_label(_own_reference(citation))}, {citation.section}"
        return (f'<span class="pns-cite-where">{esc(label)}</span>',
                f'From the cited source itself, <strong class="pns-cite-label">{esc(label)}</strong>{note}:')
    source = link(citation.article_url, citation.article_title or "Source article")
    return esc(citation.section), f"From {source}, section “{esc(citation.section)}”:"


def _references_block(citation: Citation) -> str:
    if not citation.references:
        return '<p class="pns-refs-title">No related references recorded for this section.</p>'
    groups: dict[str, list[CitedReference]] = {}
    for ref in citation.references:
        key = "cited source" if ref.relation.startswith("cited source") else ref.relation
        groups.setdefault(key, []).append(ref)
    return "".join(
        f'<p class="pns-refs-title">{esc(REFS_TITLES.get(key, key.capitalize()))}</p>'
        f'<ul class="pns-refs">{"".join(render_reference(r) for r in refs)}</ul>'
        for key, refs in groups.items()
    )


def render_citation(citation: Citation, context: PassageContext | None, target: str) -> str:
    """A collapsible citation: where it is from, the passage in its context, the references behind it."""
    heading, origin = _heading_and_origin(citation, context)
    kind = ARTICLE if citation.source == ARTICLE and citation.source_id != BIBLIOGRAPHY else (
        "entry" if citation.source_id == BIBLIOGRAPHY else "source")
    return (
        f'<details class="pns-cite pns-cite-{kind}" id="{target}" data-marker="{citation.marker}" '
        f'data-source="{esc(citation.source)}">'
        f'<summary><span class="pns-cite-n" aria-label="Source {citation.marker}">{citation.marker}</span> {heading}'
        f'<span class="pns-cite-snippet">“{esc(snippet(citation.quote))}”</span></summary>'
        f'<div class="pns-cite-body"><p class="pns-cite-source">{origin}</p>'
        f"{render_passage(citation, context, target + '-quote')}"
        f"{_references_block(citation)}</div></details>"
    )
