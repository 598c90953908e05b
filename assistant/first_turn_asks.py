"""A first turn's ask that the sentences chosen for it do not address: a harm of a named treatment or test, a pick
among named things ("which hospital"; members of a kind the sentences name only vaguely: assistant/member_picks.py)
or a person asked for by a deed ("who discovered it").

Why: follow-ups have these checks (assistant/unaddressed_asks.unaddressed_ask), first turns had none. "side effects of
plasma exchange" or "which hospital is best for paraneoplastic syndromes" retrieve the plasmapheresis bullet or the
paragraph on healthcare access (every other word is on topic), so the similarity gate lets them through and the
answer shows sentences that name no side effect and no hospital. The article never says what a treatment or a test
risks, and names no hospital or clinic, and doctors only by their profession ("neurologists and oncologists"); a
sentence answers such an ask only when it says the asked noun itself (a harm next to the treatment it is of; the kind
of thing picked, or a profession close to it), so the check reads the shown sentences, not
a word list of what the article lacks. A harm asked of the condition itself ("what are the risks of pns") is a
risk-factor question the article answers, so it is never judged here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.bibliography_query import ENTRY_WORDS
from assistant.unaddressed_asks import HARM, harm_said
from assistant.word_forms import stem
from corpus.sentence_split import rough_sentences

# The harm asked ("side effects of ivig", "risks of a spinal tap", "steroid side effects").
_HARM_OF = re.compile(rf"(?P<harm>{HARM.pattern})\s+(?:of|from|with|for|to)\s+(?:the\s+|a\s+|an\s+|getting\s+|"
                      r"having\s+|taking\s+|doing\s+)?(?P<x>[a-z][a-z-]*)")
# an expanded abbreviation keeps its short form in brackets: "intravenous immunoglobulin (ivig) side effects"
_X_HARM = re.compile(r"(?P<x>[a-z][a-z-]*)\)?\s+(?P<harm>side[\s-]?effects?|risks?|complications?|dangers?)\b")
# ... or by its property: "is plasmapheresis painful", "does a spinal tap hurt" (a condition asked "dangerous" is an outlook question)
_X_IS_HARMFUL = re.compile(r"^(?:so\s+|and\s+)?(?:is|are|does|do|can|will)\s+(?:the\s+|a\s+|an\s+|getting\s+|having\s+)?"
                           r"(?P<x>[a-z][a-z-]*)(?:\s+[a-z]+)?\s+(?P<harm>painful|hurt|hurts|sore)\b")
_PAIN = re.compile(r"\b(?:pain|painful|hurts?|hurting|sore|soreness|aches?|aching)\b")
# The condition, or what the article says it comes with: a harm of these is a risk factor or an outlook.
_CONDITION = re.compile(r"^(?:pns|paraneoplastic|syndromes?|disease|disorders?|condition|cancers?|tumou?rs?|it|this|"
                        r"that|them|these|they|treatment|treatments|therapy|therapies)$")
# "which hospital is best", "which doctor should i see": the kind of thing a pick is asked among ("which kind of
# specialist": the specialist).
_WHICH = re.compile(r"^(?:so\s+|and\s+|but\s+)?which\s+(?:(?:kind|type|sort)s?\s+of\s+(?:a\s+|an\s+)?)?"
                    r"(?P<x>[a-z]+)(?:\s+(?P<y>[a-z]+))?\b")
# A profession named by its agent noun ("neurologists", "oncologists", "specialists", "physicians"): a sentence naming
# one answers a pick among people of a close kind ("which doctor treats the nerve problems"), though it never says
# "doctor". Closeness is the bundled sentence model's cosine of the two words: "doctor" ~ "specialists" 0.70,
# "oncologists" 0.55; "hospital" ~ "specialists" 0.48 and "clinic" 0.50 stay below it.
_PROFESSION = re.compile(r"\b[a-z]{3,}(?:ists?|ians?)\b")
PROFESSION_SIMILARITY = 0.55
# "which blood test shows the antibodies": the kind picked may be a compound whose head ("test") a shown bullet's label
# names ("Laboratory Tests: ..."); a verb after the kind ("which hospital treats") is rarely a label word ("tests" is).
_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(?P<label>[^:]{2,40}):\s")
# "which source supports the lumbar puncture statement": a pick among the bibliography's entries, answered by the
# citations every answer carries, never by a sentence's words.
_ENTRY = re.compile(rf"^{ENTRY_WORDS}$")


def _sentences(shown: str) -> list[str]:
    return rough_sentences(shown.lower())


def _stems(sentence: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", sentence)}


def named_harm_unaddressed(question: str, shown: str, is_stopword: Callable[[str], bool] | None = None) -> list[str]:
    """The harm asked of a treatment or test the question names when no shown sentence names both, else [] (module
    docstring; a follow-up's harm of the carried subject is unaddressed_asks.carried_harm_unaddressed's).

    A stopword before the harm names no treatment: "does smoking raise the risk" asks a risk factor."""
    q = question.strip().lower()
    m = _HARM_OF.search(q) or _X_HARM.search(q) or _X_IS_HARMFUL.search(q)
    if m is None or _CONDITION.match(m.group("x")) or (is_stopword is not None and is_stopword(m.group("x"))):
        return []
    head = stem(m.group("x").split("-")[0])
    if m.re is _X_IS_HARMFUL:  # pain in any of its words ('do the joints hurt': "Joint pain and swelling")
        said = any(head in _stems(s) and _PAIN.search(s) for s in _sentences(shown))
        return [] if said else [m.group("harm")]
    return [] if harm_said(shown, m.group("harm"), lambda sentence: head in _stems(sentence)) else [m.group("harm")]


def pick_unaddressed(question: str, shown: str, is_stopword: Callable[[str], bool],
                     similarity: Callable[[str, str], float] | None = None) -> list[str]:
    """The kind of thing a "which X" first turn asks to pick when no shown sentence says X in any form, else [].
    With `similarity` (two words' cosine), a shown profession close to X also says it (`_PROFESSION`), unless the
    pick is by a past deed ("which doctor discovered it": no profession sentence says who did it)."""
    m = _WHICH.match(question.strip().lower())
    if m is None or is_stopword(m.group("x")) or _CONDITION.match(m.group("x")) or _ENTRY.match(m.group("x")):
        return []
    if m.group("y") == "of":  # "which part of the nervous system": a pick inside what follows, whose sentences answer
        return []
    asked = stem(m.group("x"))
    if any(asked in _stems(s) or any(w.startswith(asked[:5]) for w in _stems(s)) for s in _sentences(shown)):
        return []
    head = m.group("y")
    if head and not is_stopword(head) and any((label := _LABEL.match(s)) and stem(head) in _stems(label.group("label"))
                                              for s in _sentences(shown)):
        return []
    deed = bool(head) and head.endswith("ed") and not is_stopword(head)  # "which doctor discovered it": a person's deed
    professions = sorted(set(_PROFESSION.findall(shown.lower())))
    if similarity is not None and not deed and any(similarity(m.group("x"), w) >= PROFESSION_SIMILARITY
                                                   for w in professions):
        return []
    return [m.group("x")]


# "who first discovered it", "who named it": a person asked for by what they did (a past deed; "who gets it" asks
# about a group, which the article may answer).
_WHO_DID = re.compile(r"^(?:so\s+|and\s+)?who\s+(?:first\s+|originally\s+)?(?P<x>[a-z]{3,}ed)\b")


def deed_unaddressed(question: str, shown: str) -> list[str]:
    """The deed a "who did X" first turn asks about when no shown sentence says the verb in any form, else []."""
    m = _WHO_DID.match(question.strip().lower())
    if m is None:
        return []
    asked = stem(m.group("x"))
    return [] if any(asked in _stems(s) for s in _sentences(shown)) else [m.group("x")]


def first_turn_unaddressed(question: str, shown: str, is_stopword: Callable[[str], bool],
                           similarity: Callable[[str, str], float] | None = None) -> list[str]:
    """What a first turn asks that the shown sentences leave unsaid: a treatment's harm, a pick, or a person's deed
    (module docstring); `similarity` as in pick_unaddressed."""
    if not shown.strip():
        return []
    from assistant.member_picks import members_unnamed

    question = names_as_pick(question)
    return (named_harm_unaddressed(question, shown, is_stopword) or pick_unaddressed(question, shown, is_stopword, similarity)
            or members_unnamed(question, shown, is_stopword) or deed_unaddressed(question, shown))


# "what are the names of the new drugs in trials", "whats the name of the gene", "can you name the trials": a pick of
# members asked by their names, which is what "which X" asks.
_NAMES_OF = re.compile(r"^(?:so\s+|and\s+|but\s+)?(?:(?:what\s+(?:are|is|were|r)|whats|what's|tell\s+me|list)\s+(?:the\s+)?"
                       r"names?\s+(?:of\s+)?|can\s+(?:you|u)\s+name\s+)(?:the\s+|a\s+|an\s+|any\s+|some\s+)?")


def names_as_pick(question: str) -> str:
    """A question asking the names of members as the "which X" pick it is ("what are the names of the new drugs" ->
    "which new drugs"), so the pick checks read it; any other question unchanged."""
    lowered = question.strip().lower()
    m = _NAMES_OF.match(lowered)
    return question if m is None else f"which {lowered[m.end():]}"
