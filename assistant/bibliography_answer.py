"""Answer a bibliography question from the parsed entries, citing the entries themselves.

Why no retrieval: every fact asked (a volume, a DOI, which entries are StatPearls chapters) is a field
of a parsed entry (corpus.models.Reference), so the answer states those fields and cites each entry
with a marker [n]. The citation's quote is the entry as the article prints it and its `references`
hold the entry with every field (authors, year, title, container, volume, issue, pages, publisher,
type, DOI, URL), labelled 'bibliography entry', so a client can show or export it. A field the entry
does not have is said to be missing, never guessed ("The bibliography gives no DOI for ...").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.bibliography_query import BibliographyQuery
from assistant.citations import author_list, published_in
from assistant.models import Citation

if TYPE_CHECKING:
    from assistant.citations import CitationResolver
    from corpus.models import Reference

TYPE_LABELS = {"journal_article": "journal articles", "book_chapter": "book chapters", "web_page": "web pages"}
TYPE_LABEL = {"journal_article": "a journal article", "book_chapter": "a book chapter", "web_page": "a web page"}
FIELD_NAMES = {
    "doi": "DOI", "url": "URL", "volume": "volume", "issue": "issue", "pages": "pages", "publisher": "publisher",
    "container": "journal or site", "year": "year", "authors": "authors", "title": "title", "type": "type",
}
MAX_LISTED = 25
NO_INLINE = ("The article prints no inline citations, so these links are inferred from the entries' titles "
             "and the sections that discuss the subject.")


@dataclass(frozen=True)
class BibliographyAnswer:
    """The body (with [n] markers), one citation per entry, and the entries' printed texts as contexts."""

    body: str
    citations: list[Citation]
    contexts: list[str]
    context_ids: list[str]


def short_name(ref: "Reference") -> str:
    """'Graber (2023)', 'Aly & Emmady (2021)', 'Vogrig et al. (2019)', 'American Cancer Society (n.d.-a)'."""
    label = ref.short  # 'Graber 2023', 'Aly & Emmady 2021', 'American Cancer Society n.d.-a'
    name, _, when = label.rpartition(" ")
    return f"{name} ({when})" if name else label


def field_value(ref: "Reference", name: str) -> str | None:
    """One field of an entry as a reader would write it, or None when the entry does not have it."""
    if name == "doi":
        return f"{ref.doi} (https://doi.org/{ref.doi})" if ref.doi else None
    if name == "url":
        return ref.url or (f"https://doi.org/{ref.doi}" if ref.doi else None)
    if name == "authors":
        return "; ".join(ref.authors) or None
    if name == "year":
        return ref.date or (str(ref.year) if ref.year else None)
    if name == "type":
        detail = " (StatPearls, on the NCBI Bookshelf)" if (ref.container or "").lower() == "statpearls" else ""
        return TYPE_LABEL.get(ref.type, ref.type) + detail
    if name == "container":
        return ref.container
    value = getattr(ref, name, None)
    return str(value) if value else None


def describe(ref: "Reference") -> str:
    """The whole entry in one line: authors (year). Title. Container, volume(issue), pages. Publisher. Link. (type)"""
    authors = author_list(ref)
    when = ref.short.rpartition(" ")[2] if ref.year is None else str(ref.year)
    where = published_in(ref)
    parts = [f"{authors} ({when}).", f"{ref.title.rstrip('.')}."]
    if where:
        parts.append(f"{where}.")
    if ref.publisher and (ref.container or "").lower() not in ref.publisher.lower() or (ref.publisher and not ref.container):
        parts.append(f"{ref.publisher}.")
    link = field_value(ref, "url")
    if link:
        parts.append(link)
    return " ".join(parts) + f" ({TYPE_LABEL.get(ref.type, ref.type)})"


def _phrase(name: str, value: str) -> str:
    if name == "journal or site":
        return f"published in {value}"
    if name == "type":
        return f"it is {value}"
    if name == "year":
        return f"year {value[:4]}" + (f" (dated {value})" if len(value) > 4 else "")
    return f"{name} {value}"


def _fields_sentence(ref: "Reference", fields: Sequence[str], marker: int, count: bool = False) -> str:
    in_head = ref.container and "container" not in fields
    head = f"{short_name(ref)}, \u201c{ref.title.rstrip('.')}\u201d" + (f", {ref.container}" if in_head else "")
    if not fields:
        return f"{describe(ref)} [{marker}]"
    given = [(FIELD_NAMES[f], (field_value(ref, f) or "").rstrip(".") or None) for f in fields]
    found = [_phrase(name, value) for name, value in given if value]
    if count and "authors" in fields and ref.authors:
        found = [f"{len(ref.authors)} authors ({value})" if name == "authors" else _phrase(name, value)
                 for name, value in given if value]
    missing = [name for name, value in given if not value]
    parts = [f"{head}: {', '.join(found)}." if found else f"{head}."]
    if missing:
        link = field_value(ref, "url")
        where = (f"; it appeared in {ref.container}" if "publisher" in missing and ref.container
                 and "journal or site" not in [n for n, _ in given] else "")
        parts.append(f"The bibliography gives no {' or '.join(missing)} for this entry{where}"
                     + (f"; its link is {link}." if "URL" not in missing and link else "."))
    return " ".join(parts) + f" [{marker}]"


def _selection_intro(query: BibliographyQuery, refs: Sequence["Reference"], total: int) -> str:
    if query.filters == ("all",):
        return f"The article lists {total} references:"
    if query.filters in (("oldest",), ("newest",)):
        plural = "entries" if len(refs) > 1 else "entry"
        return f"The {query.filters[0]} dated {plural} of the article's {total} references:"
    what, qualifiers = "references", []
    for f in query.filters:
        if f in TYPE_LABELS:
            what = TYPE_LABELS[f]
        elif f == "doi":
            qualifiers.append("with a DOI")
        elif f == "url":
            qualifiers.append("with a link (URL or DOI)")
        elif f.startswith(("from ", "before ")):
            qualifiers.append(f"published {f}")
        elif f.startswith("year "):
            qualifiers.append(f"published in {f[5:]}")
        else:
            names = sorted({n for r in refs for n in (r.container, r.publisher, *(r.authors[:1])) if n and f in n.lower()})
            qualifiers.append(f"from {names[0]}" if names else f"matching \u201c{f}\u201d")
    qualifiers = list(dict.fromkeys(qualifiers))
    desc = " ".join(qualifiers) if what == "references" else " ".join([what, *qualifiers])
    if not refs:
        return f"None of the article's {total} references {'were' if what == 'references' else 'are'} {desc}."
    verb = "is" if len(refs) == 1 else "are"
    if desc.startswith("with "):  # '5 of the article's 21 references have a DOI'
        verb, desc = ("has" if len(refs) == 1 else "have"), desc[5:]
    return f"{len(refs)} of the article's {total} references {verb} {desc}:"


def absent_body(query: BibliographyQuery, references: Mapping[str, "Reference"]) -> str:
    """What is said of a writer or source the bibliography lacks: that it holds none, and whom and where it does
    cite, so a misremembered name can be found."""
    name = " ".join(w.capitalize() for w in (query.subject or "").split())
    source = query.filters == ("source",)
    held = sorted({(r.container if source else r.short.rsplit(" ", 1)[0]) or "" for r in references.values()} - {""})
    where = "appeared in" if source else "are by"
    return (f"The article's bibliography has no entry {'from' if source else 'by'} {name}. Its {len(references)} "
            f"references {where}: {', '.join(held)}.")


def answer_bibliography(query: BibliographyQuery, references: Mapping[str, "Reference"],
                        resolver: "CitationResolver") -> BibliographyAnswer:
    """The answer to `query` with one citation per entry named (see the module docstring)."""
    if query.kind == "absent":
        return BibliographyAnswer(absent_body(query, references), [], [], [])
    refs = [references[i] for i in query.reference_ids if i in references][:MAX_LISTED]
    total = len(references)
    citations = [resolver.cite_entry(n, r.id) for n, r in enumerate(refs, start=1)]
    if query.kind == "fields":
        lines = [_fields_sentence(r, query.fields, n, query.count) for n, r in enumerate(refs, start=1)]
        body = "\n".join(lines) if len(lines) > 1 else lines[0]
        if len(refs) > 1:
            body = "The question fits more than one entry of the bibliography:\n" + "\n".join(f"- {l}" for l in lines)
    elif query.kind == "cites_for":
        listed = "\n".join(f"- {_fields_sentence(r, query.fields, n)}" for n, r in enumerate(refs, start=1))
        body = f"For {query.subject}, the article's bibliography has these related entries:\n{listed}\n{NO_INLINE}"
    else:
        intro = _selection_intro(query, refs, total)
        if query.count and refs and query.filters == ("all",):
            intro = f"The article lists {total} references:"
        listed = "\n".join(f"- {_fields_sentence(r, query.fields, n)}" for n, r in enumerate(refs, start=1))
        body = f"{intro}\n{listed}" if refs else intro
    resolver.check(body, citations, ())
    return BibliographyAnswer(body, citations, [c.quote for c in citations], [c.chunk_id for c in citations])
