"""Completing an elliptical follow-up from the previous question.

Why its own step: a fragment ("what about the kidneys?", "and in kids?", "the skin ones", "and for
dermatomyositis?", "no i meant the skin ones") names only what changes; the rest of the question is the previous
one's, so the fragment is put into it: a body part replaces the previous one or narrows the question, a group of
people narrows it, another subject takes the previous subject's place, "the X ones" narrows the previous
question's class noun ("what symptoms" -> "what skin symptoms"). assistant/conversation.py decides when a
follow-up is elliptical at all and which previous question it completes.
"""

from __future__ import annotations

import re

from assistant.clinical_shorthand import clinical_shorthand, copula, names_an_attribute
from assistant.references import CLASS_GROUPS
from assistant.aspects import ASPECT_RE, ASPECTS
from assistant.topics import AUX, DETERMINERS, NP_STOP, DEFAULT_TOPIC

# Body parts and organ systems: "what about the kidneys?" narrows the previous question to them.
BODY_TERMS = (
    "kidneys", "kidney", "renal system", "skin", "brain", "nerves", "nervous system", "spinal cord", "blood",
    "heart", "lungs", "lung", "joints", "muscles", "eyes", "liver", "hormones", "endocrine system", "glands",
    "bones", "stomach", "gut", "digestive system", "gastrointestinal tract", "bloodstream", "immune system",
)
_BODY_RE = "|".join(sorted((re.escape(b) for b in BODY_TERMS), key=len, reverse=True))
_ELLIPSIS_RES = (
    re.compile(r"^(?:and|but|so|also|ok|okay|then)?[,\s]*(?:what|how)\s+about\s+(?P<x>.+?)[?.!]*$", re.IGNORECASE),
    re.compile(r"^(?:and|also|what of|same for|and for|and in|and with|and also)\s+(?P<x>.+?)[?.!]*$", re.IGNORECASE),
    # a correction ("no i meant the skin ones", "sorry, i meant dermatomyositis"): the previous question, about X
    re.compile(r"^(?:(?:no|nope|sorry|oops|oh|ah|wait)\b[,.!\s]*)*(?:i|I)\s+(?:meant|mean|was asking about|was talking about)"
               r"\s+(?P<x>.+?)[?.!]*$", re.IGNORECASE),
)
# Groups of people a question can be narrowed to ("what about kids?" asks the same question about kids).
_POPULATION = (r"(?:kids|children|child|babies|teens|teenagers|adults|young people|older people|the elderly|elderly people|"
               r"men|women|males|females|smokers|non-smokers|pregnant women|older adults|young adults|seniors)")
# A comparative typed alone ("and better?", "and lower?"): the previous question about the other end of the scale.
_PAIRS = (("better", "worse"), ("more", "less"), ("higher", "lower"), ("earlier", "later"), ("faster", "slower"),
          ("early", "late"), ("rich", "poor"), ("richer", "poorer"))
_OPPOSITES = {a: b for x, y in _PAIRS for a, b in ((x, y), (y, x))}
# Class nouns typed bare and plural ('cancers', 'tests', 'drugs'): they ask which of that class the subject involves.
_CLASS_NOUN = {w: g for w, g in CLASS_GROUPS.items() if w.endswith("s")}
_QUESTION_START = re.compile(rf"^(?:what|which|who|whom|whose|how|why|when|where|{AUX}|tell|explain|list|describe|give)\b", re.IGNORECASE)


def elliptical_fragment(question: str) -> str | None:
    """The fragment of an elliptical follow-up ('the kidneys' in 'What about the kidneys?'), else None."""
    for regex in _ELLIPSIS_RES:
        m = regex.match(question.strip())
        if m and not _QUESTION_START.match(m.group("x").strip()):
            return m.group("x").strip()
    words = question.strip().rstrip("?.!").split()
    if 0 < len(words) <= 3 and question.strip().endswith("?") and not _QUESTION_START.match(question.strip()):
        return " ".join(words)
    bare = re.sub(r"^(?:and|so|ok|okay|also)[,\s]+|^(?:the|its)\s+", "", question.strip().rstrip("?.!"), flags=re.IGNORECASE)
    if names_an_attribute(bare) or (" " not in bare and bare.lower() in ASPECTS):  # 'outlook', 'long term' typed bare
        return bare
    return None


def resolve_ellipsis(fragment: str, previous: str, topic: str, earlier: tuple[str, ...] = ()) -> str:
    """The previous question asked again with `fragment` in it (`topic`: the conversation's subject so far,
    `earlier`: the standalone questions before the previous one, oldest first, for "the X ones")."""
    frag = fragment.strip()
    chained = re.match(r"^(?P<base>.+?): what about (?!patients\b)", previous)  # an ellipsis after an ellipsis:
    if chained and not re.match(r"^(?:(?:in|for|among|during|after|before|with|without)\s|the\s+\S+\s+ones?$)", frag, re.I):
        return f"{chained.group('base')}: what about {frag}?"  # 'and the blood tests' after 'and the imaging?'
    low = frag.lower()
    ones = re.fullmatch(r"(?:(?:in|for|among|with|of)\s+)?(?:the\s+)?(?P<mod>[\w-]+(?:\s+[\w-]+)?)\s+(?:ones?|types?|kinds?)", low)
    if ones and ones.group("mod").split()[-1] not in DETERMINERS:  # 'the types' names no kind ('the' is no modifier)
        plural = not re.search(r"\b(?:one|type|kind)$", low)
        return _narrow_previous(ones.group("mod"), _class_question(previous, earlier, plural), topic)
    people = re.match(r"^(?:the\s+)?(?:ones?|people|those)\s+(?P<rel>who|that)\b(?P<rest>.*)$", frag, re.IGNORECASE)
    if people:  # 'what about the ones who don't get better' after 'what's the outlook like'
        return f"{previous.rstrip('?.! ')}: what about patients {people.group('rel')}{people.group('rest')}?"
    prev = previous.rstrip("?.! ")
    restrict = re.match(rf"^(?:(?:for|in|among|with)\s+)?(?:the\s+)?(?P<who>{_POPULATION})$", low)
    swap = re.match(r"^(?:for|about|regarding)\s+(?P<x>.+)$", frag, re.IGNORECASE)
    if swap and not restrict:  # 'and for dermatomyositis?': the same question about another subject
        frag, low, restrict = swap.group("x"), swap.group("x").lower(), None
    elif restrict or re.match(r"^(?:in|among|during|after|before|with|without)\s", low):
        # 'what about in kids?', 'and during chemo?': the same question, narrowed
        return f"{prev} {frag if not restrict or restrict.group(0) != restrict.group('who') else 'in ' + frag}?"
    bare = re.sub(r"^(?:the|its|their)\s+", "", low)
    opposite = _OPPOSITES.get(bare)
    if opposite and re.search(rf"\b{opposite}\b", prev, re.IGNORECASE):  # 'and better?' after 'what makes it worse'
        return re.sub(rf"\b{opposite}\b", frag, prev, count=1, flags=re.IGNORECASE) + "?"
    shorthand = clinical_shorthand(frag, topic)
    if shorthand is not None:
        return shorthand
    if re.fullmatch(rf"(?:{ASPECT_RE})", bare):
        return f"What {copula(bare)} the {bare} of {topic}?"
    if re.fullmatch(rf"(?:{_BODY_RE})", bare):
        if re.search(rf"\b(?:the\s+)?(?:{_BODY_RE})\b", prev, re.IGNORECASE):
            # 'in the skin' -> 'in the kidneys'; a modifier without its article stays one ('what skin symptoms')
            return re.sub(rf"\b(?:the\s+)?(?:{_BODY_RE})\b", lambda m: frag if m.group(0).lower().startswith("the ")
                          else bare, prev, count=1, flags=re.IGNORECASE) + "?"
        listing = _listing_question(prev, earlier)
        if listing is not None:  # 'what about the skin' after 'does that include seizures' after 'what symptoms ...'
            return _narrow_previous(bare, listing, topic)
        return f"{prev} in {frag}?"
    same_head = re.fullmatch(r"(?P<mod>[\w-]+)\s+(?P<head>[a-z]{3,}s)", low)
    other = same_head and re.search(rf"\b(?!{same_head.group('mod')}\b)[\w-]+\s+{same_head.group('head')}\b", prev, re.I)
    if other:  # 'and poorer countries?' after 'why more in smoker countries': the same question of the other kind
        return f"{prev[: other.start()]}{frag}{prev[other.end():]}?"
    if topic and topic.lower() in prev.lower() and topic != DEFAULT_TOPIC:
        if _CLASS_NOUN.get(bare, "generic") != "generic":  # 'cancers?' after 'what is trousseau syndrome': a class of
            return f"Which {bare} does {topic} involve?"  # things it has, as 'which cancers' asks, not a new subject
        return re.sub(re.escape(topic), frag, prev, count=1, flags=re.IGNORECASE) + "?"
    return f"{prev}: what about {frag}?"


def head_noun(previous: str) -> re.Match[str] | None:
    """The first class noun of the previous question ('symptoms' in 'what symptoms can pns cause')."""
    for m in re.finditer(r"[A-Za-z]+", previous):
        if m.group(0).lower() in CLASS_GROUPS and CLASS_GROUPS[m.group(0).lower()] != "generic":
            return m
    return None


def _class_question(previous: str, earlier: tuple[str, ...], plural: bool) -> str:
    """The question "the X ones" narrows: the previous one, or, when its class noun is singular ('what's nephrotic
    syndrome') and "ones" is plural, the latest earlier question whose class noun is plural ('what kidney problems
    can pns cause' -> 'what hormone problems can pns cause'): the ones are of the kind a list question asked for."""
    head = head_noun(previous.rstrip("?.! "))
    if not plural or (head is not None and head.group(0).lower().endswith("s")):
        return previous
    for older in reversed(earlier):
        found = head_noun(older.rstrip("?.! "))
        if found is not None and found.group(0).lower().endswith("s"):
            return older
    return previous


def _listing_question(previous: str, earlier: tuple[str, ...]) -> str | None:
    """The question a body part narrows when the previous one asked for no class of things: the latest earlier
    question that did ('what symptoms do pns cause'), or None (the previous question is narrowed as usual).

    Why: after a list question, a yes/no about one item ("does that include seizures") is a side step; the next
    "what about the skin" asks the list question again for the skin ("what skin symptoms do pns cause"), as "the
    skin ones" would, not the yes/no ("does pns include seizures in the skin")."""
    if head_noun(previous) is not None:
        return None
    for older in reversed(earlier):
        found = head_noun(older.rstrip("?.! "))
        if found is not None and found.group(0).lower().endswith("s") and CLASS_GROUPS[found.group(0).lower()] != "condition":
            return older
    return None


def _narrow_previous(modifier: str, previous: str, topic: str) -> str:
    """'the skin ones' after 'what symptoms can pns cause' -> 'what skin symptoms can pns cause?'."""
    prev = previous.rstrip("?.! ")
    head = head_noun(prev)
    if head is not None:
        before = prev[: head.start()].rstrip()
        last = before.split()[-1] if before.split() else ""
        if last and last.lower() not in NP_STOP and last.lower() not in DETERMINERS:
            before = before[: -len(last)].rstrip()  # 'what skin symptoms' + 'the kidney ones' -> 'what kidney symptoms'
        return f"{before} {modifier} {prev[head.start():]}?".lstrip()
    # 'and in wealthy ones?' after 'why is diagnosis slower in poor countries': the last modified plural noun
    plural = list(re.finditer(r"\b([a-z-]+)\s+([a-z]{3,}(?<!s)s)\b", prev, re.IGNORECASE))
    if plural and plural[-1].group(1).lower() not in NP_STOP | DETERMINERS:
        m = plural[-1]
        return f"{prev[: m.start(1)]}{modifier}{prev[m.end(1):]}?"
    return f"What are the {modifier} {topic}?"
