"""The frozen dev/test split of evaluation set v2.

Why frozen: rules, thresholds, prompts and weights are chosen on `dev` only; `test` is reported
separately and never used to tune. That promise is only checkable when the split cannot drift, so it
is computed once from a fixed seed, written to `eval/data/splits-v2.json` and committed; a test
recomputes it from the seed and compares it with the file, so nobody can quietly move an item.

How: items that belong together stay together — a conversation's follow-ups (same `conversation_id`)
and the stand-alone item that opens it (its question is the conversation's first user turn) — and
groups are stratified by category: within each category, groups are ordered by sha256(seed:group)
and each goes to whichever split has fewer items of that category so far (dev first on a tie).

Retired test items: when a choice was informed by a test result (a probe's category chosen because a
test item failed), that item no longer measures anything out of sample. It moves to dev through
`RETIRED_FROM_TEST` below — an explicit, dated list with the reason, applied after the seed — rather
than through a reseed that would reshuffle everything. The frozen file and the recomputation both
carry it, so the move is visible in the diff and checked by the same test.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from eval.errors import EvalError

SPLIT_SEED = 11  # fixed for good: changing it moves items between dev and test
SPLIT_NAMES = ("dev", "test")
METHOD = ("groups (conversation + its opening item) stratified by category, ordered by sha256(seed:group), balanced; "
          "then the items in RETIRED_FROM_TEST moved to dev")

# Test items that a tuning choice was informed by, moved to dev for good (id -> when and why).
RETIRED_FROM_TEST: dict[str, str] = {
    "v2-diagnosis-005": ("2026-12-02, round 9: it became not_found on a test run; the lead then probed the "
                         "diagnosis category with fresh asks and fixed the over-refusal that had hit it"),
}


class Splittable(Protocol):
    id: str
    category: str
    question: str
    conversation_id: str | None

    def history_dicts(self) -> list[dict[str, str]]: ...


@dataclass(frozen=True)
class FrozenSplit:
    seed: int
    dev: tuple[str, ...]
    test: tuple[str, ...]

    def ids(self, name: str) -> frozenset[str]:
        return frozenset(self.dev if name == "dev" else self.test)

    def as_json(self, version: str | None) -> dict:
        return {"evalset": "evalset_v2.jsonl", "version": version, "seed": self.seed, "method": METHOD,
                "n": {"dev": len(self.dev), "test": len(self.test)},
                "retired_from_test": {k: v for k, v in sorted(RETIRED_FROM_TEST.items()) if k in self.dev},
                "dev": list(self.dev), "test": list(self.test)}


def default_split_path() -> Path:
    return Path(str(resources.files("eval") / "data" / "splits-v2.json"))


def group_items(items: Sequence[Splittable]) -> list[list[Splittable]]:
    """Items that must share a split: a conversation's turns plus the item whose question opens it."""
    opener_of = {i.question: i.id for i in items if not i.conversation_id}
    parent = {i.id: i.id for i in items}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    by_conversation: dict[str, str] = {}
    for item in items:
        if not item.conversation_id:
            continue
        first = by_conversation.setdefault(item.conversation_id, item.id)
        parent[root(item.id)] = root(first)
        users = [t["content"] for t in item.history_dicts() if t["role"] == "user"]
        if users and users[0] in opener_of:
            parent[root(opener_of[users[0]])] = root(first)
    groups: dict[str, list[Splittable]] = defaultdict(list)
    for item in items:
        groups[root(item.id)].append(item)
    return list(groups.values())


def _group_category(group: Sequence[Splittable]) -> str:
    counts = Counter(i.category for i in group)
    return sorted(counts, key=lambda c: (-counts[c], c))[0]


def compute_split(items: Sequence[Splittable], seed: int = SPLIT_SEED,
                  retired: Mapping[str, str] | None = None) -> FrozenSplit:
    """The split the seed gives for these items (deterministic: no RNG state, only sha256), with the
    retired test items (and the rest of their group) moved to dev afterwards."""
    by_category: dict[str, list[list[Splittable]]] = defaultdict(list)
    for group in group_items(items):
        by_category[_group_category(group)].append(group)
    chosen: dict[str, list[str]] = {"dev": [], "test": []}
    for category in sorted(by_category):
        def order(group: Sequence[Splittable]) -> str:
            key = min(i.id for i in group)
            return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()

        sizes = {"dev": 0, "test": 0}
        for group in sorted(by_category[category], key=order):
            name = "dev" if sizes["dev"] <= sizes["test"] else "test"
            sizes[name] += len(group)
            chosen[name].extend(i.id for i in group)
    retired = RETIRED_FROM_TEST if retired is None else retired
    moved = {i.id for group in group_items(items) if any(i.id in retired for i in group) for i in group}
    dev = set(chosen["dev"]) | (moved & set(chosen["test"]))
    test = set(chosen["test"]) - moved
    return FrozenSplit(seed, tuple(sorted(dev)), tuple(sorted(test)))


def load_split(path: Path | None = None) -> FrozenSplit:
    path = path or default_split_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return FrozenSplit(int(data["seed"]), tuple(data["dev"]), tuple(data["test"]))
    except FileNotFoundError as exc:
        raise EvalError(f"the frozen split is missing: {path} (create it once with `pns eval split --write`)") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"the frozen split {path} is not valid: {exc}") from exc


def write_split(split: FrozenSplit, version: str | None, path: Path | None = None, force: bool = False) -> Path:
    """Write the split once; replacing a different one needs force (and a commit that says why)."""
    path = path or default_split_path()
    text = json.dumps(split.as_json(version), indent=1) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") != text and not force:
        raise EvalError(f"{path} exists and differs: the split is frozen. Moving items needs --force "
                        "and a commit that says why (test numbers before and after are not comparable).")
    path.write_text(text, encoding="utf-8")
    return path


def select_split(items: Sequence[Splittable], name: str, split: FrozenSplit | None) -> list:
    """The items of one split ('all' = every item); fails when the set and the frozen split disagree."""
    if name == "all":
        return list(items)
    if name not in SPLIT_NAMES:
        raise EvalError(f"unknown split {name!r}; choose dev, test or all")
    if split is None:
        raise EvalError("this evaluation set has no frozen split; use --split all")
    known = split.ids("dev") | split.ids("test")
    stray = sorted(i.id for i in items if i.id not in known)
    if stray:
        raise EvalError(f"{len(stray)} item(s) are in no frozen split ({', '.join(stray[:5])}...): the set changed after "
                        "the split was frozen; regenerate it deliberately with `pns eval split --write --force`")
    wanted = split.ids(name)
    return [i for i in items if i.id in wanted]


def split_of(item_id: str, split: FrozenSplit | None) -> str | None:
    if split is None:
        return None
    return "dev" if item_id in split.ids("dev") else ("test" if item_id in split.ids("test") else None)
