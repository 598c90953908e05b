"""A first turn asking which members of a kind ("which herbal supplements actually work", "what vitamins specifically
help", "what clinical trials are recruiting") when the shown sentences name the kind only vaguely, never a member.

Why: the pick check (assistant/first_turn_asks.pick_unaddressed) refuses a "which X" only when no shown sentence says
X at all. The article says "herbal supplements", "essential vitamins and minerals" and "several clinical trials", so
those picks passed it and were answered with the sentence that names the kind: a reader asked which ones and got
none. A kind is named vaguely where it is one item of a coordination ("acupuncture, massage therapy, or herbal
supplements", "vitamins and minerals"; in the plural: "and Hodgkin lymphoma" is a member) or stands after a vague quantifier ("several", "some", "certain", "various",
"novel", "essential"); members are named where the kind is followed by "include", "such as", "like", a colon or a
bracket, where a bullet's label is the kind ("Laboratory Tests: ..."), or where the kind closes a list of its
members ("viral encephalitis, and other infections"). Only when every mention of the kind in the shown sentences is
vague and none names members is the pick unaddressed (`not_found`); the sentences are read, no list of what the
article lacks is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.word_forms import stem
from corpus.sentence_split import rough_sentences
from index.lexical import is_stopword

# "which herbal supplements ...", "what vitamins ...", "what kind of tests ...": the kind, one or two words
_PICK = re.compile(r"^(?:so\s+|and\s+|but\s+)?(?:which|what)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:specific\s+)?"
                   r"(?P<x>[a-z]+)(?:\s+(?P<y>[a-z]+))?\b")
_VAGUE_BEFORE = frozenset("several some certain various many novel essential unspecified numerous".split())
_COORDINATION = re.compile(r"\b(?:or|and)\s*$")  # not a bare comma: "for instance, countries with ..." lists nothing
_MEMBERS_AFTER = re.compile(r"^\s*(?:\w+\s+){0,1}?(?:include|includes|including|such as|like|e\.g\.)\b|^\s*[:(]")
_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(?P<label>[^:]{2,40}):\s")
_CONDITION = re.compile(r"^(?:pns|paraneoplastic|syndromes?|diseases?|disorders?|conditions?|cancers?|tumou?rs?|"
                        r"patients|people|ones|things|others|causes|happens|helps|makes|means|works)$")


def _kind(question: str, is_stopword: Callable[[str], bool]) -> tuple[str | None, str] | None:
    """The kind a "which/what X" pick asks members of: its modifier, if any, and its plural head noun; or None."""
    m = _PICK.match(question.strip().lower())
    if m is None:
        return None
    modifier = None
    for word in (m.group("x"), m.group("y")):
        if word is None or is_stopword(word) or _CONDITION.match(word):
            return None
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return modifier, word
        modifier = word
    return None


def _mentions(kind: tuple[str | None, str], sentence: str) -> list[re.Match[str]]:
    """The head's mentions in `sentence`, only where its modifier stands before it: the kind asked is the whole
    phrase ("what kidney problems" is not asked by "memory problems")."""
    modifier, head = kind
    key = stem(head)
    found = [m for m in re.finditer(r"[a-z]+", sentence) if stem(m.group(0)) == key]
    if modifier is None:
        return found
    return [m for m in found if sentence[:m.start()].split()[-1:] == [modifier]]


def _labelled(sentence: str, head: str) -> bool:
    """A bullet labelled with the kind's head ("Laboratory Tests: ..." for "what lab tests"): it names a member."""
    label = _LABEL.match(sentence)
    return bool(label) and stem(head) in {stem(w) for w in re.findall(r"[a-z]+", label.group("label"))}


def _names_members(sentence: str, mention: re.Match[str], kind: tuple[str | None, str]) -> bool:
    modifier, head = kind
    before = sentence[:mention.start()].split()
    after = sentence[mention.end():]
    if before and before[-1] == "other":  # 'viral encephalitis, and other infections': its members come before it
        return True
    # a bare kind asked ("what tests") and a kind of it named ("imaging and lab tests"): that names a member
    if modifier is None and before and re.fullmatch(r"[a-z-]+", before[-1]) and not is_stopword(before[-1]) \
            and before[-1] not in _VAGUE_BEFORE:
        return True
    return bool(_MEMBERS_AFTER.match(after))


def _vague(sentence: str, mention: re.Match[str]) -> bool:
    if not mention.group(0).endswith("s"):  # a singular mention is one member: 'and Hodgkin lymphoma'
        return False
    before = sentence[:mention.start()]
    words = before.split()
    if any(w in _VAGUE_BEFORE for w in words[-2:]):
        return True
    trimmed = re.sub(r"(?:[a-z-]+\s+){0,1}$", "", before)  # 'or herbal supplements': the modifier before the kind
    return bool(_COORDINATION.search(before) or _COORDINATION.search(trimmed)) or \
        bool(re.match(r"^\s*(?:and|or)\s+[a-z]", sentence[mention.end():]))


def members_unnamed(question: str, shown: str, is_stopword: Callable[[str], bool]) -> list[str]:
    """The kind a "which/what X" first turn asks members of when the shown sentences mention X only vaguely and name
    none of its members, else [] (module docstring; a kind they never mention is pick_unaddressed's)."""
    kind = _kind(question, is_stopword)
    if kind is None:
        return []
    head = kind[1]
    sentences = rough_sentences(shown.lower())
    mentions = [(s, m) for s in sentences for m in _mentions(kind, s)]
    if not mentions or any(_names_members(s, m, kind) for s, m in mentions) or any(_labelled(s, head) for s in sentences):
        return []
    return [head] if all(_vague(s, m) for s, m in mentions) else []
