"""What kind of answer a question's frame asks for (a time, a place, a person, a test) and whether a sentence says
that kind of thing.

Why: the composer scores a sentence by its meaning and its shared words, and the words a question shares with a
sentence are its topic words; its frame ("how fast", "where", "which doctor", "what tests") shares none. So "where in
the world is it most common" chose "Although most cases occur in people with these common cancers" (it shares "most"
and "common") over the sentences about countries and regions. A sentence answers such a frame when it holds a word of
the frame's family: a word of pace, order or duration for a time, a place (a country, a region; a part of the body
when the body is asked) for a place, a profession or a group of people for a person, a test or an examination for a
test. The families are word stems of how English states each kind of answer, not words of any question or answer;
the frame counts as one more asked word in the composer's word overlap (`with_frame`), so among sentences on the
question's topic the one saying what was asked scores higher.

A reason ("why ...") is not read: tried with causal connectives (because, since, due to, leads to, linked), it cost
answers that give a reason without one ("... often mimicking other diseases, which makes diagnosis difficult" for
"why is it so hard to spot"; keyfact_check3, keyfact_check6, fresh_audit) and gained none on keyfact_check10.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.word_forms import stem

Intent = str  # "time" | "place" | "person" | "test" | "frequency"

# The question's frame. Order matters: the first that matches is the intent ("when ... where" asks a time). A question
# word counts where it opens the question (after a filler: "ok so why"), not inside a clause ("is it when the cancer
# spreads" asks what it is).
_LEAD = r"^(?:(?:so|and|but|ok|okay|then|hmm|um|also|hey|well)[,\s]+)*"
_FRAMES: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple((intent, re.compile(pattern, re.IGNORECASE)) for intent, pattern in (
    ("time", r"\bhow\s+(?:fast|quick(?:ly)?|soon|long|early|late|rapid(?:ly)?|slow(?:ly)?)\b|" + _LEAD + r"when\b|"
             r"\b(?:sudden(?:ly)?|gradual(?:ly)?|permanent(?:ly)?|precede|timing)\b|\bat\s+what\s+(?:point|stage)\b"),
    ("place", _LEAD + r"where\b|\bwhich\s+(?:countries|country|regions?|parts?|places?|areas?|organs?|joints?)\b|"
              r"\bin\s+(?:which|what)\s+(?:countries|country|regions?|parts?|places?)\b|\b(?:regional|geographic\w*)\b"),
    ("person", _LEAD + r"who\b|\b(?:which|what)\s+(?:kind\s+of\s+|type\s+of\s+|sort\s+of\s+)?"
               r"(?:doctors?|specialists?|physicians?|professionals?|experts?|patients|people|persons?)\b"),
    ("test", r"\b(?:which|what)\s+(?:\w+\s+){0,2}?(?:tests?|bloods|blood\s*work|labs?|scans?|imaging|work-?ups?|"
             r"markers?|investigations?)\b|\bhow\s+(?:do|does|is|are|can|will)\s+(?:\w+\s+){0,2}?"
             r"(?:test\w*|check\w*|diagnos\w*|detect\w*|find|found|confirm\w*)\b|\bis\s+there\s+an?\s+(?:\w+\s+)?test\b"),
    # how often something happens (round 14): answered in words, "rare", "often", "commonly" (assistant/worded_frequency.py)
    # ("how common", "how rare" name the word the answer says and need no frame)
    ("frequency", r"(?<!\w\s)\bhow\s+(?:often|frequently)\b"),  # not inside a clause: "what affects how often ..."
))

# How English states each kind of answer, as Snowball stems (a word counts when its stem starts with one of these).
_FAMILIES: dict[Intent, tuple[str, ...]] = {
    "time": ("rapid", "initi", "befor", "after", "earli", "time", "long-term", "lifelong", "persist", "ongo", "chronic",
             "delay", "subtl", "progress", "last", "futur", "sudden", "gradual", "until", "later", "soon", "still"),
    "place": ("countri", "region", "global", "world", "nation", "local", "continent", "geograph"),
    "person": ("specialist", "provid", "physician", "doctor", "neurologist", "oncologist", "counsel", "peopl",
               "patient", "individu", "person"),
    "test": ("test", "imag", "scan", "panel", "studi", "examin", "analysi", "punctur", "tap", "workup", "assess",
             "evalu", "laboratori", "mri", "ct", "emg", "screen", "marker"),  # not antibodies: a treatment removes them too
    # English's words of frequency; not "some" or "most" (a share of people, a superlative: "the most effective
    # treatment plan") and not "typically" (a manner: "typically used to diagnose")
    "frequency": ("often", "frequent", "infrequ", "common", "uncommon", "rare", "usual", "unusu", "sometim", "occasion",
                  "seldom"),
}
# A place in the body asked for ("where in the body", "which part", "which organs"): the body's parts answer it, not
# countries.
_BODY_ASK = re.compile(r"\b(?:body|bodies|organs?|parts?|joints?|tissues?|skin|brain|nerves?|nervous)\b", re.IGNORECASE)
_BODY = ("part", "organ", "bodi", "tissu", "system", "brain", "spinal", "nerv", "joint", "skin", "kidney", "gland")
# A profession asked for ("which doctor", "who treats"): people in general ("patients", "people") do not answer it.
_PROFESSION_ASK = re.compile(r"\b(?:doctors?|specialists?|physicians?|professionals?|experts?)\b|"
                             r"\bwho\s+(?:treats?|diagnos\w*|looks\s+after|manages?|should|do\s+i|to\s+see)\b", re.IGNORECASE)
_PEOPLE = ("peopl", "patient", "individu", "person", "provid")  # "healthcare providers will assess" names no profession
_WORD = re.compile(r"[a-z][a-z-]*")
SHORT_STEM = 5


def intent_of(question: str) -> Intent | None:
    """The kind of answer the question's frame asks for, or None (a "what is", a list, a yes/no on a topic)."""
    q = question.strip().lower()
    return next((intent for intent, frame in _FRAMES if frame.search(q)), None)


def family_of(intent: Intent, question: str) -> tuple[str, ...]:
    """The stems a sentence answering `intent` holds; for a profession asked ("which doctor"), people in general
    are left out: "Patients may need ..." names no one who treats."""
    family = _FAMILIES[intent]
    if intent == "place" and _BODY_ASK.search(question):
        return _BODY
    if intent == "person" and _PROFESSION_ASK.search(question):
        return tuple(s for s in family if s not in _PEOPLE)
    return family


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """The sentence's words and their stems (the stemmer cuts "neurologists" to "neurolog", which "neurological"
    shares: the word itself keeps the profession apart)."""
    words = _WORD.findall(text.lower())
    return frozenset(words) | frozenset(stem(w) for w in words)


def says(family: tuple[str, ...], sentence: str) -> bool:
    """Does the sentence hold a word of the family (a word or stem starting with one of its stems; a stem of under
    SHORT_STEM letters must be the whole stem: "part" is not "partial", "caus" is "causes")?"""
    return any(s == f or (len(f) >= SHORT_STEM and s.startswith(f)) for s in _stems(sentence) for f in family)


def frame_family(question: str) -> tuple[str, ...]:
    """The family of the kind of answer the question's frame asks for, or () when it asks for none of the kinds."""
    intent = intent_of(question)
    return family_of(intent, question) if intent is not None else ()


def with_frame(overlap: float, question_weight: float, frame_weight: float, said: bool) -> float:
    """The word overlap with the frame counted as one more asked word of `frame_weight` (the question's words
    weighing `question_weight` in all): a sentence saying what the frame asks for shares it, one only on the
    topic does not. Why as a word: the overlap is how the composer reads "shares what was asked", and the frame
    is asked as much as the topic is."""
    total = question_weight + frame_weight
    return (overlap * question_weight + frame_weight * said) / total if total else overlap
