"""A short sentence's clause read alone when what the cut leaves out is only the writer's aside.

Why: a short sentence's vector reads every clause at once, and an aside about the writing itself ("just want someone to
know", "sorry for the text") pulls a plan or a sign told in the other clause towards the chatter the model learnt to let
through ("planning to jump tonight, just want someone to know": p 0.48 whole, 0.81 for its first clause). Reading every
short sentence's clauses alone was tried in round 16 and not kept: a clause cut loses what made the sentence harmless
("she took too many pills, shes home now", "..., already seen by the gp"). So a clause is read alone only when the
rest of the sentence keeps nothing of that kind: no person other than the writer (whose state it could tell), no sign,
no word of time or of an outcome (`safety_framing` reads those), nothing doubtful or reassuring. The clause itself then
goes through the same doubt and distance gates and the sentence threshold as any piece.
"""

from __future__ import annotations

import re

from assistant.safety_framing import doubtful_piece, names_acute_sign, reassures, tells_time_or_outcome

MAX_WORDS = 25  # a sentence this long is read clause by clause already (emergency_model.clauses)
MIN_CLAUSE_WORDS = 3
_BREAK = re.compile(r",(?!\d)|\s[-\u2013\u2014]+\s")
# the writer speaking of the writing: a wish, a need, an apology or thanks, told in the first person or with it left out
# ("just want someone to know", "sorry for the text", "not sure who else to tell"); a question ("is that lems") is no aside
_WRITER = re.compile(r"^(?:just |only |really |honestly |so )*(?:i |i'm |im |i've |ive |i'd |id |i just )?"
                     r"(?:want|wanted|wanna|need|needed|had to|have to|felt|feel like|thought|sorry|thanks|thank you|"
                     r"dont know|don't know|do not know|not sure|no one|nobody|no idea)\b")
# anyone but the writer: the state the rest could tell is theirs ("shes home now", "hes ok", "the baby is asleep")
_OTHER_PERSON = re.compile(
    r"\b(?:he|he's|hes|him|his|she|she's|shes|her|they|they're|theyre|them|their|it's|its|it|mum|mom|mother|dad|father|"
    r"husband|wife|partner|son|daughter|child|kid|baby|brother|sister|friend|nan|gran|grandad|grandma|grandpa|"
    r"doctor|doctors|gp|nurse|ambulance|paramedics?|hospital|police)\b")


def aside_clauses(sentence: str) -> list[str]:
    """The clauses of a short sentence (under MAX_WORDS words) worth reading alone: each of MIN_CLAUSE_WORDS or more
    whose rest of the sentence is only the writer's aside (see the module docstring); none for a sentence of one
    clause."""
    if len(sentence.split()) >= MAX_WORDS:
        return []
    parts = [p.strip(" ,") for p in _BREAK.split(sentence)]
    if len(parts) < 2:
        return []
    kept = []
    for i, clause in enumerate(parts):
        rest = " ".join(p for j, p in enumerate(parts) if j != i)
        if len(clause.split()) >= MIN_CLAUSE_WORDS and is_aside(rest):
            kept.append(clause)
    return kept


def is_aside(rest: str) -> bool:
    """Whether `rest` is the writer speaking of the writing (`_WRITER`, no question) and tells nothing about anyone's
    state: no person but the writer, no sign, no time or outcome, nothing doubtful or reassuring."""
    low = rest.lower().strip()
    return bool(_WRITER.match(low)) and not ("?" in low or _OTHER_PERSON.search(low) or names_acute_sign(low)
                                             or tells_time_or_outcome(low) or doubtful_piece(low) or reassures(low))
