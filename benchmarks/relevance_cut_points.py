"""The learned relevance cut judged where it acts: the sentences an answer holds when the cut runs, per part.

    PNS_HOME=... python -m benchmarks.relevance_cut_points            # report, and write the chosen threshold
    PNS_HOME=... python -m benchmarks.relevance_cut_points --no-write # report only (results/relevance_cut_points.json)

Why a second measure: benchmarks/train_relevance_cut.py scores every labelled pair, and most of them are sentences
older builds showed that today's composer (its off-topic cut included) no longer shows; what matters is how the
model ranks the sentences still standing when the cut runs, which are the harder ones. Every first-turn item of the
precision banks 2-8 is asked through the real pipeline; at the cut (assistant/enriched_compose._on_topic) each
standing sentence's features, protection and block are recorded, and its hand label looked up. Reported per part:
AUC of the model and of the cosine gap on the labelled standing sentences, and what a block cut at each threshold
would drop (helpful / unhelpful / required), protections honoured or not. The threshold shipped is chosen here, on the
STUDIED part only: the highest one whose cut (protections honoured) drops no helpful studied sentence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.train_relevance_cut import PRECISION_BANKS

RESULTS = Path(__file__).resolve().parent / "results" / "relevance_cut_points.json"
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 15))


def standing_rows() -> list[dict[str, Any]]:
    """One row per answer at the cut: part, and per standing sentence its features, protection, block and label."""
    import assistant.enriched_compose as composer
    from assistant.api import Assistant
    from assistant.off_topic import blocks
    from eval.relevance_pool import clean_sentence, load_pool
    from foundation.settings import Settings

    labels = {(p.item_id, p.sentence): p.helps for p in load_pool(banks=PRECISION_BANKS)}
    seen: list[dict[str, Any]] = []
    original = composer.drop_unhelpful_blocks

    def record(chosen, model, scale, q_terms, enriched, labelled, distinctive, protected=lambda s: False):  # type: ignore[no-untyped-def]
        groups = blocks(chosen, enriched, labelled)
        block = {i: n for n, g in enumerate(groups) for i in g}
        seen.append({"sentences": [
            {"text": clean_sentence(s.sentence.text), "protected": bool(protected(s)), "block": block[i],
             "score": float(s.score),
             "x": scale.features(s.sentence, q_terms, enriched.for_sentence(s.sentence), distinctive(s))}
            for i, s in enumerate(chosen)]})
        return original(chosen, model, scale, q_terms, enriched, labelled, distinctive, protected)

    composer.drop_unhelpful_blocks = record  # type: ignore[assignment]
    try:
        settings = Settings()
        settings.answer.learned_cut = True  # the lever is opt-in: on here, where it is measured
        assistant = Assistant(settings)
        return replay_first_turns(assistant, PRECISION_BANKS, seen, labels)
    finally:
        composer.drop_unhelpful_blocks = original  # type: ignore[assignment]


def replay_first_turns(assistant: Any, banks: tuple[str, ...], seen: list[dict[str, Any]],
                       labels: dict[tuple[str, str], bool]) -> list[dict[str, Any]]:
    """Ask every studied or blind first turn of `banks`; the last answer a hook recorded into `seen` becomes one row,
    each of its sentences marked `required` (a required fact) and `helps` (required, else its hand label or None).
    One loop for every replay of a cut (this module, benchmarks/protection_lobo.py): they differ in the hook only."""
    from eval.relevance_pool import DATA, clean_sentence

    rows = []
    for bank in banks:
        for line in (DATA / f"{bank}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if not item or item.get("history") or item.get("part") not in ("studied", "blind"):
                continue
            seen.clear()
            assistant.ask(item["question"])
            if not seen:
                continue
            required = {clean_sentence(f["quote"]) for f in item.get("required_facts", [])}
            for sentence in seen[-1]["sentences"]:
                sentence["required"] = sentence["text"] in required
                sentence["helps"] = True if sentence["required"] else labels.get((item["id"], sentence["text"]))
            rows.append({"bank": bank, "item": item["id"], "part": item["part"], **seen[-1]})
    return rows


def block_scores(sentences: list[dict[str, Any]], prob: Any) -> tuple[list[float], dict[int, float]]:
    """Each sentence's probability, and each block's best: a block is cut or kept whole, by its best sentence."""
    p = [prob(s["x"]) for s in sentences]
    best: dict[int, float] = {}
    for s, q in zip(sentences, p):
        best[s["block"]] = max(best.get(s["block"], 0.0), q)
    return p, best


def block_drops(rows: list[dict[str, Any]], prob: Any, threshold: float, honour: bool) -> dict[str, int]:
    """What a block cut at `threshold` drops (the best block always stays; protected blocks stay when `honour`)."""
    out = {"helpful": 0, "unhelpful": 0, "unlabelled": 0, "required": 0, "answers_changed": 0}
    for row in rows:
        ss = row["sentences"]
        if len({s["block"] for s in ss}) < 2:
            continue
        p, best = block_scores(ss, prob)
        guarded = {s["block"] for s in ss if s["protected"]} if honour else set()
        top = max(best.values())
        gone = {b for b, q in best.items() if q < threshold and q != top and b not in guarded}
        out["answers_changed"] += bool(gone)
        for s in ss:
            if s["block"] in gone:
                key = "unlabelled" if s["helps"] is None else "helpful" if s["helps"] else "unhelpful"
                out[key] += 1
                out["required"] += s["required"]
    return out


def main(write: bool) -> dict[str, Any]:
    from sklearn.metrics import roc_auc_score

    from assistant.relevance_cut import FEATURES, MODEL_FILE, load_relevance_model

    model = load_relevance_model()
    assert model is not None, "train it first: python -m benchmarks.train_relevance_cut"
    rows = standing_rows()
    report: dict[str, Any] = {}
    for part in ("studied", "blind"):
        mine = [r for r in rows if r["part"] == part]
        flat = [s for r in mine for s in r["sentences"] if s["helps"] is not None]
        y = [s["helps"] for s in flat]
        report[part] = {
            "answers": len(mine), "standing": sum(len(r["sentences"]) for r in mine), "labelled": len(flat),
            "helpful": sum(y), "unprotected_unhelpful": sum(not s["helps"] and not s["protected"] for s in flat),
            "auc_model": round(roc_auc_score(y, [model.probability(s["x"]) for s in flat]), 3),
            "auc_cosine_gap": round(roc_auc_score(y, [s["x"][FEATURES.index("cosine_gap")] for s in flat]), 3),
            "cut": {str(t): {"protected_kept": block_drops(mine, model.probability, t, True),
                             "unprotected": block_drops(mine, model.probability, t, False)} for t in THRESHOLDS}}
    studied = report["studied"]["cut"]
    report["threshold"] = max((float(t) for t, v in studied.items()
                               if v["protected_kept"]["helpful"] == 0 and v["protected_kept"]["unhelpful"] > 0),
                              default=0.0)
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if write:
        doc = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        doc["threshold"] = report["threshold"]
        doc["threshold_chosen_by"] = "benchmarks/relevance_cut_points.py: highest dropping no helpful studied sentence"
        MODEL_FILE.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    import sys

    result = main("--no-write" not in sys.argv[1:])
    print("threshold", result.pop("threshold"))
    for part, r in result.items():
        print(part, {k: v for k, v in r.items() if k != "cut"})
        for t, v in r["cut"].items():
            print("  ", t, v["protected_kept"], v["unprotected"])
