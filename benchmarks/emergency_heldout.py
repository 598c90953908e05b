"""Score the self-written held-out emergency bank once, through the gate as it runs: rules, model, both.

Why a separate bank: it was written (eval/data/emergency_heldout.jsonl, committed first) before the
classifier was trained or its threshold chosen, and nothing was changed after reading its result, so it
measures phrasings the rules and the model never saw. Reported per kind, with every miss and false trigger.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def read_bank(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def _rates(c: Counter) -> dict[str, Any]:
    if c["n"] == 0:
        return {}
    name = "recall" if c["emergency"] else "false_trigger"
    return {"n": c["n"], **{f"{name}_{w}": round(c[w] / c["n"], 4) for w in ("rules", "model", "both")}}


def score_heldout(path: Path, results: Path) -> dict[str, Any]:
    from benchmarks.emergency_classifier import EMBEDDING_MODEL, load_embedder, load_triage

    triage, embedder = load_triage(), load_embedder()
    if triage.emergency_model is None:
        raise SystemExit("no emergency model: run `python -m benchmarks.emergency_classifier train` first")
    cells: dict[str, Counter] = defaultdict(Counter)
    wrong, took = [], []
    for row in read_bank(path):
        started = time.perf_counter()
        triaged = triage.triage(row["text"])
        rules = triaged.verdict.category == "emergency"
        model = triage.recheck(replace_verdict(triaged), embedder.embed_queries, EMBEDDING_MODEL).verdict.category == "emergency"
        took.append(time.perf_counter() - started)
        truth = row["label"] == "emergency"
        side = "emergency" if truth else "none"
        part = [f"{row['part']}:{side}"] if "part" in row else []
        for key in (side, f"{row['label']}:{row['kind']}", *part):
            cells[key].update({"n": 1, "emergency": truth, "rules": rules, "model": model, "both": rules or model})
        if truth != (rules or model):
            wrong.append({"text": row["text"], "label": row["label"], "kind": row["kind"], "rules": rules, "model": model,
                          **({"part": row["part"]} if "part" in row else {})})
    took.sort()
    report = {"benchmark": "emergency_heldout", "bank": str(path.relative_to(path.parents[2])),
              "threshold": triage.emergency_model.threshold,
              "training_sha256": triage.emergency_model.meta.get("training_sha256"),
              "summary": {k: _rates(cells[k]) for k in ("emergency", "none")},
              "by_part": {k: _rates(c) for k, c in sorted(cells.items()) if k.split(":")[0] in ("studied", "blind")},
              "by_kind": {k: _rates(c) for k, c in sorted(cells.items()) if ":" in k},
              "wrong": wrong, "triage_p50_ms": round(1000 * took[len(took) // 2], 1)}
    results.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report["summary"], indent=1))
    if report["by_part"]:
        print(json.dumps(report["by_part"], indent=1))
    for w in wrong:
        if w.get("part") == "blind":  # a blind part is counted, never listed: it is read item by item only at the end
            continue
        print(("MISSED " if w["label"] == "emergency" else "FALSE  ") + w["text"])
    return report


def replace_verdict(triaged: Any) -> Any:
    """The same question as if the rules had found nothing, so the model is scored on its own."""
    from dataclasses import replace

    from assistant.safety import Verdict

    return replace(triaged, verdict=Verdict("none"))
