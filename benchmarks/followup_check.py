"""Follow-up success, status accuracy and key-fact recall of a follow-up bank's run, per part (studied, blind).

Why two success numbers: the eval's `follow_up_success` asks for half of a turn's required facts, while a bank
written with every fact a complete answer could show (up to four) is better read with "at least one fact shown",
which says whether the conversation was followed at all. Both are printed; neither changes the eval's metric.
Runs of `pns eval run --evalset BANK --judge none --no-ragas --out DIR` are read; a part keeps the items whose
bank line carries it in `part` (eval/data/followup_check4..6.jsonl).

    python -m benchmarks.followup_check RUN_DIR BANK.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.measure import report_items


def _parts(bank: Path) -> dict[str, str]:
    """Item id -> its part ("studied", "blind"; "all" for a bank without parts)."""
    rows = [json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r.get("part") or "all" for r in rows}


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else float("nan")


def score_part(items: list[dict[str, Any]]) -> dict[str, float | int]:
    """The part's turns, follow-up success (eval metric and at-least-one-fact), status accuracy, key-fact recall."""
    success, any_fact, status, recall = [], [], [], []
    for item in items:
        scores = item["scores"]
        kfr = scores.get("key_fact_recall")
        success.append(scores.get("follow_up_success") or 0.0)
        any_fact.append(float(bool(item["status_ok"]) and (kfr is None or kfr > 0)))
        status.append(float(bool(item["status_ok"])))
        if kfr is not None:
            recall.append(kfr)
    return {"turns": len(items), "follow_up_success": _mean(success), "success_one_fact": _mean(any_fact),
            "status_accuracy": _mean(status), "key_fact_recall": _mean(recall)}


def score_run(run_dir: str, bank: Path) -> dict[str, dict[str, float | int]]:
    """Each part's scores and all turns together, for the run's items of `bank`."""
    parts = _parts(bank)
    items = [i for i in report_items(run_dir) if i["id"] in parts]
    out = {p: score_part([i for i in items if parts[i["id"]] == p]) for p in sorted(set(parts.values()))}
    out["all"] = score_part(items)
    return out


if __name__ == "__main__":
    print(json.dumps(score_run(sys.argv[1], Path(sys.argv[2])), indent=1))
