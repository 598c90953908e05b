"""Which earlier turns were refused, so a follow-up is read with the turns that answered something.

Why: a follow-up is rewritten from the previous user turn, and that turn may have been refused. An off-topic turn
("whats the weather like today", answered out of scope) names no subject the next question can mean: "and for the
family?" after it is about the conversation's subject, not the weather. A turn refused as not found asked for an
aspect the article never words ("how long does that take"): an ellipsis after it ("and the mri") asks the last
answered question about the new subject ("what does the mri check"), not the unanswerable aspect again. A
question that is not an ellipsis keeps a not-found turn (its subject may be meant: "ok what affects it then"
after "what is the survival rate"). When every earlier turn was refused, the history is kept as it is.

A not-found turn that a later turn was read with stays, though: "what does it do then" after "how long does it take
for ivig to work" (not found) was about ivig, so "and the side effects?" after it asks about ivig's side effects;
dropping the refused turn would leave that later turn's "it" with nothing to stand for. Which later turns were read
with it is the caller's rule (`reads_past`: the turns that were themselves read without not-found turns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

# The openings of the refusals assistant/safety.py words (NOT_FOUND_MESSAGE, OUT_OF_SCOPE_MESSAGE) and of a reply
# that says the article is silent ("The article does not say."), as a hand-written or model-written history has it.
_OFF_TOPIC = re.compile(r"^\s*(?:sorry,?\s*)?i can only answer questions about", re.IGNORECASE)
_NOT_FOUND = re.compile(r"^\s*(?:i could not find this in the article|the article does not (?:say|cover|mention))",
                        re.IGNORECASE)


# The opening of the personal-advice referral (assistant/safety.PERSONAL_ADVICE_REFERRAL), as a history has it.
_PERSONAL = re.compile(r"^\s*i can(?:'|\u2019)?t give personal medical advice", re.IGNORECASE)


def declined_as_personal(text: str) -> bool:
    """True when an assistant turn's text is the personal-advice referral: the conversation is about someone's own case."""
    return bool(_PERSONAL.match(text))


def refusal_of(text: str) -> str | None:
    """'out_of_scope' or 'not_found' when an assistant turn's text is that refusal, else None."""
    if _OFF_TOPIC.match(text):
        return "out_of_scope"
    if _NOT_FOUND.match(text):
        return "not_found"
    return None


def without_refused(history: Iterable[Mapping[str, Any]] | None, not_found_too: bool,
                    reads_past: Callable[[str], bool] | None = None) -> list[Mapping[str, Any]]:
    """`history` without each user turn whose reply was out of scope (and not found, with `not_found_too`), with
    that reply; unchanged when no user turn would be left. With `reads_past`, a not-found turn stays when the next
    user turn was read with it (`reads_past` of that turn's text is False: module docstring)."""
    turns = [t for t in history or [] if isinstance(t, Mapping)]
    dropped = {"out_of_scope", "not_found"} if not_found_too else {"out_of_scope"}
    skip: set[int] = set()
    for i, turn in enumerate(turns[:-1]):
        reply = turns[i + 1]
        refusal = refusal_of(str(reply.get("content", ""))) if reply.get("role") == "assistant" else None
        if turn.get("role") != "user" or refusal not in dropped:
            continue
        later = next((str(t.get("content", "")) for t in turns[i + 2:] if t.get("role") == "user"), None)
        if refusal == "not_found" and reads_past is not None and later is not None and not reads_past(later):
            continue  # a later turn pointed back into it ("what does it do then")
        skip |= {i, i + 1}
    kept = [t for i, t in enumerate(turns) if i not in skip]
    return kept if any(t.get("role") == "user" for t in kept) else turns
