"""Abbreviations people type (MS, SCLC, LEMS, IVIG, CT ...) and what they stand for in this corpus.

Why a glossary: the article writes "multiple sclerosis", "computed tomography (CT)" and
"Intravenous Immunoglobulin (IVIG)", while people type "MS", "ct scan" or "ivig". Retrieval and the
"names terms the article never mentions" check must see both forms. Two sources, corpus first:

1. definitions the corpus itself prints, "Long form (ABBR)", found with the Schwartz-Hearst rule
   (every letter of the abbreviation appears, in order, in the words just before the parenthesis and
   its first letter starts the long form) in the article and the bibliography titles;
2. a small curated list (assistant/data/abbreviations.json) of abbreviations the article never defines,
   each expanded into the article's own wording.

A lower-case spelling ("lems", "sclc") is expanded only where the entry allows it: "pet", "mg" and
"lp" are ordinary words or units unless "scan"/"test" follows them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

CURATED_FILE = "abbreviations.json"
# Lower-case spellings of restricted entries still count before these words ("pet scan", "ct scan").
_SCAN_WORDS = frozenset({"scan", "scans", "scanning", "test", "tests", "imaging", "study", "studies"})
_PAREN = re.compile(r"\(([^()\s]{2,10})\)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# A long form never reaches back over these: the end of a sentence, a heading, a bullet, a colon.
_CLAUSE_BREAK = re.compile(r"[\n.:;•()\[\]]")


class _CorpusLike(Protocol):
    """What the glossary reads from a corpus: the article text and the bibliography titles."""

    @property
    def article(self) -> object: ...

    @property
    def references(self) -> Iterable[object]: ...


@dataclass(frozen=True)
class Abbreviation:
    """One abbreviation, its long form, where it came from ('corpus' or 'curated') and its lower-case rule."""

    abbr: str
    long: str
    source: str
    lowercase: bool = True


def _looks_like_abbreviation(text: str) -> bool:
    """2-10 characters, no spaces, at least two capitals and mostly capitals: 'IVIG', 'CT', 'PTHrP' (not 'Lupus')."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return text[0].isalnum() and capitals >= 2 and capitals * 2 >= len(letters)


def long_form(abbr: str, before: str) -> str | None:
    """The Schwartz-Hearst long form of `abbr` at the end of `before`, or None when the letters don't fit.

    Letters are matched right to left; the abbreviation's first letter must begin a word, and the long
    form may have at most min(len+5, 2*len) words (the published limits of the algorithm).
    """
    words = before.split()
    limit = min(len(abbr) + 5, 2 * len(abbr))
    candidate = " ".join(words[-limit:])
    s, pos = len(abbr) - 1, len(candidate) - 1
    while s >= 0:
        char = abbr[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while pos >= 0 and (candidate[pos].lower() != char or (s == 0 and pos > 0 and candidate[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    start = candidate.rfind(" ", 0, pos + 1) + 1
    found = candidate[start:].strip(" ,-")
    return found if len(found) > len(abbr) else None


def defined_abbreviations(text: str) -> list[tuple[str, str]]:
    """(ABBR, long form) pairs that `text` defines as 'Long form (ABBR)'."""
    pairs: list[tuple[str, str]] = []
    for m in _PAREN.finditer(text):
        abbr = m.group(1)
        if not _looks_like_abbreviation(abbr):
            continue
        before = text[: m.start()].rstrip()
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end():]
        found = long_form(abbr, before)
        if found:
            pairs.append((abbr, found))
    return pairs


def load_curated() -> list[Abbreviation]:
    """The curated list shipped with the package (assistant/data/abbreviations.json)."""
    raw = resources.files("assistant").joinpath("data", CURATED_FILE).read_text(encoding="utf-8")
    return [Abbreviation(e["abbr"], e["long"], "curated", bool(e.get("lowercase", True))) for e in json.loads(raw)["entries"]]


class Glossary:
    """Abbreviation lookups and expansion; build one per corpus with `Glossary.from_corpus`."""

    def __init__(self, entries: Iterable[Abbreviation]) -> None:
        self._by_key: dict[str, Abbreviation] = {}
        for entry in entries:  # earlier entries win: corpus definitions come before curated ones
            self._by_key.setdefault(entry.abbr.upper(), entry)

    @classmethod
    def from_texts(cls, texts: Iterable[str], curated: Iterable[Abbreviation] | None = None) -> "Glossary":
        """Abbreviations the texts define ("Lambert-Eaton myasthenic syndrome (LEMS)"), then the curated list:
        the corpus's own long forms win over curated ones for the same short form."""
        found = [Abbreviation(a, l, "corpus") for text in texts for a, l in defined_abbreviations(text)]
        return cls([*found, *(load_curated() if curated is None else curated)])

    @classmethod
    def from_corpus(cls, corpus: _CorpusLike, curated: Iterable[Abbreviation] | None = None) -> "Glossary":
        """Definitions printed in the article text and the bibliography titles, then the curated list."""
        texts = [getattr(corpus.article, "text", "")]
        texts += [getattr(r, "title", "") for r in corpus.references]
        return cls.from_texts(texts, curated)

    @property
    def entries(self) -> Mapping[str, Abbreviation]:
        """Upper-cased short form -> its entry, a copy (callers may not change the glossary)."""
        return dict(self._by_key)

    def terms(self) -> frozenset[str]:
        """Every abbreviation, lower-cased (for vocabulary checks)."""
        return frozenset(k.lower() for k in self._by_key)

    def lookup(self, token: str, next_word: str = "") -> Abbreviation | None:
        """The entry `token` stands for here, honouring the lower-case rule ('pet' alone is a pet)."""
        entry = self._by_key.get(token.upper())
        if entry is None:
            return None
        if token == entry.abbr or (token.isupper() and len(token) > 1):
            return entry
        if entry.lowercase or next_word.lower() in _SCAN_WORDS:
            return entry
        return None

    def expand(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """`text` with each abbreviation followed by its long form: 'IVIG' -> 'Intravenous Immunoglobulin (IVIG)';
        one the corpus never prints (a curated entry) replaced by it: 'MS' -> 'multiple sclerosis'.

        Returns the new text and the (abbreviation, long form) pairs used. An abbreviation whose long
        form the text already contains is left alone, as is one already inside parentheses.
        """
        used: list[tuple[str, str]] = []
        pieces: list[str] = []
        last = 0
        lowered = text.lower()
        tokens = list(_TOKEN.finditer(text))
        for i, m in enumerate(tokens):
            next_word = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
            entry = self.lookup(m.group(0), next_word)
            if entry is None or entry.long.lower() in lowered or entry.long.lower() == m.group(0).lower():
                continue
            if text[max(0, m.start() - 1): m.start()] == "(":
                continue
            pieces.append(text[last: m.start()])
            # a short form the corpus never prints (a curated entry) is only noise beside its long form: the
            # article's words are what retrieval and the composer can match ("the symptoms of pns"); and
            # retrieval's own expansions (retrieval.QUERY_EXPANSIONS) spelled "(pns)" out again, so the subject
            # stood twice in the searched text and outweighed what was asked
            pieces.append(entry.long if entry.source == "curated" else f"{entry.long} ({m.group(0)})")
            last = m.end()
            used.append((m.group(0), entry.long))
        pieces.append(text[last:])
        return "".join(pieces), used
