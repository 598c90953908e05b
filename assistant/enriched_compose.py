"""Choosing answer sentences with the enrichment: ranker scores, antecedents shown, whole lists.

The plain composer (assistant/compose.py) scores sentences by word overlap and embedding similarity.
Here each candidate also gets its unit's evidence (generated-question and standalone-reading similarity)
and one probability from the distilled ranker (assistant/ranker.py). Then:
  * sentences at or above settings.answer.keep_probability (and near the best) are kept, redundant ones skipped;
  * a kept sentence that points back ("These syndromes ...", or flagged by the model) brings the sentence
    before it, so nothing shown dangles (show_antecedents);
  * a list question whose kept sentences include two items of one list gets every item of that list, with
    its lead-in line (whole_lists): a list is one unit with its heading;
  * the rest is the plain composer: article order inside a section, neighbours merged into one quote.
Chunks that must be shown but were not retrieved (an antecedent, a list's other items) are returned so
the pipeline adds them to the evidence: every citation still resolves to a passage of this answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.compose import FRAMING, KEEP_RATIO as KEEP_RATIO_PLAIN
from assistant.compose import (LIST_KEEP_RATIO, LIST_MAX_SENTENCES, MAX_SENTENCES, Composition, Scored, _redundant,
                               arrange, asks_for_list, render, score_sentences, select_sentences)
from assistant.ranker import FEATURES, Ranker, fallback_probability
from assistant.sentences import SentenceBank

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from index.models import Chunk, ScoredChunk

KEEP_RATIO = 0.6         # a kept sentence scores at least this share of the best sentence's probability
# More than the composer's list pattern: "all of them", "every option", "which ones" ask for every item too.
LIST_HINT = re.compile(r"\b(?:all|every|each|list|options|types|kinds|ways|which ones|examples)\b", re.IGNORECASE)
LIST_ITEMS_TO_EXPAND = 2  # kept items of one list that make the whole list the answer
MAX_LIST_ITEMS = 10


@dataclass(frozen=True)
class Levers:
    ranker: bool = True
    antecedents: bool = True
    whole_lists: bool = True
    keep_probability: float = 0.5  # settings.answer.keep_probability, chosen on dev


@dataclass
class EnrichedComposition:
    composition: Composition
    extra_chunks: list["Chunk"] = field(default_factory=list)


def features(s: Scored, item: "EnrichedUnit | None", enriched: "EnrichedUnits", full_vec: Any, focus_vec: Any,
             listing: bool) -> list[float]:
    standalone = enriched.standalone_similarity(item, full_vec)
    values = {
        "similarity": s.similarity, "full_similarity": s.full_similarity, "overlap": s.overlap,
        "question_similarity": enriched.question_similarity(item, full_vec),
        "question_similarity_focus": enriched.question_similarity(item, focus_vec),
        "standalone_similarity": s.full_similarity if standalone is None else standalone,
        "bullet": float(s.sentence.is_bullet), "list_bullet": float(listing and s.sentence.is_bullet),
        "inverse_rank": 1.0 / max(s.chunk_rank, 1), "framing": float(bool(FRAMING.match(s.sentence.text))),
        "lead_in": float(s.sentence.is_lead_in), "hand_score": s.score,
    }
    return [values[name] for name in FEATURES]


def rank_candidates(query: str, focus_vec: Any, full_vec: Any, hits: Sequence["ScoredChunk"], bank: SentenceBank,
                    enriched: "EnrichedUnits", ranker: Ranker | None) -> tuple[list[Scored], list[list[float]]]:
    """Every candidate sentence re-scored by the ranker (best first), with its feature rows (for training)."""
    import numpy as np

    listing = asks_for_list(query)
    scored = score_sentences(query, focus_vec, hits, bank, full_vec, listing=listing)
    fv, qv = np.asarray(full_vec, dtype=np.float32), np.asarray(focus_vec, dtype=np.float32)
    out: list[tuple[Scored, list[float]]] = []
    for s in scored:
        x = features(s, enriched.for_sentence(s.sentence), enriched, fv, qv, listing)
        p = ranker.probability(x) if ranker is not None else fallback_probability(x)
        out.append((Scored(s.sentence, p, s.similarity, s.overlap, s.chunk_rank, s.full_similarity), x))
    out.sort(key=lambda sx: (-sx[0].score, sx[0].chunk_rank, sx[0].sentence.index))
    return [s for s, _ in out], [x for _, x in out]


def _unit_sentences(item: "EnrichedUnit", chunks: dict[str, "Chunk"], bank: SentenceBank) -> list[Any]:
    """The composer's sentences that make up one unit (a two-sentence bullet gives two)."""
    owner = next((c for c in chunks.values() if c.source_id == "article" and c.start <= item.start < c.end), None)
    if owner is None:
        return []
    bank.ensure([owner])
    return [s for s in bank.sentences(owner.id) if item.start <= owner.start + (s.start + s.end) // 2 < item.end]


def compose_enriched(query: str, focus_vec: Any, full_vec: Any, hits: Sequence["ScoredChunk"], bank: SentenceBank,
                     enriched: "EnrichedUnits", ranker: Ranker | None, all_chunks: Sequence["Chunk"], levers: Levers,
                     max_sentences: int | None = None, support_rank: int | None = None) -> EnrichedComposition:
    """Select, complete (antecedents, lists), order and mark the sentences that answer `query`."""
    listing = asks_for_list(query) or bool(LIST_HINT.search(query))
    limit = max_sentences or (LIST_MAX_SENTENCES if listing else MAX_SENTENCES)
    # the plain composer's hand-weighted choice ...
    plain = asks_for_list(query)
    scored = score_sentences(query, focus_vec, hits, bank, full_vec, listing=plain)
    chosen = select_sentences(scored, bank, limit, keep_ratio=LIST_KEEP_RATIO if plain else KEEP_RATIO_PLAIN,
                              listing=plain)
    probability: float | None = None
    if levers.ranker and ranker is not None:  # ... plus what the distilled ranker is confident about
        ranked, _ = rank_candidates(query, focus_vec, full_vec, hits, bank, enriched, ranker)
        extra_picks = [s for s in _select(ranked, bank, limit, levers.keep_probability) if s.score >= levers.keep_probability]
        _add(chosen, [s.sentence for s in extra_picks][: max(limit - len(chosen), 0)], {})
        probability = max((s.score for s in ranked if support_rank is None or s.chunk_rank <= support_rank), default=0.0)
    chunks = {c.id: c for c in all_chunks}
    retrieved = {h.chunk.id for h in hits}
    by_key = {(s.sentence.chunk.id, s.sentence.index): s for s in scored}
    if levers.whole_lists and listing and max_sentences is None:
        need = 1 if LIST_HINT.search(query) else LIST_ITEMS_TO_EXPAND  # "all of them", "list them": one item names the list
        chosen = _whole_lists(chosen, enriched, chunks, bank, by_key, need)
    if levers.antecedents:
        chosen = _with_antecedents(chosen, enriched, chunks, bank, by_key)
    chosen = _whole_units(chosen, enriched, chunks, bank, by_key)
    quotes = arrange(chosen)
    extra = list({s.sentence.chunk.id: s.sentence.chunk for s in chosen if s.sentence.chunk.id not in retrieved}.values())
    composition = Composition(body=render(quotes), quotes=quotes, scored=scored, support_rank=support_rank,
                              probability=probability)
    return EnrichedComposition(composition, extra)


def _select(scored: Sequence[Scored], bank: SentenceBank, limit: int, keep: float) -> list[Scored]:
    candidates = [s for s in scored if not s.sentence.is_lead_in and len(s.sentence.text.split()) >= 4]
    if not candidates or candidates[0].score < keep:
        return candidates[:1] if candidates else []  # the gate decides whether even the best one is shown
    floor = max(keep, candidates[0].score * KEEP_RATIO)
    chosen: list[Scored] = []
    for s in candidates:
        if len(chosen) >= limit or s.score < floor:
            break
        if not _redundant(s, chosen, bank):
            chosen.append(s)
    return chosen


def _as_scored(sentence: Any, by_key: dict[tuple[str, int], Scored]) -> Scored:
    return by_key.get((sentence.chunk.id, sentence.index)) or Scored(sentence, 0.0, 0.0, 0.0, 99, 0.0)


def _add(chosen: list[Scored], sentences: Sequence[Any], by_key: dict[tuple[str, int], Scored]) -> None:
    have = {(s.sentence.chunk.id, s.sentence.index) for s in chosen}
    for sentence in sentences:
        if (sentence.chunk.id, sentence.index) not in have:
            chosen.append(_as_scored(sentence, by_key))
            have.add((sentence.chunk.id, sentence.index))


def _whole_lists(chosen: list[Scored], enriched: "EnrichedUnits", chunks: dict[str, "Chunk"], bank: SentenceBank,
                 by_key: dict[tuple[str, int], Scored], need: int = LIST_ITEMS_TO_EXPAND) -> list[Scored]:
    """Every item of a list that the kept sentences already quote at least `need` items of."""
    counts: dict[tuple[str, int], int] = {}
    heads: dict[tuple[str, int], "EnrichedUnit"] = {}
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is not None and item.unit.is_bullet:
            members = enriched.list_members(item)
            key = (members[0].unit.section_id, members[0].unit.index)
            counts[key] = counts.get(key, 0) + 1
            heads[key] = item
    out = list(chosen)
    for key, n in counts.items():
        if n >= need:
            for member in enriched.list_members(heads[key])[: MAX_LIST_ITEMS + 1]:
                _add(out, _unit_sentences(member, chunks, bank), by_key)
    return out


def _with_antecedents(chosen: list[Scored], enriched: "EnrichedUnits", chunks: dict[str, "Chunk"], bank: SentenceBank,
                      by_key: dict[tuple[str, int], Scored]) -> list[Scored]:
    """Each kept sentence that needs the one before it brings it (repeatedly: a chain of 'This ...' sentences)."""
    out = list(chosen)
    todo = list(chosen)
    while todo:
        s = todo.pop()
        item = enriched.for_sentence(s.sentence)
        prev = enriched.predecessor(item) if item is not None and item.needs_previous else None
        if prev is None:
            continue
        before = len(out)
        _add(out, _unit_sentences(prev, chunks, bank), by_key)
        todo.extend(out[before:])
    return out


def _whole_units(chosen: list[Scored], enriched: "EnrichedUnits", chunks: dict[str, "Chunk"], bank: SentenceBank,
                 by_key: dict[tuple[str, int], Scored]) -> list[Scored]:
    """A bullet of two sentences is shown whole: the second sentence never appears without its label."""
    out = list(chosen)
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is not None and item.unit.is_bullet:
            _add(out, _unit_sentences(item, chunks, bank), by_key)
    return out
