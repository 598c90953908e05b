""""any others?", "others?", "anything else?", "is that all?": more of what the last answer showed, not shown yet.

Why: such a turn names nothing, so it was read as an elliptical subject ("which others cause pns?", "which anything
else cause pns?") and answered with the definition, or not at all. It asks for the rest of the kind the last answer
gave: after the four commonly associated cancers, the article's "other malignancies"; after the look-alike
conditions, the other diseases they overlap with; after one treatment, the other. The previous question's own scores
cannot find that rest (they rank what was shown first, then the sentences sharing the subject's words); the sentence
model can: the units closest in meaning to what the last answer showed (the best cosine to any of its sentences),
that no turn has shown yet. At most OTHER_UNITS, the second only within OTHER_MARGIN of the first; below OTHER_FLOOR
nothing is close and the answer is empty, so the support gate says not_found. Where a list ends (a list the
conversation has shown whole, one item the question named, a passage whose own section goes on) the candidates are
what assistant/list_ends.py says the article gives there; none means the article lists no others (not_found). "what else is used" keeps its reading
(the previous question with its own words, assistant/previous_question.asks_for_more); "any more info" asks for more
of the chapter (assistant/next_passages.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.list_ends import list_end
from assistant.shown_units import composed

if TYPE_CHECKING:
    import numpy as np

    from assistant.compose import Composition
    from assistant.followup import FollowUp
    from assistant.sentences import SentenceBank
    from assistant.shown_units import ArticleUnits

OTHER_UNITS = 2      # a short list's rest, not a second full answer
OTHER_MARGIN = 0.05  # the second unit only when about as close as the first
OTHER_FLOOR = 0.45   # below it the article says nothing more of that kind


def other_composition(composition: "Composition", followup: "FollowUp", units: "ArticleUnits",
                      bank: "SentenceBank") -> "Composition":
    """The units closest to what the last answer showed and not shown yet (module docstring); the composition as it
    was when the last answer quoted nothing of the article (a refusal). `units`: the loaded build's
    (`Parts.article_units`, built once per index)."""
    quoted = units.quoted_units(followup.previous_answer)
    if not quoted:
        return composition
    end = list_end(units, quoted, followup.shown, followup.previous, bank)
    if end is not None and not end.ranked:  # the named item's parallel one, or nothing
        return composed(composition, [units.sentences[i] for u in end.units for i in units.members(u)
                                      if units.showable(i, followup.shown)])
    rows = [i for u in quoted for i in units.members(u)]
    closeness = (units.vectors @ units.vectors[rows].T).max(axis=1)
    floor = OTHER_FLOOR if end is None or end.floor is None else end.floor
    picked = _closest_units(units, closeness, followup.shown, end.units if end is not None else None, floor)
    if not picked and end is not None and end.fallback:  # none of the preferred units is close: any unit
        picked = _closest_units(units, closeness, followup.shown, None, OTHER_FLOOR)
    chosen = [units.sentences[i] for u in sorted(picked) for i in units.members(u) if units.showable(i, followup.shown)]
    return composed(composition, chosen)


def _closest_units(units: "ArticleUnits", closeness: "np.ndarray", shown: str, allowed: list[int] | None,
                   floor: float) -> list[int]:
    """The (at most OTHER_UNITS) units not shown, of `allowed` when given, closest to what the last answer showed:
    the second only within OTHER_MARGIN of the first, none below `floor`."""
    best: dict[int, float] = {}
    for i in range(len(units.sentences)):
        if units.showable(i, shown) and units.unit_of[i] not in units.framing \
                and (allowed is None or units.unit_of[i] in allowed):
            unit = units.unit_of[i]
            best[unit] = max(best.get(unit, -1.0), float(closeness[i]))
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    return [u for n, (u, score) in enumerate(ranked[:OTHER_UNITS])
            if score >= floor and (n == 0 or score >= ranked[0][1] - OTHER_MARGIN)]
