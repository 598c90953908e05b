"""The words that open a question, kept once for the readers of a message's shape.

Why one owner: the reader of coordinated asks (assistant/coordinated_asks.py), the reader of a message's asking clause
(assistant/asking_clause.py) and the multi-part splitter (assistant/multi_part.py) each wrote its own copy of the
question words as a regex table, and the copies drifted apart by a word or two with no reason written anywhere. Here
each reader takes the same word lists and says, where it leaves a word out, why.
"""

from __future__ import annotations

from collections.abc import Iterable

# The question words as people type them without an apostrophe ("whats", not "what's").
WH_WORDS = ("what", "whats", "how", "which", "why", "when", "where", "who")
# Their other spellings: the apostrophe forms, the object and possessive forms, and the fast-typing "wat".
WH_SPELLINGS = ("what's", "whom", "whose", "how's", "hows", "wat", "wats")
# The auxiliaries that open a yes/no question after a comma or a conjunction ("..., can it be cured").
ASK_AUXILIARIES = ("can", "could", "is", "are", "do", "does", "will", "would", "should")


def alternation(*groups: Iterable[str], without: Iterable[str] = ()) -> str:
    """The words of `groups` (less `without`) as one non-capturing regex group, each word once in the order given;
    the caller adds the word boundary it needs (`\\b`, or a following space)."""
    left_out = set(without)
    words = [w for group in groups for w in group if w not in left_out]
    return "(?:" + "|".join(dict.fromkeys(words)) + ")"
