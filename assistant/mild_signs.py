"""Doubtful framings of an emergency rule's hit that assistant/safety_framing.py does not read: a mild sign tied to what
sets it off ("my lips go a bit blue when im swimming", "my chest feels a bit tight when i think about my scans"), a
complaint that comes and goes ("sometimes a bit drowsy and muddled in the evenings"), a colour change with an emotion as
its cause ("turned purple with rage") or told over time ("has gone grey since the diagnosis": hair), and a manner of
breathing denied ("she isnt breathing badly or anything") or a state told as normal ("he is breathing fine", "isnt in any
pain"), both cut from the pieces the learned check reads.

Why: the rules read "lips ... blue", "chest feels tight" and "isn't breathing" as emergencies wherever they stand, so
these questions got the emergency reply instead of an answer. Like every framing, a hit here is deferred to the learned
check (never dropped), so an emergency told the same way still fires when the model reads it as one. A module of its
own because assistant/safety_framing.py is at its size limit.
"""

from __future__ import annotations

import re

from assistant.safety_rules import span_between

# a degree word that makes the sign mild, in or right after the rule's hit
_MILD = re.compile(r"\b(?:a bit|a little|a tad|slightly|kind of|kinda|sort of|a touch)\b")
# what sets the sign off, told after it as a recurring cause: "when im swimming", "whenever i climb", "when i think about"
_TRIGGER = re.compile(r"\b(?:when|whenever|every time|each time|if)\s+(?:i|i'm|im|i am|he|she|he's|she's|hes|shes|we|they|it's|its)\b")
# a complaint that comes and goes or has lasted: "sometimes a bit drowsy and muddled in the evenings" ("on and off" is
# left out: "seizing on and off for half an hour" is an emergency)
_OCCASIONAL = re.compile(r"\b(?:sometimes|occasional(?:ly)?|now and then|every so often|in the evenings?|most (?:days|evenings)|"
                         r"for (?:the (?:past|last) )?(?:weeks|months|years)|(?:has|have) (?:done|been) for|like always|as usual)\b")
# anything that makes it acute after all
_ACUTE = re.compile(r"\b(?:sudden\w*|right now|rn|now|tonight|today|this (?:morning|evening|afternoon)|still|won't stop|wont stop|"
                    r"worse|and (?:can't|cant|cannot)|collaps\w*|faint\w*|unresponsive|gasping|been going|going on|it'?s been)\b")
# an emotion or the cold as the cause right after a colour or a limpness: "turned purple with rage", "went white with shock"
_EMOTION = re.compile(r"\s*(?:with|from|in) (?:rage|anger|fury|embarrassment|shame|shock|fright|laughter|laughing|the cold|cold)\b")
# grey told over a span of time is hair going grey: "has gone grey since the diagnosis", "gone grey over the last year"
_GREYING = re.compile(r"\b(?:grey|gray|white)$")
_OVER_TIME = re.compile(r"\b(?:since (?:the |his |her |my |their )?(?:diagnosis|chemo\w*|treatment|surgery|op|operation)|"
                        r"over the (?:last|past) |these (?:days|months)|in the (?:last|past) (?:year|few months|months))")
# never for a seizure, an overdose or self-harm: "having a fit and its been going for ages" is an emergency however told
_NEVER_MILD = frozenset({"seizure_now", "overdose", "self_harm"})
# "isn't breathing badly": the denial is of a manner of breathing, so the person breathes (never "isn't breathing properly")
_DENIED_MANNER = re.compile(
    r"\b(?:isn't|isnt|is not|aren't|arent|are not|not|wasn't|wasnt)\s+breathing\s+(?:too\s+|very\s+|really\s+|that\s+)?"
    r"(?:badly|heavily|hard|fast|quickly|funny|funnily|strangely|weirdly|weird|oddly|noisily|loudly)\b", re.IGNORECASE)

# a state told as normal ("he is breathing fine", "isnt in any pain"): the sentence vector reads "breathing" and "pain" and
# barely sees that they are reassurances, so the learned check reads the piece without them ("isn't breathing properly"
# and "breathing fine until an hour ago" are signs, never cut)
_NORMAL_STATE = re.compile(
    r"(?<!not )(?<!n't )(?<!nt )\bbreathing\s+(?:fine|normally|normal|ok|okay|alright|all right|well|easily|comfortably)\b"
    r"(?!\s+(?:until|till|before|earlier|this morning|yesterday|an hour|a minute|then)\b)|"
    r"\b(?:isn't|isnt|is not|not|wasn't|wasnt|no longer|aren't|arent)\s+in\s+(?:any\s+|much\s+)?pain\b", re.IGNORECASE)


def mild_framing(text: str, start: int, end: int, rule: str = "") -> str | None:
    """Why a rule's hit at text[start:end] (lower-cased text) should be left to the learned check, or None."""
    lo, hi = span_between(text, start, end, '.?!;\n')
    if any(m.start() <= start < m.end() for m in _DENIED_MANNER.finditer(text, lo, hi)):
        return "negated"
    if rule in _NEVER_MILD or _ACUTE.search(text, lo, hi):
        return None
    if _EMOTION.match(text, end):
        return "idiom"
    if _GREYING.search(text[start:end]) and _OVER_TIME.search(text, lo, hi):
        return "long-standing"
    near = text[max(lo, start - 20): min(hi, end + 15)]
    if _OCCASIONAL.search(text, lo, hi) or (_MILD.search(near) and _TRIGGER.search(text, end, hi)):
        return "mild"
    return None


def without_denied_manner(piece: str) -> str:
    """The piece with a denied manner of breathing cut out ("she isnt breathing badly or anything" -> "she or anything"):
    the learned check's sentence vector reads "isn't breathing" and barely sees what the denial is of; a state told as
    normal ("is breathing fine", "isnt in any pain") is cut for the same reason."""
    for pattern in (_DENIED_MANNER, _NORMAL_STATE):
        if pattern.search(piece):
            piece = re.sub(r"\s{2,}", " ", pattern.sub(" ", piece)).strip()
    return piece
