"""A first question that names its subject only by a pronoun and asks something the article leaves unsaid about it.

Why: "can kids get this" or "what age does it usually start" name no word of the subject, and retrieval finds little
for them, so the refusal fell to out_of_scope. With no earlier turn, "it" and "this" can only mean the one subject this
assistant covers (assistant/conversation.resolve_first_turn reads them so when every word is the corpus's); such a
question is on topic and the article's silence on it is not_found. The question must ask who gets it: a group of
people the article never names (the gate's own check, abstention.unknown_group) or an age, and must name nothing
else: "will it rain in london tomorrow" and "tell me a joke about it" ask neither, so they stay out of scope. Other
figures are not enough: "how much does it cost to fly to paris" asks a figure of a pronoun that is not the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.abstention import unknown_group

if TYPE_CHECKING:
    from assistant.parts import Parts
    from assistant.triage import Triage

# A pronoun standing for the subject; "that" is left out (it mostly introduces a clause: "is it true that ...").
_PRONOUN = re.compile(r"\b(?:it|this|these|they|them)\b", re.IGNORECASE)
# An age asked of the pronoun: who gets it, by age ("at what age does it start", "how old are people who get it").
_AGE_ASK = re.compile(r"\b(?:what|which)\s+age\b|\bhow\s+old\b|\b(?:average|mean|usual|typical)\s+age\b|\bage\s+groups?\b",
                      re.IGNORECASE)


def asks_of_unnamed_subject(question: str, vocab: frozenset[str], names_nothing_else: Callable[[str], bool]) -> bool:
    """True when a first question's subject is only a pronoun, the article is silent on a group or age asked of it,
    and every other word is the corpus's or everyday English (`names_nothing_else`, the group word left out)."""
    if not _PRONOUN.search(question):
        return False
    group = unknown_group(question, vocab)
    if group is None and not _AGE_ASK.search(question):
        return False
    rest = re.sub(rf"\b{re.escape(group)}\b", " ", question, flags=re.IGNORECASE) if group else question
    return names_nothing_else(rest)


def first_turn_of_unnamed_subject(understood: Any, parts: "Parts", load_triage: "Callable[[], Triage] | None") -> bool:
    """A first question (the pipeline's `Understood`) asking a group or figure of "it": on topic, so not_found."""
    if understood.turns or understood.triaged is None or load_triage is None:
        return False
    return asks_of_unnamed_subject(understood.triaged.normalised.text, parts.vocab, load_triage().names_nothing_else)
