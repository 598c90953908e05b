"""Which sentence opens an answer: one that reads on its own, and on a follow-up one the last answer did not show.

Why a module: two faults of the answer's first sentence, both about what the reader has seen before it.
  * A sentence that turns the one before it ("Conversely, in low- and middle-income countries ...", "However,
    others may have ...") reads as a reply to a sentence the reader never saw when that one is not shown. The
    opening-reference rule (corpus.units.opens_with_reference) catches "However, these ..." but not a contrast
    whose subject is named ("However, others ..."), so `leans_back` (assistant/points_back.py, the owner of what
    points back) adds the contrast connectives and the last pass (antecedents.settle_antecedents) shows the
    sentence turned from right before it.
  * A follow-up answer that opens with the sentence the previous assistant turn just showed ("is it curable" after
    a LEMS answer opening with the same "Neurological:" bullet again) reads as a repeat; `new_first` lets the
    passages the previous turn did not show lead, the repeated ones following (nothing is dropped: the repeat may
    be the subject the follow-up needs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _in_flat(sentence: Any, flat_answer: str) -> bool:
    """True when the previous assistant turn (flattened) showed this sentence (its readable text, verbatim)."""
    words = _flat(sentence.display)
    return bool(words) and words in flat_answer


def new_first(shown: Sequence[Any], previous_answer: str) -> list[Any]:
    """The shown sentences with the passages (chunks) the previous turn already showed moved after the others.

    A passage keeps its sentences together and in order; passages keep their order among themselves. Nothing
    moves when every passage, or none, is a repeat, or when the answer already opens with a new sentence.
    """
    flat = _flat(previous_answer)  # once, not per sentence
    if not flat or not shown or not _in_flat(shown[0], flat):
        return list(shown)
    repeated = {s.chunk.id for s in shown}
    for s in shown:
        if not _in_flat(s, flat):
            repeated.discard(s.chunk.id)
    fresh = [s for s in shown if s.chunk.id not in repeated]
    if not fresh:
        return list(shown)
    return fresh + [s for s in shown if s.chunk.id in repeated]
