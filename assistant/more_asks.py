"""A follow-up that asks only for more of what the conversation was on: the same again ("why?", "in simple words"),
the chapter's next passages ("tell me more"), or the rest of the kind the last answer gave ("any others?").

Why one owner: the three readings are tables of one shape, a whole turn that is nothing but the ask (a leading
connective at most, a please and punctuation after it), matched whole. Written in three modules they drifted apart in
their leads and their tails; here each table is its body and its leads, and `_whole_turn` is the shape. The leads
still differ per table, as they did (widening one would change which turns are read as which). Who reads them:
assistant/conversation.py (the previous question asked again), assistant/followup.py (which of the three),
assistant/next_passages.py and assistant/other_items.py (what such a turn shows).
"""

from __future__ import annotations

import re

_TAIL = r"\s*(?:please|pls|plz)?[?.!]*$"  # a please and the punctuation after the ask: nothing else
_SPACE = re.compile(r"\s+")


def _whole_turn(leads: str, body: str) -> re.Pattern[str]:
    """A turn that is one of `body`'s asks after at most one of `leads`, and nothing else."""
    return re.compile(rf"^(?:{leads})?(?:{body}){_TAIL}", re.IGNORECASE)


# The previous question asked again: for the same content ("why?") or said another way ("in simple words").
ASKS_AGAIN = _whole_turn(
    r"and\s+|so\s+|ok\s+|okay\s+",
    r"why|how|how so|how come|why so|why (?:is|would) (?:that|this|it)(?: be)?(?: so| the case)?|really|like what|such as|for example|examples?|any examples|"
    r"tell me more|more|more details?|go on|explain|explain more|explain that|can you explain(?: that| more)?|"
    r"(?:can you )?(?:say|explain) (?:that|it) (?:again )?(?:more simply|in simple words|in plain english|simpler)|"
    r"in simple(?:r)? (?:words|terms)|in plain english|simpler|what do you mean|meaning|"
    r"what does (?:that|this|it) mean(?: in (?:simple|plain|easy|normal) (?:words|terms|english|language))?|"
    r"(?:can you |could you )?(?:say|put|explain) (?:that|it) (?:in|using) (?:simple|plain|easy|normal|lay) (?:words|terms|english|language)|"
    r"(?:in|using) (?:plain|easy|normal|everyday|lay|laymans?|layman's) (?:words|terms|english|language)|"
    r"(?:explain (?:it|that) )?like i'?m (?:5|five)|eli5|(?:dumb|break) (?:it|that) down",
)

_POINTER = r"(?:that|it|this|them|those|these|the (?:last|previous) (?:one|answer|part))"
# More on the same topic: the chapter's passages not shown yet (assistant/next_passages.py).
ASKS_FOR_NEXT = _whole_turn(
    r"and\s+|so\s+|ok(?:ay)?,?\s+|pls\s+|please\s+",
    r"(?:can you |could you |pls |please )?(?:tell|give|show) me (?:some )?more(?: (?:about|on) " + _POINTER + r")?|"
    r"(?:some |any |a (?:bit|little) )?more(?: (?:info|information|details?|detail))?(?: (?:about|on) " + _POINTER + r")?|"
    r"(?:can you |could you )?(?:say|explain|write) (?:a (?:bit|little) )?more(?: (?:about|on) " + _POINTER + r")?|"
    r"(?:can you |could you )?elaborate(?: (?:on|about) " + _POINTER + r")?|"
    r"go on|keep going|continue|what more|anything more(?: (?:about|on) " + _POINTER + r")?|"
    r"is there (?:any(?:thing)? )?more(?: (?:about|on) " + _POINTER + r")?",
)

# The rest of the kind the last answer gave (assistant/other_items.py).
ASKS_FOR_OTHERS = _whole_turn(
    r"and\s+|so\s+|but\s+|ok(?:ay)?,?\s+",
    r"(?:are there |r there |any |anything |any thing )?(?:others?|other ones?|else)|"
    r"any ?more(?: of them| ones?)?|are there (?:any )?more|"
    r"(?:is |was )?(?:that|thats|that's|those|these) (?:all|it)(?: of them)?|(?:only|just) (?:those|these|them)",
)


def asks_for_next(text: str) -> bool:
    """True when the turn asks only for more on the previous question ("tell me more", "more about that")."""
    return ASKS_FOR_NEXT.match(_SPACE.sub(" ", text).strip()) is not None


# "and if that doesnt work?", "what if it doesnt help", "if they fail": the options the last answer did not give, the
# same reading as "any others?" (a treatment's next one, an outcome's other course); a named condition ("if the
# chemo doesnt work") is a question of its own. Read by followup.py only: conversation.py's "asked again" never read it.
IF_IT_FAILS = re.compile(
    r"^(?:and\s+|nd\s+|n\s+|so\s+|but\s+|ok(?:ay)?,?\s+)?(?:what\s+)?(?:if|when)\s+(?:that|it|this|they|those|these)\s+"
    r"(?:do(?:es)?\s*n[o']?t|did\s*n[o']?t|do(?:es)?\s+not|did\s+not|fails?|stops?\s+working)"
    r"(?:\s+(?:work|help|get\s+better|improve|do\s+anything))?" + _TAIL,
    re.IGNORECASE,
)


def _asks_for_the_rest(text: str) -> bool:
    """The ASKS_FOR_OTHERS table alone, on the turn with its spaces flattened."""
    return ASKS_FOR_OTHERS.match(_SPACE.sub(" ", text).strip()) is not None


def asks_for_others(text: str) -> bool:
    """True when the turn asks only for more items of the kind the last answer gave ("any others?", "is that all?"),
    or for what is left if it fails ("and if that doesnt work?")."""
    return _asks_for_the_rest(text) or IF_IT_FAILS.match(_SPACE.sub(" ", text).strip()) is not None


def asks_only_for_more(text: str) -> bool:
    """The turn asks the previous question again: for the same content ("why?") or for more of it ("more about
    that": assistant/next_passages.py then shows what was not shown; "any others?": assistant/other_items.py).
    `text` is read as given (stripped by the caller), as conversation.py always read it."""
    return bool(ASKS_AGAIN.match(text)) or asks_for_next(text) or _asks_for_the_rest(text)
