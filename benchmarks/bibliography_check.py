"""Bibliography check banks, scored by part: the studied first half, the second half and the blind bank.

Why parts: eval/data/bibliography_check.jsonl (55 self-written items) was scored once before the
bibliography-router changes; its first half (ids 001-027) was studied to find failures. Its second half was
meant to stay blind but its per-item results were printed once, before any change, so
eval/data/bibliography_blind.jsonl (27 more self-written items, written after that and before any change) is the
blind check: this script prints only its aggregates. "lookups on non-bibliography items" counts the items that
are not bibliography questions but were answered from the bibliography (a context id `bibliography:<id>`).

    python -m benchmarks.bibliography_check RUN_DIR [BLIND_RUN_DIR] [--rows]
"""

from __future__ import annotations

import json
import sys

from benchmarks.measure import report_items as load_items

HALF = 27



def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def aggregate(rows: list[dict]) -> dict[str, float | int | None]:
    """Status accuracy, bibliography accuracy, key-fact recall and wrong lookups over `rows`."""
    bib = [r["scores"]["bibliography_accuracy"] for r in rows if r["scores"].get("bibliography_accuracy") is not None]
    facts = [r["scores"]["key_fact_recall"] for r in rows if r["scores"].get("key_fact_recall") is not None]
    lookups = sum(1 for r in rows if r["category"] != "bibliography"
                  and any(c.startswith("bibliography:") for c in r["context_ids"]))
    return {"items": len(rows), "status_accuracy": _mean([r["scores"]["status_accuracy"] for r in rows]),
            "bibliography_accuracy": _mean(bib), "key_fact_recall": _mean(facts),
            "lookups_on_non_bibliography_items": lookups}


def parts(run_dir: str, blind_dir: str | None = None) -> dict[str, dict]:
    """Aggregates of the check bank's two halves (and of the blind bank when its run is given)."""
    rows = sorted(load_items(run_dir), key=lambda r: r["id"])
    out = {"first_half": aggregate(rows[:HALF]), "second_half": aggregate(rows[HALF:]), "check_all": aggregate(rows)}
    if blind_dir:
        out["blind"] = aggregate(load_items(blind_dir))
    return out


def failures(run_dir: str) -> list[str]:
    """The studied first half's failing items, one line each (never the blind bank's)."""
    rows = sorted(load_items(run_dir), key=lambda r: r["id"])[:HALF]
    return [f"{r['id']} {r['status']} {r['cited_reference_ids']} want {r['expected_reference_ids']} | {r['question']}"
            for r in rows if r["scores"]["status_accuracy"] < 1 or r["scores"].get("bibliography_accuracy") == 0]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(json.dumps(parts(*args[:2]), indent=1))
    if "--rows" in sys.argv:
        print("\n".join(failures(args[0])))
