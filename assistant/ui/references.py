"""The clinicians' reference explorer: the bibliography joined with its linked sections and full-text status.

Loaded once per app (it is small: 22 entries) and then searched, sorted and exported in memory.
Section links are inferred from the article, not printed in it, so they are labelled as such.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corpus.models import Article, Reference, ReferenceLink
from foundation.settings import Settings
from corpus.paths import article_path

SORTS: dict[str, str] = {
    "Year (newest first)": "year_desc",
    "Year (oldest first)": "year_asc",
    "First author (A–Z)": "author",
    "Title (A–Z)": "title",
    "Journal / source (A–Z)": "container",
}
COLUMNS = ["ID", "Authors", "Year", "Title", "Journal / source", "DOI", "URL", "Text", "Linked article sections"]
FULL_TEXT = "Full text"
METADATA_ONLY = "Metadata only"


@dataclass(frozen=True)
class LinkedSection:
    id: str
    title: str
    score: float


@dataclass(frozen=True)
class ReferenceEntry:
    """One bibliography entry as the explorer shows it."""

    ref: Reference
    sections: list[LinkedSection] = field(default_factory=list)
    full_text: bool = False

    @property
    def haystack(self) -> str:
        r = self.ref
        parts = [r.id, " ".join(r.authors), str(r.year or "n.d."), r.title, r.container or "", r.doi or "", r.url or ""]
        parts += [s.title for s in self.sections]
        parts.append(FULL_TEXT if self.full_text else METADATA_ONLY)
        return " ".join(parts).casefold()

    def row(self) -> list[str | int | None]:
        r = self.ref
        return [
            r.id,
            "; ".join(r.authors),
            r.year if r.year is not None else "n.d.",
            r.title,
            r.container or "",
            r.doi or "",
            r.url or "",
            FULL_TEXT if self.full_text else METADATA_ONLY,
            "; ".join(s.title for s in self.sections),
        ]

    def as_dict(self) -> dict[str, object]:
        """JSON for the /references API endpoint."""
        data = self.ref.model_dump(mode="json")
        data["full_text"] = self.full_text
        data["sections"] = [{"id": s.id, "title": s.title, "score": round(s.score, 4), "inferred": True} for s in self.sections]
        return data


def build_entries(
    refs: Sequence[Reference], links: Iterable[ReferenceLink], article: Article | None, full_text_ids: Iterable[str]
) -> list[ReferenceEntry]:
    """Join references with their linked sections (best link first) and full-text availability."""
    titles = {s.id: " > ".join(s.path) for s in article.sections} if article else {}
    by_ref: dict[str, list[LinkedSection]] = {}
    for ln in links:
        by_ref.setdefault(ln.reference_id, []).append(LinkedSection(ln.section_id, titles.get(ln.section_id, ln.section_id), ln.score))
    have_text = set(full_text_ids)
    return [
        ReferenceEntry(r, sorted(by_ref.get(r.id, []), key=lambda s: -s.score), r.id in have_text) for r in refs
    ]


def load_entries(settings: Settings) -> list[ReferenceEntry]:
    """Read the bibliography, inferred links, article outline and source manifest for the explorer."""
    from corpus.article import load_article
    from corpus.bibliography import load_references
    from corpus.links import load_links
    from corpus.sources import load_sources

    refs = load_references(settings)
    article = load_article(article_path(settings))
    links = load_links(settings)
    # lenient: one corrupt source file shows as metadata-only instead of breaking the whole table
    sources = load_sources(settings, on_error=lambda exc: logging.getLogger(__name__).warning("skipped a source: %s", exc))
    return build_entries(refs, links, article, {s.reference_id for s in sources})


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
    title = entry.ref.title if len(entry.ref.title) <= 60 else entry.ref.title[:57] + "…"
    return f"{entry.ref.short} — {title}"
