"""A question naming a person or a journal as a writer or a source of references: found in the bibliography
(typo-tolerant), or said to be absent from it.

Why its own reading: "what did graus write about", "papers by dalmau?", "kaplan 2020 reference" or "any refs from
lancet neurology" name someone the bibliography does not hold. The bibliography router (assistant/
bibliography_query.py) finds entries by the words they share with a question, so a name it lacks matches nothing
and the question fell to the passage answerer: the speller "corrected" the name to an English word ("graus" ->
"grass") and the similarity gate called it off topic, or a year or a journal word alone picked entries by someone
else ("kaplan 2020" -> the 2020 chapters). The honest reply is that the bibliography has no such entry
(`not_found`), and a misspelt cited name ("grabber", "ellenbey", "honorat") is the entry it is a typo of.

The name is read from the question as typed (before the speller, which would respell it) in the places a writer or a
source is named: "what did X write/publish", "papers/anything by X", "X et al", "X and Y paper/doi", "X 2020" and
"refs/cited from X".
A word there counts as a name only when it is no everyday English word ("what did researchers write") and no word of
the article ("refs from the key takeaways"); it is looked up with rapidfuzz against the surnames, organisations and
printed words of the entries, so no list of names the bibliography lacks is kept anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from index.lexical import is_stopword

if TYPE_CHECKING:
    from corpus.models import Reference

NAME_SIMILARITY = 80  # rapidfuzz ratio: 'grabber' ~ 'graber' (92), 'honorat' ~ 'honnorat' (93); 'kaplan' ~ 'kang' 60
MIN_FUZZY_LENGTH = 5  # a shorter word must equal a name: 'aly' is not 'ala'
_NAME = r"[a-z][a-z'’-]+"
_ENTRY = (r"(?:references?|refs?|sources?|citations?|papers?|articles?|studies|study|works?|publications?|chapters?"
          r"|anything|something|stuff|entries|entry)")
# the places a writer is named
_WROTE = re.compile(rf"\b(?:what|which|anything|something)\s+(?:else\s+)?(?:did|has|have|does|do)\s+"
                    rf"(?P<name>{_NAME}(?:\s+{_NAME})?)\s+(?:ever\s+)?(?:write|written|wrote|publish|published|author|authored)\b")
_BY = re.compile(rf"\b{_ENTRY}\s+(?:\w+\s+)?(?:written\s+|published\s+|authored\s+)?by\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")
_ET_AL = re.compile(rf"\b(?P<name>{_NAME})\s+(?:et\.?\s*al|and\s+(?:colleagues|co-?authors))\b")
# two names joined before an entry or a field word: "darnell and posner nejm paper doi", "kadish and clardy pages"
_PAIR = re.compile(rf"\b(?P<name>{_NAME}\s+(?:and|&)\s+{_NAME})\s+(?:{_NAME}\s+)?"
                   rf"(?:{_ENTRY}|doi|volume|vol|issue|pages?|publisher|url|link|year)\b")
_NAME_YEAR = re.compile(rf"\b(?P<name>{_NAME})(?:'s)?\s+\(?(?:19|20)\d\d\b")
# the places a source (a journal, a site) is named: after a word that only means an entry ("does anything from
# rituximab help" names a drug, not a source)
_SOURCE_ENTRY = r"(?:references?|refs?|sources?|citations?|papers?|articles?|publications?|chapters?|entries)"
_FROM = re.compile(rf"\b(?:{_SOURCE_ENTRY}|cite[sd]?|citing)\b[^?.!]{{0,25}}?\b(?:from|in)\s+(?:the\s+)?(?:journal\s+)?"
                   rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,3}})")
# a year slot needs the question to be about the bibliography
_BIBLIOGRAPHIC = re.compile(rf"\b{_ENTRY}\b|\bcit(?:e|es|ed|ing)\b|\bwr(?:o|i)te\b|\bwritten\b|\bpublish|\bauthors?\b"
                            r"|\bdoi\b|\bjournal\b|\bvolume\b|\bpages?\b")
_PRONOUNS = frozenset("i me you he she it we they him her them his its their our your this that these those the a an "
                      "someone anyone people article author authors".split())


@dataclass(frozen=True)
class AuthorAsk:
    """A writer or source the question names, as typed, and the entries it names (none: the bibliography lacks it)."""

    name: str
    kind: str  # 'author' | 'source'
    reference_ids: tuple[str, ...]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


class NameIndex:
    """The bibliography's names (surnames and organisations) and printed words, per entry, to look a typed name up."""

    def __init__(self, references: Sequence["Reference"], known: frozenset[str]) -> None:
        """`known`: everyday English and the article's words, never a name ('researchers', 'takeaways')."""
        self.known = known
        self.surnames = {r.id: {w for a in r.authors for w in _words(a.split(",")[0]) if len(w) > 2} for r in references}
        self.printed = {r.id: {w for w in _words(r.raw) if len(w) > 2} for r in references}
        self._vocabulary = sorted({w for d in (self.surnames, self.printed) for ws in d.values() for w in ws})

    def _close(self, word: str) -> set[str]:
        if len(word) < MIN_FUZZY_LENGTH:
            return {word}
        return {c for c, _, _ in process.extract(word, self._vocabulary, scorer=fuzz.ratio,
                                                 score_cutoff=NAME_SIMILARITY, limit=None)} | {word}

    def entries(self, words: Sequence[str], kind: str) -> tuple[str, ...]:
        """Entries one of `words` names: a writer by surname (by any printed word when no surname fits), a source by
        its printed words."""
        close = set().union(*(self._close(w) for w in words)) if words else set()
        tables = (self.surnames, self.printed) if kind == "author" else (self.printed,)
        for table in tables:
            found = tuple(rid for rid, names in table.items() if names & close)
            if found:
                return found
        return ()

    def is_name(self, word: str) -> bool:
        """A cited surname ('said' of Said & Kang), or a word that is no English or article word ('darnell')."""
        return word not in self.known or any(word in names for names in self.surnames.values())

    def lookup(self, phrase: str, kind: str) -> AuthorAsk | None:
        """What a writer or source slot holds: its entries, or an absent name; None when it holds no name."""
        candidates = [w for w in _words(phrase) if w not in _PRONOUNS and len(w) > 2 and not is_stopword(w)]
        if not candidates:
            return None
        unknown = [w for w in candidates if w not in self.known]
        if kind == "source" and any(not self.entries([w], kind) for w in unknown):
            return AuthorAsk(" ".join(candidates), kind, ())  # 'lancet neurology': a source none of them is
        found = self.entries(candidates, kind)
        if found:
            return AuthorAsk(" ".join(candidates), kind, found)
        if kind == "author":  # the slot opens with the name: 'papers by dalmau about pns'; 'by the team' names none
            if candidates[0] in self.known:
                return None
            name = " ".join(w for w in candidates[:2] if w not in self.known)
            return AuthorAsk(name, kind, ())
        return AuthorAsk(" ".join(candidates), kind, ()) if unknown else None


def author_ask(typed: str, index: NameIndex) -> AuthorAsk | None:
    """The writer or source `typed` names in a writer's or source's place, looked up (module docstring); None when
    it names none."""
    text = typed.lower().replace("’", "'")
    for regex, kind, needs_bibliographic in ((_WROTE, "author", False), (_BY, "author", False),
                                             (_ET_AL, "author", False), (_PAIR, "author", False),
                                             (_NAME_YEAR, "author", True),
                                             (_FROM, "source", False)):
        if needs_bibliographic and not _BIBLIOGRAPHIC.search(text):
            continue
        for m in regex.finditer(text):
            if regex is _PAIR and not all(index.is_name(w) for w in _words(m.group("name")) if w not in ("and",)):
                continue  # 'emg and nerve conduction studies': a joined pair is writers only when both are names
            found = index.lookup(m.group("name"), kind)
            if found is not None:
                return found
    return None
