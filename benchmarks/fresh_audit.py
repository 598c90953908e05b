"""Hand-judged answer precision on the self-written audit bank (eval/data/fresh_audit.jsonl), before vs after.

Why a script beside the hand labels: the labels (benchmarks/results/fresh_audit_labels.json) say, for each audit
question, which shown sentences help answer it (judged by hand, keyed by the sentence's first 60 characters), so
a later run is scored against the same judgements. A sentence no label covers is reported as unjudged, not
guessed. An answer given to a question the article cannot answer counts every shown sentence as off-topic.

    python -m benchmarks.fresh_audit BEFORE_RUN_DIR AFTER_RUN_DIR   # dirs written by `pns eval run --out`
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from benchmarks.measure import report_items as load_items

LABELS = Path(__file__).parent / "results" / "fresh_audit_labels.json"
NOTE = "The article lists no bibliography entry"  # a related-references line, not an answer sentence
_MARKER = re.compile(r"\[(\d+)\]")



def judge_item(item: dict, labels: dict[str, dict[str, bool]]) -> dict:
    """Shown sentences, off-topic ones and unjudged ones of one answer."""
    shown = off = unjudged = 0
    if item["status"] == "answered" and "answered" not in item["acceptable_statuses"]:
        shown = off = len(set(_MARKER.findall(item["answer"].split("\n\n---")[0])))
    elif item["status"] == "answered":
        statements = [d["statement"][:60] for d in (item.get("citation") or {}).get("details", [])]
        statements = [s for s in statements if not s.startswith(NOTE)]
        if statements and re.match(r"^[A-Z][a-z]+, [A-Z]\.$", statements[0]):  # a bibliography entry, split apart
            statements = statements[:1]
        mine = labels.get(item["id"], {})
        for s in statements:
            shown += 1
            if s not in mine:
                unjudged += 1
            elif not mine[s]:
                off += 1
    details = item.get("details") or {}
    return {"question": item["question"], "status": item["status"], "ok": item["status_ok"], "shown": shown,
            "off": off, "unjudged": unjudged, "missing": len(details.get("missing_facts", [])),
            "recall": (item.get("scores") or {}).get("key_fact_recall")}


def summary(rows: dict[str, dict]) -> dict[str, float]:
    """Pooled and per-answer hand precision, answers with an off-topic sentence, status and key-fact recall."""
    shown = sum(r["shown"] for r in rows.values())
    off = sum(r["off"] for r in rows.values())
    per = [1 - r["off"] / r["shown"] for r in rows.values() if r["shown"]]
    recall = [r["recall"] for r in rows.values() if r["recall"] is not None]
    return {"shown": shown, "off_topic": off, "unjudged": sum(r["unjudged"] for r in rows.values()),
            "precision_pooled": round((shown - off) / shown, 3) if shown else 0.0,
            "precision_per_answer": round(sum(per) / len(per), 3) if per else 0.0,
            "answers_with_off_topic": sum(1 for r in rows.values() if r["off"]),
            "status_ok": sum(r["ok"] for r in rows.values()), "items": len(rows),
            "key_fact_recall": round(sum(recall) / len(recall), 3) if recall else 0.0}


def main(before_dir: str, after_dir: str) -> None:
    labels = json.loads(LABELS.read_text())
    before = {i["id"]: judge_item(i, labels) for i in load_items(before_dir)}
    after = {i["id"]: judge_item(i, labels) for i in load_items(after_dir)}
    print("| id | question | status before -> after | shown | off-topic | missing facts |")
    print("|---|---|---|---|---|---|")
    for key, b in before.items():
        a = after[key]
        mark = lambda r: r["status"] + ("" if r["ok"] else " ✗")  # noqa: E731
        print(f"| {key} | {b['question']} | {mark(b)} -> {mark(a)} | {b['shown']} -> {a['shown']} | "
              f"{b['off']} -> {a['off']} | {b['missing']} -> {a['missing']} |")
    print(json.dumps({"before": summary(before), "after": summary(after)}, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:3])
