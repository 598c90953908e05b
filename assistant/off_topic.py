"""A relevance floor relative to the best shown sentence: the last cut before an answer is arranged.

Why: after the relevance cut, answers grow by completion steps (whole paragraphs, whole lists, antecedents, label
leads, summary twins) and each one can bring a sentence that is about something else: the symptom bullets beside
"can you get pns with a cancer not on the usual list", "Nutritional Support: A balanced diet rich in ..." beside
"diagnosis in poor countries vs rich ones", the intro's "Imagine experiencing ..." beside "is pns common". Hand labels
(eval/data/precision_check4_labels.json, studied part; precision_check3_labels.json) put the shown sentences whose
MiniLM cosine with the focused question is far under the answer's best one mostly among the off-topic ones
(gap > 0.25: 17 off-topic, 4 helping), while the helping ones sat close to the best.

What is compared is a block, not a sentence, so the cut never breaks what the completion steps keep together:
the sentences of one bullet, the items of one labelled list (with its lead-in and closing remark), neighbours of one
paragraph shown together (paragraph completion chose them as a unit: "Support groups and counseling ..." after "Patients
may need long-term ... monitoring"), and a sentence that points back ("However, others ...") with the one it points to.
A block's relevance is its best sentence's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import SentenceBank

# A block whose best cosine with the focused question is more than this under the answer's best block goes. Chosen on
# the studied parts' hand labels (gap 0.2: 9 helping / 20 off-topic dropped; 0.25: 4 / 17; 0.3: 3 / 11) at the point
# where a dropped sentence is four times as likely off-topic as helping.
FAR_GAP = 0.25


def _unit_key(item: "EnrichedUnit") -> tuple[str, int]:
    return item.unit.section_id, item.unit.index


def blocks(chosen: Sequence["Scored"], enriched: "EnrichedUnits",
           labelled: Callable[[Sequence["EnrichedUnit"]], bool]) -> list[list[int]]:
    """Indices of `chosen` grouped into the blocks that stand or go together (module docstring), in first-seen order."""
    parent = list(range(len(chosen)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    owner: dict[tuple[str, int], int] = {}
    items: list["EnrichedUnit | None"] = [enriched.for_sentence(s.sentence) for s in chosen]
    for i, item in enumerate(items):
        if item is None:
            continue
        key = _unit_key(item)
        if key in owner:
            join(i, owner[key])  # one bullet's (or one unit's) sentences
        else:
            owner[key] = i
    for i, item in enumerate(items):
        if item is None:
            continue
        if item.unit.is_bullet or item.unit.is_lead_in:
            members = enriched.list_members(item)
            if labelled(members):  # the items of one enumeration
                for m in members:
                    if _unit_key(m) in owner:
                        join(i, owner[_unit_key(m)])
        # a paragraph's neighbours shown together, and "However, ...", "These strategies ...": with what came before
        before = (item.unit.section_id, item.unit.index - 1)
        if before in owner and not item.unit.is_bullet:  # list items are joined only as one labelled list
            join(i, owner[before])
        previous = enriched.predecessor(item) if item.needs_previous else None
        if previous is not None and _unit_key(previous) in owner:
            join(i, owner[_unit_key(previous)])
    groups: dict[int, list[int]] = {}
    for i in range(len(chosen)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def focus_cosine(focus_vec: Any, bank: "SentenceBank") -> Callable[["Scored"], float]:
    """A scored sentence's cosine with the focused question: the relevance drop_far_blocks compares."""
    import numpy as np

    q = np.asarray(focus_vec, dtype=np.float32)
    return lambda s: float(bank.vectors(s.sentence.chunk.id)[s.sentence.index] @ q)


def drop_far_blocks(chosen: Sequence["Scored"], focus_vec: Any, bank: "SentenceBank", enriched: "EnrichedUnits",
                    labelled: Callable[[Sequence["EnrichedUnit"]], bool],
                    protected: Callable[["Scored"], bool] = lambda s: False, gap: float = FAR_GAP) -> list["Scored"]:
    """`chosen` less the blocks whose best cosine with the focused question is more than `gap` under the best block's.

    `protected` sentences keep their block (the definition a guess at what the condition is asks for: similarity
    is what fails there). An answer of one block is returned as it is.
    """
    if len(chosen) < 2:
        return list(chosen)
    relevance = focus_cosine(focus_vec, bank)
    cos = [relevance(s) for s in chosen]
    groups = blocks(chosen, enriched, labelled)
    if len(groups) < 2:
        return list(chosen)
    best = [max(cos[i] for i in g) for g in groups]
    floor = max(best) - gap
    keep = {i for g, r in zip(groups, best) if r >= floor or any(protected(chosen[i]) for i in g) for i in g}
    return [s for i, s in enumerate(chosen) if i in keep]
