"""Completing a choice of answer sentences with whole units: a bullet whole, the one list asked about whole.

Why its own module: every completion step of the enriched composer (antecedents, list remarks, whole paragraphs,
the definition) adds sentences the same way (`add_missing`: in once, with the score the question gave it, zero
when unscored), and the list rules decide what a list is (`labelled`: an enumeration whose items carry labels,
which the off-topic cut off_topic.drop_far_blocks reads too). The LLM selector (answerers/llm_select.py) completes
its choice with the same `add_missing` and `whole_units`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.compose import Scored
from assistant.label_focus import LABEL
from assistant.unit_sentences import UnitSentences

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits

LIST_ITEMS_TO_EXPAND = 2  # kept items of one list that make the whole list the answer
MAX_LIST_ITEMS = 10


def scored_or_zero(sentence: Any, by_key: dict[tuple[str, int], Scored]) -> Scored:
    """The sentence as the question scored it (`by_key`), or with zero scores when it was no candidate."""
    return by_key.get((sentence.chunk.id, sentence.index)) or Scored(sentence, 0.0, 0.0, 0.0, 99, 0.0)


def add_missing(chosen: list[Scored], sentences: Sequence[Any], by_key: dict[tuple[str, int], Scored]) -> None:
    """Append to `chosen` each of `sentences` not in it yet, with its score from `by_key` (zero when unscored)."""
    have = {(s.sentence.chunk.id, s.sentence.index) for s in chosen}
    for sentence in sentences:
        if (sentence.chunk.id, sentence.index) not in have:
            chosen.append(scored_or_zero(sentence, by_key))
            have.add((sentence.chunk.id, sentence.index))


def whole_lists(chosen: list[Scored], enriched: "EnrichedUnits", units: UnitSentences,
                by_key: dict[tuple[str, int], Scored], need: int = LIST_ITEMS_TO_EXPAND,
                labelled_only: bool = True) -> list[Scored]:
    """Every item of the one list that the kept sentences quote best, when they quote at least `need` of its items.

    `labelled_only`: only a list whose items carry labels ("Imaging: ...", "Neurological: ...") is an
    enumeration of one kind of thing that a list question asks for; a list of statements (the Key Takeaways)
    is a summary, and expanding it from one kept takeaway answered "which diseases can it be mistaken for,
    list them" with all seven takeaways (dev).

    Why one list: a list question asks for one enumeration; expanding every list that one kept bullet touches
    appended the Key Takeaways to "what kinds ... are there" and "list all the tests" (self-written audit bank,
    benchmarks/results/fresh_audit.md). The list whose kept items score highest together is the one asked about
    (their sum: with two items kept from each of two lists, one best item's lead of 0.005 had expanded the tests list
    for "what nerve symptoms happen, numbness or tingling?", precision_check6).
    """
    counts: dict[tuple[str, int], int] = {}
    summed: dict[tuple[str, int], float] = {}
    heads: dict[tuple[str, int], "EnrichedUnit"] = {}
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is not None and item.unit.is_bullet:
            members = enriched.list_members(item)
            key = (members[0].unit.section_id, members[0].unit.index)
            counts[key] = counts.get(key, 0) + 1
            summed[key] = summed.get(key, 0.0) + s.score
            heads.setdefault(key, item)
    out = list(chosen)
    eligible = [key for key, n in counts.items() if n >= need and (not labelled_only or labelled(enriched.list_members(heads[key])))]
    if eligible:
        key = max(eligible, key=lambda k: (counts[k], summed[k]))
        for member in enriched.list_members(heads[key])[: MAX_LIST_ITEMS + 1]:
            add_missing(out, units(member), by_key)
    return out


def labelled(members: Sequence["EnrichedUnit"]) -> bool:
    """Do most items of a list open with a label ("Imaging: ...")?"""
    items = [m for m in members if m.unit.is_bullet]
    return bool(items) and 2 * sum(bool(LABEL.match(m.unit.text)) for m in items) >= len(items)


def whole_units(chosen: list[Scored], enriched: "EnrichedUnits", units: UnitSentences,
                 by_key: dict[tuple[str, int], Scored]) -> list[Scored]:
    """A bullet of two sentences is shown whole: the second sentence never appears without its label."""
    out = list(chosen)
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is not None and item.unit.is_bullet:
            add_missing(out, units(item), by_key)
    return out
