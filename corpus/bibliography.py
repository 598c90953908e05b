"""Parse the article's printed bibliography (APA 7 style) into structured references.

The article prints its sources as plain APA lines with no markup, so a reference manager, the
citation panel and the source fetcher all depend on this parser reading every field the line
actually holds, and nothing more: a field that is not printed stays None (we never guess a
journal, a book title or a DOI). A line that does not follow the pattern raises CorpusError naming
the line, because silently dropping a source would make citations point at nothing.

An entry reads  AUTHORS (DATE). TITLE. CONTAINER[, VOLUME(ISSUE), PAGES]. [URL]
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

from corpus.article import DISCLAIMER_START, reference_lines
from corpus.errors import CorpusError
from corpus.models import Reference, ReferenceType
from foundation.settings import Settings
from corpus.paths import article_path

DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
ENTRY_RE = re.compile(r"^(?P<authors>.+?) \((?P<date>[^()]+)\)\. (?P<rest>.+)$")
DATE_RE = re.compile(
    r"^(?:(?P<year>\d{4})(?P<suffix>[a-z])?|n\.d\.(?:-(?P<nd_suffix>[a-z]))?)"
    r"(?:, (?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}))?$"
)
URL_RE = re.compile(r"\s(?P<url>https?://\S+)$")
INITIALS_RE = re.compile(r"^(?:[A-Z][a-z]?\.(?:[ -]|$))+$")
# 'Journal Name, 355(13), e12'  /  'Journal Name, 110(6), 1723–1729'
JOURNAL_RE = re.compile(r"^(?P<container>[^,]+), (?P<volume>\d+)(?:\((?P<issue>[^)]+)\))?(?:, (?P<pages>[^,]+))?$")
# '(Vol. 200, pp. 57–77)' at the end of a chapter title
CHAPTER_RE = re.compile(r"\s*\((?:Vol\. (?P<volume>[^,)]+))?(?:, )?(?:pp?\. (?P<pages>[^)]+))?\)$")
STATPEARLS = "StatPearls Publishing"


def normalise_doi(value: str) -> str:
    """DOIs are case-insensitive; store them lower-case without a resolver prefix so they compare equal."""
    doi = DOI_PREFIX_RE.sub("", value.strip()).strip().rstrip(".").lower()
    if not DOI_RE.match(doi):
        raise ValueError(f"not a DOI: {value!r}")
    return doi


def _ascii_key(text: str) -> str:
    """Lower-case ASCII letters/digits only, so ids survive BibTeX keys, file names and URLs."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _parse_authors(text: str) -> list[str]:
    """'Aly, R., & Emmady, P. D.' -> ['Aly, R.', 'Emmady, P. D.']; an organisation stays one author.

    Raises ValueError when the list looks like people but does not pair up as 'Surname, Initials'.
    """
    text = text.strip()
    if "," not in text:  # an organisation: 'American Cancer Society.'
        name = text.rstrip(".").strip()
        if not name:
            raise ValueError("no author")
        return [name]
    parts = [p.strip() for p in re.sub(r",?\s*&\s*", ", ", text).split(", ")]
    if len(parts) % 2:
        raise ValueError(f"author list does not pair up as 'Surname, Initials': {text!r}")
    authors = []
    for surname, initials in zip(parts[::2], parts[1::2]):
        if not surname or not INITIALS_RE.match(initials):
            raise ValueError(f"cannot read author {surname!r}, {initials!r}")
        authors.append(f"{surname}, {initials}")
    return authors


def _split_title(rest: str) -> tuple[str, str | None]:
    """Split 'TITLE. CONTAINER' at the last sentence end outside parentheses.

    Why the last one: titles may contain '. ' inside parentheses ('(Vol. 200, pp. 57–77)') and
    end with '?', while the container ('Blood, 110(6), 1723–1729') never holds a sentence end.
    """
    depth, cut = 0, -1
    for i, ch in enumerate(rest):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in ".?!" and depth == 0 and i + 1 < len(rest) and rest[i + 1] == " ":
            cut = i
    if cut < 0:
        return rest.rstrip(". "), None
    title = rest[: cut + 1]
    title = title[:-1] if title.endswith(".") else title
    return title.strip(), rest[cut + 2 :].strip().rstrip(".").strip() or None


def _tidy_site(name: str) -> str:
    """'Www.cancer.org' -> 'www.cancer.org' (sentence-case artefact of APA generators on domains)."""
    return name.lower() if re.match(r"^www\.[a-z0-9.-]+$", name, re.IGNORECASE) else name


def _make_id(first_author: str, year: int | None, suffix: str | None) -> str:
    surname = _ascii_key(first_author.split(",")[0])
    if year is None:
        return f"{surname}_nd" + (f"_{suffix}" if suffix else "")
    return f"{surname}{year}{suffix or ''}"


def _trailing_link(rest: str) -> tuple[str, str | None, str | None]:
    """(the entry without its trailing URL, the URL, the DOI): a doi.org URL gives the DOI and is written in its
    canonical form; ValueError when that DOI cannot be read."""
    u = URL_RE.search(" " + rest)
    if not u:
        return rest, None, None
    url = u["url"]
    rest = rest[: len(rest) - len(url)].strip()
    if not DOI_PREFIX_RE.match(url):
        return rest, url, None
    try:
        doi = normalise_doi(url)
    except ValueError:
        raise ValueError(f"unreadable DOI in {url!r}") from None
    return rest, f"https://doi.org/{doi}", doi


def parse_entry(text: str, line: int, source: str = "bibliography") -> Reference:
    """Parse one printed entry; CorpusError names `source:line` and what could not be read."""

    def bad(why: str) -> CorpusError:
        return CorpusError(f"{source}:{line}: malformed reference ({why}): {text[:80]!r}")

    raw = text.strip()
    m = ENTRY_RE.match(raw)
    if not m:
        raise bad("expected 'Authors (Year). Title. Source.'")
    d = DATE_RE.match(m["date"].strip())
    if not d:
        raise bad(f"unreadable date {m['date']!r}")
    year = int(d["year"]) if d["year"] else None
    suffix = d["suffix"] or d["nd_suffix"]
    date = None
    if d["month"]:
        try:
            date = datetime.strptime(f"{year} {d['month']} {d['day']}", "%Y %B %d").date().isoformat()
        except ValueError:
            raise bad(f"unreadable date {m['date']!r}") from None
    try:
        authors = _parse_authors(m["authors"])
    except ValueError as exc:
        raise bad(str(exc)) from None

    try:
        rest, url, doi = _trailing_link(m["rest"].strip())
    except ValueError as exc:
        raise bad(str(exc)) from None

    title, container = _split_title(rest)
    if not title:
        raise bad("no title")

    volume = issue = pages = publisher = None
    kind: ReferenceType = "web_page"
    chapter = CHAPTER_RE.search(title)
    journal = JOURNAL_RE.match(container) if container else None
    if chapter and (chapter["volume"] or chapter["pages"]):
        # 'Title (Vol. 200, pp. 57–77). Elsevier.': a chapter in a book series; the container printed is the publisher.
        kind, volume, pages = "book_chapter", chapter["volume"], chapter["pages"]
        title = title[: chapter.start()].strip()
        publisher, container = container, None
    elif container and STATPEARLS in container:
        # 'PubMed; StatPearls Publishing': a chapter of the StatPearls book on the NCBI Bookshelf.
        kind, container, publisher = "book_chapter", "StatPearls", STATPEARLS
    elif journal:
        kind = "journal_article"
        container, volume, issue, pages = journal["container"].strip(), journal["volume"], journal["issue"], journal["pages"]
    elif container:
        site, _, owner = container.partition("; ")
        container = _tidy_site(site.strip())
        publisher = owner.strip() or None
    if kind == "web_page" and not url:
        raise bad("a web page without a URL")

    return Reference(
        id=_make_id(authors[0], year, suffix), authors=authors, year=year, title=title,
        container=container, volume=volume, issue=issue, pages=pages, doi=doi, url=url,
        type=kind, date=date, publisher=publisher, raw=raw, line=line,
    )


def parse_bibliography(text: str, source: str = "bibliography") -> list[Reference]:
    """Parse every entry in `text`.

    `text` is either the whole raw article (entries are the lines after its educational-use
    notice, line numbers count from the top of the file) or a bare list of entries, one per line.
    Ids must be unique: two entries sharing author and year without a/b suffixes are an error,
    because an id that depends on list order would not be stable.
    """
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty")
    if DISCLAIMER_START in text:
        lines = reference_lines(text)
    else:
        lines = [(no, l.strip()) for no, l in enumerate(text.splitlines(), start=1) if l.strip()]
    if not lines:
        raise CorpusError(f"{source}: no bibliography entries found")
    refs = [parse_entry(t, no, source) for no, t in lines]
    seen: dict[str, Reference] = {}
    for ref in refs:
        if ref.id in seen:
            raise CorpusError(
                f"{source}:{ref.line}: reference id {ref.id!r} repeats line {seen[ref.id].line}; "
                "same author and year need a/b suffixes"
            )
        seen[ref.id] = ref
    return refs


def read_bibliography(path: Path) -> list[Reference]:
    """Parse the bibliography of the article file at `path`."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"article file not found: {path}") from None
    except UnicodeDecodeError:
        raise CorpusError(f"article file is not UTF-8 text: {path}") from None
    return parse_bibliography(raw, source=str(path))


def load_references(settings: Settings) -> list[Reference]:
    """The article's references, in printed order."""
    return read_bibliography(article_path(settings))


def references_by_id(refs: list[Reference]) -> dict[str, Reference]:
    return {r.id: r for r in refs}
