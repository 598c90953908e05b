"""A relevance floor relative to the best shown sentence: the last cut before an answer is arranged.

Why: after the relevance cut, answers grow by completion steps (whole paragraphs, whole lists, antecedents, label
leads, summary twins) and each one can bring a sentence that is about something else: the symptom bullets beside
"can you get pns with a cancer not on the usual list", "Nutritional Support: A balanced diet rich in ..." beside
"diagnosis in poor countries vs rich ones", the intro's "Imagine experiencing ..." beside "is pns common". Hand labels
(eval/data/precision_check4_labels.json, studied part; precision_check3_labels.json) put the shown sentences whose
MiniLM cosine with the focused question is far under the answer's best one mostly among the off-topic ones
(gap > 0.25: 17 off-topic, 4 helping), while the helping ones sat close to the best.

What is compared is a block, not a sentence, so the cut never breaks what the completion steps keep together:
the items of one labelled list (with its lead-in and closing remark, every sentence of each item), neighbours of one
paragraph shown together (paragraph completion chose them as a unit: "Support groups and counseling ..." after "Patients
may need long-term ... monitoring"), and a sentence that points back ("However, others ...") with the one it points to.
A block's relevance is its best sentence's.

A bullet of several sentences outside a shown list is not one block: each of its sentences stands or goes on its
own relevance, unless it points back (then it goes with the one before). The whole-bullet completion brought them in
whatever they say: "fatigue and pale skin ... which group" showed the Hematologic bullet's "too many red blood cells",
"can cancer cause high calcium" its label line "Hematologic (blood-related): Fatigue, pale skin ...". On the studied
parts' hand labels (precision_check3/4/5) the bullet sentences shown more than FAR_GAP under the best were 4 off-topic
to 1 helping. (Keeping the label head with a kept later sentence was tried: the blind part's hand precision stayed at
0.846 instead of 0.880, key-fact recall the same either way on every bank and dev.)
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


def _place(s: "Scored") -> int:
    """Where a sentence starts in its source: one bullet's sentences can sit in two chunks, so not their index."""
    return s.sentence.chunk.start + s.sentence.start


def unit_heads(chosen: Sequence["Scored"], items: Sequence["EnrichedUnit | None"]) -> dict[int, int]:
    """For each chosen sentence that is not the first shown one of its unit in the text (a bullet's label head comes
    first), the index of that first one."""
    first: dict[tuple[str, int], int] = {}
    for i, item in enumerate(items):
        if item is None:
            continue
        key = _unit_key(item)
        if key not in first or _place(chosen[i]) < _place(chosen[first[key]]):
            first[key] = i
    return {i: first[_unit_key(item)] for i, item in enumerate(items)
            if item is not None and first[_unit_key(item)] != i}


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

    items: list["EnrichedUnit | None"] = [enriched.for_sentence(s.sentence) for s in chosen]
    heads = unit_heads(chosen, items)  # a unit's later sentences -> its first shown one
    owner = {_unit_key(x): i for i, x in enumerate(items) if x is not None and i not in heads}
    for i, h in heads.items():
        if not items[h].unit.is_bullet or items[i].needs_previous:  # type: ignore[union-attr]
            join(i, h)  # a prose unit's sentences, and a bullet sentence pointing back: one block
    listed: set[int] = set()
    for i, item in enumerate(items):
        if item is None or i in heads:
            continue
        if item.unit.is_bullet or item.unit.is_lead_in:
            members = enriched.list_members(item)
            if labelled(members):  # the items of one enumeration
                for m in members:
                    if _unit_key(m) in owner and owner[_unit_key(m)] != i:
                        join(i, owner[_unit_key(m)])
                        listed |= {i, owner[_unit_key(m)]}
        # a paragraph's neighbours shown together, and "However, ...", "These strategies ...": with what came before
        before = (item.unit.section_id, item.unit.index - 1)
        if before in owner and not item.unit.is_bullet:  # list items are joined only as one labelled list
            join(i, owner[before])
        previous = enriched.predecessor(item) if item.needs_previous else None
        if previous is not None and _unit_key(previous) in owner:
            join(i, owner[_unit_key(previous)])
    for i, h in heads.items():
        if h in listed:  # a shown list's item keeps every sentence
            join(i, h)
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
