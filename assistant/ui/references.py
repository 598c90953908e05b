"""The clinicians' reference explorer: the bibliography joined with its linked sections and its coverage.

Built from the read-only CorpusView the Assistant hands out (the same corpus answers are grounded in), then
searched, sorted and exported in memory: it is small (21 entries) and cheap to rebuild per request, so a
corpus reloaded after `pns index build` shows at once. Section links are inferred from the article, not
printed in it, so they are labelled as such. Coverage (full text / abstract only / metadata only, with where
the text came from, its digest and the last fetch's outcome) is the view's own CoverageRecord (corpus.models),
shown and served as it is rather than copied into a UI type, so a field the corpus adds reaches the table's
data and the /references API without a second edit. The UI imports only corpus.models and corpus.corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.corpus import CorpusView
from corpus.models import CoverageRecord, Reference

SORTS: dict[str, str] = {
    "Year (newest first)": "year_desc",
    "Year (oldest first)": "year_asc",
    "First author (A–Z)": "author",
    "Title (A–Z)": "title",
    "Journal / source (A–Z)": "container",
}
FULL_TEXT = "Full text"
ABSTRACT_ONLY = "Abstract only"
METADATA_ONLY = "Metadata only"
COVERAGE_LABELS = {"full_text": FULL_TEXT, "abstract": ABSTRACT_ONLY, "metadata_only": METADATA_ONLY}
# The record's fields that name the reference: the API entry carries the Reference itself, so `source` leaves them out.
SOURCE_NAMING_FIELDS = frozenset({"reference_id", "short", "title", "type"})
# What the export and copy controls call each format the corpus can write; unknown ones show their key.
FORMAT_LABELS: dict[str, str] = {
    "vancouver": "NLM / Vancouver",
    "ama": "AMA",
    "apa": "APA",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}
FILE_EXTENSIONS: dict[str, str] = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}
# Preferred format for "copy": a citation style clinicians paste into notes when one is installed.
COPY_PREFERENCE = ("vancouver", "ama", "apa", "bibtex", "ris", "csl-json")


@dataclass(frozen=True)
class LinkedSection:
    id: str
    title: str
    score: float


@dataclass(frozen=True)
class ReferenceEntry:
    """One bibliography entry as the explorer shows it."""

    ref: Reference
    sections: list[LinkedSection]
    full_text: bool
    source: CoverageRecord  # the corpus stage's own record, shown and served as it is

    @property
    def haystack(self) -> str:
        """Everything a search may match, case-folded: the entry's fields, linked sections, text status, failure."""
        r = self.ref
        parts = [r.id, " ".join(r.authors), str(r.year or "n.d."), r.title, r.container or "", r.doi or "", r.url or ""]
        parts += [s.title for s in self.sections]
        parts.append(self.text_status)
        if self.source.last_fetch is not None and self.source.last_fetch.failed:
            parts.append(f"fetch failed {self.source.last_fetch.outcome}")
        return " ".join(parts).casefold()

    @property
    def coverage(self) -> str:
        """full_text / abstract / metadata_only (a view without coverage records falls back on full_text_ids)."""
        if self.full_text and self.source.coverage == "metadata_only":
            return "full_text"
        return self.source.coverage

    @property
    def text_status(self) -> str:
        """The coverage in the words the table shows ("Full text", ...)."""
        return COVERAGE_LABELS.get(self.coverage, METADATA_ONLY)

    def as_dict(self) -> dict[str, object]:
        """JSON for the /references API endpoint."""
        data = self.ref.model_dump(mode="json")
        data["full_text"] = self.full_text
        data["coverage"] = self.coverage
        data["source"] = self.source.model_dump(mode="json", exclude=SOURCE_NAMING_FIELDS)
        data["sections"] = [{"id": s.id, "title": s.title, "score": round(s.score, 4), "inferred": True} for s in self.sections]
        return data


def entries_from(view: CorpusView) -> list[ReferenceEntry]:
    """Join the view's references with their linked sections (best link first) and their coverage."""
    titles = {s.id: " > ".join(s.path) for s in view.article.sections}
    by_ref: dict[str, list[LinkedSection]] = {}
    for ln in view.links:
        by_ref.setdefault(ln.reference_id, []).append(LinkedSection(ln.section_id, titles.get(ln.section_id, ln.section_id), ln.score))
    have_text = view.full_text_ids
    coverage = {c.reference_id: c for c in view.coverage}
    return [ReferenceEntry(r, sorted(by_ref.get(r.id, []), key=lambda s: -s.score), r.id in have_text,
                           coverage.get(r.id) or CoverageRecord.metadata_only(r)) for r in view.references]


def readable(entries: Sequence[ReferenceEntry]) -> list[ReferenceEntry]:
    """The entries whose indexed text can be opened (full text or abstract held), in author order."""
    return sort_entries([e for e in entries if e.source.has_text], "author")


def search(entries: Sequence[ReferenceEntry], query: str | None) -> list[ReferenceEntry]:
    """Entries containing every word of `query` in any field (authors, title, journal, DOI, sections...)."""
    words = (query or "").casefold().split()
    return [e for e in entries if all(w in e.haystack for w in words)]


def sort_entries(entries: Sequence[ReferenceEntry], how: str | None) -> list[ReferenceEntry]:
    """Sort by a label of SORTS or its key; unknown means printed order."""
    key = SORTS.get(how or "", how or "")

    def first_author(e: ReferenceEntry) -> str:
        return (e.ref.authors[0] if e.ref.authors else "").casefold()

    if key == "year_desc":
        return sorted(entries, key=lambda e: (-(e.ref.year or 0), first_author(e)))
    if key == "year_asc":
        return sorted(entries, key=lambda e: (e.ref.year or 9999, first_author(e)))
    if key == "author":
        return sorted(entries, key=first_author)
    if key == "title":
        return sorted(entries, key=lambda e: e.ref.title.casefold())
    if key == "container":
        return sorted(entries, key=lambda e: ((e.ref.container or "~").casefold(), first_author(e)))
    return list(entries)


def select(entries: Sequence[ReferenceEntry], ids: Iterable[str] | None) -> list[ReferenceEntry]:
    """The entries whose id is in `ids`, in the given entries' order; all of them when `ids` is empty."""
    wanted = {i for i in (ids or []) if i}
    return [e for e in entries if e.ref.id in wanted] if wanted else list(entries)


def choice_label(entry: ReferenceEntry) -> str:
    """'Varki 2007 — Trousseau's syndrome: ...': a picker's label, the title cut to 60 characters at most."""
    title = entry.ref.title if len(entry.ref.title) <= 60 else entry.ref.title[:57] + "…"
    return f"{entry.ref.short} — {title}"


def format_label(fmt: str) -> str:
    """A format's name as the pickers show it (the format itself when it has no label)."""
    return FORMAT_LABELS.get(fmt, fmt)


def copy_format(formats: Sequence[str]) -> str:
    """The format a per-reference "copy" uses: the first of COPY_PREFERENCE the corpus can write."""
    return next((f for f in COPY_PREFERENCE if f in formats), formats[0] if formats else "bibtex")


def file_formats(formats: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Export choices for the download: label -> (format, file extension); styles download as plain text."""
    return {f"{format_label(f)} (.{FILE_EXTENSIONS.get(f, 'txt')})": (f, FILE_EXTENSIONS.get(f, "txt")) for f in formats}
