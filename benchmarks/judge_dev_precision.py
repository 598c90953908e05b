"""Answer precision on the dev split under the v1 judge (JSON true/false) and the v2 judge (rubric, P(yes)).

    python -m benchmarks.judge_dev_precision collect   # answers dev (this worktree's code) -> PNS_HOME/bench/dev-sentences.json
    python -m benchmarks.judge_dev_precision score     # both judges' probabilities into the variants cache
    python -m benchmarks.judge_dev_precision report    # -> benchmarks/results/judge_dev_precision.json

Why not `pns eval run --judge offline`: that also runs the judge's ALCE entailment on every statement (long
prompts, minutes each on the shared cores). The sentences judged here are the eval's own (`split_statements` of
the answered body without its reference list, earlier user questions shown to the judge); the value is the
eval's: the mean over answered items of the share of sentences judged helpful.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.judge_variants import RESULTS, ProbabilityCache, load_judge_llm, prompt_of, score_pairs
from benchmarks.judge_rubric import RELEVANCE_SHOTS
from eval.relevance_pool import LabelledPair

CHUNK = 8
JUDGES = {"v1 (JSON true/false)": ("v1-json", 0.5), "v2 (rubric, P(yes) >= 0.5)": ("rubric-fewshot", 0.5)}


def sentences_path(home: Path) -> Path:
    return home / "bench" / "dev-sentences.json"


def collect() -> None:
    from assistant.api import Assistant
    from benchmarks.answer_metrics import load_items
    from eval.metrics.alce import claim_text, split_statements
    from foundation.settings import Settings

    settings = Settings()
    assistant = Assistant(settings)
    rows = []
    for item in load_items("dev"):
        history = item.get("history") or []
        answer = assistant.ask(item["question"], history=history)
        if answer.status != "answered":
            continue
        sentences = [s.text for s in split_statements(claim_text(answer.body))]
        earlier = [t["content"] for t in history if t["role"] == "user"]
        rows.append({"id": item["id"], "question": item["question"], "earlier": earlier, "sentences": sentences})
    sentences_path(settings.home).parent.mkdir(parents=True, exist_ok=True)
    sentences_path(settings.home).write_text(json.dumps(rows, indent=1))
    print(len(rows), "answered,", sum(len(r["sentences"]) for r in rows), "sentences")


def pairs_of(rows: list[dict]) -> list[list[LabelledPair]]:
    return [[LabelledPair("dev", r["id"], r["question"], s, False, tuple(r["earlier"])) for s in r["sentences"]]
            for r in rows]


def main(command: str) -> None:
    if command == "collect":
        return collect()
    from foundation.settings import Settings

    settings = Settings()
    rows = json.loads(sentences_path(settings.home).read_text())
    cache = ProbabilityCache(settings.home / "bench" / "judge-variants.json")
    if command == "score":
        _, llm = load_judge_llm()
        items = pairs_of(rows)
        for start in range(0, len(items), CHUNK):  # both judges chunk by chunk: a cut-short run still pairs them
            for variant, _ in reversed(JUDGES.values()):
                score_pairs(llm, cache, variant, [p for ps in items[start:start + CHUNK] for p in ps], f"dev {start}")
        llm.close()
        return
    model = settings.eval.judge_model_path.stem
    out = {"items": len(rows), "sentences": sum(len(r["sentences"]) for r in rows)}
    def probabilities(variant: str, pairs: list[LabelledPair]) -> list[float | None]:
        return [cache.data.get(cache.key(model, variant, prompt_of(variant, p, RELEVANCE_SHOTS))) for p in pairs]

    # Items both judges scored (a run cut short covers a prefix of dev's answered items, the same for both).
    both = [ps for ps in pairs_of(rows) if ps and all(p is not None for v, _ in JUDGES.values() for p in probabilities(v, ps))]
    out["items_scored"] = len(both)
    for name, (variant, cut) in JUDGES.items():
        shares = [sum(p >= cut for p in probabilities(variant, ps)) / len(ps) for ps in both]
        failed = sum(p < 0 for ps in both for p in probabilities(variant, ps))
        out[name] = {"answer_precision": round(sum(shares) / len(shares), 4) if shares else None, "n": len(shares),
                     "unreadable_replies": failed}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "judge_dev_precision.json").write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
