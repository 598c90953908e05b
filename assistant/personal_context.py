"""A personal ask read with its conversation: the follow-ups whose personal part is in an earlier turn.

Why its own module: the safety rules (assistant/safety.py) read one message; a follow-up is often personal only with
its earlier turn ("and how often" after "how much ivig should my mum get", "and for my son?" after "what dose of
steroids is used"), which triage (assistant/triage.py) knows once it has made the question standalone. The rules are
run again on that standalone question, but only when this turn names a person or the last one was a personal ask,
so a general follow-up after a turn that named a relative stays general.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assistant.refused_turns import declined_as_personal
from assistant.safety import Verdict, classify, names_person


# A follow-up that says it asks generally, not for the person of the earlier turn.
_IN_GENERAL = re.compile(r"\b(?:in general|generally|in general terms|general(?:ly)? speaking|not for me|not about me|"
                         r"for (?:most )?people in general|for patients in general|for anyone)\b", re.IGNORECASE)


def personal_in_context(verdict: Verdict, typed: str, standalone: str, after_personal: bool = False) -> Verdict:
    """`verdict`, or personal_advice when a follow-up is a personal ask once made standalone: one that names a
    person ("and for my son?" -> "what dose of steroids is used for my son": the decision may be in the earlier
    turn and the person in this one), or any follow-up of a personal ask (`after_personal`: "and how often" after
    "how much ivig should my mum get"; "what about plasma exchange instead" after "should i start ivig").
    Otherwise only a person named in this turn counts, so a general follow-up after a turn that named a relative
    ("what tests confirm it" after "my dad has lems, what is it") stays general; a follow-up of a personal ask
    whose standalone asks nothing personal ("what causes lems") stays general too."""
    if verdict.category != "none" or standalone == typed or not (after_personal or names_person(typed)):
        return verdict
    if _IN_GENERAL.search(typed):  # 'ok in general what drugs are used': the turn itself says it is not personal
        return verdict
    read = classify(standalone)
    if read.category != "personal_advice":
        return verdict
    return replace(read, rule=f"{read.rule} (follow-up read whole)", deferred=verdict.deferred,
                   deferred_kind=verdict.deferred_kind)


def after_personal(turns: Sequence[Mapping[str, str]]) -> bool:
    """True when the last earlier user turn was a personal ask: the rules say so, or its reply was the referral."""
    users = [i for i, t in enumerate(turns) if t.get("role") == "user"]
    if not users:
        return False
    last = users[-1]
    reply = turns[last + 1] if last + 1 < len(turns) and turns[last + 1].get("role") == "assistant" else None
    return (reply is not None and declined_as_personal(str(reply.get("content", "")))) or \
        classify(str(turns[last].get("content", ""))).category == "personal_advice"
