"""Syndromes the article names only as examples of a group, and questions that ask an aspect of one.

Why: "whats the treatment for lambert eaton" or "how do you test for cerebellar degeneration" name a syndrome the
article mentions once, as an example in its list of types ("Neurological: Disorders affecting the brain, spinal
cord, and peripheral nerves, such as Lambert-Eaton myasthenic syndrome and paraneoplastic cerebellar
degeneration"). Searched as typed, that one bullet outscores every sentence about treatment or tests, and the
answer says what the syndrome is instead of how it is treated. What the article says about treating or testing
the group is all it says about the member, so the aspect is searched for the group instead ("whats the treatment
for neurological paraneoplastic syndromes"); retrieval only, the question shown is unchanged. The members and
their groups are read from the article's own types list (assistant/triage_vocabulary.group_labels), not from a table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.aspects import ASPECT_ASK

# Words of a member's name that do not identify it on their own.
_GENERIC = frozenset({"paraneoplastic", "syndrome", "syndromes", "disease", "diseases", "disorder", "disorders"})
_EXAMPLES = re.compile(r"\b(?:such as|including|like)\s+(.+)$")
_CLAUSE = re.compile(r"\s*,?\s*\b(?:which|that|who)\b.*$")
_TOKEN = re.compile(r"\([a-z0-9]+\)|[a-z0-9]+")  # a bracketed abbreviation ("(lems)") is one token


def group_members(labels: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """A member's words -> its group's search phrase, from each types bullet's examples ('such as A and B')."""
    members: dict[tuple[str, ...], str] = {}
    for label, text in labels.items():
        m = _EXAMPLES.search(text)
        if not m:
            continue
        examples = _CLAUSE.sub("", m.group(1)).rstrip(". ")
        for part in re.split(r",\s*|\s+and\s+|\s+or\s+", examples):
            words = tuple(re.findall(r"[a-z]+", part.replace("’s", "").replace("'s", "")))
            if any(w not in _GENERIC for w in words):
                members[words] = f"{label.lower()} paraneoplastic syndromes"
    return members


def _same(token: str, word: str) -> bool:
    return token == word or token == word + "s" or token == "s"  # "cushings", "cushing's" name Cushing's syndrome


def widen_member(query: str, members: Mapping[tuple[str, ...], str]) -> str:
    """`query` with every mention of a named member replaced by its group when the query asks an aspect of it
    (module docstring): "lems treatment (sclc and lems connection)" leaves no mention that finds the bullet."""
    for _ in range(3):  # a follow-up's rewrite names the member at most in the ask and its bracketed earlier turn
        widened = _widen_once(query, members)
        if widened == query:
            break
        query = widened
    return query


def _widen_once(query: str, members: Mapping[tuple[str, ...], str]) -> str:
    low = query.lower().replace("-", " ")  # same length as `query`: spans found in one apply to the other
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(low)]
    for words, group in members.items():
        key = next(w for w in words if w not in _GENERIC)
        at = next((i for i, (t, _, _) in enumerate(tokens) if t in (key, key + "s")), None)
        if at is None:
            continue
        first = last = at
        while first > 0 and any(_same(tokens[first - 1][0], w) for w in words):
            first -= 1
        while last + 1 < len(tokens) and (any(_same(tokens[last + 1][0], w) for w in words)
                                          or tokens[last + 1][0].startswith("(")):
            last += 1
        start, end = tokens[first][1], tokens[last][2]
        if not ASPECT_ASK.search(low[:start] + " " + low[end:]):
            return query
        return query[:start] + group + query[end:]
    return query
