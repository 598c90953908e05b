"""Find bibliography entries by what a person or a client remembers of them: an author, a word of the
title, the journal, a year, a DOI.

Every word of the query must be found in the entry. A word counts as found when it occurs in the entry's
text, or, for words of four letters or more, when rapidfuzz scores it close to a word of the entry, so a
misspelt name ("Vogrik", "Lambert-Eton") still finds its reference. Results keep the article's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from corpus.models import Reference

MIN_FUZZY_SCORE = 80.0
MIN_FUZZY_LENGTH = 4
_WORD = re.compile(r"[\w.'’/]+")


def _words(text: str) -> list[str]:
    return [w.strip(".'’-/") for w in _WORD.findall(text.casefold()) if w.strip(".'’-/")]


def reference_text(ref: Reference) -> str:
    """Everything a query may match: id, authors, year, title, container, publisher, volume, pages, DOI, URL."""
    parts = [ref.id, " ".join(ref.authors), str(ref.year) if ref.year else "n.d.", ref.title, ref.container or "",
             ref.publisher or "", ref.volume or "", ref.issue or "", ref.pages or "", ref.doi or "", ref.url or ""]
    return " ".join(parts).casefold()


def _found(word: str, text: str, vocabulary: list[str]) -> bool:
    if word in text:
        return True
    if len(word) < MIN_FUZZY_LENGTH:
        return False
    return process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_FUZZY_SCORE) is not None


def search_references(refs: Sequence[Reference], query: str | None) -> list[Reference]:
    """The entries that contain every word of `query` (all of them for an empty query), in printed order."""
    words = _words(query or "")
    if not words:
        return list(refs)
    found = []
    for ref in refs:
        text = reference_text(ref)
        vocabulary = _words(text)
        if all(_found(w, text, vocabulary) for w in words):
            found.append(ref)
    return found
