"""A lead-in shown alone is no answer: it brings the best sentence of each subsection it leads into.

Why: some of the article's sections say one thing and then split into subsections ("The outlook for patients with
paraneoplastic syndromes depends on several factors, including ..." before "Factors Influencing Prognosis" and
"Long-Term Outcomes"). That one line is close in meaning to any question on its topic, so it scores far above the
sentences that answer ("whats the prognosis", "can u die from it" scored it 0.93 against 0.62 for the best factor)
and the relevance cut left it alone: an answer that only announces that the outlook depends on several factors, and
never says which or what the outcomes are (self-written keyfact_check9 bank). The line is found by the article's
structure, not by its words: the only unit of a top-level section that has subsections. When it is the best sentence
chosen and nothing chosen comes from its subsections, each subsection's best-scoring candidate joins (in article order,
through the composer's later steps: a list item's list stays whole only for a list question, a paragraph may bring
its continuation); a subsection none of whose sentences was retrieved adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.answer_focus import names_distinctive
from assistant.compose import Scored

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnits
    from assistant.sentences import Sentence, SentenceBank

TOPIC_WEIGHT = 0.5  # IDF weight (scaled to 1) from which a lead-in's word is its topic's own ("outlook" 0.77, "patient" 0.3)


def asks_lead_in(q_terms: set[str], sentence: "Sentence", bank: "SentenceBank") -> bool:
    """Does the question name the lead-in's heading ("prognosis") or one of its rarest words ("outlook")?

    Why not any distinctive word: "patients" or "type" occur in many sections; "i heard most cancer patients get it,
    is that true" shares "patients" with the outlook line and asks nothing of the outlook (dev)."""
    own = {t for t in bank.terms(sentence.chunk.id)[sentence.index] if bank.weights.get(t, 1.0) >= TOPIC_WEIGHT}
    return names_distinctive(q_terms, own | bank.heading_terms(sentence.chunk.id), bank.weights)


def lead_in_sections(enriched: "EnrichedUnits") -> set[str]:
    """Top-level sections whose own text is one sentence before their subsections: that sentence leads in to them."""
    parents = {u.unit.section_id.split("/")[0] for u in enriched.units if "/" in u.unit.section_id}
    counts: dict[str, int] = {}
    for u in enriched.units:
        if "/" not in u.unit.section_id:
            counts[u.unit.section_id] = counts.get(u.unit.section_id, 0) + (2 if u.unit.is_bullet else 1)
    return {section for section, n in counts.items() if n == 1 and section in parents}


def with_subsection_bests(chosen: Sequence[Scored], scored: Sequence[Scored], enriched: "EnrichedUnits",
                          asked: Callable[[Scored], bool], listing: bool = False) -> list[Scored]:
    """`chosen`, plus the best candidate of each subsection when the best chosen sentence is a lead-in (see above)
    that the question asks about (`asked`: it names a distinctive word of the lead-in or its heading) and no chosen
    sentence is from a subsection it leads into.

    Why `asked`: a lead-in can be the best of weak candidates for a question on something else ("i heard most cancer
    patients get it, is that true" chose the outlook line on "patients"); what it announces is then no answer either.
    `listing`: a question asking for every item ("what are all the things that affect the outlook") is answered by
    the list the lead-in announces even when another sentence outscored the lead-in (a takeaway that shares the
    question's words): the best chosen lead-in counts, not only the best sentence.
    """
    out = list(chosen)
    if not out:
        return out
    leads = lead_in_sections(enriched) if listing else set()
    pool = [s for s in out if s.sentence.chunk.source_id == "article" and s.sentence.chunk.section_id in leads] or out
    best = max(pool, key=lambda s: s.score)
    section = best.sentence.chunk.section_id
    if best.sentence.chunk.source_id != "article" or section not in lead_in_sections(enriched) or not asked(best):
        return out
    prefix = f"{section}/"
    if any(s.sentence.chunk.section_id.startswith(prefix) for s in out):
        return out
    bests: dict[str, Scored] = {}
    for s in scored:
        sub = s.sentence.chunk.section_id
        if s.sentence.chunk.source_id == "article" and sub.startswith(prefix) and (sub not in bests or s.score > bests[sub].score):
            bests[sub] = s
    return out + sorted(bests.values(), key=lambda s: (s.sentence.chunk.start, s.sentence.start))
