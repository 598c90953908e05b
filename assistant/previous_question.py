"""Reading a follow-up with the previous question when it names nothing a pronoun could stand for.

Why its own step: "how does that happen" after "can pns affect the kidneys" points at the whole claim, "can those
replace chemo" at the previous answer's items, and "what kind of ongoing care" names no subject at all; putting a
topic phrase in place of 'that' would ask a different, often ungrammatical question, and searching the bare
follow-up would lose the conversation's subject. Such a follow-up is searched with the previous question in
brackets (with_previous).
"""

from __future__ import annotations

import re

from assistant.references import CLASS_RE, DEM_NOUN_RE, demonstrative, first_pronoun
from assistant.aspects import ASPECT_RE
from assistant.topics import AUX, topic_of


def strip_connective(question: str) -> str:
    """`question` without a leading 'and' / 'so' / 'ok' ..., capitalised: a rewritten question reads on its own."""
    stripped = re.sub(r"^(?:and|but|so|also|ok|okay|then)[,\s]+", "", question.strip(), flags=re.IGNORECASE)
    return stripped[:1].upper() + stripped[1:] if stripped else stripped


def with_previous(question: str, previous: str) -> str:
    """`question` searched with the previous question in brackets (flattened, so a chain never nests brackets)."""
    earlier = previous.rstrip("?.! ").replace(" (", ", ").replace(")", "")
    return f"{question.rstrip('?.! ')} ({earlier})?"


# 'those' / 'these' standing alone ('can those replace chemo'): they point at the previous answer's items.
_BARE_PLURAL_RE = re.compile(rf"\b(?:those|these)\b(?!\s+(?:{CLASS_RE})\b)(?=\s+(?:{AUX}|can|could|will|work|help|go|come|last|get|replace|cause|mean|need|matter|hurt|stop|happen)\b|\s*[?.!]*$)"
                             rf"|\b(?:are|were|of|about|from|with|for)\s+(?:those|these)\b(?!\s+(?:{CLASS_RE}|who|which|that)\b)", re.IGNORECASE)


# A previous question that states a claim rather than naming a thing: a yes/no question ('can pns affect the
# kidneys'), or one asking for an aspect ('whats the outlook for ...'). 'that' after it means the claim or the answer.
_ASKS_A_CLAIM = re.compile(rf"^(?:{AUX})\b(?!.*\b(?:mentioned|covered|discussed|named|listed)\b)"
                           rf"|^(?:what|how)(?:'s|\s+is|\s+are|\s+about)\s+(?:the\s+)?(?:{ASPECT_RE})\b", re.IGNORECASE)


def names_a_proposition(question: str, previous: str) -> bool:
    """True when the only reference is a bare 'those'/'these' (the previous answer's items), or a bare 'that'/'this'
    after a claim or a question naming no topic: substituting a topic phrase there would ask a different, often
    ungrammatical question ('what affects that' -> 'what affects people recover')."""
    if DEM_NOUN_RE.search(question) or first_pronoun(question) is not None:
        return False
    if _BARE_PLURAL_RE.search(question):
        return True
    claim = bool(_ASKS_A_CLAIM.match(strip_connective(previous))) or topic_of(previous) is None
    return claim and demonstrative(question) is not None


CONTEXT_WORDS = 6  # a follow-up this short that names no topic of its own is read with the previous question
_TOPIC_WORD = re.compile(r"\b(?:paraneoplastic|pns|syndromes?)\b", re.IGNORECASE)


def leans_on_previous(question: str) -> bool:
    """A short follow-up with no pronoun and no topic phrase of its own continues the previous question's subject."""
    from assistant.sentences import content_terms

    words = re.findall(r"[\w'-]+", question)
    return (0 < len(words) <= CONTEXT_WORDS and bool(content_terms(question)) and topic_of(question) is None
            and not _TOPIC_WORD.search(question))


# "what else is used", "anything else", "any others": more of what the previous turn was about, besides what it showed.
_ASKS_FOR_MORE = re.compile(r"\b(?:else|others|other (?:ones|options|things|ways|kinds|types))\b", re.IGNORECASE)


def asks_for_more(question: str) -> bool:
    """A short follow-up asking for more of the previous turn's kind ("what else is used" after "how does ivig work")
    that names no topic of its own: its words ('used', 'else') say nothing of the subject, so it is read with the
    previous question, as a follow-up leaning on it is; searched bare it reads as off topic."""
    words = re.findall(r"[\w'-]+", question)
    return 0 < len(words) <= CONTEXT_WORDS and bool(_ASKS_FOR_MORE.search(question)) and not _TOPIC_WORD.search(question) \
        and (topic_of(question) is None or bool(_ASKS_FOR_MORE.search(topic_of(question) or "")))
