"""A self-written bank's planned shape as one row of a table, and the checks that read it.

Why a table: the banks of one kind (key-fact, unanswerable, over-refusal ...) were each checked by a test file of
the same shape with other numbers; a row per bank says only what differs (how many items, which statuses, which
kinds, how its parts are marked), so a new bank of a kind is one row, and a check fixed once is fixed for every bank.
A bank's own oddities (a scorer it feeds, a rule only it states) stay as named tests beside the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences, assert_typed_in_a_hurry, kinds_of

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"


@dataclass(frozen=True)
class Shape:
    """What one bank plans (its README section): the table-driven tests check each field that is set."""
    bank: str                          # eval/data/<bank>.jsonl
    prefix: str                        # ids `<prefix>-studied-N` / `<prefix>-blind-N` (where `blind` is "third")
    least: int                         # at least this many items
    statuses: str = ""                 # every item: "only answered" (exactly ["answered"], with facts), "answerable"
    #                                    ("answered" among its statuses, with facts), "facts or not_found"; "" no rule
    first_turns: bool = True           # no item carries a history
    one_sentence: bool = False         # each quote one whole sentence, not only a whole unit
    kinds: frozenset[str] = frozenset()  # the notes' "kind: X;" values: exactly these, each at least `kind_least` times
    kind_least: int = 1
    hurried: bool = False              # lower case, no apostrophe
    askers: bool = False               # notes name both "asker: lay" and "asker: clinician"
    facts_noted: bool = False          # each note says "facts: N;" with its number of required facts
    blind: str = "third"               # "third" (ids and notes, assert_a_third_blind), "half" (ids and notes),
    #                                    "field" (the part field only, about a third within `blind_slack`)
    blind_slack: int = 3               # with "field": |3 * blind - items| at most this
    part_field: bool = False           # the part field agrees with the id, and both parts are there
    kinds_in_parts: bool = False       # with `kinds`: each part (the part field) asks every planned kind
    answerable: int = 0                # at least this many items accept "answered" (each names its facts)
    refusals: int = 0                  # at least this many accept only not_found (no item but the answerable names facts)
    off_topic: int = 0                 # at least this many accept only out_of_scope
    only_classes: bool = False         # answerable, refusals and off-topic items make the whole bank
    counts: tuple[tuple[str, int], ...] = ()  # (kind, at least this many items of it)

    def __str__(self) -> str:
        return self.bank


@cache
def items_of(bank: str) -> tuple:
    """A bank's items, loaded once per test session (every row's checks read the same file)."""
    from eval.dataset_v2 import load_evalset_v2

    return tuple(load_evalset_v2(DATA / f"{bank}.jsonl"))


@cache
def article():
    """The cleaned article the quotes must map back to."""
    from corpus.article import load_article
    from corpus.paths import article_path
    from foundation.settings import Settings

    return load_article(article_path(Settings()))


def assert_loads_with_whole_quotes(shape: Shape) -> None:
    """Size, statuses, first turns and quotes that are whole units (or sentences) of the article."""
    items = list(items_of(shape.bank))
    assert len(items) >= shape.least
    if shape.first_turns:
        assert not any(i.history for i in items)
    rule = {"only answered": lambda i: bool(i.required_facts) and i.acceptable_statuses == ["answered"],
            "answerable": lambda i: bool(i.required_facts) and "answered" in i.acceptable_statuses,
            "facts or not_found": lambda i: bool(i.required_facts) or "not_found" in i.acceptable_statuses,
            "": lambda i: True}[shape.statuses]
    assert all(rule(i) for i in items), [i.id for i in items if not rule(i)]
    assert_quotes_are_whole_sentences(items, article(), one_sentence=shape.one_sentence)


def assert_classes(shape: Shape) -> None:
    """The answerable asks name their facts and nothing else does, each class is as large as planned."""
    items = list(items_of(shape.bank))
    answerable = [i for i in items if "answered" in i.acceptable_statuses]
    refusals = [i for i in items if i.acceptable_statuses == ["not_found"]]
    off_topic = [i for i in items if i.acceptable_statuses == ["out_of_scope"]]
    assert len(answerable) >= shape.answerable and len(refusals) >= shape.refusals
    assert len(off_topic) >= shape.off_topic
    if shape.only_classes:
        assert len(answerable) + len(refusals) + len(off_topic) == len(items)
    assert all(i.required_facts for i in answerable)
    assert not any(i.required_facts for i in items if i not in answerable)


def assert_kinds(shape: Shape) -> None:
    """Every planned kind asked often enough (and no other), typed as planned, askers and fact counts noted."""
    items = list(items_of(shape.bank))
    if shape.kinds:
        kinds = kinds_of(items)
        assert set(kinds) == shape.kinds and min(kinds.values()) >= shape.kind_least
    counted = kinds_of(items) if shape.counts else {}
    assert all(counted[k] >= n for k, n in shape.counts), counted
    if shape.hurried:
        assert_typed_in_a_hurry(items)
    if shape.askers:
        assert {"asker: lay", "asker: clinician"} <= {n for i in items for n in (i.note or "").split("; ")}
    if shape.facts_noted:
        assert all(f"facts: {len(i.required_facts)};" in (i.note or "") for i in items)


def assert_parts(shape: Shape) -> None:
    """The blind part is as large as planned and marked where planned (ids, notes, the part field)."""
    items = list(items_of(shape.bank))
    if shape.blind == "third":
        assert_a_third_blind(items, shape.prefix)
    elif shape.blind == "half":
        assert_half_blind(items, shape.prefix)
    else:
        assert all(i.part in ("studied", "blind") for i in items)
        assert abs(sum(i.part == "blind" for i in items) * 3 - len(items)) <= shape.blind_slack
    if shape.part_field:
        assert all(i.part and f"-{i.part}-" in i.id for i in items)
        assert {"studied", "blind"} == {i.part for i in items}
    if shape.kinds_in_parts:  # a kind missing from the blind part could not show whether a change generalises to it
        for part in ("studied", "blind"):
            assert set(kinds_of(i for i in items if i.part == part)) == shape.kinds, part


def assert_half_blind(items: Sequence, prefix: str) -> None:
    """Every id is `<prefix>-blind-N` or `<prefix>-studied-N`, the two halves differ by one at most, notes name them."""
    blind = [i for i in items if i.id.startswith(f"{prefix}-blind-")]
    studied = [i for i in items if i.id.startswith(f"{prefix}-studied-")]
    assert len(blind) + len(studied) == len(items)
    assert abs(len(blind) - len(studied)) <= 1
    assert all(f"part: {'blind' if i in blind else 'studied'}" in (i.note or "") for i in items)


def assert_conversations_whole(items: Sequence) -> None:
    """Each conversation's turns sit in one part, so a blind turn's history was never studied."""
    conversations = {i.conversation_id for i in items if i.conversation_id}
    assert all(len({i.part for i in items if i.conversation_id == c}) == 1 for c in conversations)
