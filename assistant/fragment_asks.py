"""A bare noun-phrase follow-up ("dialysis?", "alcohol?", "hair loss?") whose ask the article never words.

Why: a follow-up typed as a noun phrase alone asks about that thing in the previous turn's context, and the rewrite
carries the previous subject ("what tests do they do: what about dialysis?"), so the subject's passages look well
supported and the answer shows loosely related sentences (the kidney bullet for "dialysis?") although nothing in the
article speaks of the ask. The yes/no and what/how checks of assistant/unaddressed_asks.unaddressed_ask never see such a
turn: it has no auxiliary and no wh-word. Read here: the phrase's leading content word is what it asks about (in
"hair loss" or "eye problems" the first word names the thing, the last is a general head); when the article, its
sources and bibliography never use that word, and no sentence shown says any of the phrase's words either, nothing
answers the turn. A phrase pointing into the previous answer's list ("the second one", "the skin ones") or whose
words the previous question or answer used is a pointer or a narrowing, not a new ask, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Chat leads and the prepositions an ellipsis starts with ("and in kids", "ok for the skin ones").
_LEAD = re.compile(r"^(?:(?:and|so|but|ok|okay|n|also|or|oh|hmm|in|for|with|of|on|at|during|after|before)\b[,\s]*)+")
# Words that make a turn a question of its own (handled by the yes/no and aspect checks) or a request to go on.
_NOT_A_FRAGMENT = frozenset(
    "what whats which how why when where who whose whom is are was were be been does do did can could should would "
    "will may might must has have had tell explain say show give list describe elaborate more continue go meant mean "
    "yes no thanks thank please any".split())  # 'any side effects': an aspect ask (unaddressed_asks.aspect_unaddressed)
# Pointers into the previous answer's list, and words that stand for "thing" ("kidney stuff?").
_POINTING = frozenset("first second third fourth fifth last middle next other previous former latter top bottom "
                      "one ones stuff thing things".split())
MAX_WORDS = 4  # a fragment longer than this is a sentence without its verb typed, read by the other checks


def fragment_words(own_words: str) -> list[str] | None:
    """The words of a bare noun-phrase follow-up, its leads and prepositions dropped; None when the turn is no fragment."""
    text = _LEAD.sub("", own_words.strip().lower().strip(" ?.!,")).strip()
    words = re.findall(r"[a-z]+", text)
    if not words or len(words) > MAX_WORDS or any(w in _NOT_A_FRAGMENT for w in words):
        return None
    return words


def fragment_unaddressed(own_words: str, carried: str, shown: str, stems: Iterable[str], generic: frozenset[str]) -> list[str]:
    """The leading word of a bare noun-phrase follow-up when no sentence `shown` says any of the phrase's words
    (or the article's words for them) and the corpus never uses that word; else [] (module docstring).
    `carried`: the previous question and answer, whose words the fragment narrows rather than asks anew; stems are
    compared as every unaddressed-ask check compares them (unaddressed_asks.same_stem). ('side effects?' is the harm
    check's: unaddressed_asks.carried_harm_unaddressed.)"""
    from assistant.lay_terms import medical_words
    from assistant.unaddressed_asks import same_stem
    from index.lexical import is_stopword, tokenize

    words = fragment_words(own_words)
    if words is None or any(w in _POINTING for w in words):
        return []
    known = tuple(stems)
    uses = lambda w: any(same_stem(t, known) for t in tokenize(w))  # noqa: E731 - the corpus uses the word
    # a frequent English word the corpus uses names its thing ('research'); other frequent words name nothing
    content = [w for w in words if len(w) > 2 and (w not in generic or uses(w)) and not is_stopword(w)]
    said_before = set(re.findall(r"[a-z]+", carried.lower()))
    if not content or any(w in said_before for w in content):
        return []
    said: Sequence[str] = tuple(tokenize(shown))
    forms = [f for w in content for f in (w, *medical_words(w))]  # 'rehab': the article says 'rehabilitation'
    if any(same_stem(t, said, inside=True) for f in forms for t in tokenize(f)):
        return []
    lead = content[0]
    if not any(uses(f) for f in (lead, *medical_words(lead))):
        return [lead]  # the corpus never uses it
    return []
