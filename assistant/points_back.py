"""Whether a sentence reads after the one before it: the one owner of "this points back".

Why a module: the question is asked in two places of an answer's life, and each asked it its own way
(EnrichedUnit.needs_previous in assistant/enriched.py, leans_back in assistant/answer_lead.py). Both readings
start from the same rule (an opening reference, corpus.units.opens_with_reference: "These syndromes ...",
"This step ...") and each adds one thing, so both live here, side by side, with what they add:
  * `unit_needs_previous`: an article unit is read with its predecessor when it opens with a reference or the
    build-time enrichment flags it (record.needs_previous: the model found it meaningless alone). Choosing and
    grouping use it (antecedents.with_antecedents, off_topic.blocks, the ranker's `needs_previous` feature).
  * `leans_back`: a shown sentence's own words point back when they open with a reference or a connective that
    turns the sentence before ("Conversely, ...", "However, others ...": `turns_back`); the opening-reference rule
    catches "However, these ..." but not a contrast whose subject is named. The last pass over an answer uses it
    (antecedents.settle_antecedents shows the sentence turned from right before it).
Why two readings and not one: the connective was added only where an answer is placed, and the enrichment's flag
exists only for article units; folding either into the other would change which sentences are chosen.
"""

from __future__ import annotations

import re

from corpus.units import opens_with_reference

# Connectives that turn or contrast the sentence before: without it the sentence answers nothing the reader saw.
TURNS_BACK = re.compile(
    r"^(?:however|conversely|in contrast|by contrast|on the other hand|nevertheless|nonetheless|"
    r"yet|but|similarly|likewise|meanwhile|otherwise)\b,?\s",
    re.IGNORECASE,
)


def turns_back(text: str) -> bool:
    """True when the sentence opens with a connective that turns the one before it ("Conversely, ...")."""
    return TURNS_BACK.match(text.strip()) is not None


def leans_back(text: str) -> bool:
    """True when the sentence reads after the one before it: an opening reference or a turning connective."""
    return opens_with_reference(text) or turns_back(text)


def unit_needs_previous(unit_text: str, flagged: bool) -> bool:
    """True when an article unit is read with its predecessor: it opens with a reference, or the enrichment
    `flagged` it (its build-time reading found the unit meaningless alone)."""
    return opens_with_reference(unit_text) or flagged
