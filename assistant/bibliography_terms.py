"""The words a bibliography question uses for fields and entries, tolerant of synonyms, typos and numbers.

Why a table and fuzzy matching beside the patterns of assistant/bibliography_query.py: clinicians name a
field in many ways ("pgs", "who's the writer", "what mag", "volme", "authers") and point at an entry by its
place in the list ("ref 7", "reference #11", "the 4th reference", "[14]"), by age ("the oldest source") or by
what it offers ("which ones have a url", "any open access refs"). The patterns there catch the common
phrasings; this module catches the rest from one small table (FIELD_SYNONYMS), matched word by word with
rapidfuzz so that a misspelt field word still counts, and never from words that are not on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from corpus.models import Reference

# field -> the single words that ask for it. Phrases ("published by", "what journal") stay in
# bibliography_query.FIELDS; these words are matched exactly, or a typo away when they are 5+ letters long.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "doi": ("doi", "dois"),
    "url": ("url", "urls", "weblink", "weblinks", "hyperlink", "hyperlinks"),  # "link(s)": the patterns (not "link between")
    "volume": ("volume", "volumes", "vol"),
    "issue": ("issue", "issues"),
    "pages": ("pages", "pgs", "pp", "pagination"),
    "publisher": ("publisher", "publishers", "imprint"),
    "container": ("journal", "journals", "magazine", "periodical", "venue"),
    "year": ("year", "date", "dated"),
    "authors": ("author", "authors", "writer", "writers", "wrote", "authored", "authorship"),
    "title": ("title", "titled", "headline"),
}
FUZZY_MIN_LENGTH = 5  # 'vol' ~ 'val', 'pp' ~ 'up': short words must match exactly
FUZZY_CUTOFF = 85  # rapidfuzz ratio: 'volme' ~ 'volume' (91), 'authers' ~ 'authors' (86), 'jornal' ~ 'journal' (92)
# Real words a typo away from a synonym that ask for no field: 'when were they published' asks for the year.
NOT_FIELD_WORDS = frozenset({"published", "publish", "publishes", "publishing", "publication", "publications"})
_SYNONYM_FIELD = {word: name for name, words in FIELD_SYNONYMS.items() for word in words}
_LONG_SYNONYMS = sorted(w for w in _SYNONYM_FIELD if len(w) >= FUZZY_MIN_LENGTH)

_REF_WORD = r"(?:ref(?:erence)?s?|citations?|sources?|entry|entries|items?)"
_NUMBERED = re.compile(
    rf"\b{_REF_WORD}\.?\s*(?:(?:no|nr|num|number)\.?\s*|#\s*)?(?P<n>\d{{1,3}})\b(?!\s*(?:%|years?|references|refs|sources))"
    rf"|\[(?P<b>\d{{1,3}})\]"
    rf"|\b(?P<o>\d{{1,3}})(?:st|nd|rd|th)\s+{_REF_WORD}\b"
    rf"|\b{_REF_WORD}\s+(?:number|no\.?)\s+(?P<w>one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten".split(), start=1)}
ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1)}
_ORDINAL = re.compile(rf"\b(?:the\s+)?(?P<w>{'|'.join(ORDINAL_WORDS)}|last)\s+{_REF_WORD}\b", re.IGNORECASE)
# 'the oldest reference', 'most recent source', 'newest refs'
OLDEST = re.compile(rf"\b(?:oldest|earliest|least recent)\b[^?.!]{{0,20}}\b{_REF_WORD}\b", re.IGNORECASE)
NEWEST = re.compile(rf"\b(?:newest|latest|most recent|most up to date|most current)\b[^?.!]{{0,20}}\b{_REF_WORD}\b",
                    re.IGNORECASE)
# 'which ones have a url', 'any open access refs', 'how many come with a doi'
HAS_LINK = re.compile(
    r"\b(?:have|has|with|carry|carries|give|gives|come with|got|are|is)\s+(?:an?\s+|any\s+)?(?:urls?|links?|web ?address(?:es)?|online)\b"
    r"|\bopen[- ]access\b|\bfree(?:ly)? (?:to read|available|full[- ]text)\b|\bavailable online\b",
    re.IGNORECASE,
)
OPEN_ACCESS = re.compile(r"\bopen[- ]access\b|\bfree(?:ly)? (?:to read|available|full[- ]text)\b|\bavailable online\b"
                         r"|\bread (?:it|them) online\b", re.IGNORECASE)
# Entry words as people misspell them ('refrences', 'sorces', 'citatons'); matched only for words that are
# neither English nor the corpus's own, so 'resources' stays 'resources'.
ENTRY_WORDS: tuple[str, ...] = ("references", "reference", "sources", "source", "citations", "citation",
                                "bibliography", "chapters", "articles")
SELECTING = re.compile(r"\b(?:which|what|how many|any|list|show|are there|do all|does every)\b", re.IGNORECASE)


def fields_in(words: Sequence[str], question: str = "") -> tuple[str, ...]:
    """The fields `words` ask for by FIELD_SYNONYMS, in table order; a 5+ letter word may be misspelt.
    'open access' / 'free to read' in `question` asks for the link."""
    found: set[str] = {"url"} if OPEN_ACCESS.search(question) else set()
    for word in words:
        name = _SYNONYM_FIELD.get(word)
        if name is None and len(word) >= FUZZY_MIN_LENGTH and word not in NOT_FIELD_WORDS:
            hit = process.extractOne(word, _LONG_SYNONYMS, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            name = _SYNONYM_FIELD[hit[0]] if hit else None
        if name is not None:
            found.add(name)
    return tuple(name for name in FIELD_SYNONYMS if name in found)


def spelled_entry_words(words: Sequence[str], known: frozenset[str]) -> dict[str, str]:
    """Misspelt entry words of `words` -> the entry word ('refrences' -> 'references'); `known` words never change."""
    fixed: dict[str, str] = {}
    for word in words:
        if len(word) >= 6 and word not in known and word not in ENTRY_WORDS:
            hit = process.extractOne(word, ENTRY_WORDS, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit:
                fixed[word] = hit[0]
    return fixed


def numbered_entries(question: str, references: Sequence["Reference"]) -> list["Reference"]:
    """Entries the question points at by their number in the printed list ('ref 7', '[14]', 'the 4th
    reference', 'the last one'); numbers outside the list are ignored (a year is never a reference number)."""
    picked: list[int] = []
    for m in _NUMBERED.finditer(question):
        raw = m.group("n") or m.group("b") or m.group("o")
        picked.append(int(raw) if raw else _NUMBER_WORDS[m.group("w").lower()])
    for m in _ORDINAL.finditer(question):
        word = m.group("w").lower()
        picked.append(len(references) if word == "last" else ORDINAL_WORDS[word])
    chosen = [references[n - 1] for n in dict.fromkeys(picked) if 1 <= n <= len(references)]
    return chosen


def dated_extremes(question: str, references: Sequence["Reference"]) -> tuple[list["Reference"], str | None]:
    """The oldest or newest dated entries when the question asks for them (undated entries never count)."""
    dated = [r for r in references if r.year is not None]
    if not dated:
        return [], None
    if OLDEST.search(question):
        first = min(r.year for r in dated if r.year is not None)
        return [r for r in dated if r.year == first], "oldest"
    if NEWEST.search(question):
        last = max((r.date or str(r.year)) for r in dated)
        return [r for r in dated if (r.date or str(r.year)) == last], "newest"
    return [], None


def asks_for_links(question: str) -> bool:
    """Whether the question selects entries by having a link ('which ones have a url', 'open access refs')."""
    return bool(HAS_LINK.search(question) and SELECTING.search(question))
