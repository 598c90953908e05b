"""Does a question ask for a list of items, or whether something holds?

Why its own module: the extractive composer (assistant/compose.py), the enriched composer and the multi-part
splitter all answer a list question differently from a one-fact question (more sentences, bullet items first,
whole lists), so the reading of the question is shared rather than repeated in each.
"""

from __future__ import annotations

import re

from assistant.yes_no import YES_NO_CLAIM

LIST_QUESTION = re.compile(
    # which cancers / what symptoms / what nerve or brain symptoms / what new treatments (not: what is, what causes X)
    r"^\s*(?:(?:which|what)\s+(?:(?!(?:is|are|was|were|do|does|did|can|could|has|have|a|an|the|this|these|it)\b)[\w-]+\s+){0,3}?"
    r"(?!(?:is|was|does|has|this|causes|means|happens|makes|helps|leads|affects|treats|looks|works|gets|shows|starts|lasts)\b)[\w-]+[^s\W]s\b"
    # what are the symptoms / the conventional treatments / the complementary therapies / the risk factors
    r"|what\s+(?:are|were)\s+(?:the\s+)?(?:(?!(?:for|of|in|with|from)\b)[\w-]+\s+){0,2}?"
    r"(?:types|kinds|signs|symptoms|tests|treatments|therapies|approaches|options|causes|factors)\b"
    r"|how\s+(?:is|are|do|does|can|will)\b.*\b(?:diagnos\w*|treat\w*|manag\w*|test\w*|detect\w*|found)\b"
    r"|(?:list|name)\b)"
    r"|\b(?:types|kinds|options|examples)\s+of\b",
    re.IGNORECASE,
)


# "can other kinds of cancer cause it too", "do all patients recover", "are all cases from lung cancer": a yes/no
# question asks whether something holds, not for every item of a list, though it says "kinds" or "all".
# "are there other kinds", "can you list them", "do you know the types" still ask for the items.
def asks_yes_no(question: str) -> bool:
    """Does the question open as a yes/no question about something (not 'are there ...', 'can you ...')?"""
    return bool(YES_NO_CLAIM.match(question))


def asks_for_list(question: str) -> bool:
    """True when the question asks for several items (a list answers it better than one sentence)."""
    return bool(LIST_QUESTION.search(question)) and not asks_yes_no(question)


# More than the list pattern above: "all of them", "every option", "which ones" ask for every item too.
# "What else ...", "any other ...", "besides that", "what kind of ..." ask for the other items of a list as well.
LIST_HINT = re.compile(r"\b(?:all|every|each|list|options|types|kinds|ways|which ones|examples|else|other|others|besides|"
                       r"(?:kind|type|sort)s? of)\b", re.IGNORECASE)
# "all of a sudden", "tired all the time", "not at all", "after all", "each other": "all"/"each" asking for no items
# "what kind of doctor treats this": one answer about who, not every item of a list
NOT_A_LIST = re.compile(r"\b(?:all\s+of\s+a\s+sudden|all\s+(?:the\s+)?time|at\s+all|after\s+all|all\s+day|each\s+other|"
                        r"(?:kind|type|sort)s?\s+of\s+(?:doctors?|specialists?|physicians?|experts?|professionals?))\b",
                        re.IGNORECASE)
WANTS_EVERY_ITEM = re.compile(r"\b(?:all|every|each|list|types|kinds|others?|else|besides)\b", re.IGNORECASE)
# "what else", "any others", "besides skin": the items not named are the ones asked for, so no label focus then.
# "list the neurologic symptoms" asks for every item too, but of the one bullet it names (Levers.list_label_focus).
WANTS_OTHER_ITEMS = re.compile(r"\b(?:others?|else|besides)\b", re.IGNORECASE)


def hints_list(query: str) -> bool:
    """LIST_HINT outside the idioms that use its words for something else (NOT_A_LIST)."""
    return bool(LIST_HINT.search(NOT_A_LIST.sub(" ", query))) and not asks_yes_no(query)
