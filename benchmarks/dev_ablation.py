"""Each enrichment lever on and off, measured on the dev split of eval set v2 (never the test split).

    python -m benchmarks.dev_ablation [--configs before,all,...] [--judge] [--out benchmarks/results/dev_ablation.json]

A configuration is a set of settings.answer overrides; `before` switches every lever off (the extractive
answerer as it was before enrichment), `default` is the shipped setting, `-X` is the default with lever X
off, `+X` is `before` with only lever X on, `all` switches every lever on.
Answers are written under HOME/bench so `--judge` (the local model's answer-precision judgement,
cached) can score them afterwards without asking again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex, RelevanceJudge, load_items
from assistant.parts import ENRICHMENT_LEVERS
from benchmarks.answer_runs import ask_items, score_rows

# the enrichment's levers, then those that act inside the enriched composer or beside it
LEVERS = (*ENRICHMENT_LEVERS, "focused_answers", "second_embedder")
RESULTS = Path(__file__).resolve().parent / "results"


def default_levers() -> dict[str, bool]:
    from foundation.settings import AnswerSettings

    return {lever: bool(AnswerSettings.model_fields[lever].default) for lever in LEVERS}


def config(name: str) -> dict[str, Any]:
    if name == "before":
        return {lever: False for lever in LEVERS}
    if name == "all":
        return {lever: True for lever in LEVERS}
    if name == "default":
        return default_levers()
    if name.startswith("-") and name[1:] in LEVERS:
        return {**default_levers(), name[1:]: False}
    if name.startswith("+") and name[1:] in LEVERS:
        return {lever: lever == name[1:] for lever in LEVERS}
    raise SystemExit(f"unknown configuration {name!r}: before, default, all, -LEVER, +LEVER ({', '.join(LEVERS)})")


def run(names: list[str], split: str, judge: bool, out: Path, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    from assistant.api import Assistant
    from corpus.corpus import Corpus
    from foundation.settings import Settings

    base = Settings()
    corpus = Corpus.load(base)
    index = ArticleIndex.load(corpus.article)
    items = load_items(split)
    results: dict[str, Any] = json.loads(out.read_text()) if out.is_file() else {}
    judge_obj = None
    if judge:
        from foundation.llm import load_llm

        judge_obj = RelevanceJudge(load_llm(base.llm, home=base.home), base.home / "bench" / "relevance-judge.json")
    for name in names:
        settings = base.override(answer={**config(name), **(extra or {})})
        answers_file = base.home / "bench" / f"{out.stem}.{split}.{name}.answers.json"
        answers_file.parent.mkdir(parents=True, exist_ok=True)
        if judge and answers_file.is_file():
            rows = json.loads(answers_file.read_text())
        else:
            assistant = Assistant(settings)
            assistant.warm_up()
            rows = ask_items(lambda q, h: assistant.ask(q, history=h), items, index)
            answers_file.write_text(json.dumps(rows, indent=1, ensure_ascii=False))
        results[name] = {"levers": config(name), "split": split, **score_rows(rows, items, corpus.article, index)}
        if judge_obj is not None:  # the judge needs seconds per sentence: the dev sample select_threshold uses
            from benchmarks.answer_modes import subset
            from benchmarks.select_threshold import DEV_SUBSET

            pool = [i for i in items if set(i["acceptable_statuses"]) <= {"answered", "not_found"}]
            keep = set(subset(pool, DEV_SUBSET, seed=13))
            judged = score_rows([r for r in rows if r["id"] in keep], items, corpus.article, index, judge_obj)
            results[name]["judged_sample"] = {k: judged[k] for k in ("items", "answered", "answer_precision",
                                                                      "judged_sentences", "key_fact_recall")}
        print(json.dumps({name: results[name]}), flush=True)
    out.write_text(json.dumps(results, indent=1))
    return results


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--configs", default="before,default")
    p.add_argument("--split", default="dev", choices=["dev"])  # the test split is for benchmarks/answer_modes.py only
    p.add_argument("--judge", action="store_true", help="also score answer precision with the local model (slow)")
    p.add_argument("--out", type=Path, default=RESULTS / "dev_ablation.json")
    p.add_argument("--set", action="append", default=[], help="extra settings.answer override for every config: KEY=VALUE")
    args = p.parse_args()
    extra = {k: float(v) for k, v in (s.split("=", 1) for s in args.set)}
    run(args.configs.split(","), args.split, args.judge, args.out, extra)


if __name__ == "__main__":
    main()
