"""Where one line of text breaks into sentences: the one rule the article's units and an answer's sentences share.

Why one rule: the enrichment is keyed by the article's units (corpus/units.py) and answers quote the
sentences of retrieved chunks (assistant/sentences.py); when the two disagreed on a boundary, an
enriched unit and the sentence an answer shows could cut the same text differently. Both now split each
line here and differ only in what they do with a line: a unit keeps a bullet item whole, an answer's
sentences split it too. Offsets are into the line, so callers keep quoting verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words ending in a full stop that do not end a sentence ("e.g. Lambert-Eaton", "Dr. Smith").
ABBREVIATIONS = frozenset({"e.g.", "i.e.", "etc.", "vs.", "dr.", "al.", "approx.", "fig.", "no.", "st.", "mr.", "mrs.", "ms.", "n.d."})
# A sentence ends at . ! or ? (and a closing quote or bracket) before white space and a capital or a digit.
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(\[]?[A-Z0-9])")
BULLET = re.compile(r"^\s*[-•*]\s+")
# The rough rule for reading text, not quoting it: every . ! or ? before white space ends a sentence (and, with
# `lines`, every line break does).
ROUGH_BOUNDARY = re.compile(r"(?<=[.!?])\s+")
ROUGH_OR_LINE_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n+")


def ends_with_abbreviation(text: str) -> bool:
    """True when the last WORD is an abbreviation ('e.g.', '(i.e.', 'Dr.'), not merely ends like one ('systems.')."""
    words = text.split()
    return bool(words) and words[-1].lstrip("([\"“").lower() in ABBREVIATIONS


def sentence_pieces(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one line, in order, covering it from 0 to len(line).

    A boundary after a single word ("No. 5", "Fig. 2") or after an abbreviation is no boundary. The
    pieces keep the white space around them; callers trim it so a quote is exactly what is printed.
    """
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for m in BOUNDARY.finditer(line):
        before = line[cursor : m.start()]
        if ends_with_abbreviation(before) or len(before.split()) < 2:
            continue
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, len(line)))
    return pieces


def rough_sentences(text: str, lines: bool = False) -> list[str]:
    """The pieces of `text` between rough sentence ends, blank ones dropped; pieces keep their own white space.

    Why a second rule beside `sentence_pieces`: the checks that read an answer, a message or a section for words
    ("does a shown sentence name the harm and the treatment?", "does the message hold a remark before its
    question?") need no exact boundary, only the same one everywhere; the exact rule (abbreviations, a capital
    next) is for what is quoted. Ten modules wrote this split out for themselves before; this is their one copy.
    `lines`: a line break ends a sentence too (an answer's bullets and paragraphs).
    """
    boundary = ROUGH_OR_LINE_BOUNDARY if lines else ROUGH_BOUNDARY
    return [piece for piece in boundary.split(text) if piece.strip()]


def nonblank_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset in `text`, line) of every line holding more than white space: a sentence never crosses a line."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`text[start:end]` without its surrounding white space, as offsets; None when nothing else is left."""
    segment = text[start:end]
    lead, trail = len(segment) - len(segment.lstrip()), len(segment.rstrip())
    return (start + lead, start + trail) if trail > lead else None
