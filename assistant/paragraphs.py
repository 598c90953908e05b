"""Paragraph completion: a kept sentence of a short article paragraph brings the sentences after it, if they relate.

Why: a short article paragraph is usually one thought continued ("Patients may need long-term monitoring ...
Support groups and counseling can also help ..."); showing its first half cuts the answer mid-thought. On dev,
forward completion lifted key-fact recall 0.753 -> 0.815 at the same precision proxy; the whole paragraph cost
0.06 precision (benchmarks/results/rescore_cv.json).

Why the relatedness check: a continuation that shares no word with the question and scores far under the best
sentence is the paragraph's next point, not this answer ("Support groups and counseling ..." under "do the
symptoms stop after chemo?", "This step is essential to avoid misdiagnosis ..." under "how do doctors diagnose
it?", "This is a common presentation ..." under "what is it?"): by hand, such continuations helped in 4 of 19
answers of the self-written banks (benchmarks/results/precision_check.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.answer_focus import names_distinctive
from assistant.compose import FRAMING, Scored

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import SentenceBank

PARAGRAPH_MAX_UNITS = 3  # a longer paragraph is several points; only a short one reads as one continued thought
RELATED_SHARE = 0.6     # a continuation sharing no question word joins only if it scores this share of the best

Related = Callable[[Scored], bool]
# A continuation that turns the thought before it completes it, whatever its words
CONTRAST = re.compile(r"^\s*(?:however|instead|but|yet|still|conversely|whereas|though|although)\b", re.IGNORECASE)


def paragraph_of(item: "EnrichedUnit", enriched: "EnrichedUnits", article_text: str) -> list["EnrichedUnit"]:
    """The prose units on `item`'s line of the article (its paragraph), in order; a bullet is its own paragraph."""
    if item.unit.is_bullet:
        return [item]
    i = enriched.units.index(item)
    lo = hi = i
    same_line = lambda a, b: a.unit.section_id == b.unit.section_id and not b.unit.is_bullet and \
        "\n" not in article_text[min(a.end, b.end) : max(a.start, b.start)]
    while lo > 0 and same_line(enriched.units[lo - 1], enriched.units[lo]):
        lo -= 1
    while hi + 1 < len(enriched.units) and same_line(enriched.units[hi], enriched.units[hi + 1]):
        hi += 1
    return enriched.units[lo : hi + 1]


def relatedness(q_terms: set[str], scored: list[Scored], bank: "SentenceBank", full_vec: Any = None,
                share: float = RELATED_SHARE) -> Related:
    """A test: does a sentence turn the thought before it ("However, others ..."), share a content word with the
    question, or score near the best candidate?"""
    import numpy as np

    best = max((s.full_similarity for s in scored), default=0.0)
    q = None if full_vec is None else np.asarray(full_vec, dtype=np.float32)

    def related(s: Scored) -> bool:
        if CONTRAST.match(s.sentence.text):
            return True  # "Some recover ... However, others ...": the second half of one point
        if FRAMING.match(s.sentence.text):
            return False  # "This article comprehensively examines ...": about the article, not a point continued
        terms = bank.terms(s.sentence.chunk.id)[s.sentence.index]
        if names_distinctive(q_terms, terms, bank.weights):
            return True  # a word the corpus uses everywhere ("symptoms", "cancer") does not tie it to the question
        similarity = s.full_similarity if q is None else float(bank.vectors(s.sentence.chunk.id)[s.sentence.index] @ q)
        return best > 0 and similarity >= share * best

    return related


def whole_paragraphs(chosen: list[Scored], enriched: "EnrichedUnits", unit_sentences: Callable[["EnrichedUnit"], list[Any]],
                     add: Callable[[list[Scored], list[Any]], None], as_scored: Callable[[Any], Scored],
                     related: Related | None = None) -> list[Scored]:
    """A kept sentence of a short paragraph (2-3 sentences, no list lead-in) brings the related sentences after it.

    Only what follows is added (the sentence before is the antecedent rule's job); a continuation that draws on
    other sources is a new point and stops the walk, as does one that does not relate to the question (`related`).
    """
    text = enriched.article_text
    out = list(chosen)
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is None or item.unit.is_bullet:
            continue
        members = paragraph_of(item, enriched, text)
        if 2 <= len(members) <= PARAGRAPH_MAX_UNITS and not any(m.unit.is_lead_in for m in members):
            sources = set(item.reference_ids)
            for member in members[members.index(item) + 1 :]:
                if not set(member.reference_ids) <= sources:
                    break  # it draws on other sources: a new point, not this one continued
                sentences = unit_sentences(member)
                if related is not None and sentences and not any(related(as_scored(x)) for x in sentences):
                    break  # the paragraph's next point, not this answer
                add(out, sentences)
    return out
