"""Bibliography check banks, scored by part: the studied first half, the second half and the blind bank.

Why parts: eval/data/bibliography_check.jsonl (55 self-written items) was scored once before the
bibliography-router changes; its first half (ids 001-027) was studied to find failures. Its second half was
meant to stay blind but its per-item results were printed once, before any change, so
eval/data/bibliography_blind.jsonl (27 more self-written items, written after that and before any change) is the
blind check: this script prints only its aggregates. "lookups on non-bibliography items" counts the items that
are not bibliography questions but were answered from the bibliography (a context id `bibliography:<id>`).

    python -m benchmarks.bibliography_check RUN_DIR [BLIND_RUN_DIR] [--rows]
    python -m benchmarks.bibliography_check RUN_DIR --bank eval/data/bibliography_check2.jsonl [--rows]

Bank 2 (eval/data/bibliography_check2.jsonl, round 13) marks its parts in each item (`part`: studied or blind) and
adds authors and journals the bibliography does not hold (`not_found`); `--bank` scores it by those parts, and `--rows`
then prints only the studied part's failing items.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

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


def bank_parts(run_dir: str, bank: Path) -> dict[str, dict]:
    """Aggregates of a bank that marks its items' parts, per part and over all; the refusals (items whose only
    acceptable status is `not_found`: an author, journal or year the bibliography lacks) are counted apart."""
    parts_of = {row["id"]: row for row in map(json.loads, bank.read_text(encoding="utf-8").splitlines()) if row}
    rows = load_items(run_dir)
    out: dict[str, dict] = {}
    for part in ("studied", "blind", "all"):
        mine = [r for r in rows if part == "all" or parts_of[r["id"]]["part"] == part]
        absent = [r for r in mine if parts_of[r["id"]]["acceptable_statuses"] == ["not_found"]]
        out[part] = aggregate(mine) | {"absent_asks": len(absent),
                                       "absent_asks_not_found": sum(r["status"] == "not_found" for r in absent)}
    return out


def studied_failures(run_dir: str, bank: Path) -> list[str]:
    """A part-marked bank's failing studied items, one line each (never its blind part)."""
    studied = {row["id"] for row in map(json.loads, bank.read_text(encoding="utf-8").splitlines())
               if row["part"] == "studied"}
    return [f"{r['id']} {r['status']} {r['cited_reference_ids']} want {r['expected_reference_ids']} | {r['question']}"
            for r in load_items(run_dir) if r["id"] in studied
            and (r["scores"]["status_accuracy"] < 1 or r["scores"].get("bibliography_accuracy") == 0)]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--bank" in sys.argv:
        chosen = Path(sys.argv[sys.argv.index("--bank") + 1])
        runs = [a for a in args if a != str(chosen)]
        print(json.dumps({run: bank_parts(run, chosen) for run in runs}, indent=1))
        if "--rows" in sys.argv:
            print("\n".join(studied_failures(runs[-1], chosen)))
    else:
        print(json.dumps(parts(*args[:2]), indent=1))
        if "--rows" in sys.argv:
            print("\n".join(failures(args[0])))
