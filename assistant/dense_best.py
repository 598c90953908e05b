"""The sentence closest in meaning to the question, kept beside the ones its words chose.

Why: a sentence's score is 0.6 x embedding similarity + 0.4 x word overlap (assistant/compose.py), and the relevance
cut keeps what scores near the best one. When the best sentence wins on the question's own words, the sentence that
answers in other words scores far below it and is cut, though it is the one closest in meaning to the question:
"will the nerve damage be permanent" chose "Severe damage to nerves ... may result in lasting impairment" and cut
"However, others may have chronic neurological ... issues that require lifelong management"; "plasmapheresis
when do they use it" chose the takeaway that only lists plasmapheresis and cut the bullet that says what it does
and when; "any new treatments coming" cut "Several clinical trials are investigating novel drugs ...". In each the
cut sentence had the highest similarity of all candidates. The retrieval already fuses a dense and a lexical
ranking for the same reason (neither alone finds every answer); this keeps the dense signal's own first pick in
the answer when the fused score did not, so each signal's best sentence is shown. Only one sentence is added, and
only when it is more similar to the question than every chosen one by DENSE_MARGIN; and it is chosen among the
sentences that still score a fair share of the best (DENSE_SCORE_RATIO, the complements' floor): the most similar
sentence of all is often a generic one about the subject ("Hematologic: Blood-related abnormalities ..." for the
plasmapheresis question), close in meaning to any question and far under the best in score. Overview lines are
never the pick (`specific`): a summary section's restatement (near_duplicates.is_summary), the intro's framing
(compose.FRAMING) and the sentence opening a top-level section that has subsections ("The outlook for patients ...
depends on several factors", "Managing paraneoplastic syndromes requires treating both ..."): they are close in
meaning to any question on their topic, and showing them instead of the sentence that answers is the failure this
module exists for (on the older key-fact banks they were most of what the pick added without a required fact).
And the pick must stay in the part of the article the answer is in (`same_part`): the top-level section of a chosen
sentence, unless a chosen one is a summary line, whose body sentence lies elsewhere by nature; "is the nerve harm for
life" otherwise added the EMG bullet (diagnosis) to the prognosis answer, closer in meaning only through "nerve".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnits
    from assistant.sentences import Sentence

DENSE_MARGIN = 0.02       # the dense pick is closer to the question than every chosen sentence by at least this
DENSE_SCORE_RATIO = 0.45  # it is picked among the sentences scoring at least this share of the best one (complements.py)
MIN_WORDS = 4             # a fragment ("See below.") is no answer, as in compose.select_sentences


def specific(enriched: "EnrichedUnits") -> Callable[["Sentence"], bool]:
    """Is a sentence one that can be the dense pick: not a summary, framing or section-overview line (see above)?"""
    from assistant.compose import FRAMING
    from assistant.near_duplicates import is_summary

    parents = {u.unit.section_id.rsplit("/", 1)[0] for u in enriched.units if "/" in u.unit.section_id}

    def opens_overview(sentence: "Sentence") -> bool:
        item = enriched.for_sentence(sentence)
        return (item is not None and item.unit.section_id in parents and "/" not in item.unit.section_id
                and enriched.predecessor(item) is None)

    return lambda s: not (is_summary(s.chunk) or FRAMING.match(s.text) or opens_overview(s))


def same_part(sentence: "Sentence", chosen: Sequence[Any]) -> bool:
    """Is `sentence` in the top-level section of a chosen sentence, or is a chosen one a summary line (see above)?"""
    from assistant.near_duplicates import is_summary

    top = sentence.chunk.section_id.split("/")[0]
    return any(is_summary(s.sentence.chunk) or s.sentence.chunk.section_id.split("/")[0] == top for s in chosen)


def with_dense_best(chosen: Sequence[Any], scored: Sequence[Any], redundant: Callable[[Any, Sequence[Any]], bool],
                    limit: int, eligible: Callable[["Sentence"], bool] = lambda s: True) -> list[Any]:
    """`chosen` plus the candidate of `scored` (best score first) with the highest similarity among those scoring at
    least DENSE_SCORE_RATIO of the best, when no chosen sentence comes within DENSE_MARGIN of it, it repeats no
    chosen one (`redundant(candidate, chosen)`), it is `eligible` and in the `same_part` of the article, and `chosen`
    holds fewer than `limit` sentences."""
    out = list(chosen)
    candidates = [s for s in scored if not s.sentence.is_lead_in and len(s.sentence.text.split()) >= MIN_WORDS]
    if not out or not candidates or len(out) >= limit:
        return out
    floor = DENSE_SCORE_RATIO * candidates[0].score
    candidates = [s for s in candidates if s.score >= floor]
    pick = max(candidates, key=lambda s: s.similarity)
    shown = {(s.sentence.chunk.id, s.sentence.index) for s in out}
    if (pick.sentence.chunk.id, pick.sentence.index) in shown:
        return out
    if pick.similarity < max(s.similarity for s in out) + DENSE_MARGIN:
        return out
    if not eligible(pick.sentence) or not same_part(pick.sentence, out) or redundant(pick, out):
        return out
    out.append(pick)
    return out
