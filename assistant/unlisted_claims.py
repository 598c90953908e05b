"""Yes/no asks about an effect of the condition, or a thing acting on it, that the article never names.

Why: "does pns make your eyes go yellow", "can it give you hiccups", "does drinking milk help pns" or "is green tea
bad for pns" retrieve the symptom and treatment lists (every other word is on topic), so the similarity gate lets them
through and the answer lists symptoms that do not say yes or no. The article lists its effects and its treatments;
an effect or an agent none of whose words it uses, in any of their forms, in its lay-word map
(assistant/data/lay_terms.json: "fits" -> seizures, "throw up" -> vomiting, "forgetful" -> memory problems) or in
the family of its words (the bundled MiniLM word vectors, assistant/claim_evidence.WordFamily: "tired" -> fatigue,
"itchy" -> itching, "swollen" -> swelling), is one the article cannot answer: not_found, never out of scope (the
question is about the condition even when it says "it").

One known word is enough to answer ("hearing loss": "weight gain or loss"; "erectile problems": "memory problems"):
refusing an answerable question costs more than answering one the article leaves open, so only a phrase with no
word of the article's is refused. The family threshold is higher than the property family's (0.55): a body part is
near the article's other body parts ("eyes" ~ "brain" 0.53, "hair" ~ "skin" 0.59) without being one it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# A word of an effect or agent phrase is the article's when one of its words is at least this close (MiniLM cosine;
# measured: 'tired' ~ 'fatigue' 0.72, 'dizzy' ~ 'dizziness' 0.81, 'chemo' ~ 'chemotherapy' 0.76, while 'hair' ~
# 'skin' 0.59, 'blind' ~ 'impairment' 0.57, 'eyes' ~ 'brain' 0.53, 'smell' ~ 'smoking' 0.51 are other things).
EFFECT_SIMILARITY = 0.6

_CONDITION = r"(?:it|this|pns|paraneoplastic\s+syndromes?|these\s+syndromes)"
_NAMED = re.compile(r"\b(?:pns|paraneoplastic\s+syndromes?|these\s+syndromes)\b", re.IGNORECASE)
_ASK = r"^(?:does|do|can|could|will|would|might|may|should)\s+"
# "does pns cause hiccups", "can it make your hair fall out", "can it give u a fever": the condition's effect. Not
# "does it affect / damage X": X is then a part or function of the body ("the way you talk"), which the article
# names by its organ system ("neurological") more often than by the asked word.
_EFFECT = re.compile(rf"{_ASK}{_CONDITION}\s+(?:cause|causes|give|make|lead\s+to|bring\s+on|trigger|"
                     rf"mess\s+up)\s+(?P<x>.+)$", re.IGNORECASE)
# "does drinking milk help pns", "can zinc prevent it", "is green tea bad for pns", "is there a vaccine against pns",
# "can you drink beer on steroids for pns".
_AGENTS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"{_ASK}(?P<x>.+?)\s+(?:help|helps|prevent|prevents|stop|stops|cure|cures|treat|treats|fix|reverse|worsen|slow|"
    rf"improve|protect\s+against)\s+(?:with\s+|against\s+|for\s+)?(?:the\s+\w+\s+(?:kind|type)\s+of\s+)?{_CONDITION}\b",
    rf"{_ASK}(?P<x>.+?)\s+(?:make|makes)\s+(?:{_CONDITION}|(?:the\s+|its\s+)?symptoms)\s+worse\b",
    r"^(?:is|are)\s+(?P<x>.+?)\s+(?:good|bad|ok|okay|safe|helpful|harmful|dangerous|useful|healthy)\s+"
    r"(?:for|with|during|on)\b",
    # "can you drink beer on steroids for pns", "can i take aspirin with pns": a thing taken, the condition named after
    rf"{_ASK}(?:you|u|i|we|people|someone|patients)\s+(?:take|use|drink|eat|try|have)\s+(?P<x>.+?)\s+"
    rf"(?:for|with|on|during|while)\b.*\b{_CONDITION}\b",
    rf"^(?:is|are)\s+there\s+(?:a|an|any)\s+(?P<x>.+?)\s+(?:for|against|to\s+prevent|to\s+stop)\s+{_CONDITION}\b",
))
# Words of the phrase that say how the thing is taken or felt, not what it is ("taking zinc", "make you feel dizzy").
_FRAME = frozenset("you your ur people someone anyone taking eating drinking using wearing having getting doing feel "
                   "feeling really very lot lots all time".split())
_TAIL = re.compile(r"\s+(?:when|if|that|which|while|because|though|after|before|during)\b.*$", re.IGNORECASE)


def phrase_words(phrase: str, generic: Collection[str], is_stopword: Callable[[str], bool]) -> list[str]:
    """The content words of an effect or agent phrase: no stopwords, very frequent words or framing words."""
    phrase = _TAIL.sub("", phrase)
    return [w for w in re.findall(r"[a-z]+", phrase.lower())
            if len(w) >= 3 and not is_stopword(w) and w not in generic and w not in _FRAME]


def asked_phrase(question: str, first_turn: bool) -> str | None:
    """The effect or agent phrase of a yes/no ask about the condition, or None. On a follow-up "it" may be the
    previous turn's treatment, so the condition must be named there; on a first turn "it" is the article's subject."""
    q = re.sub(r"[?.!\s]+$", "", question.strip())
    if not first_turn and not _NAMED.search(q):
        return None
    m = _EFFECT.match(q) or next((m for p in _AGENTS if (m := p.match(q))), None)
    if m is None or (m.re is _AGENTS[2] and not re.search(rf"\b{_CONDITION}\b", q[m.end("x"):], re.IGNORECASE)):
        return None
    return m.group("x")


def unlisted_word(question: str, first_turn: bool, known: Callable[[str], bool], near: Callable[[str], bool],
                  lay: Callable[[str], bool], generic: Collection[str],
                  is_stopword: Callable[[str], bool]) -> str | None:
    """The first word of an asked effect or agent none of whose words the article uses (module docstring), else None.

    `known`: the corpus uses the word in some form; `near`: the article has a word of its family
    (EFFECT_SIMILARITY); `lay`: the lay-word map gives the phrase an article word."""
    phrase = asked_phrase(question, first_turn)
    if phrase is None:
        return None
    words = phrase_words(phrase, generic, is_stopword)
    if not words or lay(phrase) or any(known(w) for w in words):
        return None
    if any(near(w) for w in words) or (len(words) > 1 and near(" ".join(words))) or near(phrase.strip().lower()):
        return None
    return words[0]
