"""A follow-up asking for more ("tell me more", "more about that", "go on"): the passages on the same question that
the conversation has not shown yet.

Why its own module: such a turn names no topic, so the rewriter asks the previous question again
(assistant/conversation.py) and the composer, given the same question, chooses the same sentences: the reader got
the last answer repeated. What they asked for is the rest of what the article says on it. The question's scores
cannot find that rest: they rank what the last answer already showed first, and below it the sentences that share
the subject's words ("paraneoplastic syndromes"), i.e. the introduction, not the outlook's factors. The article's
own order can: its chapters (top-level sections) keep a topic together, so the rest is the chapter's sentences
the conversation has not shown, those after the last one shown first (the article goes on), then the nearest ones
before it. At most NEXT_UNITS sentences or bullets; a list's lead-in comes with its items. When the chapter has
nothing left, the answer is empty and the support gate says not_found, which is what the article has: nothing
more on it. A last answer that quoted nothing of the article (a refusal) leaves the composition as it was.

"why?", "explain that" and "in simple words" ask for the same content again, so they are not read as more.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.compose import Composition
from assistant.quotes import join_quotes, render
from corpus.corpus import ARTICLE_SOURCE_ID
from index.chunk_sentences import split_sentences

if TYPE_CHECKING:
    from assistant.followup import FollowUp
    from index.chunk_sentences import Sentence
    from index.models import Chunk

NEXT_UNITS = 3   # at most this many new sentences or bullets: a continuation, not a second full answer
MIN_WORDS = 4    # a shorter piece (a heading-like fragment) is no sentence to show
_WORD = re.compile(r"[A-Za-z]+")
_SPACE = re.compile(r"\s+")
_MARKER = re.compile(r"\s*\[\d+\]")


def shown_so_far(turns: Sequence[Mapping[str, Any]]) -> str:
    """Every assistant turn's text, markers dropped, flattened and lower-cased: what the reader has already seen."""
    texts = [str(t.get("content", "")) for t in turns if t.get("role") == "assistant"]
    return _flat(_MARKER.sub("", " ".join(texts)))


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def flat_answer(answer: str) -> str:
    """An answer's text with its [n] markers dropped, flattened and lower-cased, for `seen_in`."""
    return _flat(_MARKER.sub("", answer))


def seen_in(sentence: "Sentence", shown: str) -> bool:
    """True when `shown` (flattened) holds the sentence as an answer shows it."""
    words = _flat(sentence.display)
    return bool(words) and words in shown



def next_composition(composition: Composition, followup: "FollowUp", chunks: Sequence["Chunk"]) -> Composition:
    """The previous question answered with its chapter's sentences not shown yet (module docstring)."""
    from assistant.previous_turn import chapter_of

    ordered = [s for c in sorted((c for c in chunks if c.source_id == ARTICLE_SOURCE_ID), key=lambda c: c.position)
               for s in split_sentences(c)]
    last = _flat(_MARKER.sub("", followup.previous_answer))
    quoted = [i for i, s in enumerate(ordered) if seen_in(s, last)]
    if not quoted:
        return composition
    chapters = {chapter_of(ordered[i].chunk) for i in quoted}
    anchor = quoted[-1]
    after = [i for i in range(anchor + 1, len(ordered))]
    before = list(range(anchor - 1, -1, -1))
    picked: list[int] = []
    units = 0
    for i in after + before:
        s = ordered[i]
        if chapter_of(s.chunk) not in chapters or seen_in(s, followup.shown) or len(_WORD.findall(s.text)) < MIN_WORDS:
            continue
        starts = not _continues(ordered, i)
        if starts and not s.is_lead_in and units == NEXT_UNITS:
            break
        units += starts and not s.is_lead_in
        picked.append(i)
    quotes = join_quotes([ordered[i] for i in sorted(picked)])
    return Composition(body=render(quotes), quotes=quotes, scored=composition.scored,
                       support_rank=composition.support_rank, probability=composition.probability)


def _continues(ordered: Sequence["Sentence"], i: int) -> bool:
    """True for a bullet's second or later sentence (same chunk, same line as a bullet's first): not a unit of its own."""
    for j in range(i - 1, -1, -1):
        prev = ordered[j]
        if prev.chunk.id != ordered[i].chunk.id or "\n" in prev.chunk.text[prev.end:ordered[j + 1].start]:
            return False
        if prev.is_bullet:
            return True
    return False
