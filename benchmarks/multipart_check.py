"""Multi-part and list questions: is every part answered, and every list item shown?

Why beside key-fact recall: recall averages over facts, so an answer that shows a seven-bullet list in full and
skips the question's second half still scores 0.8. Per part, a part counts as answered when at least one of its
facts is shown; a list part's items are counted one by one. The bank's note names which part each fact answers
("fact parts: 1,1,2" or "1/2" for a fact answering both), which parts are lists and which the article does not
answer. Runs of `pns eval run --evalset eval/data/multipart_check.jsonl --judge none --no-ragas --out DIR` are read.

    python -m benchmarks.multipart_check RUN_DIR [eval/data/multipart_check.jsonl] [studied|blind]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.keyfact_check import normalise_quote, shown_quotes
from benchmarks.measure import report_items

BANK = Path("eval/data/multipart_check.jsonl")
PREFIX = 50


def _field(note: str, name: str) -> str:
    match = re.search(rf"{name}: ([^;]*)", note)
    return match.group(1).strip() if match else "-"


def bank_items(bank: Path) -> dict[str, dict[str, Any]]:
    """Item id -> its facts, each with the parts it answers, its list parts and its unanswered parts."""
    out: dict[str, dict[str, Any]] = {}
    for line in bank.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        note = item["note"]
        fact_parts = [set(map(int, p.split("/"))) for p in _field(note, "fact parts").split(",") if p and p != "-"]
        numbers = lambda name: {int(p) for p in _field(note, name).split(",") if p != "-"}  # noqa: E731
        out[item["id"]] = {"facts": [f["quote"] for f in item["required_facts"]], "fact_parts": fact_parts,
                           "parts": int(_field(note, "parts")), "lists": numbers("list parts"),
                           "unanswered": numbers("unanswered parts"), "statuses": item["acceptable_statuses"]}
    return out


def shown(fact: str, answer: str) -> bool:
    """Whether the answer's body shows the fact (its first characters, as the key-fact scorers match)."""
    body = " ".join(normalise_quote(q) for q in shown_quotes(answer))
    return normalise_quote(fact)[:PREFIX] in body


def score_item(spec: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """Per item: every answerable part answered, list items shown / wanted, quotes shown."""
    answer = row["answer"] if row["status"] == "answered" else ""
    present = [shown(f, answer) for f in spec["facts"]]
    answerable = [p for p in range(1, spec["parts"] + 1) if p not in spec["unanswered"]]
    answered = {p: any(ok for ok, parts in zip(present, spec["fact_parts"]) if p in parts) for p in answerable}
    list_facts = [ok for ok, parts in zip(present, spec["fact_parts"]) if parts & spec["lists"]]
    return {"every_part": all(answered.values()) if answerable else None, "list_shown": sum(list_facts),
            "list_wanted": len(list_facts), "quotes": len(shown_quotes(answer)) if answer else None,
            "status_ok": row["status"] in spec["statuses"], "missed_parts": [p for p, ok in answered.items() if not ok]}


def score_run(run_dir: str, bank: Path = BANK, part: str | None = None) -> dict[str, Any]:
    """The bank's numbers for one run (optionally one part: ids multi-studied-NNN / multi-blind-NNN)."""
    specs = bank_items(bank)
    rows = [r for r in report_items(run_dir) if r["id"] in specs and (part is None or f"-{part}-" in r["id"])]
    scored = [score_item(specs[r["id"]], r) for r in rows]
    recalls = [r["scores"]["key_fact_recall"] for r in rows
               if isinstance(r["scores"], dict) and r["scores"].get("key_fact_recall") is not None]
    every = [s["every_part"] for s in scored if s["every_part"] is not None]
    quotes = [s["quotes"] for s in scored if s["quotes"] is not None]
    wanted = sum(s["list_wanted"] for s in scored)
    return {"items": len(rows), "key_fact_recall": round(sum(recalls) / max(len(recalls), 1), 3),
            "every_part_answered": round(sum(every) / max(len(every), 1), 3),
            "list_items_covered": round(sum(s["list_shown"] for s in scored) / max(wanted, 1), 3),
            "quotes_per_answer": round(sum(quotes) / max(len(quotes), 1), 2),
            "status_accuracy": round(sum(s["status_ok"] for s in scored) / max(len(scored), 1), 3)}


if __name__ == "__main__":
    bank_path = Path(sys.argv[2]) if len(sys.argv) > 2 else BANK
    print(json.dumps(score_run(sys.argv[1], bank_path, sys.argv[3] if len(sys.argv) > 3 else None)))
