"""Paraphrase consistency: does the answer stay the same when one question is asked in other words?

Why a measure of its own: every other bank scores each wording alone, so a rule that fits one phrasing raises a bank
while a user who types the same ask tersely, with typos, in lay or in clinician words gets another status or loses the
required sentence. eval/data/paraphrase_check.jsonl groups a dev question with three paraphrases of it (the `group`
field); per group this reports whether every wording got the same status, whether every status was acceptable, and the
spread of key-fact recall (highest minus lowest wording), so a gain that holds for one wording only shows as spread.
Runs of `pns eval run --evalset BANK --judge none --no-ragas --out DIR` are read; a part ("studied", "blind") keeps
the groups whose ids name it.

    python -m benchmarks.paraphrase_consistency RUN_DIR [BANK.jsonl] [--part studied|blind] [--groups]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import report_items

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "paraphrase_check.jsonl"


@dataclass(frozen=True)
class GroupScore:
    """One group's wordings as a run answered them."""

    group: str
    statuses: tuple[str, ...]
    correct: tuple[bool, ...]
    recalls: tuple[float, ...]  # key-fact recall of the wordings that have required facts

    @property
    def same_status(self) -> bool:
        return len(set(self.statuses)) == 1

    @property
    def all_correct(self) -> bool:
        return all(self.correct)

    @property
    def spread(self) -> float:
        return max(self.recalls) - min(self.recalls) if self.recalls else 0.0


def groups_of(bank: Path) -> dict[str, str]:
    """Item id -> its group, read from the bank (a run's rows do not carry the group)."""
    out: dict[str, str] = {}
    for line in bank.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item.get("group"):
                out[item["id"]] = item["group"]
    return out


def _recall(row: dict[str, Any]) -> float | None:
    scores = row.get("scores") if isinstance(row.get("scores"), dict) else {}
    value = scores.get("key_fact_recall")
    return None if value is None else float(value)


def score_groups(rows: list[dict[str, Any]], groups: dict[str, str], part: str | None = None) -> list[GroupScore]:
    """Each group's statuses, their correctness and its wordings' key-fact recalls, in group order."""
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["id"] in groups and (part is None or f"-{part}-" in row["id"]):
            by_group[groups[row["id"]]].append(row)
    out = []
    for group in sorted(by_group):
        members = sorted(by_group[group], key=lambda r: r["id"])
        recalls = tuple(r for r in (_recall(m) for m in members) if r is not None)
        out.append(GroupScore(group, tuple(m["status"] for m in members),
                              tuple(m["status"] in (m.get("acceptable_statuses") or []) for m in members), recalls))
    return out


def summarise(scores: list[GroupScore]) -> dict[str, float | int]:
    """The bank's or part's numbers: groups whose wordings share one status, groups answered right in every wording,
    item status accuracy, mean key-fact recall, and the mean and worst key-fact spread within a group."""
    n = max(len(scores), 1)
    items = sum(len(s.statuses) for s in scores)
    recalls = [r for s in scores for r in s.recalls]
    spreads = [s.spread for s in scores if s.recalls]
    return {
        "groups": len(scores),
        "items": items,
        "status_consistency": round(sum(s.same_status for s in scores) / n, 3),
        "all_correct_groups": round(sum(s.all_correct for s in scores) / n, 3),
        "status_accuracy": round(sum(c for s in scores for c in s.correct) / max(items, 1), 3),
        "key_fact_recall": round(sum(recalls) / max(len(recalls), 1), 3),
        "mean_spread": round(sum(spreads) / max(len(spreads), 1), 3),
        "max_spread": round(max(spreads, default=0.0), 3),
        "groups_with_spread": sum(s > 0 for s in spreads),
    }


def score_run(run_dir: str, bank: Path = BANK, part: str | None = None) -> dict[str, float | int]:
    """The summary of one `pns eval run` report over the paraphrase bank (or one part of it)."""
    return summarise(score_groups(report_items(run_dir), groups_of(bank), part))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run_dir")
    parser.add_argument("bank", nargs="?", default=str(BANK))
    parser.add_argument("--part", choices=["studied", "blind"])
    parser.add_argument("--groups", action="store_true", help="one line per group as well")
    args = parser.parse_args(argv)
    scores = score_groups(report_items(args.run_dir), groups_of(Path(args.bank)), args.part)
    if args.groups:
        for s in scores:
            recalls = " ".join(f"{r:.2f}" for r in s.recalls)
            print(f"{s.group} same={int(s.same_status)} ok={int(s.all_correct)} spread={s.spread:.2f} "
                  f"statuses={','.join(s.statuses)} recalls=[{recalls}]")
    print(json.dumps(summarise(scores)))


if __name__ == "__main__":
    main()
