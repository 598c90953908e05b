"""The bibliography entries titled after each concept of a joined subject: "ivig in lems", "lupus and ms".

Why: a "what does the article cite for X" subject is scored as one bag of words against every entry
(`bibliography_query.BibliographyQuestions._cited_for`), so the concept with more title words ('lambert eaton
myasthenic syndrome (lems)' against 'intravenous immunoglobulin (ivig)') takes the whole answer and the other
concept's entry is missing. Split at its joins, each concept names the entry whose title holds most of its words.
A concept counts only then: 'plasmapheresis for severe neuro symptoms' keeps the plasmapheresis page alone, since
'symptoms' is one word of three in a title about myasthenia gravis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Where a subject joins two concepts: "ivig in lems", "plasmapheresis for myasthenia", "lupus and ms".
CONCEPT_JOIN = re.compile(r"\s+(?:in|for|with|and|plus|or|vs\.?|versus|&)\s+", re.IGNORECASE)


def entries_titled_after(subject: str, titles: Sequence[tuple[str, set[str]]],
                         content_words: Callable[[str], list[str]], match: Callable[[str, set[str]], bool],
                         max_named: int) -> list[str]:
    """Ids of the entries whose title holds most of one joined concept's words, in `titles` order per concept.

    `titles` pairs each entry id with its title words; `content_words` and `match` are the bibliography reader's
    own (question words left out; typo-tolerant matching), so a concept is read as the whole subject is. More
    than `max_named` entries tied for a concept is a selection, not a name: none of them is added."""
    concepts = [c for c in CONCEPT_JOIN.split(subject) if c.strip()]
    if len(concepts) < 2:
        return []
    found: list[str] = []
    for concept in concepts:
        words = content_words(concept)
        if not words:
            continue
        covered = [(sum(match(w, title) for w in words), entry_id) for entry_id, title in titles]
        best = max(n for n, _ in covered)
        ids = [entry_id for n, entry_id in covered if n == best]
        if 2 * best > len(words) and len(ids) <= max_named:
            found += ids
    return found
