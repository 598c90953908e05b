"""A second sentence that answers the part of the question the chosen ones leave out.

Why: the relevance cut keeps sentences scoring near the best one (compose.KEEP_RATIO). When the best sentence wins
by word overlap on some of the question's words, a sentence carrying its *other* distinctive words scores far below
it and is cut, though it answers what the first does not: "what if it isnt treated" is answered by "timely
intervention improves outcomes" and by "symptoms ... can rapidly progress", and only the first scored near the top
(self-written keyfact_check5/6 banks). Keeping more near-best sentences does not help: a lower ratio for every
sentence added mostly repeats of the first one's words (keep ratio 0.82 -> 0.7: key-fact recall flat, required share
0.51 -> 0.46). So the lower floor holds only for a sentence that covers a distinctive question word (IDF weight,
answer_focus.DISTINCTIVE_WEIGHT) that no chosen sentence or its heading carries: coverage, not score, earns the place.

Coverage alone is not meaning, though: a word can be shared by a sentence about something else ("skin signs ... itching"
brought "Healthcare providers will assess ... skin changes", "symptoms start before ..." brought "Symptoms may be
subtle initially ..."), and since a complement names a distinctive question word, off_topic.drop_far_blocks protects
it. So a candidate whose cosine with the focused question is more than COMPLEMENT_GAP under the chosen sentences'
best is no complement (`relevance`). The gap is wider than off_topic.FAR_GAP because a complement is wanted exactly
where the embedding misses: "does it get worse over time without treatment" needs "Symptoms ... can rapidly progress"
at 0.30 under the best (keyfact_check5, studied); the complements the studied parts' hand labels call off-topic or
that nobody labelled sat 0.34-0.40 under (precision_check3/4/5: 4 of them), the helping ones 0.20-0.25 (4).
The margin is thin (0.30 vs 0.34): the gap is a guard against the clearly unrelated, not a fine cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from assistant.near_duplicates import is_summary
from assistant.word_forms import FamilyIndex, family_in

COMPLEMENT_RATIO = 0.45  # a complement scores at least this share of the best sentence's score
# IDF weight (scaled to 1) a question word needs to count as a point of its own: 0.75 is a word few sections use
# ("progress", "hypercalcemia"); at answer_focus.DISTINCTIVE_WEIGHT (0.25) "people", "part", "use" brought sentences
# that only shared that word (self-written keyfact_check4/5/6 studied parts, precision_check3: labelled precision
# 0.73 -> 0.66 at 0.25, 0.71 at 0.75)
COMPLEMENT_WEIGHT = 0.75
MAX_COMPLEMENTS = 1      # one: the point the first sentence leaves out, not a second answer
COMPLEMENT_GAP = 0.32    # a complement's cosine with the focused question is at most this under the best chosen one's


def _covers(terms: set[str], wanted: set[str]) -> set[str]:
    return {q for q in wanted if family_in(q, terms)}


def _said_in_lay_words(covered: set[str], wanted: set[str]) -> set[str]:
    """The `wanted` words that are lay words for a medical word `covered` holds (assistant/data/lay_terms.json):
    "get worse" is said by a sentence naming "progress", so it is no part of the question left unanswered."""
    from assistant.lay_terms import entry_terms

    out: set[str] = set()
    said = FamilyIndex(covered)  # every entry's medical words are asked of the same `covered`
    for medical, lays in entry_terms():
        if any(q in said for q in medical):
            out |= _covers(set(lays), wanted)
    return out


def add_complements(chosen: Sequence[Any], scored: Sequence[Any], q_terms: set[str], bank: Any, limit: int,
                    redundant: Callable[[Any, Sequence[Any]], bool] | None = None,
                    relevance: Callable[[Any], float] | None = None, gap: float = COMPLEMENT_GAP) -> list[Any]:
    """`chosen` plus up to MAX_COMPLEMENTS candidates (`scored`, best first) at or above COMPLEMENT_RATIO of the best
    score that name a distinctive question word none of `chosen` names (sentence or section heading), within `limit`.

    `redundant(candidate, chosen)` says whether a candidate repeats a chosen sentence (default: compose.redundant).
    `relevance(sentence)` (the cosine with the focused question), when given, bars a candidate more than `gap` under
    the best chosen sentence's (module docstring).
    """
    if redundant is None:
        from assistant.compose import redundant as redundant_in_bank

        redundant = lambda candidate, shown: redundant_in_bank(candidate, shown, bank)  # noqa: E731
    out = list(chosen)
    if not out or not scored or len(out) >= limit:
        return out
    strong = {q for q in q_terms if bank.weights.get(q, 1.0) >= COMPLEMENT_WEIGHT}
    covered: set[str] = set()
    for s in out:
        covered |= bank.terms(s.sentence.chunk.id)[s.sentence.index] | bank.heading_terms(s.sentence.chunk.id)
    missing = strong - _covers(covered, strong) - _said_in_lay_words(covered, strong)
    floor = max(s.score for s in scored) * COMPLEMENT_RATIO
    have = {(s.sentence.chunk.id, s.sentence.index) for s in out}
    near = max(relevance(s) for s in out) - gap if relevance is not None else None
    for _ in range(MAX_COMPLEMENTS):
        if not missing or len(out) >= limit:
            break
        options = []
        for s in scored:  # best first: of the candidates above the floor, the one saying most of what is missing
            if s.score < floor:
                break
            if (s.sentence.chunk.id, s.sentence.index) in have or s.sentence.is_lead_in \
                    or len(s.sentence.text.split()) < 4 or is_summary(s.sentence.chunk) \
                    or (near is not None and relevance(s) < near):
                continue
            terms = bank.terms(s.sentence.chunk.id)[s.sentence.index]
            new = _covers(terms, missing) | _said_in_lay_words(terms, missing)
            if new and not redundant(s, out):
                options.append((sum(bank.weights.get(q, 1.0) for q in new), s, new))
        if not options:
            break
        _, pick, new = max(options, key=lambda o: o[0])  # max keeps the first (best-scored) of equals
        out.append(pick)
        have.add((pick.sentence.chunk.id, pick.sentence.index))
        missing -= new
    return out
