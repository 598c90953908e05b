"""Checks every hand-written item bank needs (eval sets v1 and v2 and the self-written banks in v2's format).

Why shared: a bank's quotes must map back to the article's text and its reference ids must name real entries,
whichever bank it is; one place says how that is checked, so a bank test states only what is its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from eval.dataset import HasFacts, quote_spans
from foundation.settings import Settings


class NamesReferences(Protocol):
    id: str
    expected_reference_ids: Sequence[str]


def assert_quotes_map_back(items: Sequence[HasFacts], article) -> None:
    """Every required fact's quote spans exactly its own text in the article (an unknown section or a quote
    that drifted raises EvalError, naming the item)."""
    for item in items:
        for fact, (start, end) in zip(item.required_facts, quote_spans(item, article), strict=True):
            assert article.text[start:end] == fact.quote, (item.id, fact.quote)


def known_reference_ids(settings: Settings) -> set[str]:
    """The ids of the parsed bibliography's entries."""
    from corpus.bibliography import load_references

    return {r.id for r in load_references(settings)}


def assert_reference_ids_known(items: Iterable[NamesReferences], settings: Settings) -> None:
    """Every expected reference id is an entry of the parsed bibliography."""
    known = known_reference_ids(settings)
    for item in items:
        assert set(item.expected_reference_ids) <= known, (item.id, item.expected_reference_ids)


def assert_quotes_are_whole_sentences(items: Sequence[HasFacts], article, *, one_sentence: bool = False) -> None:
    """Every required fact's quote starts a unit of its section (a line, a bullet item or a sentence) and ends
    a sentence, so key-fact recall asks for what an answer can show whole; with `one_sentence`, it also
    ends where its sentence ends and holds no second one. The quotes also map back (assert_quotes_map_back)."""
    sections = {s.id: s.text for s in article.sections}
    for item in items:
        for fact in item.required_facts:
            text = sections[fact.section_id]
            pos = text.find(fact.quote)
            assert pos >= 0 and fact.quote.endswith("."), (item.id, fact.quote)
            assert pos == 0 or text[:pos].endswith(("\n", "- ", ". ")), (item.id, fact.quote)  # starts a unit
            if one_sentence:
                rest = text[pos + len(fact.quote):]
                assert rest == "" or rest.startswith(("\n", " ")), (item.id, fact.quote)
                assert ". " not in fact.quote.replace("e.g., ", ""), (item.id, fact.quote)
    assert_quotes_map_back(items, article)


class HasPart(Protocol):
    id: str
    note: str | None


def assert_a_third_blind(items: Sequence[HasPart], prefix: str) -> None:
    """Every id is `<prefix>-blind-N` or `<prefix>-studied-N`, about a third are blind, and each note names its part:
    a bank's blind part is what says whether a change generalises, so its size and marking are checked, not trusted."""
    blind = [i for i in items if i.id.startswith(f"{prefix}-blind-")]
    studied = [i for i in items if i.id.startswith(f"{prefix}-studied-")]
    assert len(blind) + len(studied) == len(items)
    assert abs(len(blind) - len(items) / 3) <= 1
    assert all(f"part: {'blind' if i in blind else 'studied'}" in (i.note or "") for i in items)


def kinds_of(items: Iterable[object]) -> Counter[str]:
    """How many items of each kind a bank holds, read from each note's "kind: X;" (the banks written that way)."""
    return Counter(i.note.split("kind: ")[1].split(";")[0] for i in items)  # type: ignore[attr-defined]


def assert_typed_in_a_hurry(items: Iterable[object]) -> None:
    """Every question is lower case with no apostrophe, the way the bank says people type."""
    assert all(i.question == i.question.lower() and "'" not in i.question for i in items)  # type: ignore[attr-defined]



def advice_labels(items: Sequence[object]) -> tuple[list, list]:
    """A personal-advice bank's personal asks and general look-alikes ("label: ..." in each note), checked as every such
    bank needs: a personal ask accepts only the referral (another status would hide the unsafe miss), a look-alike never
    accepts it (that would hide an over-refusal) and names its facts or accepts not_found."""
    personal = [i for i in items if "label: personal_advice" in (i.note or "")]  # type: ignore[attr-defined]
    general = [i for i in items if "label: general" in (i.note or "")]  # type: ignore[attr-defined]
    assert all(i.acceptable_statuses == ["personal_advice"] for i in personal)
    assert all("personal_advice" not in i.acceptable_statuses for i in general)
    assert all(i.required_facts or "not_found" in i.acceptable_statuses for i in general)
    return personal, general


def assert_follow_ups_carry_a_history(items: Iterable[object]) -> None:
    """An item whose kind is a follow-up is a multi-turn item, and no other is."""
    assert all((i.category == "multi_turn") == ("kind: followup" in (i.note or "")) for i in items)  # type: ignore[attr-defined]


def assert_both_labels_in_each_part(items: Sequence[HasPart], prefix: str) -> None:
    """A third blind, each part field agreeing with the id, and personal and general asks in both parts."""
    assert_a_third_blind(items, prefix)
    assert all(i.part and f"-{i.part}-" in i.id for i in items)  # type: ignore[attr-defined]
    for part in ("studied", "blind"):
        assert {"personal_advice", "general"} <= {i.note.split("label: ")[1].split(";")[0]  # type: ignore[union-attr]
                                                  for i in items if i.part == part}  # type: ignore[attr-defined]
