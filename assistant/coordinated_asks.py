"""Asks coordinated in one clause: "causes, symptoms, outlook?", "tell me the types, symptoms and treatments",
"which cancers, which symptoms and which tests", "muscle symptoms and joint symptoms?", and question clauses joined by
a comma ("whats the outlook, can it be cured, and ...").

Why its own module: multi_part.py splits at a conjunction or question mark that starts a new question, so a clause
that lists several things to be told about ("causes, symptoms, outlook?") stayed one search, whose vector sits
between its nouns, and the composer showed whichever thing dominated it (a few symptom bullets, no outlook). Each
coordinated noun phrase names its own ask; read as "what are the X" each gets its own search and, where a list
answers it, its whole list. The reading is shape only (short noun phrases whose heads are aspect words or plural
nouns, aspects.py), never the words of particular questions.
"""

from __future__ import annotations

import re

from assistant.aspects import ASPECT_WORDS
from assistant.question_words import ASK_AUXILIARIES, WH_WORDS, alternation

MAX_CONJUNCT_WORDS = 3
# A frame before the listed things: "tell me (about) the", "what are (all) the", "give me", "list".
FRAME = re.compile(r"^(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:tell\s+me(?:\s+about)?|give\s+me|list|explain|show\s+me|"
                   r"what\s+(?:are|r|is)|whats|what's|i\s+(?:want|need)(?:\s+to\s+know)?(?:\s+about)?)?\s*"
                   r"(?:(?:all|the|all\s+the|every)\s+)?", re.IGNORECASE)
# A listed thing's own opening ("which cancers", "the symptoms"): dropped, the part is asked as "what are the X".
OWN_OPENING = re.compile(r"^(?:(?:which|what|the|all|all\s+the|its|their|any)\s+)+", re.IGNORECASE)
# Between listed things: a comma (with or without a conjunction) or a conjunction.
JOINER = re.compile(r"\s*,\s*(?:(?:and|n|&|plus|or)\s+)?|\s+(?:and|n|&|plus)\s+", re.IGNORECASE)
# A tail after the list that asks nothing more ("- give me everything", ": all of it", "pls").
TAIL = re.compile(r"\s*(?:\s[-–—]\s|:\s).*$|\s+(?:pls|please|thanks|thx)\s*$", re.IGNORECASE)
# Words that make a conjunct a clause, not a noun phrase: "how is it treated", "does it hurt".
CLAUSE_WORD = re.compile(r"\b(?:is|are|was|were|be|do|does|did|can|could|will|would|should|it|they|i|you|we|he|she|"
                         r"how|why|when|where|who|if|not|to|of|for|in|with|about)\b", re.IGNORECASE)
# A question clause after a comma; "who" there opens a relative clause ("my neurologist, who ordered the scan").
COMMA_QUESTION = re.compile(rf",\s+(?={alternation(WH_WORDS, ASK_AUXILIARIES, without=('who',))}\b)", re.IGNORECASE)
WH_OPENING = re.compile(rf"^{alternation(WH_WORDS)}\b", re.IGNORECASE)
SIGNS = frozenset({"signs", "symptoms"})  # "signs and symptoms" name one thing


def comma_questions(part: str, series: bool = False) -> list[str]:
    """A part of a multi-part question (`series`) whose clauses are joined by commas, the first opening with a
    wh-word: "whats the outlook, can it be cured" of "whats the outlook, can it be cured, and does early treatment
    help" -> two. Not in a one-part question: "when my sister was diagnosed they did a spinal tap, what do they look
    for", "how do they test for it, is it a blood test?" (a clarifying guess, assistant/clarifying_tail.py's) and
    "ok and what about X, what does it help with" read as one ask."""
    pieces = [p.strip(" ,;?") for p in COMMA_QUESTION.split(part)]
    if len(pieces) < 2 or not all(len(p.split()) >= 2 for p in pieces):
        return [part]
    return pieces if series and WH_OPENING.match(pieces[0]) else [part]


def _head(conjunct: str) -> str:
    return conjunct.split()[-1].lower()


def _plural(word: str) -> bool:
    """"tests", "symptoms"; not "prognosis", "diagnosis", "stress", "virus"."""
    return len(word) >= 4 and word.lower().endswith("s") and not word.lower().endswith(("ss", "is", "us"))


def _is_thing(conjunct: str) -> bool:
    """A short noun phrase ending in an aspect word or a plural noun ("outlook", "blood types", "tests")."""
    words = conjunct.split()
    if not 1 <= len(words) <= MAX_CONJUNCT_WORDS or CLAUSE_WORD.search(conjunct):
        return False
    if not all(re.fullmatch(r"[a-z][a-z-]*", w, re.IGNORECASE) for w in words):
        return False
    head = _head(conjunct)
    return head in ASPECT_WORDS or _plural(head)


def listed_things(part: str) -> list[str] | None:
    """The noun phrases a clause lists, or None when it lists none.

    Three or more listed things; or two whose heads repeat with other modifiers ("muscle symptoms and joint
    symptoms"); or modifiers sharing the last one's head ("the endocrine, skin and blood types" -> each with
    "types"). Two different heads joined by "and" alone ("signs and symptoms", "symptoms and treatment") are left
    as they were: that reading is multi_part's."""
    text = TAIL.sub("", part.strip(" ?.!")).strip(" ?.!,")
    body = FRAME.sub("", text, count=1).strip()
    if not body:
        return None
    conjuncts = [OWN_OPENING.sub("", c).strip() for c in JOINER.split(body) if c.strip()]
    if len(conjuncts) < 2 or not conjuncts[-1]:
        return None
    if not _is_thing(conjuncts[-1]):
        return None
    head = conjuncts[-1].split()[-1]
    if not all(_is_thing(c) for c in conjuncts[:-1]):
        # "endocrine, skin and blood types": single modifiers that share the last phrase's head
        if len(conjuncts) >= 2 and all(len(c.split()) == 1 and not CLAUSE_WORD.search(c)
                                       and re.fullmatch(r"[a-z][a-z-]*", c, re.IGNORECASE) for c in conjuncts[:-1]) \
                and len(conjuncts[-1].split()) == 2 and _plural(head) and "," in body:
            return [f"{c} {head}" for c in conjuncts[:-1]] + [conjuncts[-1]]
        return None
    heads = [_head(c) for c in conjuncts]
    if len(conjuncts) == 2 and "," not in body:
        repeated = heads[0] == heads[1] and conjuncts[0].lower() != conjuncts[1].lower() and len(conjuncts[0].split()) > 1
        aspects = heads[0] != heads[1] and all(h in ASPECT_WORDS for h in heads)  # "symptoms and treatment"
        if not (repeated or aspects):
            return None
    if len(conjuncts) == 2 and set(heads) <= SIGNS and all(len(c.split()) == 1 for c in conjuncts):
        return None
    return conjuncts


# "how is it diagnosed and treated": one subject, two participles; each asked whole ("how is it treated").
PARTICIPLES = re.compile(r"^(?P<frame>how\s+(?:is|are|can|should|do\s+you|do\s+they|do\s+doctors)\s+(?:(?:it|they|this|pns|"
                         r"paraneoplastic\s+syndromes?)\s+)?)(?P<a>[a-z]+(?:ed|t))\s+(?:and|n|&|or)\s+(?P<b>[a-z]+(?:ed|t))$",
                         re.IGNORECASE)


def participle_asks(part: str) -> list[str] | None:
    """The two asks of "how is it diagnosed and treated", or None."""
    match = PARTICIPLES.match(part.strip(" ?.!,"))
    if match is None or match["a"].lower() == match["b"].lower():
        return None
    return [f"{match['frame']}{match['a']}", f"{match['frame']}{match['b']}"]


def as_asks(part: str) -> list[str]:
    """The part as one ask per listed thing ("what are the X" / "what is the X"), or [part] when it lists none."""
    participles = participle_asks(part)
    if participles is not None:
        return participles
    things = listed_things(part)
    if things is None:
        return [part]
    return [_ask(t) for t in things]


def _ask(thing: str) -> str:
    """"what are the tests", "what is the outlook"; the causes asked as "what causes it", the question the article's
    definition answers (a cause is no list: "what are the causes" was composed from the symptom lists)."""
    if thing.lower() in ("cause", "causes"):
        return "what causes it"
    return f"what {'are' if _plural(_head(thing)) else 'is'} the {thing}"
