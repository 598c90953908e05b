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

MIN_LEFT_WORDS = 3  # fewer words left tell no event of their own

# the writer's worry: "i'm so worried", "im scared", "i am really anxious", "i cant stop thinking", "worried sick"
_HEAD = (r"(?:\b(?:and|but|n|so)\s+)?"  # the word that joined it on: "my sister is sick and i am worried about her"
         r"(?:\b(?:(?:i'm|im|i am|i feel|i'm feeling|im feeling|feeling|i get|i've been|ive been|been|i was|i)\s+)?"
         r"(?:so |really |very |a bit |a little |quite |just |always |constantly |super |soo+ )*"
         r"(?:worried(?: sick)?|worrying|worry|scared|afraid|frightened|terrified|anxious|nervous|stressed(?: out)?|"
         r"freaking out)|"
         r"\b(?:i\s+)?(?:can't|cant|cannot|can not)\s+stop\s+(?:thinking|worrying|worryin|fretting|overthinking))\b")
_FEELING = re.compile(_HEAD, re.IGNORECASE)
# worry about someone or something: cut with what it is about, to the end of its clause ("... and i am worried about
# her" -> nothing; cut to the feeling alone, "my sister is sick and her" fired, p 0.88)
_ABOUT = re.compile(_HEAD + r"\s+(?:about|for|of|bout|abt)\b[^,.;!?]*?(?=\s+(?:and|but|n|because|cos|so)\b|[,.;!?]|$)",
                    re.IGNORECASE)
# worry told before the event it fears ("im scared my husband has taken something", "scared that he might have it"):
# only the feeling goes, the event stays for the model to read
_THAT = re.compile(_HEAD + r"(?:\s+that\b)?", re.IGNORECASE)


def without_feelings(piece: str) -> str:
    """`piece` with the writer's worry cut out when it names no acute sign; else `piece` unchanged. "I'm so worried
    about my dad, he has pns and i cant stop thinking about it" -> "he has pns"; "im scared, her lips are
    blue" stays whole; a piece of worry alone ("I'm so worried about my dad and i can't stop thinking about it") is
    nothing ("")."""
    if names_acute_sign(piece) or not any(_opens_clause(piece, m) for m in _FEELING.finditer(piece)):
        return piece
    for pattern in (_ABOUT, _THAT):
        piece = pattern.sub(lambda m: " " if _opens_clause(m.string, m) else m.group(0), piece)
    left = re.sub(r"\s{2,}", " ", piece).strip(" ,")
    # a few words left are a fragment ("my dad and"), no event: the model, never trained on fragments, fired on it
    return left if len(left.split()) >= MIN_LEFT_WORDS else ""


def _opens_clause(text: str, m: re.Match[str]) -> bool:
    """Whether the worry `m` opens its clause (the start, after a stop or comma, or with its joining word): only then is
    it the writer's own; "my mum won't stop worrying", "i cant sleep worrying about my scan" tell someone's state, and
    cut there they left fragments the model fired on ("i can't sleep", p 0.99)."""
    before = text[: m.start()].rstrip()
    return not before or before[-1] in ",.;:!?" or re.match(r"(?:and|but|n|so)\b", m.group(0), re.IGNORECASE) is not None
