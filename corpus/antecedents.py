"""Finding a unit's referring phrase, and checking what the model says it refers to.

Why rules around the model: the 1.5B local model cannot reliably rewrite a sentence freely (it copies it,
pastes the previous sentences in, or answers about another unit; seen on trial units by the enrichment
prototype, whose approach this is). So the code finds the referring phrase ("These syndromes", a leading
"They", "This step"), the model only names what it refers to, the code checks that every content word of
that answer occurs in the text before the unit (or the headings), and substitutes it into the verbatim unit.
Where the antecedent was found says whether the unit needs its predecessor shown: in the previous text, yes;
in the unit itself or the headings, no. An answer that fails the check leaves the unit as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.units import Unit

LABEL = re.compile(r"^[A-Z][^:.]{0,60}:\s+")  # a bullet's "Imaging: " label
CONNECTIVE = re.compile(r"^(?:However|Additionally|In addition|Instead|Conversely|Moreover|Furthermore|Also|"
                        r"For instance|For example),?\s+", re.I)
LEADING_PRONOUN = re.compile(r"^(they|it|this|these|those|others|such)\b", re.I)
DEMONSTRATIVE = re.compile(r"\b([Tt]his|[Tt]hese|[Tt]hose|[Ss]uch)\s+")
# Words after "this/these" that show it stands alone ("These suppress", "This is") or end its noun phrase.
NP_STOP = frozenset(
    "is are was were be been being can could may might will would should must do does did has have had "
    "of in on for to with by from as at while and or but that which who when because if than into about "
    "often also usually typically still not "
    "suppress help helps cause causes include includes occur occurs result results affect affects make makes "
    "lead leads require requires show shows allow allows involve involves mean means".split()
)
SELF_REFERENCE = frozenset({"article", "page", "post"})  # "This article ..." needs no antecedent
STOP = frozenset(
    "a an the and or of to in on for with by from as at is are was were be been can may might could do does did "
    "what which who whom how why when where whose this these that those it its they them their there i me my we "
    "our you your he she his her have has had will would should than then so such not no if into about any "
    "some more most other others also".split()
)
WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


@dataclass(frozen=True)
class Referring:
    phrase: str  # as written in the unit, e.g. "These strategies"
    start: int   # offsets in unit.text
    end: int


def referring_phrase(text: str) -> Referring | None:
    """The first phrase of the unit that points back to earlier text, or None.

    A pronoun opening the unit (after a bullet label or a connective), or a demonstrative noun phrase
    anywhere ("these common cancers", "This step"). Pronouns inside a sentence usually point within it.
    """
    found: list[Referring] = []
    head = 0
    for pattern in (LABEL, CONNECTIVE):
        m = pattern.match(text[head:])
        if m:
            head += m.end()
    m = LEADING_PRONOUN.match(text[head:])
    if m:
        nxt = text[head + m.end():].split(maxsplit=1)
        if not nxt or nxt[0].lower().strip(",.;:") in NP_STOP or m.group(1).lower() in ("they", "it", "others"):
            found.append(Referring(m.group(1), head, head + m.end()))
    for m in DEMONSTRATIVE.finditer(text):
        words: list[str] = []
        cursor = m.end()
        for w in re.finditer(r"[A-Za-z][\w’'-]*", text[m.end():]):
            if len(words) == 2 or text[cursor : m.end() + w.start()].strip() or w.group().lower() in NP_STOP:
                break  # two words at most; punctuation or a verb/preposition ends the noun phrase
            words.append(w.group())
            cursor = m.end() + w.end()
        if words and words[0].lower() not in SELF_REFERENCE:
            found.append(Referring(text[m.start():cursor], m.start(), cursor))
    return min(found, key=lambda r: r.start) if found else None


def content_words(text: str, drop: Iterable[str] = ()) -> set[str]:
    """Lower-cased content words cut to 6 letters (a cheap stem: 'tumors'/'tumor' -> 'tumor')."""
    skip = STOP | set(drop)
    return {w.strip("'’-")[:6] for w in WORD.findall(text.lower()) if w not in skip and len(w.strip("'’-")) > 2}


def locate_antecedent(refers_to: str, unit_rest: str, previous: str, headings: str) -> str | None:
    """Where the model's antecedent comes from: 'unit', 'previous', 'headings', or None when it invented it."""
    words = content_words(refers_to)
    if not words:
        return None
    for where, text in (("unit", unit_rest), ("previous", previous), ("headings", headings)):
        if words <= content_words(text):
            return where
    return "previous" if words <= content_words(f"{previous} {headings} {unit_rest}") else None


def substitute(text: str, ref: Referring, refers_to: str) -> str:
    """The unit with the referring phrase replaced; capitalised where it opens the sentence."""
    rep = refers_to.strip().rstrip(".")
    if ref.start == 0 or text[: ref.start].rstrip().endswith((":", ".")):
        rep = rep[:1].upper() + rep[1:]
    elif rep[:1].isupper() and not rep[:2].isupper() and rep.split()[0].lower() in STOP:
        rep = rep[:1].lower() + rep[1:]
    return text[: ref.start] + rep + text[ref.end :]


def context_units(units: Sequence[Unit], unit: Unit, window: int = 2, max_list: int = 8) -> list[Unit]:
    """What a reader sees before `unit` in its section: the previous `window` units, widened to whole lists.

    A bullet also gets its list's lead-in line; a sentence right after a list gets the whole list
    ("These strategies should be discussed ..." refers to all of its items, not the last two).
    """
    same = [u for u in units if u.section_id == unit.section_id]
    i = same.index(unit)
    lo = max(0, i - window)
    if i > 0 and same[i - 1].is_bullet:
        while lo > 0 and same[lo - 1].is_bullet and i - lo < max_list:
            lo -= 1
        if lo > 0 and same[lo - 1].is_lead_in:
            lo -= 1
    elif unit.is_bullet and unit.list_heading:
        lead = next((u for u in reversed(same[:i]) if u.text == unit.list_heading), None)
        if lead is not None and lead not in same[lo:i]:
            return [lead, *same[lo:i]]
    return same[lo:i]
