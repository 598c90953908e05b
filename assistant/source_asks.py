"""A follow-up that asks only for the sources of what was just said ("refs?", "ref", "source for that", "refs for the
emg bit"), read as the bibliography question it is about the previous question's subject.

Why its own step: typed alone, "refs?" names nothing; the elliptical-fragment rules then put it in the previous
question's place ("what is refs?") and the bibliography router, which takes a follow-up only when the typed words name
an entry, never sees it: the turn was not_found. A clinician chaining short asks means "the references for what you
just answered", so the ask becomes "sources for <previous standalone question>" (or for the part it names, "the emg
bit"), which the router answers from the inferred section -> reference links as it answers a first turn's
"sources for the emg". Only the bibliography's own nouns count as a source ask (not "studies" or "evidence", which
also ask about the research the article describes).
"""

from __future__ import annotations

import re

_SOURCE_NOUN = r"(?:refs?|references?|sources?|citations?|cites)"
_LEAD = r"(?:(?:and|so|ok(?:ay)?|also|any|the|your|got|pls|please|can i (?:get|have|see)|give me|what(?:'s| is| are)(?: the)?)[,\s]+)*"
_SOURCE_ASK = re.compile(rf"^{_LEAD}{_SOURCE_NOUN}(?:\s+(?:pls|please))?(?:\s+(?:for|on|of|to|behind|about)\s+(?P<what>.+?))?\s*[?.!]*$",
                         re.IGNORECASE)
_POINTER = re.compile(r"^(?:that|this|it|those|these|them|the (?:above|last (?:one|answer|bit|part))|what you (?:just )?said)$",
                      re.IGNORECASE)
_PART = re.compile(r"\s+(?:bit|bits|part|parts|claim|one|thing|stuff|statement)$", re.IGNORECASE)


def asks_for_sources(question: str) -> bool:
    """The message asks only for sources: a bibliography noun, a pointer or a named part at most ("refs for that")."""
    return _SOURCE_ASK.match(question.strip()) is not None


def source_question(question: str, previous: str) -> str | None:
    """'refs?' after 'what is trousseau syndrome' -> 'sources for what is trousseau syndrome'; 'refs for the emg bit'
    -> 'sources for the emg'; None when the message is not a bare source ask."""
    ask = _SOURCE_ASK.match(question.strip())
    if ask is None:
        return None
    named = (ask.group("what") or "").strip()
    subject = previous.rstrip("?.! ") if not named or _POINTER.match(named) else _PART.sub("", named)
    return f"sources for {subject}" if subject else None
