"""The article cut into units: the sentences of its paragraphs and its bullet items, with offsets.

Why units: enrichment (generated questions, a self-contained reading, sentence-level references) and
the answer's choice of what to show both work one sentence or one bullet at a time. A bullet stays one
unit even when it holds two sentences ("Kidney (Renal): ... Some patients may also ..."), because the
item is what the article lists. Where a paragraph's sentences end is corpus/sentence_split.py's rule, the
same one an answer's sentences follow. Every unit keeps `section.text[start:end] == text`, so an answer can
quote it verbatim and cite its exact characters.

A bullet's list heading is the paragraph line just before the list when it ends with ':' ("... can
affect several organ systems:"); an answer that shows an item can show the list as one unit with it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.models import Article, Section
from corpus.sentence_split import BULLET, nonblank_lines, sentence_pieces, trim_span

# Words that point back at something named earlier ("This is a common presentation ...", "These syndromes ...").
# The same openings the evaluation's dangling-reference check reads; an optional connective may come first.
REFERRING = re.compile(
    r"^(?:(?:however|additionally|also|moreover|furthermore|in addition|as a result|therefore|thus|still|instead),?\s+)?"
    r"(?:this|these|that|those|it|its|they|their|them|such|both|each|either|neither|the latter|the former)\b",
    re.IGNORECASE,
)
NOT_REFERRING = re.compile(r"^this article\b", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """A verbatim sentence or bullet item of one section."""

    section_id: str
    index: int
    start: int  # offsets in section.text
    end: int
    text: str
    is_bullet: bool
    list_heading: str | None = None  # the lead-in line a bullet's list hangs from, when there is one

    @property
    def key(self) -> str:
        """Stable id of the unit: section and text (offsets move when earlier text changes; the text does not)."""
        return hashlib.sha256(f"{self.section_id}\n{self.text}".encode()).hexdigest()[:16]

    @property
    def is_lead_in(self) -> bool:
        return self.text.rstrip().endswith(":")


def opens_with_reference(text: str) -> bool:
    """True when the unit opens with a word pointing back ("These syndromes ...", "Additionally, it ...")."""
    stripped = BULLET.sub("", text).strip()
    return bool(REFERRING.match(stripped)) and not NOT_REFERRING.match(stripped)


def _spans(text: str) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    for line_start, line in nonblank_lines(text):
        marker = BULLET.match(line)
        if marker:
            spans.append((line_start + marker.end(), line_start + len(line.rstrip()), True))
            continue
        spans.extend((line_start + a, line_start + b, False) for a, b in sentence_pieces(line))
    return spans


def split_units(section: Section) -> list[Unit]:
    """Units of one section in reading order; bullets carry the lead-in line of their list."""
    units: list[Unit] = []
    heading: str | None = None
    for start, end, bullet in _spans(section.text):
        trimmed = trim_span(section.text, start, end)
        if trimmed is None:
            continue
        s, e = trimmed
        text = section.text[s:e]
        if not bullet:
            heading = text if text.endswith(":") else None
        units.append(Unit(section.id, len(units), s, e, text, bullet, heading if bullet else None))
    return units


def article_units(article: Article) -> list[Unit]:
    """Every unit of the article, section by section (sections with no body give none)."""
    return [u for section in article.sections for u in split_units(section)]


def predecessor(units: Sequence[Unit], unit: Unit) -> Unit | None:
    """The unit printed just before `unit` in its section (None for a section's first unit)."""
    same = [u for u in units if u.section_id == unit.section_id and u.index == unit.index - 1]
    return same[0] if same else None
