"""Export references for reference managers: BibTeX (bibtexparser 2), RIS (rispy) and CSL-JSON, and as
pasteable text in NLM/Vancouver, AMA or APA style (citeproc-py, in corpus/citation_styles.py).

Clinicians want to drop the article's sources into Zotero/EndNote/LaTeX. We write through the
maintained libraries' own models and writers, so quoting and layout follow what their parsers
read back (the tests round-trip every field), and map only fields the printed entry holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from corpus.errors import CorpusError
from corpus.models import Reference
from foundation.errors import quoted

ExportFormat = Literal["bibtex", "ris", "csl-json", "vancouver", "ama", "apa"]
FORMATS: tuple[ExportFormat, ...] = ("bibtex", "ris", "csl-json", "vancouver", "ama", "apa")

BIBTEX_TYPES = {"journal_article": "article", "book_chapter": "incollection", "web_page": "misc"}
RIS_TYPES = {"journal_article": "JOUR", "book_chapter": "CHAP", "web_page": "ELEC"}
CSL_TYPES = {"journal_article": "article-journal", "book_chapter": "chapter", "web_page": "webpage"}
# LaTeX specials that would otherwise break a .bib file or change meaning when typeset.
_LATEX_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}"}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX_SPECIALS))


def is_organisation(author: str) -> bool:
    """Persons are printed 'Surname, I.'; anything without that comma is a corporate author."""
    return ", " not in author


def split_pages(pages: str | None) -> tuple[str | None, str | None]:
    """'1779–1808' -> ('1779', '1808'); 'e12' -> ('e12', None)."""
    if not pages:
        return None, None
    parts = re.split(r"\s*[–—-]+\s*", pages, maxsplit=1)
    first = parts[0]
    last = parts[1] if len(parts) > 1 else None
    return first, last


def latex_escape(text: str) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group()], text)


def _bibtex_fields(ref: Reference) -> dict[str, str]:
    authors = " and ".join(
        "{" + latex_escape(a) + "}" if is_organisation(a) else latex_escape(a) for a in ref.authors
    )
    first, last = split_pages(ref.pages)
    fields: dict[str, str | None] = {
        "author": authors,
        # double braces keep the printed capitalisation ('IVIG', 'Lambert Eaton') under any style
        "title": "{" + latex_escape(ref.title) + "}",
        "year": str(ref.year) if ref.year else None,
        "date": ref.date,
        "volume": ref.volume,
        "number": ref.issue,
        "pages": f"{first}--{last}" if last else first,
        "publisher": latex_escape(ref.publisher) if ref.publisher else None,
        "doi": ref.doi,
        "url": ref.url,
    }
    container = latex_escape(ref.container) if ref.container else None
    if ref.type == "journal_article":
        fields["journal"] = container
    elif ref.type == "book_chapter":
        fields["booktitle"] = container
    else:
        fields["howpublished"] = container
        if ref.year is None:
            fields["note"] = "n.d."
    return {k: v for k, v in fields.items() if v}


def to_bibtex(refs: list[Reference]) -> str:
    """One @article/@incollection/@misc per reference, keyed by the reference id."""
    import bibtexparser
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    for ref in refs:
        entry = Entry(BIBTEX_TYPES[ref.type], ref.id, [Field(k, v) for k, v in _bibtex_fields(ref).items()])
        library.add(entry)
    if library.failed_blocks:
        raise CorpusError(f"BibTeX export failed for {len(library.failed_blocks)} entries")
    return bibtexparser.write_string(library)


def ris_record(ref: Reference) -> dict[str, Any]:
    first, last = split_pages(ref.pages)
    record: dict[str, Any] = {
        "type_of_reference": RIS_TYPES[ref.type],
        "id": ref.id,
        "authors": list(ref.authors),
        "title": ref.title,
        "year": str(ref.year) if ref.year else None,
        "date": ref.date.replace("-", "/") if ref.date else None,
        "volume": ref.volume,
        "number": ref.issue,
        "start_page": first,
        "end_page": last,
        "publisher": ref.publisher,
        "doi": ref.doi,
        "urls": [ref.url] if ref.url else None,
    }
    if ref.container:
        record["journal_name" if ref.type == "journal_article" else "secondary_title"] = ref.container
    return {k: v for k, v in record.items() if v}


def to_ris(refs: list[Reference]) -> str:
    """Plain RIS: each record starts at its TY line (rispy's default '1.' counters confuse some importers)."""
    import rispy
    from rispy.writer import RisWriter

    class PlainRisWriter(RisWriter):
        def set_header(self, count: int) -> str:
            return ""

    return rispy.dumps([ris_record(r) for r in refs], implementation=PlainRisWriter)


def csl_item(ref: Reference) -> dict[str, Any]:
    """A CSL-JSON item (citationstyles.org schema): names split family/given, dates as date-parts."""
    names = []
    for a in ref.authors:
        if is_organisation(a):
            names.append({"literal": a})
        else:
            family, _, given = a.partition(", ")
            names.append({"family": family, "given": given})
    item: dict[str, Any] = {"id": ref.id, "type": CSL_TYPES[ref.type], "title": ref.title, "author": names}
    if ref.date:
        item["issued"] = {"date-parts": [[int(p) for p in ref.date.split("-")]]}
    elif ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    optional = {
        "container-title": ref.container,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.pages.replace("–", "-") if ref.pages else None,
        "publisher": ref.publisher,
        "DOI": ref.doi,
        "URL": ref.url,
    }
    item.update({k: v for k, v in optional.items() if v})
    return item


def to_csl_json(refs: list[Reference]) -> str:
    return json.dumps([csl_item(r) for r in refs], indent=2, ensure_ascii=False) + "\n"


def _styled(style: str) -> Callable[[list[Reference]], str]:
    from corpus.citation_styles import format_bibliography

    return lambda refs: format_bibliography(refs, style)


EXPORTERS: dict[str, Callable[[list[Reference]], str]] = {
    "bibtex": to_bibtex, "ris": to_ris, "csl-json": to_csl_json,
    "vancouver": _styled("vancouver"), "ama": _styled("ama"), "apa": _styled("apa"),
}


def choose_references(refs: Sequence[Reference], ids: Iterable[str] | None, listed_by: str) -> list[Reference]:
    """The references whose id is in `ids`, in the bibliography's order; all of them when `ids` is empty.

    An id the bibliography does not hold is a CorpusError naming it: an export asked for by id must not
    silently leave one out (or come back empty). One owner for the MCP tool and the web API; `listed_by` names
    where that edge lists the ids.
    """
    wanted = {i.strip() for i in ids or [] if isinstance(i, str) and i.strip()}
    unknown = sorted(wanted - {r.id for r in refs})
    if unknown:
        names = [i if len(i) <= 40 else quoted(i, 40) for i in unknown[:5]]
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise CorpusError(f"unknown reference id(s): {', '.join(names)}{more}; {listed_by} lists the ids")
    return [r for r in refs if r.id in wanted] if wanted else list(refs)


def export_references(refs: list[Reference], fmt: str) -> str:
    """Render `refs` in `fmt` (one of FORMATS); unknown formats are a CorpusError listing the choices."""
    try:
        exporter = EXPORTERS[(fmt or "").strip().lower()]
    except KeyError:
        raise CorpusError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return exporter(refs)
