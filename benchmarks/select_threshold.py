"""Choose llm-select's threshold on the DEV split: ask once, then replay every threshold from the cache.

    python -m benchmarks.select_threshold [--thresholds 0.3,0.4,...] [--judge]

The local model's P(yes) for each (question, candidate) is asked once and kept in HOME/bench/select-cache.json,
so each threshold is a replay in seconds. Reported per threshold: key-fact recall, abstention accuracy and
(with --judge) answer precision; the threshold kept is the one with the best key-fact recall among those whose
answer precision reaches the target (benchmarks/results/select_threshold.json).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex, RelevanceJudge, load_items
from benchmarks.answer_runs import ask_items, score_rows

RESULTS = Path(__file__).resolve().parent / "results"
PRECISION_TARGET = 0.9
DEV_SUBSET = 40


class CachedLLM:
    """Wraps a foundation.llm model: yes_probability answers are remembered on disk (benchmark replays only)."""

    def __init__(self, llm: Any, path: Path) -> None:
        self.llm, self.path = llm, path
        self.backend, self.model = llm.backend, llm.model
        self.cache: dict[str, float] = json.loads(path.read_text()) if path.is_file() else {}

    def warm_up(self) -> None:
        self.llm.warm_up()

    def yes_probability(self, prompt: str) -> float:
        key = hashlib.sha256(f"{self.model}\n{prompt}".encode()).hexdigest()
        if key not in self.cache:
            self.cache[key] = self.llm.yes_probability(prompt)
            if len(self.cache) % 20 == 0:
                self.save()
        return self.cache[key]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.cache))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.llm, name)


def main() -> None:
    from assistant.api import Assistant
    from corpus.corpus import Corpus
    from foundation.llm import load_llm
    from foundation.settings import Settings

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--thresholds", default="0.7,0.75,0.8,0.85,0.9,0.93")
    p.add_argument("--judge", action="store_true")
    args = p.parse_args()
    base = Settings()
    corpus = Corpus.load(base)
    index = ArticleIndex.load(corpus.article)
    from benchmarks.answer_modes import subset

    items = [i for i in load_items("dev") if set(i["acceptable_statuses"]) <= {"answered", "not_found"}]
    keep = set(subset(items, DEV_SUBSET, seed=13))  # seconds per question on 2 cores: a stratified dev sample
    items = [i for i in items if i["id"] in keep]
    llm = load_llm(base.llm, home=base.home)
    cached = CachedLLM(llm, base.home / "bench" / "select-cache.json")
    judge = RelevanceJudge(llm, base.home / "bench" / "relevance-judge.json") if args.judge else None
    results: dict[str, Any] = {"split": "dev", "items": len(items), "model": llm.model, "thresholds": {}}
    for t in [float(x) for x in args.thresholds.split(",")]:
        assistant = Assistant(base.override(answer={"answerer": "llm-select", "select_threshold": t}), llm=cached)
        rows = ask_items(lambda q, h: assistant.ask(q, history=h), items, index)
        cached.save()
        results["thresholds"][str(t)] = score_rows(rows, items, corpus.article, index, judge)
        print(json.dumps({t: results["thresholds"][str(t)]}), flush=True)
    ok = {t: r for t, r in results["thresholds"].items() if (r["answer_precision"] or 0) >= PRECISION_TARGET} or results["thresholds"]
    results["chosen"] = max(ok, key=lambda t: (ok[t]["key_fact_recall"] or 0, ok[t]["abstention"]["accuracy"]))
    (RESULTS / "select_threshold.json").write_text(json.dumps(results, indent=1) + "\n")
    print("chosen", results["chosen"])


if __name__ == "__main__":
    main()
