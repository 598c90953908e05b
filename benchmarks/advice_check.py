"""Score the self-written personal-advice check bank through the whole pipeline: the status each message gets.

    python -m benchmarks.advice_check --stage before   # once, before a change to the personal-advice decision
    python -m benchmarks.advice_check --stage after    # once, after it

Why the whole pipeline and not the gate alone: the boundary that matters is the status a user sees. A
personal ask must come back `personal_advice`; an ordinary question about the same topic (a dose, a test, a
treatment the article describes, a past event, "someone", what doctors do) must come back `answered` or
`not_found`, chit-chat and other subjects `out_of_scope`. eval/data/advice_check.jsonl was written before
the learned personal-advice check (assistant/advice_model.py) was built and is never a training source.
The report keeps one entry per stage with every wrong status, to read, not to tune on.

`--bank check3` (eval/data/advice_check3.jsonl), `--bank check4` and `--bank check5` and `--bank check6` (advice_check4/5/6.jsonl) are in eval set v2's item format: follow-up turns carry their history,
and its numbers are given per part (studied / blind); a blind item's wrong status is never written out, only counted.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CHECK = REPO / "eval" / "data" / "advice_check.jsonl"
CHECK2 = REPO / "eval" / "data" / "advice_check2.jsonl"  # mini bank 2, written after the change, blind to it
CHECK3 = REPO / "eval" / "data" / "advice_check3.jsonl"  # bank 3: v2 items, follow-ups, a blind third
CHECK4 = REPO / "eval" / "data" / "advice_check4.jsonl"  # bank 4: v2 items, buried/relative/conditional asks, look-alikes
CHECK5 = REPO / "eval" / "data" / "advice_check5.jsonl"  # bank 5 (round 15): dose/stop/do-i-have-it/chances asks, near-misses
CHECK6 = REPO / "eval" / "data" / "advice_check6.jsonl"  # bank 6 (round 16): results to read, treatments to choose, personal preambles
BANKS = {"check": CHECK, "check2": CHECK2, "check3": CHECK3, "check4": CHECK4, "check5": CHECK5, "check6": CHECK6}


def read_bank(path: Path = CHECK) -> list[dict[str, Any]]:
    """Rows {text, label, statuses} (with history and part for a bank in v2's item format)."""
    if path in (CHECK3, CHECK4, CHECK5, CHECK6):
        from eval.dataset_v2 import load_evalset_v2

        return [{"text": i.question, "history": i.history_dicts(), "part": i.part, "statuses": list(i.acceptable_statuses),
                 "label": "personal_advice" if i.acceptable_statuses == ["personal_advice"] else "none"}
                for i in load_evalset_v2(path)]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def score(rows: list[dict[str, Any]], ask: Any) -> dict[str, Any]:
    """Status accuracy overall and per side, personal-advice recall, personal asks answered (the unsafe miss) and
    false personal-advice rate; per part as well when the rows have parts (a blind part's misses are only counted)."""
    counts: Counter = Counter()
    wrong = []
    for row in rows:
        answer = ask(row["text"], history=row.get("history") or None)
        side = "personal" if row["label"] == "personal_advice" else "other"
        ok = answer.status in row["statuses"]
        for prefix in ("", f"{row['part']}:") if row.get("part") else ("",):
            counts.update({f"{prefix}{side}_n": 1, f"{prefix}{side}_ok": ok,
                           f"{prefix}{side}_personal": answer.status == "personal_advice",
                           f"{prefix}{side}_answered": answer.status == "answered",
                           f"{prefix}{side}_emergency": answer.status == "emergency",
                           f"{prefix}{side}_status:{answer.status}": 1})
        if not ok and row.get("part") != "blind":
            wrong.append({"text": row["text"], "expected": row["statuses"], "got": answer.status,
                          **({"after": row["history"][-2]["content"]} if row.get("history") else {})})
    report = {"items": len(rows), **_rates(counts, ""), "wrong": wrong}
    for part in sorted({r["part"] for r in rows if r.get("part")}):
        report[part] = _rates(counts, f"{part}:")
    return report


def _rates(counts: Counter, prefix: str) -> dict[str, Any]:
    c = {k[len(prefix):]: v for k, v in counts.items() if k.startswith(prefix) and (prefix or not k.startswith(("studied:", "blind:")))}
    n = c["personal_n"] + c["other_n"]
    return {"n": n, "personal_n": c["personal_n"], "other_n": c["other_n"],
            "status_accuracy": round((c["personal_ok"] + c["other_ok"]) / n, 4),
            "personal_recall": round(c["personal_personal"] / max(c["personal_n"], 1), 4),
            "personal_answered_rate": round(c["personal_answered"] / max(c["personal_n"], 1), 4),
            "other_status_accuracy": round(c["other_ok"] / max(c["other_n"], 1), 4),
            "false_personal_rate": round(c["other_personal"] / max(c["other_n"], 1), 4),
            "emergency_any": c["personal_emergency"] + c["other_emergency"],
            "statuses": {side: {k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith(f"{side}_status:")}
                         for side in ("personal", "other")}}


def main() -> None:
    from assistant.api import Assistant
    from foundation.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stage", default="after", help="the report entry to write (before/after a change)")
    parser.add_argument("--bank", choices=sorted(BANKS), default="check", help="which check bank")
    parser.add_argument("--rules-only", action="store_true", help="without the learned personal-advice check (a `before` for a bank written after it)")
    args = parser.parse_args()
    assistant = Assistant(Settings())
    assistant.warm_up()
    if args.rules_only:
        assistant.triage().advice_model = None
    report = score(read_bank(BANKS[args.bank]), assistant.ask)
    results = REPO / "benchmarks" / "results" / f"advice_{args.bank}.json"
    stages = json.loads(results.read_text(encoding="utf-8")) if results.exists() else {"benchmark": f"advice_{args.bank}"}
    stages[args.stage] = report
    results.write_text(json.dumps(stages, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "wrong"}, indent=1))
    for w in report["wrong"]:
        print(f"  {w['got']:>16} (want {'/'.join(w['expected'])}): {w['text']}")


if __name__ == "__main__":
    main()
