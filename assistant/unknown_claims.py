"""A yes/no question about the condition that hinges on one word the article does not speak of (check 5 of
assistant/abstention.py): "is pns contagious", "does stress cause it", "can you catch it from someone".

Why its own module: the gate's other checks read the passages and the corpus vocabulary; this one reads the
question's grammar (a cause, a way of getting it, a property) and the article's own sentences through
assistant/claim_evidence.py, and it is called by triage (Triage.subject_of) before any passage is retrieved.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.abstention import GENERIC, STOP, SUBJECT_END
from assistant.claim_evidence import ClaimEvidence
from assistant.lay_terms import meanings_of

# Yes/no questions that ask whether something causes, spreads or describes the condition ("does stress cause pns",
# "is it caused by a virus", "can you catch it from someone", "is pns contagious"): what they hinge on is one word.
_CONDITION = r"(?:it|this|that|they|them|pns|paraneoplastic(?:\s+syndromes?)?|these\s+syndromes)"
_CAUSE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"^(?:can|could|does|do|did|will|would|may|might)\s+(?P<x>.+?)\s+(?:cause|trigger|give|bring on|set off|lead to)\s+"
    rf"(?:you\s+|people\s+|someone\s+)?{_CONDITION}\b",
    r"\b(?:caused|triggered|brought on|set off)\s+by\s+(?P<x>.+)$",
    rf"^(?:can|could|do|does|will|would)\s+(?:you|i|we|people|one|someone|anyone|a person|others)\s+"
    rf"(?P<x>[a-z]+)\s+(?:{_CONDITION}\s+)?(?:from|off|to|between|through|via|by)\b",
    # passive, with the condition named: "is pns spread by coughing", "is it passed between people"
    rf"^(?:is|are)\s+{_CONDITION}\s+(?P<x>[a-z]+)\s+(?:from|off|between|through|via|by)\b",
    # "can pns be caught from a blood transfusion", "can it be passed through kissing" (not "by": "can it be cured
    # by surgery" asks about a treatment)
    rf"^(?:can|could|will|would|may|might)\s+{_CONDITION}\s+be\s+(?P<x>[a-z]+)\s+(?:from|off|between|through|via)\b",
    # "can you get pns from a blood transfusion": what it is got from
    rf"\b(?:get|getting|catch|catching|contract|develop|developing)\s+{_CONDITION}\s+from\s+(?P<x>.+)$",
    # "does caffeine make pns worse"
    rf"^(?:can|could|does|do|did|will|would|may|might)\s+(?P<x>.+?)\s+(?:make|makes)\s+{_CONDITION}\s+worse\b",
    # the phrasal verb split by its object: "can stress bring it on", "could a virus set pns off"
    rf"^(?:can|could|does|do|did|will|would|may|might)\s+(?P<x>.+?)\s+(?:bring|brings|set|sets|kick|kicks)\s+"
    rf"{_CONDITION}\s+(?:on|off)\b",
))
# "can you inherit it", "can someone catch pns": a way of getting the condition, with nothing after it. Unlike a
# cause (an agent: "vaccines" is not "immunotherapy"), a way of getting it may be worded otherwise by the article.
_WAY_PATTERN = re.compile(rf"^(?:can|could|do|does|will|would)\s+(?:you|i|we|people|one|someone|anyone|a person|others)\s+"
                          rf"(?P<x>[a-z]+)\s+{_CONDITION}$", re.IGNORECASE)
# With the condition named, or a pronoun on a first turn (nothing earlier for "it" to point to, so it is the
# article's subject); in a follow-up "is it permanent" may be asked of anything the previous turn named.
_NAMED = r"(?:pns|paraneoplastic(?:\s+syndromes?)?)"
_PROPERTY_TAIL = (r"\s+(?P<kind>a\s+|an\s+)?(?:(?:form|type|kind|sort)\s+of\s+(?:an?\s+)?)?"
                  r"(?P<x>[a-z]+)(?:\s+(?:thing|disease|condition|illness|problem))?$")
_PROPERTY_PATTERN = re.compile(rf"^(?:is|are)\s+{_NAMED}{_PROPERTY_TAIL}", re.IGNORECASE)
_FIRST_TURN_PROPERTY = re.compile(rf"^(?:is|are)\s+(?:{_NAMED}|it|this|they){_PROPERTY_TAIL}", re.IGNORECASE)
# "does it spread", "can pns spread to others", "does it spread like an infection does": an act of the condition itself,
# asked by its verb (the condition the grammatical subject), alone, with a comparison, or towards people (`_PEOPLE`).
# Not towards a place ("can it spread to the brain"): the article answers which organs it affects.
_ACT_PATTERN = re.compile(rf"^(?:does|do|can|could|will|would|may|might)\s+{_CONDITION}\s+(?:ever\s+|also\s+)?"
                          rf"(?P<x>[a-z]+)(?:\s+like\b.*|\s+(?:to|between|among)\s+(?:other\s+|the\s+|my\s+|your\s+)?"
                          rf"(?P<who>[a-z]+))?$", re.IGNORECASE)
# The passive spread pattern's word is a verb's participle ("spread", "passed", "transmitted", "caught"), never an
# adverb ("is it always from lung cancer", "is it mostly by smoking"): the article may well answer those.
_PARTICIPLE_END = ("ed", "en", "wn", "ght")
# An abbreviation typed in lower case ("std", "hiv", "copd"): short, and no word of the corpus or its glossary.
_ABBREVIATION = re.compile(r"^[a-z]{2,5}$")


def _unused_form(word: str, vocab: frozenset[str]) -> bool:
    """Neither the word nor its inflected forms (by its own ending: 'viruses', 'inherited', 'catching') nor a word
    sharing its first six letters is in the corpus; stricter than `_never_used`, which clips letters blindly
    ('catch' -> 'cat')."""
    forms = {word, word + "s", word + "es"} | {word[: -len(end)] for end in ("s", "es", "ed", "d", "ing")
                                                if word.endswith(end) and len(word) - len(end) >= 3}
    stem = word[:6] if len(word) >= 6 else None
    return not (forms & vocab or (stem is not None and any(v.startswith(stem) for v in vocab)))


def _verb_form(word: str, english: frozenset[str]) -> bool:
    """The word reads as a verb's participle: a participle ending, or a verb whose -ing form English has
    ("spread": "spreading"); "always" or "mostly" has neither."""
    return word.endswith(_PARTICIPLE_END) or any(f"{base}ing" in english for base in (word, word[:-1]))


def unknown_claim(question: str, vocab: frozenset[str], english: frozenset[str],
                  common: frozenset[str] = frozenset(), evidence: ClaimEvidence | None = None,
                  family: Callable[[str], tuple[str, ...]] | None = None,
                  everyday: frozenset[str] = frozenset(), first_turn: bool = False) -> tuple[str, bool] | None:
    """(the word a yes/no question about the condition hinges on, whether it asks about a cause or spread or a
    property of an unnamed condition) when
    the article does not speak of it, else None.

    Why: "is pns contagious", "does stress cause it" or "can you catch it from someone" retrieve the definition
    (every other word is on topic), so the similarity gate lets them through and the answer is generic sentences
    that do not say yes or no; the article says nothing about contagion, stress or vaccines. The very common
    English words (`common`: "get", "have", "go") are never the word such a question hinges on. A cause or
    spread ask is about the condition even when it only says "it", so the caller reads it as on topic.
    With the article's `evidence` (assistant/claim_evidence.py), a cause phrase is the article's only when its
    words stand together in one sentence ("eating sugar" is not: "blood sugar" is), a cause phrase naming the
    subject's own cause words (the cancer, the tumour, the immune response) is one the article answers yes or no
    ("is it caused by the cancer spreading": `ClaimEvidence.speaks_to_cause`), and a property only when the
    article uses it other than for the diseases PNS is mistaken for ("infectious"); `family` rescues a property
    the article words otherwise ("hereditary", "inherit": "genetically predisposed"). A property that is a short
    word the corpus never uses and not an `everyday` English word ("std", "copd", not "bad") is an abbreviation
    the corpus never uses: the article cannot say the condition is one. On a `first_turn`, "is it X" is asked of
    the article's subject (nothing earlier names another), so it is judged as "is pns X" is.
    """
    q = _bare(question)
    return _unknown_cause(q, vocab, english, common, evidence, family) \
        or _unknown_property(q, vocab, english, common, evidence, family, everyday, first_turn) \
        or _unknown_act(q, vocab, english, family)


def _unknown_act(q: str, vocab: frozenset[str], english: frozenset[str],
                 family: Callable[[str], tuple[str, ...]] | None) -> tuple[str, bool] | None:
    """An act of the condition asked by a verb the article never uses in any form and words no other way ("does it
    spread": the article says symptoms "progress" and cells are attacked, never that the condition spreads):
    (the verb, True), else None. Unlike a property, the verb is judged even when everyday English ("spread"): an
    act the condition is asked to do is the question's whole point, and the article's family words rescue one it
    words otherwise ("does it worsen": "worsen"; "can it heal": its family's "recovery"). Without the article's
    word families (`family`) nothing is judged: a verb cannot be told unknown from worded otherwise."""
    m = _ACT_PATTERN.match(q)
    if m is None or family is None:
        return None
    word = m.group("x").lower()
    if m.group("who") and m.group("who").lower() not in GENERIC and m.group("who").lower() != "others":
        return None
    if len(word) < 4 or word not in english or word in STOP or word in GENERIC or not _verb_form(word, english):
        return None
    if not _unused_form(word, vocab) or family(word):
        return None
    return word, True


def _unknown_cause(q: str, vocab: frozenset[str], english: frozenset[str], common: frozenset[str],
                   evidence: ClaimEvidence | None, family: Callable[[str], tuple[str, ...]] | None) -> tuple[str, bool] | None:
    """A cause or spread ask ("does stress cause it", "can you catch it") hinging on words the article does not speak
    of together (unknown_claim's docstring): (the word, True), else None."""
    for pattern in (*_CAUSE_PATTERNS, _WAY_PATTERN):
        m = pattern.search(q)
        if m:
            words = [w for w in re.findall(r"[a-z]+", SUBJECT_END.sub("", m.group("x")).lower())
                     if len(w) >= 4 and w in english and w not in STOP and w not in common and w not in GENERIC]
            if not words or (pattern in _CAUSE_PATTERNS[3:5] and not _verb_form(words[0], english)):
                continue
            if pattern is _WAY_PATTERN and _is_property(words[0], vocab, evidence, family):
                continue  # "can you inherit it": the article speaks of it in its own words
            if pattern is not _WAY_PATTERN and evidence is not None \
                    and evidence.speaks_to_cause(re.findall(r"[a-z]+", m.group("x").lower())):
                continue  # "is it caused by the cancer spreading": the article says what causes it
            # every content word unknown ("a mobile phone"), or, with the article's sentences, its words never
            # together in one ("eating sugar"); not "the cancer cells spreading" (the article says what they do)
            if all(_unused_form(w, vocab) for w in words) or (evidence is not None and not evidence.together(words)):
                return next((w for w in words if _unused_form(w, vocab)), words[-1]), True
    return None


def _unknown_property(q: str, vocab: frozenset[str], english: frozenset[str], common: frozenset[str],
                      evidence: ClaimEvidence | None, family: Callable[[str], tuple[str, ...]] | None,
                      everyday: frozenset[str], first_turn: bool) -> tuple[str, bool] | None:
    """A property ask ("is pns contagious", "is it an std") the article does not say of the condition (unknown_claim's
    docstring): (the property, whether the condition goes unnamed), else None."""
    m = (_FIRST_TURN_PROPERTY if first_turn else _PROPERTY_PATTERN).match(q)
    if m:
        word = m.group("x").lower()
        if word in common or word in GENERIC or word in STOP:
            return None
        if m.group("kind") and evidence is not None and evidence.contrasted(word):
            return None  # "is it an infection": the article says infections are what it is mistaken for
        # asked of the article's subject by a pronoun (first turn): on topic though the condition goes unnamed
        unnamed = re.match(rf"^(?:is|are)\s+{_NAMED}\b", q, re.IGNORECASE) is None
        if unnamed and word.endswith("ing"):
            return None  # "is it raining", "is it working": a progressive verb, not a property of the condition
        if word not in vocab and word not in everyday and (_ABBREVIATION.match(word) or word not in english) \
                and not meanings_of(word):  # "fatal" is short but the lay map's word for the article's "outlook"
            return word, unnamed  # an abbreviation the corpus never uses ("std", "hiv"), or a word it cannot read
        if len(word) >= 4 and word in english and not _is_property(word, vocab, evidence, family):
            return word, unnamed
    return None


def _bare(question: str) -> str:
    """The question without its closing punctuation, as the patterns above read it."""
    return re.sub(r"[?.!\s]+$", "", question.strip())


def asks_a_property(question: str) -> bool:
    """A first question of the form "is it X" / "is pns X": a property asked of the article's subject."""
    return _FIRST_TURN_PROPERTY.match(_bare(question)) is not None


def _is_property(word: str, vocab: frozenset[str], evidence: ClaimEvidence | None,
                 family: Callable[[str], tuple[str, ...]] | None) -> bool:
    """The article speaks of `word` as a property of its subject: the word itself, used other than for the
    diseases PNS is mistaken for, or (a word the corpus never uses) a word of its family."""
    if not _unused_form(word, vocab):
        return evidence is None or evidence.predicated(word)
    return family is not None and bool(family(word))
