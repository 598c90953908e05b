"""Clean the raw article dump into titled sections with a canonical text and offsets.

The raw text is a flattened web page: the article is wrapped in site furniture (sign-up
prompts, webinar adverts, 'Latest Articles', 'Lab Tests in This Article') and its heading
levels are lost. We keep the article body, drop the furniture, restore the heading levels
from the article's outline and record where every section's body sits in one canonical text,
so a chunk can later point back to the exact characters it came from.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from corpus.errors import CorpusError
from corpus.models import Article, ArticleMetadata, Section

ARTICLE_URL = "https://www.rupahealth.com/post/paraneoplastic-syndromes-causes-symptoms-and-treatment"
PUBLISHER = "Rupa Health"

# The page renders these as <h2>; every other heading in the body is an <h3> beneath the last one.
TOP_LEVEL_HEADINGS = (
    "What Are Paraneoplastic Syndromes?",
    "Causes and Risk Factors",
    "Symptoms and Clinical Presentation",
    "Diagnostic Procedures",
    "Treatment and Management",
    "Prognosis and Outcomes",
    "Global Perspectives and Variations",
    "Future Directions and Research",
    "Key Takeaways",
)

# Site furniture: any line matching one of these is never article content.
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\[signup\]$",
        r"^learn more$",
        r"^no items found\.?$",
        r"^lab tests in this article$",
        r"^no lab tests!?$",
        r"^order from \d+\+ labs",
        r"^we make ordering",
        r"^latest articles$",
        r"^view more on ",
        r"subscrib",
        r"^join the thousands",
        r"^oops! something went wrong",
        r"^are you a healthcare practitioner\?$",
        r"^hey practitioners",
        r"^in this class, you'll",
        r"^register (now|here)",
        r"webinar",
        r"^medically reviewed by$",
        r"^updated on$",
        r"^\|$",
    )
]

DISCLAIMER_START = "The information in this article is designed for educational purposes"
DATE_RE = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$")
BULLET_RE = re.compile(r"^\s*[•\u2022\-\*]\s+")


def is_boilerplate(line: str) -> bool:
    """True for site furniture that must never reach the corpus."""
    s = line.strip()
    return any(p.search(s) for p in BOILERPLATE)


def slugify(text: str) -> str:
    """Lower-case words joined by '-': a heading's stable id part (a section's id, a source section's chunk id)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _iso(date_text: str) -> str:
    return datetime.strptime(date_text, "%B %d, %Y").date().isoformat()


def _is_heading(line: str, next_line: str | None) -> bool:
    """Headings are short lines without sentence punctuation that introduce content."""
    s = line.strip()
    if not s or BULLET_RE.match(line) or len(s) > 90 or next_line is None:
        return False
    if s.endswith((".", ":", ";", ",", "!")):
        return False
    if s.endswith("?") and s not in TOP_LEVEL_HEADINGS:
        return False
    return len(s.split()) <= 10 and s[0].isupper()


def split_raw(raw: str) -> tuple[list[str], list[tuple[int, str]], str | None]:
    """Split the page into header lines, body lines (with 1-based line numbers) and the disclaimer.

    Why: the bibliography parser and the cleaner both need to know where the article body ends.
    """
    lines = raw.splitlines()
    body: list[tuple[int, str]] = []
    header: list[str] = []
    disclaimer = None
    in_body = False
    for no, line in enumerate(lines, start=1):
        s = line.strip()
        if s.startswith(DISCLAIMER_START):
            disclaimer = s
            break
        if not in_body:
            header.append(s)
            if s == "Medically Reviewed by" or s == "Updated On":
                continue
            if header and len([h for h in header if DATE_RE.match(h)]) >= 2:
                in_body = True
            continue
        body.append((no, line))
    return header, body, disclaimer


def reference_lines(raw: str) -> list[tuple[int, str]]:
    """The bibliography: entry lines after the article's disclaimer, before the site footer."""
    lines = raw.splitlines()
    start = next((i for i, l in enumerate(lines) if l.strip().startswith(DISCLAIMER_START)), None)
    if start is None:
        raise CorpusError("article: could not find the end of the article body (its educational-use notice)")
    out: list[tuple[int, str]] = []
    for no in range(start + 1, len(lines)):
        s = lines[no].strip()
        if not s or is_boilerplate(s):
            if out and s.lower().startswith("order from"):
                break
            continue
        if s.lower().startswith("order from") or s.lower() == "latest articles":
            break
        out.append((no + 1, s))
    return out


def _article_metadata(header: list[str], source: str) -> ArticleMetadata:
    """The category, title and the two dates at the top of the page; CorpusError when any is missing."""
    dates = [h for h in header if DATE_RE.match(h)]
    non_meta = [h for h in header if h and not DATE_RE.match(h) and not is_boilerplate(h)]
    if len(dates) < 2 or len(non_meta) < 2:
        raise CorpusError(f"{source}: expected a category, a publication date, a title and an update date at the top")
    return ArticleMetadata(
        title=non_meta[1], publisher=PUBLISHER, category=non_meta[0],
        published=_iso(dates[0]), updated=_iso(dates[1]), url=ARTICLE_URL,
    )


def _heading_blocks(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """The body's lines grouped under their headings: (heading, lines), the first one (None, ...) for an intro."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _is_heading(line, nxt):
            blocks.append((line.strip(), []))
        else:
            blocks[-1][1].append(line)
    return blocks


def _block_text(lines: list[str]) -> tuple[str, list[str]]:
    """A block's text (paragraphs, bullets as "- item", white space folded) and its bullets alone."""
    paragraphs: list[str] = []
    bullets: list[str] = []
    for line in lines:
        clean = re.sub(r"\s+", " ", BULLET_RE.sub("", line)).strip()
        if BULLET_RE.match(line):
            bullets.append(clean)
            paragraphs.append(f"- {clean}")
        else:
            paragraphs.append(clean)
    return "\n".join(paragraphs), bullets


def clean_article(raw: str, source: str = "article") -> Article:
    """Turn the raw page text into an Article; raises CorpusError naming what is wrong."""
    if not raw.strip():
        raise CorpusError(f"{source}: the article file is empty")
    header, body, disclaimer = split_raw(raw)
    metadata = _article_metadata(header, source)
    title = metadata.title
    kept = [line for _, line in body if line.strip() and not is_boilerplate(line)]
    if not kept:
        raise CorpusError(f"{source}: no article body found")

    text_parts: list[str] = [f"{title}\n\n"]
    pos = len(text_parts[0])
    sections: list[Section] = []
    current_top: Section | None = None
    for heading, lines in _heading_blocks(kept):
        body_text, bullets = _block_text(lines)
        if heading is None:
            if not body_text:
                continue
            title_s, level, path, parent = "Introduction", 2, ["Introduction"], None
        elif heading in TOP_LEVEL_HEADINGS:
            title_s, level, path, parent = heading, 2, [heading], None
        else:
            if current_top is None:
                raise CorpusError(f"{source}: sub-heading {heading!r} appears before any heading")
            title_s, level, path, parent = heading, 3, [*current_top.path, heading], current_top.id
        heading_line = f"{title_s}\n"
        pos += len(heading_line)
        start = pos
        chunk = body_text + "\n\n"
        text_parts.append(heading_line + chunk)
        pos += len(chunk)
        section = Section(
            id="/".join(slugify(p) for p in path), title=title_s, level=level, path=path,
            parent_id=parent, text=body_text, bullets=bullets, start=start, end=start + len(body_text),
        )
        if level == 2:
            current_top = section
        sections.append(section)

    ids = [s.id for s in sections]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise CorpusError(f"{source}: duplicate section ids {sorted(dupes)}")
    return Article(metadata=metadata, text="".join(text_parts), sections=sections, disclaimer=disclaimer)


def load_article(path: Path) -> Article:
    """Read and clean the article file at `path`."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CorpusError(f"article file not found: {path}") from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"article file is not UTF-8 text: {path}") from exc
    return clean_article(raw, source=str(path))
