"""A pronoun standing for an aspect that comes in degrees: "what makes it worse" after "whats the outlook for pns".

Why: the article says what worsens or improves the outlook (its prognosis factors), never what makes the condition
itself worse; read as "what makes pns worse", the follow-up found the sentences about worse outcomes in low-income
countries, and its own word "worse" chose among them. Only an aspect a condition has more or less of (its outlook,
prognosis, outcomes) is carried, and only into a "what/which" ask with a word of comparison or change, so "can it go
away" and "what causes it" keep the condition as their subject.
"""

from __future__ import annotations

import re

# The aspects a condition has more or less of: its outlook can be made worse or better, its cause cannot.
_GRADED_ASPECT = re.compile(r"\b(prognosis|outlook|outcomes?)\b", re.IGNORECASE)
# A "what/which" ask about what changes the pronoun's referent for better or worse ("what makes it worse", "what helps
# it", "whats bad for it"): the words of comparison and of changing something, by word family.
_GRADING = re.compile(r"\b(?:worse|worsens?|worsening|better|improv\w*|help\w*|hurt\w*|bad|good|affect\w*|influenc\w*|"
                      r"chang\w*|determin\w*)\b", re.IGNORECASE)
_ASKS_WHAT = re.compile(r"^(?:and\s+|so\s+|ok\s+)?(?:what|which)(?:'s|s)?\b", re.IGNORECASE)
_POINTER = re.compile(r"\b(?:it|its|they|them|this|that)\b", re.IGNORECASE)
_OF_OWNER = re.compile(r"^(?:the\s+)?(?:prognosis|outlook|outcomes?)\s+(?:of|for)\s+(.+)$", re.IGNORECASE)


def graded_aspect(question: str, previous: str) -> str | None:
    """The graded aspect ("outlook") the previous question asked when `question` asks, of a pronoun, what makes it
    worse or better; else None."""
    aspect = _GRADED_ASPECT.search(previous)
    asked = question.strip()
    if aspect is None or not _ASKS_WHAT.match(asked) or not _GRADING.search(asked) or not _POINTER.search(asked):
        return None
    return aspect.group(1).lower()


def graded_subject(question: str, previous: str, topic: str) -> str:
    """What `question`'s pronoun stands for: "the outlook of <topic>" when it asks what makes the previous question's
    graded aspect worse or better; the owner alone when the carried topic is such an aspect and the question asks
    something else ("can it go away completely" after "what makes the outlook of pns worse": pns); else `topic`."""
    aspect = graded_aspect(question, previous)
    owner = _OF_OWNER.match(topic)
    if aspect is None:
        return owner.group(1) if owner else topic
    if owner or _GRADED_ASPECT.search(topic):
        return topic
    return f"the {aspect} of {topic}"
