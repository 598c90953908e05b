"""The distilled ranker's choice of answer sentences: each candidate's feature row, its probability, the cut.

Why its own module: the enriched composer (assistant/enriched_compose.py) completes and arranges a choice; how the
ranker (assistant/ranker.py) makes that choice is a unit of its own, which the training and study scripts
(benchmarks/train_ranker.py, ranker_data.py, rescore_cv.py, abstain_scores.py, relevance_cv.py) call directly:
  * `features` / `rank_candidates`: every candidate sentence with its unit's evidence (generated-question and
    standalone-reading similarity) as one row, re-scored by the ranker (or its fallback);
  * `select_ranked`: the best sentence, then those within a margin of it and at or above a floor;
  * `filter_ranked`: the plain composer's hand-weighted choice, less what the ranker scores low.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.compose import FRAMING, Scored, question_terms, redundant, score_sentences
from assistant.list_questions import asks_for_list
from assistant.ranker import BASE_FEATURES, Ranker, add_gaps, fallback_probability
from assistant.sentences import SentenceBank

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from index.models import ScoredChunk

# (question, the candidates' units) -> extra feature columns, one row per candidate
Extra = Callable[[str, Sequence["EnrichedUnit | None"]], Sequence[Sequence[float]]]


def features(s: Scored, item: "EnrichedUnit | None", enriched: "EnrichedUnits", full_vec: Any, focus_vec: Any,
             listing: bool, bank: SentenceBank, q_terms: set[str]) -> list[float]:
    """One candidate's feature row, in the ranker's column order (assistant/ranker.BASE_FEATURES)."""
    standalone = enriched.standalone_similarity(item, full_vec)
    chunk_id = s.sentence.chunk.id
    first = item is not None and enriched.predecessor(item) is None
    values = {
        "similarity": s.similarity, "full_similarity": s.full_similarity, "overlap": s.overlap,
        "question_similarity": enriched.question_similarity(item, full_vec),
        "question_similarity_focus": enriched.question_similarity(item, focus_vec),
        "standalone_similarity": s.full_similarity if standalone is None else standalone,
        "bullet": float(s.sentence.is_bullet), "list_bullet": float(listing and s.sentence.is_bullet),
        "inverse_rank": 1.0 / max(s.chunk_rank, 1), "framing": float(bool(FRAMING.match(s.sentence.text))),
        "lead_in": float(s.sentence.is_lead_in), "hand_score": s.score,
        "needs_previous": float(item is not None and item.needs_previous),
        "sentence_overlap": bank.overlap(q_terms, bank.terms(chunk_id)[s.sentence.index]),
        "heading_overlap": bank.overlap(q_terms, bank.heading_terms(chunk_id)), "first_in_section": float(first),
    }
    return [values[name] for name in BASE_FEATURES]


def rank_candidates(query: str, focus_vec: Any, full_vec: Any, hits: Sequence["ScoredChunk"], bank: SentenceBank,
                    enriched: "EnrichedUnits", ranker: Ranker | None,
                    extra: Extra | None = None) -> tuple[list[Scored], list[list[float]]]:
    """Every candidate sentence re-scored by the ranker (best first), with its feature rows (for training).

    `extra` appends columns to every row (a second embedder's cosines, benchmarks/rescore_cv.py): the
    ranker then has to be fitted on rows of that width.
    """
    import numpy as np

    listing = asks_for_list(query)
    scored = score_sentences(query, focus_vec, hits, bank, full_vec, listing=listing)
    fv, qv = np.asarray(full_vec, dtype=np.float32), np.asarray(focus_vec, dtype=np.float32)
    q_terms = question_terms(query)
    rows = add_gaps([features(s, enriched.for_sentence(s.sentence), enriched, fv, qv, listing, bank, q_terms)
                     for s in scored])
    if extra is not None:
        rows = [[*row, *more] for row, more in zip(rows, extra(query, [enriched.for_sentence(s.sentence) for s in scored]))]
    out: list[tuple[Scored, list[float]]] = []
    for s, x in zip(scored, rows):
        p = ranker.probability(x) if ranker is not None else fallback_probability(x)
        out.append((Scored(s.sentence, p, s.similarity, s.overlap, s.chunk_rank, s.full_similarity), x))
    out.sort(key=lambda sx: (-sx[0].score, sx[0].chunk_rank, sx[0].sentence.index))
    return [s for s, _ in out], [x for _, x in out]


def select_ranked(scored: Sequence[Scored], bank: SentenceBank, limit: int, keep: float, margin: float) -> list[Scored]:
    """The best candidate, then every one within `margin` of it and at least `keep`, up to `limit`, no repeats.

    A relative cut: how many sentences answer depends on how many score near the best, not on a fixed count.
    When even the best is below `keep`, only the best is returned: the support gate decides whether to show it.
    """
    candidates = [s for s in scored if not s.sentence.is_lead_in and len(s.sentence.text.split()) >= 4]
    if not candidates or candidates[0].score < keep:
        return candidates[:1]
    floor = max(keep, candidates[0].score - margin)
    chosen: list[Scored] = []
    for s in candidates:
        if len(chosen) >= limit or s.score < floor:
            break
        if not redundant(s, chosen, bank):
            chosen.append(s)
    return chosen


def filter_ranked(chosen: Sequence[Scored], ranked: Sequence[Scored], keep: float, margin: float) -> list[Scored]:
    """The hand-weighted choice less the sentences the ranker scores below `keep` or `margin` under the best kept one."""
    p = {(s.sentence.chunk.id, s.sentence.index): s.score for s in ranked}
    probs = [p.get((s.sentence.chunk.id, s.sentence.index), 0.0) for s in chosen]
    if not chosen:
        return []
    floor = max(keep, max(probs) - margin)
    return [s for i, (s, q) in enumerate(zip(chosen, probs)) if i == 0 or q >= floor]
