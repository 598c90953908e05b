"""The previous turn's neighbourhood: the prior ranking a follow-up's retrieval fuses (assistant/followup.py, ranking 3).

Why its own module: the prior is what the previous turn stood in, the article chapters its answer quoted (a chat's
history carries the answer's verbatim sentences) or, when its text quotes nothing (a summary, an eval's hand-written
reply), the sections the previous question's BM25 search finds; ranked among themselves by the new ask's words, so
the ask still decides within the neighbourhood. The support gate also reads which chunks a previous answer quoted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpus.sentence_split import rough_sentences

if TYPE_CHECKING:
    from assistant.followup import FollowUp
    from assistant.retrieval import Retrieval, Retriever
    from index.models import Chunk, ScoredChunk

NEIGHBOURHOOD_HITS = 3   # the previous question's best passages whose sections make the prior
MIN_QUOTED_CHARS = 25    # a previous answer's sentence shorter than this is not matched to the article
_MARKER = re.compile(r"\s*\[\d+\]")


def quoted_chunks(answer: str, chunks: Sequence["Chunk"]) -> list["Chunk"]:
    """The article chunks whose sentences the previous answer shows verbatim (a chat's own answer does; a summary does not)."""
    text = re.sub(r"\s+", " ", _MARKER.sub("", answer)).lower()
    if len(text) < MIN_QUOTED_CHARS:
        return []
    found = []
    for chunk in chunks:
        pieces = [p.strip(" -") for p in rough_sentences(chunk.text, lines=True)]
        if any(len(p) >= MIN_QUOTED_CHARS and re.sub(r"\s+", " ", p).lower().rstrip(".") in text for p in pieces):
            found.append(chunk)
    return found


def neighbourhood(retriever: "Retriever", context: FollowUp) -> set[str]:
    """Chapter keys ('source\\ntop-level section id', `_area`) the previous turn stood in: quoted by its answer, else
    retrieved by its question."""
    chunks = quoted_chunks(context.previous_answer, retriever.index.chunks()) if context.previous_answer else []
    if not chunks and context.previous:
        # BM25 alone: the prior needs only the previous question's neighbourhood, not another question vector
        chunks = [h.chunk for h in retriever.retrieve(context.previous, mode="bm25").hits[:NEIGHBOURHOOD_HITS]]
    return {_area(c) for c in chunks}


def chapter_of(chunk: "Chunk") -> str:
    """The chapter (top-level section of its source) a chunk stands in; the neighbourhood's unit (`_area`)."""
    return _area(chunk)


def _area(chunk: "Chunk") -> str:
    """The part of its source a chunk stands in: its top-level section, subsections included.

    Why the whole chapter: a follow-up often asks the next thing the same chapter answers, in a sibling subsection
    ("what affects that" after the long-term outcomes: the factors influencing prognosis), which the quoted
    subsection alone left out of the prior (follow-up content bank; bank 6 studied key-fact recall 0.822 -> 0.839).
    """
    return f"{chunk.source_id}\n{chunk.section_id.split('/')[0]}"


def neighbourhood_ranking(retriever: "Retriever", ask: "Retrieval", sections: set[str]) -> list["ScoredChunk"]:
    """The neighbourhood's passages, ordered by the ask's fused rankings, then the rest of them in document order."""
    from assistant.retrieval import reciprocal_rank_fusion
    from index.models import ScoredChunk

    inside = lambda c: _area(c) in sections  # noqa: E731
    ranked = [h for h in reciprocal_rank_fusion([ask.dense, ask.lexical]) if inside(h.chunk)]
    seen = {h.chunk.id for h in ranked}
    rest = [c for c in sorted(retriever.index.chunks(), key=lambda c: (c.source_id, c.position))
            if inside(c) and c.id not in seen]
    ordered = [h.chunk for h in ranked] + rest
    return [ScoredChunk(chunk=c, score=0.0, rank=i, retriever="previous-turn") for i, c in enumerate(ordered, start=1)]
