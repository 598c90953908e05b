"""A follow-up that names a new subject and then asks about it with a pronoun: "and IVIG, how does it work",
"what about physio does it help", "and dermatomyositis what is it", and a return to an earlier subject: "ok back to the clots, which cancers cause them".

Why its own rule: the pronoun points at the subject named in the same turn, not at the previous turn's, so the
usual pronoun rewrite ("it" -> the previous topic) asks about the wrong thing, and the ellipsis rule ("what about
X") swallows the whole question as X. Read as "<subject>, <question with a pronoun>", the question is rewritten
with the pronoun replaced by the subject it names ("how does IVIG work").
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.aspects import ASPECT_ASK, ASPECT_WORDS
from assistant.topics import AUX, NP_STOP


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from assistant.spelling import english_words

    return english_words()


def is_adverb(word: str) -> bool:
    """True for an -ly adverb ("basically", "really", "simply", "happily"): an English word remains once the -ly
    is undone. Why not every -ly word: "family", "supply" or "anomaly" are nouns, and "and for the family?" names a
    subject ("family" less -ly is no word)."""
    w = word.lower()
    if not w.endswith("ly"):
        return False
    if len(w) < 5:
        return True  # "only"
    stems = {w[:-2], w[:-4] if w.endswith("ally") else "", w[:-3] + "y" if w.endswith("ily") else "",
             w[:-1] + "e" if w.endswith("bly") or w.endswith("ply") or w.endswith("tly") else ""}
    return any(len(stem) >= 3 and stem in _english() for stem in stems)

_SWITCH = re.compile(
    rf"^(?:(?:and|so|ok|okay|but|also|anyway)[,\s]+)*(?:(?:what|how)\s+about\s+|(?:going\s+|coming\s+)?back\s+to\s+)?"
    rf"(?P<x>[^,?.!]+?)\s*(?:,|\s[-\u2013:])?\s+"
    rf"(?P<q>(?:what|how|why|when|where|which|{AUX})\b.*)$",
    re.IGNORECASE,
)
_POINTER = re.compile(r"\b(it|they|them)\b", re.IGNORECASE)
_OWN_POINTER = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|he|she|i|my|you|your|we)\b", re.IGNORECASE)
MAX_SUBJECT_WORDS = 4


def switched_subject(question: str) -> str | None:
    """The question with its pronoun replaced by the subject the same turn names first; None when it names none.

    The subject must be a short noun phrase: no pronoun or auxiliary of its own ("if you have it, can it ..."
    names no subject), no adverb ("so basically, what is it"), and at least one word that is not a function word.
    """
    m = _SWITCH.match(question.strip())
    if m is None:
        return None
    subject, asked = m.group("x").strip(), m.group("q").strip()
    words = subject.lower().split()
    if (not 0 < len(words) <= MAX_SUBJECT_WORDS or _OWN_POINTER.search(subject)
            or re.search(rf"\b{AUX}\b|\b(?:what|how|why|when|where|which|who)\b", subject, re.IGNORECASE)
            or any(is_adverb(w) for w in words) or all(w in NP_STOP for w in words)):
        return None
    pointer = _POINTER.search(asked)
    if pointer is None:
        return None
    subject = re.sub(r"^(?:(?:for|about|regarding)\s+)?(?:the|a|an)\s+", "", subject, flags=re.IGNORECASE)
    rewritten = asked[: pointer.start()] + subject + asked[pointer.end():]
    return rewritten[:1].upper() + rewritten[1:]


def repeats_subject(question: str, previous: str) -> bool:
    """True when a short follow-up names again a word of the previous question's subject besides an aspect or the
    condition itself ("lems treatment" after "sclc and lems connection"): it carries its subject, so searching it
    with the previous question in brackets would only add that question's other ask ("connection")."""
    from assistant.sentences import content_terms

    shared = content_terms(question) & content_terms(previous)
    return any(not ASPECT_ASK.search(t) and not any(a.startswith(t) for a in ASPECT_WORDS)
               and t not in _CONDITION_STEMS for t in shared)


_CONDITION_STEMS = frozenset({"paraneoplast", "syndrom", "pns", "cancer", "tumor", "tumour", "diseas", "disord", "condit"})


# A turn that says it starts something new ("new question:", "unrelated but", "totally different q,", "ok switching
# topic", "on another note"): what follows is a first question, whatever the earlier turns were about.
_NEW_SUBJECT = re.compile(
    r"^(?:(?:ok|okay|so|and|also|hey|um|hmm|right|thanks|thank you|cool)\b[,.!\s]*)*"
    r"(?:(?:a|one|my)\s+)?(?:(?:totally|completely|entirely|slightly|kind of|kinda)\s+)?"
    r"(?:(?:new|different|diff|other|another|separate|unrelated|random|off[- ]topic)\s+(?:question|q|qs|topic|subject|thing)"
    r"|unrelated(?=\s*(?:but|though)\b|\s*[,:;.!-])|switching\s+(?:topics?|subjects?|gears)|changing\s+(?:the\s+)?(?:topic|subject)"
    r"|on\s+(?:a|an)?\s*(?:different|other|another|unrelated|separate)\s+(?:note|topic))\b"
    r"(?:\s+(?:but|though|here|now|then|for you))?[\s,:;.!?-]*",
    re.IGNORECASE,
)


def new_subject_question(question: str) -> str | None:
    """The question after a lead that announces a new subject ("unrelated but what is ivig" -> "what is ivig"),
    or None when the turn announces none (or nothing follows the announcement).

    Why: such a turn says in so many words that it does not continue the conversation, so it is read as a first
    turn: rewritten from the earlier turns, "new question: who is most at risk overall" became a risk of the previous
    subject (dermatomyositis) and was refused, and "totally different q, can diet help" was searched with the
    previous question beside it."""
    m = _NEW_SUBJECT.match(question.strip())
    rest = question.strip()[m.end():].strip() if m is not None else ""
    return rest if m is not None and len(re.findall(r"[a-z]+", rest.lower())) >= 2 else None
