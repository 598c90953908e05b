"""A chunk's verbatim sentences, with offsets, and the text embedded for each: what answers quote from.

Why in the index stage: `pns index build` embeds the article's sentences for answering to read
(index/sentence_vectors.py), so the build must split chunks and form the embedded texts exactly as answering
does; the split and the texts live here, once, and assistant/sentences.py (the sentence bank, which decides
what the vectors are used for) imports them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.sentence_split import BULLET, nonblank_lines, sentence_pieces, trim_span
from index.models import Chunk

_MARKER_LIKE = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Sentence:
    """A verbatim sentence of a chunk: `chunk.text[start:end] == text`."""

    chunk: Chunk
    index: int
    start: int
    end: int
    text: str
    is_bullet: bool

    @property
    def key(self) -> tuple[str, int]:
        """Where the sentence stands (its chunk and place): two copies of one sentence, from different paths that
        split the same chunk, are the same sentence by it."""
        return (self.chunk.id, self.index)

    @property
    def display(self) -> str:
        """How the sentence reads in an answer: no bullet dash, ends with punctuation, no stray [n]."""
        shown = BULLET.sub("", self.text).strip()
        shown = _MARKER_LIKE.sub(r"(\1)", shown)  # a source's own "[12]" must never look like our marker
        if shown and shown[-1] not in ".!?":
            shown = shown.rstrip(":;,") + "."
        return shown

    @property
    def is_lead_in(self) -> bool:
        """'Paraneoplastic syndromes may involve several organ systems:' introduces a list; it answers nothing."""
        return self.text.rstrip().endswith(":")


def split_sentences(chunk: Chunk) -> list[Sentence]:
    """Sentences and bullet items of a chunk with their offsets in chunk.text.

    Lines break into sentences by corpus/sentence_split.py, the rule the article's units follow too; unlike
    a unit, a bullet item of two sentences gives two here (the first keeps the bullet marker).
    """
    out: list[Sentence] = []
    text = chunk.text
    for line_start, line in nonblank_lines(text):
        bullet = bool(BULLET.match(line))
        for i, (a, b) in enumerate(sentence_pieces(line)):
            trimmed = trim_span(text, line_start + a, line_start + b)
            if trimmed is None:
                continue
            start, end = trimmed
            out.append(Sentence(chunk, len(out), start, end, text[start:end], bullet and i == 0))
    return out


def embedding_texts(chunks: Sequence[Chunk]) -> list[str]:
    """What is embedded for the chunks' sentences, in order: each sentence under its section heading."""
    texts: list[str] = []
    for c in chunks:
        heading = c.section_path[-1] if c.section_path else ""
        texts.extend(f"{heading}: {BULLET.sub('', s.text)}" if heading else s.text for s in split_sentences(c))
    return texts
