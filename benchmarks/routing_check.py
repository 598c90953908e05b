"""Routing check bank, scored by part: status, bibliography and key-fact numbers, quotes per answer, wrong lookups.

Why a separate script: eval/data/routing_check.jsonl (self-written) mixes article questions that use a
bibliography word, real bibliography questions, questions that say kinds/types/all/list without asking for a
whole list, and definitions with typos; a routing change can trade one kind for another, so every number is
given per part ("studied", "blind") and per kind. For the blind part only aggregates are printed (never its rows).

    python -m benchmarks.routing_check RUN_DIR [--rows]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.bibliography_check import aggregate
from benchmarks.keyfact_check import is_required, shown_quotes
from benchmarks.measure import report_items as load_items

BANK = Path("eval/data/routing_check.jsonl")


def _bank() -> list[dict]:
    return [json.loads(line) for line in BANK.read_text(encoding="utf-8").splitlines() if line.strip()]


def _kinds() -> dict[str, str]:
    """Item id -> the kind its note names."""
    return {r["id"]: r["note"].split("kind: ")[1].split(";")[0] for r in _bank()}


def _quotes(rows: list[dict]) -> dict[str, float | None]:
    """Quotes per answered article item and the share of them that are required facts."""
    wanted = {r["id"]: [f["quote"] for f in r["required_facts"]] for r in _bank()}
    shown = required = answered = 0
    for r in rows:
        facts = wanted.get(r["id"]) or []
        if r["status"] != "answered" or not facts:
            continue
        quotes = shown_quotes(r["answer"])
        answered += 1
        shown += len(quotes)
        required += sum(is_required(q, facts) for q in quotes)
    return {"quotes_per_answer": round(shown / answered, 2) if answered else None,
            "required_share": round(required / shown, 3) if shown else None}


def score(run_dir: str) -> dict[str, dict]:
    """Aggregates per part and, inside each part, per kind."""
    kinds = _kinds()
    rows = [r for r in load_items(run_dir) if r["id"] in kinds]
    out: dict[str, dict] = {}
    for part in ("studied", "blind"):
        mine = [r for r in rows if f"-{part}-" in r["id"]]
        out[part] = {**aggregate(mine), **_quotes(mine)}
        for kind in sorted({kinds[r["id"]] for r in mine}):
            sub = [r for r in mine if kinds[r["id"]] == kind]
            out[f"{part}/{kind}"] = {**aggregate(sub), **_quotes(sub)}
    return out


def failures(run_dir: str) -> list[str]:
    """The studied part's misses, one line each (never the blind part's)."""
    kinds = _kinds()
    lines = []
    for r in sorted(load_items(run_dir), key=lambda r: r["id"]):
        if "-studied-" not in r["id"] or r["id"] not in kinds:
            continue
        s = r["scores"]
        if s["status_accuracy"] < 1 or s.get("bibliography_accuracy") == 0 or (s.get("key_fact_recall") if s.get("key_fact_recall") is not None else 1) < 1:
            lines.append(f"{r['id']} [{kinds[r['id']]}] {r['status']} kf={s.get('key_fact_recall')} "
                         f"refs={r['cited_reference_ids']} ctx={r['context_ids'][:3]} quotes={len(shown_quotes(r['answer']))} | {r['question']}")
    return lines


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(json.dumps(score(args[0]), indent=1))
    if "--rows" in sys.argv:
        print("\n".join(failures(args[0])))
