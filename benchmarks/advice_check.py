"""Score the self-written personal-advice check bank through the whole pipeline: the status each message gets.

    python -m benchmarks.advice_check --stage before   # once, before a change to the personal-advice decision
    python -m benchmarks.advice_check --stage after    # once, after it

Why the whole pipeline and not the gate alone: the boundary that matters is the status a user sees. A
personal ask must come back `personal_advice`; an ordinary question about the same topic (a dose, a test, a
treatment the article describes, a past event, "someone", what doctors do) must come back `answered` or
`not_found`, chit-chat and other subjects `out_of_scope`. eval/data/advice_check.jsonl was written before
the learned personal-advice check (assistant/advice_model.py) was built and is never a training source.
The report keeps one entry per stage with every wrong status, to read, not to tune on.
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
BANKS = {"check": CHECK, "check2": CHECK2}


def read_bank(path: Path = CHECK) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def score(rows: list[dict[str, Any]], ask: Any) -> dict[str, Any]:
    """Status accuracy overall and per side, personal-advice recall and false personal-advice rate."""
    counts: Counter = Counter()
    wrong = []
    for row in rows:
        answer = ask(row["text"])
        side = "personal" if row["label"] == "personal_advice" else "other"
        ok = answer.status in row["statuses"]
        counts.update({f"{side}_n": 1, f"{side}_ok": ok,
                       f"{side}_personal": answer.status == "personal_advice", f"{side}_emergency": answer.status == "emergency"})
        if not ok:
            wrong.append({"text": row["text"], "expected": row["statuses"], "got": answer.status})
    n = counts["personal_n"] + counts["other_n"]
    return {"items": n, "status_accuracy": round((counts["personal_ok"] + counts["other_ok"]) / n, 4),
            "personal_recall": round(counts["personal_personal"] / max(counts["personal_n"], 1), 4),
            "other_status_accuracy": round(counts["other_ok"] / max(counts["other_n"], 1), 4),
            "false_personal_rate": round(counts["other_personal"] / max(counts["other_n"], 1), 4),
            "emergency_any": counts["personal_emergency"] + counts["other_emergency"], "wrong": wrong}


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
