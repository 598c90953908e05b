"""A first turn the similarity gate lets through although the sentences chosen for it say nothing of what it asks:
a bare phrase none of whose words the answer uses, what an abbreviation stands for when no shown sentence spells
it out, an aspect of a named thing no shown sentence says of it ("how is lupus treated"), or whether an activity is
fine ("is it ok to drive after plasmapheresis") when no shown sentence names it.

Why: the support gate judges how close the best sentence is to the whole question, and on this short, one-subject
article an on-topic phrase is always close to something. "tingly fingers" or "night sweats pns" retrieve the symptom
bullets (cosine 0.3-0.65, above the gate) and the answer lists symptoms that are not the ones typed; "what does cea
stand for" retrieves the lumbar puncture bullet, which prints "CEA" but never its long form. Both are read from the
shown sentences, not from a list of what the article lacks: a bare phrase is answered when a shown sentence uses one
of its words (a stem match, or a lay word's article word that retrieval added: "always so thirsty" -> "thirst"), an
abbreviation's meaning when a shown sentence carries the glossary's long form of it ("computed tomography (CT)"),
an aspect when one shown sentence names the thing and a word of the aspect's family (treat-, therap-, caus- ...).
Measured on the sentence-embedding alternative first: the best enrichment-question cosine of the shown sentences
does not separate these (answerable controls as low as 0.0-0.3, these 0.3-0.5), so the words decide.
Such a turn passed the similarity gate, so it is about the article's subject: the caller answers `not_found`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.word_forms import stem

# Closed-class words that make a line a question or a sentence rather than a bare phrase ("tingly fingers").
_CLAUSE_WORDS = frozenset(
    "any anything anyone anybody what whats how why when where who whom whose which can could cant does do did dont doesnt is isnt are arent "
    "was were will would wont should shall may might must am tell explain describe define list give show help "
    "i im ive my me mine we our us you your ur u he she his her they their them it its".split())
_MAX_BARE_WORDS = 6
# Words that ask for an account of the thing named beside them, not for another thing ("pns meaning", "paraneoplastic
# syndrome definition", "pns explained", "pns overview"): a bare phrase of the subject and one of them asks what the
# subject is, which every definition sentence answers without using the word (a closed class, like the clause words).
_ACCOUNT_WORDS = frozenset("meaning meanings mean means definition definitions define defined explanation explained "
                           "explain overview summary basics intro introduction".split())
# "what does cea stand for", "cea stands for?", "what is cea short for", "full form of cea", "what does cea mean"
_EXPANSION_ASKS = (
    re.compile(r"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?(?P<x>[a-z0-9-]{2,8})\s+(?:stand|stands)\s+for\b"),
    re.compile(r"\b(?P<x>[a-z0-9-]{2,8})\s+(?:stand|stands)\s+for\b"),
    re.compile(r"\bwhat(?:\s+is|s|'s)\s+(?:the\s+)?(?P<x>[a-z0-9-]{2,8})\s+short\s+for\b"),
    re.compile(r"\b(?:full\s+form|long\s+form|abbreviation)\s+(?:of\s+)?(?P<x>[a-z0-9-]{2,8})\b"),
    re.compile(r"^\s*what\s+does\s+(?P<x>[a-z0-9-]{2,8})\s+mean\b"),
)
_WORD = re.compile(r"[a-z]+")
# "what causes multiple sclerosis", "how is lupus treated", "symptoms of trousseau syndrome": an aspect of a named thing.
_ASPECT_ASKS = (
    re.compile(r"^what\s+(?P<a>causes)\s+(?P<x>.+)$"),
    re.compile(r"^how\s+(?:is|are|do\s+you|do\s+doctors|can\s+you)\s+(?P<x>.+?)\s+(?P<a>treated|diagnosed|cured|managed)\b"),
    re.compile(r"^(?:what\s+(?:is|are)\s+)?(?:the\s+)?(?:(?:main|early|common|usual)\s+)?(?P<a>symptoms?|signs?|causes?|"
               r"treatments?|cures?)\s+(?:of|for)\s+(?P<x>.+)$"),
)
# "signs of the rheumatologic kind": words that name which member of a list is meant, not a thing of their own.
_KIND_WORDS = frozenset("kind kinds type types one ones form forms sort sorts variety".split())
# The leading letters of the words a sentence says an aspect with (a word family, not the article's content).
_ASPECT_WORDS = {"caus": ("caus", "trigger", "lead", "result", "due", "link", "associat", "risk"),
                 "trea": ("treat", "therap", "manag", "cur", "surg", "chemo", "medic", "steroid", "immunotherap"),
                 "cure": ("treat", "therap", "manag", "cur", "recover", "revers"),
                 "mana": ("treat", "therap", "manag"),
                 "diag": ("diagnos", "test", "imag", "scan", "detect", "identif"),
                 "symp": ("symptom", "sign", "present", "caus"), "sign": ("symptom", "sign", "present", "caus")}
# "is it ok to drive after plasmapheresis", "is it safe to fly with pns": whether an activity is fine, asked by the
# activity's own words (up to a preposition or the end).
_ACTIVITY_ASK = re.compile(r"\b(?:is\s+it|its|it\s+is|is\s+that)\s+(?:ever\s+|still\s+)?(?:ok|okay|safe|fine|alright|"
                           r"all\s+right|allowed|dangerous|bad)\s+to\s+(?P<x>[a-z]+(?:\s+(?!(?:after|with|during|while|"
                           r"when|if|on|in|for|before|from|at)\b)[a-z]+){0,3})")


def _bare_words(question: str) -> list[str] | None:
    """The words of a bare phrase (no question word, auxiliary or pronoun; a few words), else None."""
    words = _WORD.findall(question.lower().replace("'", "").replace("’", ""))
    if not words or len(words) > _MAX_BARE_WORDS or any(w in _CLAUSE_WORDS for w in words):
        return None
    return words


def bare_phrase_uncovered(question: str, search_query: str, shown: str, subject_words: frozenset[str],
                          is_stopword: Callable[[str], bool]) -> list[str]:
    """The content words of a bare phrase when no shown sentence uses any of them (nor any word retrieval added for
    them), else []. The subject's own words ('pns', 'paraneoplastic') never count: every shown sentence is about it;
    nor does a word asking for an account of the subject named with it ("pns meaning": `_ACCOUNT_WORDS`)."""
    words = _bare_words(question)
    if words is None:
        return []
    content = [w for w in words if len(w) > 2 and not is_stopword(w) and w not in subject_words]
    if not content or (all(w in _ACCOUNT_WORDS for w in content) and any(w in subject_words for w in words)):
        return []
    added = [w for w in _WORD.findall(search_query.lower()) if len(w) > 2 and not is_stopword(w)
             and w not in subject_words]
    shown_stems = {stem(w) for w in _WORD.findall(shown.lower())}
    asked_stems = {stem(w) for w in (*content, *added)}
    return [] if asked_stems & shown_stems else content


def expansion_asked(question: str) -> str | None:
    """The abbreviation whose long form is asked ("what does cea stand for" -> 'cea'), else None."""
    q = question.lower().replace("’", "'")
    for pattern in _EXPANSION_ASKS:
        m = pattern.search(q)
        if m:
            return m.group("x")
    return None


def expansion_uncovered(question: str, long_forms: Callable[[str], Iterable[str]], shown: str) -> str | None:
    """The abbreviation asked about when the glossary knows its long form but no shown sentence spells it out (the
    article prints "CEA" only), else None. One the glossary does not know is the unknown-terms check's business."""
    abbr = expansion_asked(question)
    if abbr is None:
        return None
    forms = [f.lower() for f in long_forms(abbr) if f]
    if not forms:
        return None
    text = re.sub(r"[-\s]+", " ", shown.lower())
    return None if any(re.sub(r"[-\s]+", " ", f) in text for f in forms) else abbr


def activity_uncovered(question: str, shown: str, is_stopword: Callable[[str], bool]) -> list[str]:
    """The activity of an "is it ok to X" ask when no shown sentence uses any of its words, else []: the sentences
    found for the treatment or condition named after it say nothing of driving, flying or working."""
    m = _ACTIVITY_ASK.search(question.lower().replace("'", "").replace("’", ""))
    if m is None:
        return []
    words = [w for w in m.group("x").split() if len(w) > 2 and not is_stopword(w)]
    shown_stems = {stem(w) for w in _WORD.findall(shown.lower())}
    return words if words and not {stem(w) for w in words} & shown_stems else []


def aspect_uncovered(question: str, units: Sequence[str], subject_words: frozenset[str],
                     is_stopword: Callable[[str], bool]) -> str | None:
    """The named thing of "what causes X" / "how is X treated" / "symptoms of X" when no shown unit names both X
    and the aspect asked (the sentence found for "how is lupus treated" lists lupus among the conditions that mimic
    the syndromes and says nothing of treating it), else None. Asked of the subject itself it is never judged here.
    A unit is a shown sentence, or what the caller reads as one statement (a bullet with its heading, a type bullet
    with its family's symptoms bullet: support_gate.shown_units)."""
    q = question.strip().lower().rstrip("?.! ")
    for pattern in _ASPECT_ASKS:
        m = pattern.match(q)
        if m is None:
            continue
        named = [w for w in _WORD.findall(m.group("x")) if len(w) > 2 and not is_stopword(w)
                 and w not in _CLAUSE_WORDS and w not in _KIND_WORDS]
        if not named or any(w in subject_words for w in named):
            return None
        family = _ASPECT_WORDS.get(m.group("a")[:4], ())
        named_stems = {stem(w) for w in named}
        for sentence in units:
            words = _WORD.findall(sentence.lower())
            if named_stems & {stem(w) for w in words} and any(w.startswith(family) for w in words):
                return None
        return " ".join(named)
    return None
