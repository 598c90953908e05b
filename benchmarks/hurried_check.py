"""Status accuracy, key-fact recall and abstention on the self-written hurried first-turn bank, per part.

Why per part: eval/data/hurried_check.jsonl (67 self-written questions typed the way hurried patients type) was
scored once before the triage changes; its `hurried-studied-*` items were then read while developing, its
`hurried-blind-*` items were kept blind (only this script's aggregates were looked at until the end), so the
blind part's before -> after is a held-out check that the changes generalise.

    pns eval run --evalset eval/data/hurried_check.jsonl --judge none --no-ragas --no-progress --out DIR
    python -m benchmarks.hurried_check BEFORE_DIR AFTER_DIR [--rows]
"""

from __future__ import annotations

import json
import sys
from statistics import mean

from benchmarks.measure import report_items as load_items

PARTS = ("studied", "blind")
METRICS = ("status_accuracy", "key_fact_recall", "abstention_accuracy")



def part_of(item_id: str) -> str:
    """Which part an item belongs to, read from its id (`hurried-<part>-...`)."""
    return item_id.split("-")[1]


def summarise(items: list[dict]) -> dict[str, dict[str, float | int | None]]:
    """Mean of each metric per part and over all items (None where no item has a value)."""
    out: dict[str, dict[str, float | int | None]] = {}
    for part in (*PARTS, "all"):
        rows = [i for i in items if part == "all" or part_of(i["id"]) == part]
        out[part] = {"n": len(rows)}
        for metric in METRICS:
            values = [i["scores"][metric] for i in rows if i["scores"].get(metric) is not None]
            out[part][metric] = round(mean(values), 3) if values else None
    return out


def rows(items: list[dict], part: str) -> list[str]:
    """One line per item of `part`: ok mark, status, question (for reading the studied part only)."""
    return [f"{'ok ' if i['status_ok'] else 'BAD'} {i['status']:<15} kf={i['scores'].get('key_fact_recall')} "
            f"{i['question']}" for i in items if part_of(i["id"]) == part]


if __name__ == "__main__":
    runs = [a for a in sys.argv[1:] if not a.startswith("--")]
    result = {name: summarise(load_items(d)) for name, d in zip(("before", "after"), runs, strict=False)}
    print(json.dumps(result, indent=1))
    if "--rows" in sys.argv:
        print("\n".join(rows(load_items(runs[-1]), "studied")))
