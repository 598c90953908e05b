"""The corpus's own words as the triage reads a question against them: bibliography entries' searchable text, the
names the article only ever writes capitalised, the labels of its types list, and the words that name a reference.

Why apart from the Triage: these are pure functions of the corpus, computed once when the Triage is built
(`Triage.from_corpus`), and `assistant/members.py` reads the article's groups through `group_labels` too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus.models import Reference, Section


def reference_texts(references: Iterable["Reference"]) -> list[str]:
    """The searchable words of each bibliography entry: authors, title, container, publisher."""
    return [" ".join([*r.authors, r.title, r.container or "", r.publisher or ""]) for r in references]


COMMON = 5000  # the most frequent English words: never a name, even when capitalised in a heading
# The most frequent English words ("get", "last", "live", "make"): too common to name a subject, so a first question
# made of them and the corpus's own words ("can u get better from it") is about the article's subject.
GENERIC = 300


def proper_names(text: str, common: frozenset[str]) -> frozenset[str]:
    """Words `text` only ever writes capitalised and that are not common English ('Lambert', 'Eaton',
    'Hodgkin', but not 'Lung' from a title): names carry no language signal, though the English word
    list knows many of them."""
    capitalised = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", text)}
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))
    return frozenset(w for w in capitalised - lower if w not in common)


def group_labels(sections: Iterable["Section"]) -> dict[str, str]:
    """Bullet label -> bullet text, from sections about types ('Neurological: Disorders ... such as
    Lambert-Eaton myasthenic syndrome and paraneoplastic cerebellar degeneration')."""
    labels: dict[str, str] = {}
    for section in sections:
        if re.search(r"\btypes?\b", section.title, re.IGNORECASE):
            for bullet in section.bullets:
                label, sep, text = bullet.partition(":")
                if sep and 0 < len(label.split()) <= 3:
                    labels[label.strip()] = text.lower().replace("-", " ")
    return labels


def reference_names(references: Iterable["Reference"]) -> frozenset[str]:
    """Lower-case words that name a reference rather than a medical subject: surnames, journals, sites, years."""
    words: set[str] = set()
    for r in references:
        words.update(re.findall(r"(?:19|20)\d\d", f"{r.year or ''} {r.date or ''} {r.raw}"))
        for author in r.authors:
            words.update(re.findall(r"[a-z]+", author.split(",")[0].lower()))
        for part in (r.container, r.publisher, r.url):
            words.update(re.findall(r"[a-z]{2,}", (part or "").lower()))
    return frozenset(words)
