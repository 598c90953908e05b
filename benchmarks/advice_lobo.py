"""Leave-one-bank-out validation of the learned personal-advice check's training rows, through the whole pipeline.

    python -m benchmarks.advice_lobo                                   # -> benchmarks/results/advice_lobo.json
    python -m benchmarks.advice_lobo --variant look-alikes --skip-base  # -> advice_lobo_look-alikes.json

Why: round 15 asked whether to train the advice model on the studied parts of the check banks advice_check{3,4,5}.jsonl
(benchmarks/advice_data.py). A bank trained on can no longer say whether the model generalises, and a blind part
is a third of one bank; so each of those banks is held out in turn: a model trained on the self-written bank, the
other sources and the OTHER banks' studied parts answers every item of the held-out bank (both parts), and is
compared with the model trained without any check bank ("base", what the shipped model was trained on). The
banks never trained on (advice_check.jsonl, advice_check2.jsonl) are answered by the model trained on all three.
Each bank is scored as benchmarks/advice_check.py scores it (the status the user sees, rules and model together).

The sentence vectors are computed once for every row (benchmarks/emergency_classifier.prepare); each model is fitted
on its rows' pieces with the shipped threshold rule's values (threshold and gate as `advice_classifier train` chose:
held fixed here, so the rows are all that differs), one thread in every native pool.

Round 15's answer (both reports): adding the banks' studied rows left check3, check and check2 unchanged, cost check4
three items (blind 0.900 -> 0.833, two new false declines) and gained check5 one blind item; the look-alikes alone cost
check3 one blind personal ask and gained check5 one. No gain generalises, so the shipped weights train on no bank.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.advice_check import BANKS, read_bank, score
from benchmarks.advice_data import STUDIED_BANKS, training_rows

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "advice_lobo.json"
NEVER_TRAINED = ("check", "check2")  # advice_check.jsonl, advice_check2.jsonl
KEYS = ("n", "status_accuracy", "personal_recall", "other_status_accuracy", "false_personal_rate")


def rows_without(data: dict[str, Any], stems: set[str], asks_from: set[str] | None = None) -> dict[str, Any]:
    """`data` (from emergency_classifier.prepare) restricted to the rows not drawn from the banks named by `stems`
    (and, when `asks_from` is given, to none of the personal asks of the banks it names: their look-alikes only):
    the embedded pieces are shared, only which rows teach changes."""
    def kept(r: Any) -> bool:
        bank = r.group.split(":")[0]
        return bank not in stems and not (asks_from is not None and bank in asks_from and r.label != "none")

    keep = {i for i, r in enumerate(data["rows"]) if kept(r)}
    return {**data, "base": [r for r in data["base"] if kept(r)],
            "piece_rows": [p for p in data["piece_rows"] if p[0] in keep]}


def fit_to(data: dict[str, Any], path: Path, threshold: float, min_similarity: float) -> None:
    """Fit on `data`'s pieces and write the weights the product loads (no CV: the threshold rule's values held fixed)."""
    from benchmarks import emergency_classifier as ec
    from benchmarks.advice_classifier import KINDS

    ec.save_model(data, threshold, min_similarity, {"all": {}, "ordinary negatives": {}}, path, kinds=KINDS)


def run(variant: str = "all", skip_base: bool = False) -> dict[str, Any]:
    """`variant`: "all" (each bank's studied asks and look-alikes) or "look-alikes" (its look-alikes only)."""
    from assistant.advice_model import MODEL_FILE, load_advice_model
    from assistant.api import Assistant
    from benchmarks import emergency_classifier as ec
    from benchmarks.reproducible_weights import single_threaded
    from foundation.settings import Settings

    shipped = load_advice_model(MODEL_FILE)
    threshold, gate = shipped.threshold, shipped.min_similarity
    stems = {path.stem for path in STUDIED_BANKS}
    bank_of = {path.stem: name for name, path in BANKS.items()}
    with single_threaded():
        data = ec.prepare(training_rows(STUDIED_BANKS), category="personal_advice")
    assistant = Assistant(Settings())
    assistant.warm_up()
    triage = assistant.triage()
    report: dict[str, Any] = {"benchmark": "advice_lobo", "threshold": threshold, "min_similarity": gate, "banks": {}}

    asks_from = stems if variant == "look-alikes" else None
    report["variant"] = variant

    models: dict[frozenset[str], Any] = {}

    def model_without(excluded: set[str]) -> Any:
        """The model trained without `excluded`'s rows, fitted once (the base model answers every bank)."""
        key = frozenset(excluded)
        if key not in models:
            with tempfile.TemporaryDirectory() as tmp, single_threaded():
                path = Path(tmp) / "advice_model.npz"
                fit_to(rows_without(data, excluded, asks_from), path, threshold, gate)
                models[key] = load_advice_model(path)
        return models[key]

    def answer(excluded: set[str], bank: str) -> dict[str, Any]:
        triage.advice_model = model_without(excluded)
        result = score(read_bank(BANKS[bank]), assistant.ask)
        return {part: {k: result[part][k] for k in KEYS} for part in ("studied", "blind") if part in result} or \
            {"all": {k: result[k] for k in KEYS}}

    for stem in sorted(stems):
        bank = bank_of[stem]
        report["banks"][bank] = {**({} if skip_base else {"base": answer(stems, bank)}), "left_out": answer({stem}, bank)}
        print(bank, json.dumps(report["banks"][bank]), flush=True)
    for bank in NEVER_TRAINED:
        report["banks"][bank] = {**({} if skip_base else {"base": answer(stems, bank)}), "all_banks": answer(set(), bank)}
        print(bank, json.dumps(report["banks"][bank]), flush=True)
    return report


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", choices=("all", "look-alikes"), default="all")
    parser.add_argument("--skip-base", action="store_true", help="only the left-out models (base already reported)")
    args = parser.parse_args()
    report = run(args.variant, args.skip_base)
    results = RESULTS.with_name(f"advice_lobo_{args.variant}.json") if args.variant != "all" else RESULTS
    results.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"report -> {results}")


if __name__ == "__main__":
    main()
