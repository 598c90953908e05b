"""A "how often" ask that the article answers in words: its best sentence says how often (rare, often, commonly).

Why: the support gate refuses a question asking for a figure when no retrieved passage holds a digit, because the
article states no numbers (assistant/abstention.NUMBER_ASK). "How often" is read as such a figure, yet the article
does say how often things happen, in words: the condition is "rare", its symptoms are "often" misdiagnosed, clots are
"often seen" in pancreatic or lung cancer. So "how often do cancer patients get it" was refused while "how common is
it" (no figure asked) was answered with "Paraneoplastic syndromes are rare but serious conditions ...". A how-often ask
is answered in words when the sentence the composer finds closest to it says a frequency with one of English's
frequency adverbs or adjectives (a closed word class, not words of any question: question_intent's "frequency"
family, which also counts the frame as an asked word, so the sentence saying how often is lifted among those on the
question's topic, and "how often" no longer counts "often" as a topic word); one whose best sentence says
nothing of how often ("how often should the antibody test be repeated": the tests bullet) is still refused: the
article gives no schedule. Other figure asks ("how many", "what percentage", "how long") are left to the gate.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.question_intent import family_of, says

if TYPE_CHECKING:
    from assistant.asked_words import Asked
    from assistant.compose import Composition

# The ask, as abstention.NUMBER_ASK reads it (not inside a clause: "what affects how often it is recognised").
HOW_OFTEN = re.compile(r"(?<!\w\s)\bhow\s+(?:often|frequently)\b", re.IGNORECASE)
# ... and anywhere in a sentence, where it states no frequency ("can affect how often these syndromes are recognized")
HOW_OFTEN_ANYWHERE = re.compile(r"\bhow\s+(?:often|frequently)\b", re.IGNORECASE)


def says_how_often(sentence: str) -> bool:
    """Does the sentence say how often, in words (a word of question_intent's frequency family, the one list the
    composer's frame overlap reads too)?"""
    return says(family_of("frequency", ""), HOW_OFTEN_ANYWHERE.sub("", sentence))


def best_sentence(composition: "Composition") -> str | None:
    """The text of the sentence the composer scored closest to the question among those it shows, else None (none
    shown: a sentence it found but would not show says nothing the answer does)."""
    shown = {(q.chunk.id, s.start) for q in composition.quotes for s in q.sentences}
    for scored in composition.scored:
        if (scored.sentence.chunk.id, scored.sentence.start) in shown:
            return scored.sentence.text
    return None


def without_worded_frequency(asked: "Asked", composition: "Composition") -> "Asked":
    """What is asked, with its "how often" no longer read as a figure when the best shown sentence says how often in
    words (module docstring); otherwise unchanged."""
    if not HOW_OFTEN.search(asked.figures):
        return asked
    best = best_sentence(composition)
    if best is None or not says_how_often(best):
        return asked
    return replace(asked, figures=HOW_OFTEN.sub("", asked.figures))
