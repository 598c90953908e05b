"""The evaluation sets by name (`v1`, `v2`) and the choice of items a run evaluates.

Why by name: `pns eval run --set v1|v2 --split dev|test|all` must pick the set, its frozen split and
its category list in one place, so the CLI and the tests ask for a set the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.errors import EvalError
from eval.splits import FrozenSplit, load_split, select_split

SET_NAMES = ("v1", "v2")


@dataclass(frozen=True)
class EvalSet:
    name: str
    items: list[Any]
    categories: tuple[str, ...]
    split: FrozenSplit | None  # None: the set has no frozen split (v1, or a custom file)


def load_named(name: str, path: Path | None = None) -> EvalSet:
    """v1 (no split) or v2 (with its frozen split when the shipped file is used)."""
    if name == "v1":
        from eval.dataset import CATEGORIES, load_evalset

        return EvalSet("v1", load_evalset(path), CATEGORIES, None)
    if name == "v2":
        from eval.dataset_v2 import CATEGORIES_V2, load_evalset_v2

        return EvalSet("v2", load_evalset_v2(path), CATEGORIES_V2, None if path else load_split())
    raise EvalError(f"unknown evaluation set {name!r}; choose {' or '.join(SET_NAMES)}")


def choose_items(evalset: EvalSet, split: str = "all", categories: Iterable[str] | None = None,
                 limit: int | None = None) -> list[Any]:
    """The split's items, then the categories, then `limit` items spread across categories."""
    from eval.dataset import filter_items

    if split != "all" and evalset.split is None:
        raise EvalError(f"evaluation set {evalset.name} has no frozen dev/test split; use --split all")
    items = select_split(evalset.items, split, evalset.split)
    return filter_items(items, categories, limit, known=evalset.categories)
