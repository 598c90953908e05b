"""Lay words -> the article's medical words: "brain and nerve problems" reaches the "Neurological:" bullet.

Why: the article names its categories with medical labels ("Neurological:", "Dermatologic:", "Hematologic:",
"Endocrine:", "Kidney (Renal):", "Rheumatologic:") while people ask about "brain and nerve symptoms", "skin
problems" or "hormone problems". Label focus (assistant/label_focus.label_focus) keeps the bullets whose
label the question names, so a lay word that never names a label dropped the very bullet asked about; retrieval
missed it for the same reason. No maintained consumer-health vocabulary is on PyPI, so the map is a small curated
list (assistant/data/lay_terms.json) whose medical side is restricted to words the article itself prints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from assistant.sentences import content_terms

DATA_FILE = "lay_terms.json"
_BULLET_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?([^:]{2,40}):\s")


@lru_cache(maxsize=1)
def lay_map() -> dict[str, tuple[str, ...]]:
    """Medical word -> the lay words and phrases that mean it (as written in the data file)."""
    raw = json.loads(resources.files("assistant").joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
    return {medical: tuple(lay) for medical, lay in raw["terms"].items()}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r"\b" + re.escape(lay).replace(r"\ ", r"\s+") + r"\b", re.IGNORECASE), medical)
                 for medical, lays in lay_map().items() for lay in lays)


@lru_cache(maxsize=1)
def entry_terms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each map entry as (its medical word's content_terms stems, its lay phrases' stems), in map order: built once,
    for the checks that compare stems on every candidate sentence (assistant/complements.py)."""
    return tuple((frozenset(content_terms(medical)), frozenset(content_terms(" ".join(lays))))
                 for medical, lays in lay_map().items())


def lay_words() -> frozenset[str]:
    """Every word of the map's lay phrases ("neuro", "physio", "tummy"): words a spelling corrector must leave alone,
    or "neuro" would become the English "nero" and never reach "neurological"."""
    return frozenset(w for lays in lay_map().values() for lay in lays for w in re.findall(r"[a-z]+", lay.lower()))


def medical_words(text: str, labelled: frozenset[str] = frozenset()) -> list[str]:
    """The article's medical words for the lay words of `text`, in map order, without the ones `text` already has.

    `labelled`: stems of the corpus's own bullet labels; a lay word that already is a label word ("skin" of "Skin
    Changes:", "hormone" of "Hormonal:") brings nothing, since the article names that item with it already.
    """
    have = content_terms(text)
    out: list[str] = []
    for pattern, medical in _patterns():
        found = pattern.search(text)
        if medical in out or not found or content_terms(medical) <= have or _names_a_label(found.group(0), labelled):
            continue
        out.append(medical)
    return out


def _names_a_label(lay: str, labelled: frozenset[str]) -> bool:
    """Is every word of the lay phrase a label word? "skin" is ("Skin Changes:"); "early symptoms" is not, though
    "early" is a word of "Early diagnosis and treatment:", so it still brings "initially" (Symptoms ... initially)."""
    terms = content_terms(lay)
    return bool(terms) and terms <= labelled


def lay_derived_terms(text: str) -> set[str]:
    """content_terms stems of every medical word a lay word of `text` stands for, whether or not `text` holds it
    already: with_medical_words appended it to the search text, so these are the words the asker did not type."""
    return content_terms(" ".join(medical for pattern, medical in _patterns() if pattern.search(text)))


def meanings_of(word: str) -> tuple[str, ...]:
    """The article's words the lay `word` stands for, as a whole lay entry ("terminal" -> ("outlook",)), in map order.

    Why a whole entry only: a property asked with one word ("is it terminal") is one the article speaks to in its
    own word; a word that is only part of a lay phrase ("kill" of "kill you") says nothing alone."""
    word = word.lower()
    return tuple(medical for medical, lays in lay_map().items() if word in lays)


def spoken_meanings(text: str) -> list[str]:
    """The article's words for `text`'s lay phrases when those phrases are all it asks ("is it terminal" ->
    ["outlook"]; "can my dog eat it" -> [], since "dog" is in no lay phrase), in map order, else none.

    Why all of it: the medical words then restate the whole ask, so how close the article comes to them says whether
    it answers; a question that asks more than its lay phrases would be judged by a part of it."""
    found = [(m.group(0), medical) for pattern, medical in _patterns() for m in [pattern.search(text)] if m]
    if not found or content_terms(text) - content_terms(" ".join(lay for lay, _ in found)):
        return []
    return list(dict.fromkeys(medical for _, medical in found))


def medical_terms(text: str) -> set[str]:
    """content_terms stems of medical_words(text): what a label-matching check compares with label stems."""
    return content_terms(" ".join(medical_words(text)))


def with_medical_words(text: str, labelled: frozenset[str] = frozenset()) -> str:
    """`text` followed by its medical words ("brain symptoms" -> "brain symptoms neurological"), for searching.

    Why `labelled` here: searching "skin problems" as "skin problems dermatologic" pulled the types list
    ("Dermatologic: Skin conditions ...") over the symptoms bullet "Skin Changes: ..." that the question's own word
    already reaches (self-written key-fact bank 2); only lay words that name no label need the medical word.
    """
    extra = medical_words(text, labelled)
    return f"{text} {' '.join(extra)}" if extra else text


def label_terms(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the bullet labels in `texts` ("- Skin Changes: Rashes ..." -> {skin, chang})."""
    out: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            m = _BULLET_LABEL.match(line)
            if m:
                out |= content_terms(m.group(1))
    return frozenset(out)
