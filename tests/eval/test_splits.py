"""The frozen dev/test split: recomputed from its seed it must equal the committed file, item for item."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from eval.dataset_v2 import EvalItemV2, load_evalset_v2
from eval.errors import EvalError
from eval.splits import RETIRED_FROM_TEST, SPLIT_SEED, compute_split, default_split_path, group_items, load_split, select_split, write_split


@pytest.fixture(scope="module")
def items() -> list[EvalItemV2]:
    return load_evalset_v2()


def test_the_committed_split_is_what_the_seed_gives(items: list[EvalItemV2]) -> None:
    frozen = load_split()
    data = json.loads(default_split_path().read_text(encoding="utf-8"))
    assert data["seed"] == SPLIT_SEED
    recomputed = compute_split(items, SPLIT_SEED)
    assert frozen.dev == recomputed.dev, "items moved between dev and test: the split is frozen"
    assert frozen.test == recomputed.test, "items moved between dev and test: the split is frozen"
    assert set(frozen.dev).isdisjoint(frozen.test) and set(frozen.dev) | set(frozen.test) == {i.id for i in items}


def test_conversations_and_their_openers_share_a_split(items: list[EvalItemV2]) -> None:
    frozen = load_split()
    for group in group_items(items):
        assert len({i.id in frozen.ids("dev") for i in group}) == 1, [i.id for i in group]
    openers = {i.id for g in group_items(items) if len(g) > 1 for i in g if not i.conversation_id}
    assert openers, "the conversations' opening questions are grouped with them"


def test_every_category_is_split_about_evenly(items: list[EvalItemV2]) -> None:
    frozen = load_split()
    largest = max(len(g) for g in group_items(items))
    for category in {i.category for i in items}:
        counts = Counter("dev" if i.id in frozen.ids("dev") else "test" for i in items if i.category == category)
        assert abs(counts["dev"] - counts["test"]) <= largest + 1, (category, counts)


def test_the_split_does_not_depend_on_file_order(items: list[EvalItemV2]) -> None:
    shuffled = list(items)
    random.Random(3).shuffle(shuffled)
    assert compute_split(shuffled) == compute_split(items)
    assert compute_split(items, seed=SPLIT_SEED + 1) != compute_split(items)


def test_selecting_a_split(items: list[EvalItemV2]) -> None:
    frozen = load_split()
    dev, test = select_split(items, "dev", frozen), select_split(items, "test", frozen)
    assert len(dev) + len(test) == len(items) and select_split(items, "all", frozen) == items
    with pytest.raises(EvalError, match="unknown split"):
        select_split(items, "train", frozen)
    stray = items[0].model_copy(update={"id": "v2-new-999"})
    with pytest.raises(EvalError, match="in no frozen split"):
        select_split([*items, stray], "test", frozen)
    with pytest.raises(EvalError, match="no frozen split"):
        select_split(items, "dev", None)


def test_the_file_is_written_once(items: list[EvalItemV2], tmp_path: Path) -> None:
    path = tmp_path / "splits.json"
    split = compute_split(items)
    write_split(split, "2.0.0", path)
    write_split(split, "2.0.0", path)  # identical: fine
    with pytest.raises(EvalError, match="frozen"):
        write_split(compute_split(items, seed=SPLIT_SEED + 1), "2.0.0", path)
    write_split(compute_split(items, seed=SPLIT_SEED + 1), "2.0.0", path, force=True)
    assert load_split(path).seed == SPLIT_SEED + 1
    with pytest.raises(EvalError, match="missing"):
        load_split(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EvalError, match="not valid"):
        load_split(tmp_path / "bad.json")


def test_retired_test_items_are_in_dev_and_would_otherwise_be_in_test(items: list[EvalItemV2]) -> None:
    """A test item that informed a tuning choice moves to dev, and only through the explicit list."""
    frozen, seeded = load_split(), compute_split(items, SPLIT_SEED, retired={})
    data = json.loads(default_split_path().read_text(encoding="utf-8"))
    assert RETIRED_FROM_TEST and set(data["retired_from_test"]) == set(RETIRED_FROM_TEST)
    for item_id, why in RETIRED_FROM_TEST.items():
        assert item_id in frozen.ids("dev") and item_id not in frozen.ids("test")
        assert item_id in seeded.ids("test"), f"{item_id} was never a test item: nothing to retire"
        assert len(why) > 30, "say when and why the item was retired"
    moved = set(seeded.test) - set(frozen.test)
    assert moved == {i.id for g in group_items(items) if any(x.id in RETIRED_FROM_TEST for x in g) for i in g}
    assert set(frozen.dev) - set(seeded.dev) == moved and set(frozen.test) < set(seeded.test)


def test_retiring_moves_a_whole_conversation(items: list[EvalItemV2]) -> None:
    seeded = compute_split(items, SPLIT_SEED, retired={})
    group = next(g for g in group_items(items) if len(g) > 2 and g[0].id in seeded.ids("test"))
    moved = compute_split(items, SPLIT_SEED, retired={group[-1].id: "synthetic reason for a unit test only"})
    assert all(i.id in moved.ids("dev") for i in group)
    assert len(moved.test) == len(seeded.test) - len(group)
