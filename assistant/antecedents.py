"""What a shown sentence needs shown before it: its antecedent, or nothing (then it may go).

Why a module: three rules decide the same thing, whether a sentence can stand in the answer as shown.
  * with_antecedents: a unit the enrichment marks as needing its predecessor ("These syndromes ...", "This step
    ...") brings it, repeatedly along a chain;
  * resolve_demonstratives: a demonstrative later in a sentence ("with these common cancers") brings the sentence
    before it when that one names it, else the sentence goes (answer_focus.unresolved);
  * drop_costly_dependents: a sentence that needs its predecessor, is not the answer's best and whose predecessor
    scores far under the best costs two sentences for one weak point, and goes instead ("They can affect multiple
    organ systems ..." pulling the Key Takeaways' first bullet into "what affects recovery?"); so does one that names
    no distinctive word of the question and whose unchosen predecessor needs an unchosen one of its own: three
    sentences for a side point ("This step is essential to avoid misdiagnosis ..." bringing the diagnostic workup
    and the list of look-alike conditions into "why is it so hard to diagnose").
`unit_sentences(unit)` gives a unit's composer sentences, `add(out, sentences)` appends the missing ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.answer_focus import unresolved
from assistant.compose import Scored
from assistant.points_back import leans_back
from corpus.units import opens_with_reference

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits

UnitSentences = Callable[["EnrichedUnit"], list[Any]]
Add = Callable[[list[Scored], list[Any]], None]
ANTECEDENT_SHARE = 0.5  # a predecessor scoring under this share of the best sentence is not worth showing for a side point


def with_antecedents(chosen: list[Scored], enriched: "EnrichedUnits", unit_sentences: UnitSentences, add: Add) -> list[Scored]:
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
        add(out, unit_sentences(prev))
        todo.extend(out[before:])
    return out


def with_list_remarks(chosen: list[Scored], enriched: "EnrichedUnits", unit_sentences: UnitSentences, add: Add) -> list[Scored]:
    """A shown last item of a list brings the remark that closes the list and points back at it ("These strategies
    should be discussed with a healthcare provider and not replace conventional medical therapy."). Only the last
    item: after another one the remark's article predecessor would not be shown and it would dangle.

    Why: the remark qualifies every item, so "would acupuncture help" answered with the "Alternative Medicine:" bullet
    alone left out what the article says about using it (self-written key-fact bank 4); the antecedent rule runs
    the other way (a remark shown brings its list), so nothing brought the remark to an item.
    """
    out = list(chosen)
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is None or not item.unit.is_bullet:
            continue
        if enriched.list_members(item)[-1] is not item:  # shown after another item, the remark would point past it
            continue
        after = enriched.successor(item)
        if after is not None and not after.unit.is_bullet and after.needs_previous:
            add(out, unit_sentences(after))
    return out


def resolve_demonstratives(chosen: list[Scored], enriched: "EnrichedUnits", unit_sentences: UnitSentences,
                           add: Add) -> list[Scored]:
    """A sentence naming 'these common cancers' brings the sentence before it when that one names them, else goes.

    Why: the enrichment's antecedent flag covers a unit that opens with a reference ("These syndromes ...");
    a demonstrative later in the sentence ("Although most cases occur in people with these common cancers, ...")
    slipped through and was shown pointing at nothing (self-written audit bank; answer_focus.unresolved). Another
    shown sentence that names the whole phrase ("Commonly associated cancers include ...") resolves it too.
    The only sentence of an answer is kept: the support gate, not this rule, decides whether to answer.
    """
    out = list(chosen)
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        shown = tuple(o.sentence.text for o in out if o is not s)
        if item is None or not unresolved(s.sentence.text, shown=shown):
            continue
        prev = enriched.predecessor(item)
        if prev is not None and not unresolved(s.sentence.text, prev.unit.text):
            add(out, unit_sentences(prev))
        elif len(out) > 1:
            out.remove(s)
    return out


def drop_costly_dependents(chosen: list[Scored], enriched: "EnrichedUnits", unit_sentences: UnitSentences,
                           as_scored: Callable[[Any], Scored], share: float = ANTECEDENT_SHARE,
                           names: Callable[[Scored], bool] | None = None) -> list[Scored]:
    """Sentences (never the best one) opening with a reference ("This step ...", "They can ...") whose predecessor is
    not chosen and scores under `share` of the best go; so do those `names` says name no distinctive question word
    whose unchosen predecessor needs an unchosen one too (_costs_a_chain).

    Only an opening reference: a sentence that names its own content and points back later ("A thorough diagnostic
    workup ... from these conditions") or turns the thought before it ("However, how these syndromes ...") is a
    point of its own, and on dev such sentences are required facts.
    """
    if len(chosen) < 2:
        return chosen
    best = max(chosen, key=lambda s: s.score)
    have = keys_of(chosen)
    out = []
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        opens = item is not None and item.needs_previous and opens_with_reference(item.unit.text)
        prev = enriched.predecessor(item) if s is not best and opens else None
        if prev is not None:
            sentences = unit_sentences(prev)
            keys = {x.key for x in sentences}
            if sentences and not keys & have and (max(as_scored(x).score for x in sentences) < share * best.score or (
                    names is not None and not names(s) and _costs_a_chain(prev, enriched, unit_sentences, have))):
                continue
        out.append(s)
    return out


def _costs_a_chain(prev: "EnrichedUnit", enriched: "EnrichedUnits", unit_sentences: UnitSentences,
                   have: set[tuple[str, int]]) -> bool:
    """Does the (unchosen) predecessor itself need an unchosen one, so showing the dependent costs two more sentences?

    Why only then, and only for a sentence naming no question word: a dependent with one predecessor is often a
    required fact ("These syndromes are not directly caused ..."). In this article the only such chain is "This step
    is essential ..." <- "A thorough diagnostic workup ..." <- "Conditions such as ..."; on the hand-labelled precision
    banks' studied parts (3 to 7) "This step ..." was shown 3 times without being asked about and helped none of them.
    """
    if not prev.needs_previous:
        return False
    before = enriched.predecessor(prev)
    return before is not None and not {x.key for x in unit_sentences(before)} & have


def keys_of(chosen: Sequence[Scored]) -> set[tuple[str, int]]:
    return {s.sentence.key for s in chosen}


def lean_again(kept: list[Scored], before: Sequence[Scored], enriched: "EnrichedUnits", units: UnitSentences,
               add: Add) -> list[Scored]:
    """Antecedents again, for the twins prefer_body added and the sentences whose antecedent it replaced.

    Why not for every shown sentence: the definition sentence chosen because it names the cause ("These
    syndromes are not directly caused by ...") is chosen alone (_with_definition); re-running the antecedent rule
    on it here put the whole definition back in front of the cause sentences. The last step (settle_antecedents)
    still shows the one sentence it follows, right before it.
    """
    gone, new = keys_of(before) - keys_of(kept), keys_of(kept) - keys_of(before)
    if not gone and not new:
        return kept
    leaning = []
    for s in kept:
        item = enriched.for_sentence(s.sentence)
        prev = enriched.predecessor(item) if item is not None and item.needs_previous else None
        lost = prev is not None and bool({x.key for x in units(prev)} & gone)
        if lost or s.sentence.key in new:
            leaning.append(s)
    grown = with_antecedents(leaning, enriched, units, add)
    add(kept, [s.sentence for s in grown])
    return kept


def settle_antecedents(shown: Sequence[Any], enriched: "EnrichedUnits", units: UnitSentences) -> list[Any]:
    """The shown sentences, in display order, with each opening reference's antecedent shown just before it.

    Why a last pass over the answer as shown: the composer's own rules run on the sentences it chooses, but a
    multi-part answer keeps each part's best few, a comparison leads with the sentence relating the sides, and
    "what causes it?" keeps only the definition's cause sentence; each of those could show "These syndromes ..."
    or "This step ..." with its antecedent left out or shown after it. Whatever built the answer, a sentence
    opening with a reference (corpus.units.opens_with_reference) is read after the sentence it points at: that
    one moves up, or joins, right before it (a chain of such sentences brings each link). A sentence turning the one
    before it ("Conversely, ...", "However, others ...": points_back.leans_back) is read after it the same way.
    """
    out: list[Any] = []
    placed: set[tuple[str, int]] = set()

    def place(s: Any, depth: int = 0) -> None:
        if s.key in placed:
            return
        before = _antecedent(s, enriched, units) if depth < 4 and leans_back(s.text) else []
        for prev in before:
            place(prev, depth + 1)
        placed.add(s.key)
        out.append(s)

    for s in shown:
        place(s)
    return out


def _antecedent(sentence: Any, enriched: "EnrichedUnits", units: UnitSentences) -> list[Any]:
    """What an opening reference points at: the sentence before it in its unit, else the unit before it."""
    item = enriched.for_sentence(sentence)
    if item is None:
        return []
    own = units(item)
    here = [i for i, x in enumerate(own) if x.key == sentence.key]
    if here and here[0] > 0:
        return [own[here[0] - 1]]
    prev = enriched.predecessor(item)
    return units(prev) if prev is not None else []


def leaned_on(chosen: Sequence[Scored], enriched: "EnrichedUnits", units: UnitSentences) -> set[tuple[str, int]]:
    """Keys of the chosen sentences that another chosen sentence opening with a reference points back at."""
    have = keys_of(chosen)
    out: set[tuple[str, int]] = set()
    for s in chosen:
        if opens_with_reference(s.sentence.text):
            out |= {x.key for x in _antecedent(s.sentence, enriched, units)} & have
    return out
