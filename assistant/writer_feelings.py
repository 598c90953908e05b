"""The writer's own worry cut from a piece the learned emergency check reads, when the piece names no acute sign.

Why: the sentence vector of a worried message sits near the frightened emergencies the model was trained on, whose
writers are worried too, so a worry with no event in it fired ("im so worried about my dad, he has pns and i cant stop
thinking about it", p 0.99; "cant stop worrying bout mum n her cancer", p 0.67). The worry is how the writer feels, not
what is happening to anyone: cut out, the model reads what is left ("about my dad, he has pns and"), as it reads a piece
with its denied signs cut out (assistant/safety_framing.without_denials). A piece that names an acute sign
(safety_framing.names_acute_sign: breathing, colour, consciousness, fits, bleeding, a fever reading ...) is read as
typed: there the worry stands beside an event, and the model was trained on such messages whole. The rules never read
this cut: what they find stands.
"""

from __future__ import annotations

import re

from assistant.safety_framing import names_acute_sign

MIN_LEFT_WORDS = 4  # fewer words left tell no event of their own

# the writer's worry: "i'm so worried", "im scared", "i am really anxious about", "i cant stop thinking about it",
# "worried sick"; fear for oneself with an event after it keeps the event ("im scared, he wont wake up" names a sign)
_FEELING = re.compile(
    r"\b(?:(?:i'm|im|i am|i feel|i'm feeling|im feeling|feeling|i get|i've been|ive been|been|i was|i)\s+)?"
    r"(?:so |really |very |a bit |a little |quite |just |always |constantly |super |soo+ )*"
    r"(?:worried(?: sick)?|worrying|worry|scared|afraid|frightened|terrified|anxious|nervous|stressed(?: out)?|freaking out)"
    r"(?:\s+(?:about|for|that|because|cos|of))?\b|"
    r"\b(?:i\s+)?(?:can't|cant|cannot|can not)\s+stop\s+(?:thinking|worrying|worryin|fretting|overthinking)"
    r"(?:\s+(?:about|of)\s+(?:it|this|that|him|her|them|everything))?\b", re.IGNORECASE)


def without_feelings(piece: str) -> str:
    """`piece` with the writer's worry cut out when it names no acute sign; else `piece` unchanged. "I'm so worried
    about my dad, he has pns and i cant stop thinking about it" -> "my dad, he has pns and"; "im scared, her lips are
    blue" stays whole; a piece of worry alone ("I'm so worried about my dad and i can't stop thinking about it") is
    nothing ("")."""
    if names_acute_sign(piece) or not _FEELING.search(piece):
        return piece
    left = re.sub(r"\s{2,}", " ", _FEELING.sub(" ", piece)).strip(" ,")
    # a few words left are a fragment ("my dad and"), no event: the model, never trained on fragments, fired on it
    return left if len(left.split()) >= MIN_LEFT_WORDS else ""
