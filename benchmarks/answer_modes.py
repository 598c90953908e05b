"""Answer modes side by side on the TEST split of eval set v2 (run once, at the end; nothing is tuned here).

    python -m benchmarks.answer_modes                      # all four modes, each in its own process
    python -m benchmarks.answer_modes --mode llm-select    # one mode (what the parent runs per mode)

Modes: extractive-before (every enrichment lever off: the extractive answerer as it was), extractive-enriched
(the default), llm-select (the local model judges each candidate sentence) and the peer, llama-index's
CitationQueryEngine with the same local model (benchmarks/citation_peer.py).

Items: the test items that should answer or abstain (acceptable statuses within {answered, not_found}); the
safety, language and scope items are the triage's, and the peer has no triage. The two LLM modes take seconds
to a minute per question on 2 CPU cores, so they run on a fixed stratified subset (SUBSET items, seed 12);
the extractive modes run on every item and are also reported on that subset.

Faithfulness and citation precision: a verbatim answer is checked in code (each cited quote is the article's
text at its offsets, and each shown sentence is a cited quote); the peer's generated sentences are judged by
the local model (is the sentence supported by the passages it cites?). Answer precision is judged for every mode
by the same local model (benchmarks/answer_metrics.py). RSS is the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex, RelevanceJudge, load_items
from benchmarks.answer_runs import ask_items, score_rows

MODES = ("extractive-before", "extractive-enriched", "llm-select", "citation-peer")
LLM_MODES = ("llm-select", "citation-peer")
SUBSET, SEED = 20, 12
RESULTS = Path(__file__).resolve().parent / "results"
SUPPORT_PROMPT = ("Source: {source}\nClaim: {claim}\nIs every fact in the claim stated or directly implied by the source? "
                  "Answer yes or no.")


def test_items() -> list[dict[str, Any]]:
    return [i for i in load_items("test") if set(i["acceptable_statuses"]) <= {"answered", "not_found"}]


def subset(items: list[dict[str, Any]], size: int = SUBSET, seed: int = SEED) -> list[str]:
    """A fixed sample stratified by category (proportional, at least one per category)."""
    by_cat: dict[str, list[str]] = {}
    for i in items:
        by_cat.setdefault(i["category"], []).append(i["id"])
    rng = random.Random(seed)
    picked: list[str] = []
    for cat, ids in sorted(by_cat.items()):
        k = max(1, round(size * len(ids) / len(items)))
        picked += rng.sample(ids, min(k, len(ids)))
    return sorted(picked)[:size]


def _asker(mode: str) -> Any:
    from assistant.api import Assistant
    from foundation.settings import Settings

    from benchmarks.dev_ablation import config

    settings = Settings()
    if mode == "citation-peer":
        from foundation.llm import load_llm
        from index.store import open_index

        from benchmarks.citation_peer import CitationPeer

        peer = CitationPeer(open_index(settings), load_llm(settings.llm, home=settings.home))
        return peer.ask
    overrides: dict[str, Any] = config("before") if mode == "extractive-before" else {}
    if mode == "llm-select":
        overrides["answerer"] = "llm-select"
    assistant = Assistant(settings.override(answer=overrides))
    assistant.warm_up()
    return lambda q, h: assistant.ask(q, history=h)


def run_mode(mode: str, out: Path) -> None:
    """Answer the mode's items in this process and write its rows and peak RSS."""
    from corpus.corpus import Corpus
    from foundation.settings import Settings

    corpus = Corpus.load(Settings())
    index = ArticleIndex.load(corpus.article)
    items = test_items()
    if mode in LLM_MODES:
        keep = set(subset(items))
        items = [i for i in items if i["id"] in keep]
    started = time.perf_counter()
    ask = _asker(mode)
    load_s = time.perf_counter() - started
    rows = ask_items(ask, items, index)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({"mode": mode, "rows": rows, "rss_mb": round(rss_mb, 1), "load_s": round(load_s, 2)},
                              ensure_ascii=False, indent=1))


def faithfulness(mode: str, rows: list[dict[str, Any]], article_text: str, llm: Any) -> dict[str, Any]:
    """Share of shown sentences supported by what they cite, and of citations that support their sentence."""
    import re

    if mode != "citation-peer":  # verbatim: every shown sentence is a cited article span (checked)
        spans = [tuple(s) for r in rows if r["status"] == "answered" for s in r["spans"]]
        ok = all(0 <= a < b <= len(article_text) for a, b in spans)
        return {"faithfulness": 1.0 if ok else 0.0, "citation_precision": 1.0 if ok else 0.0, "method": "verbatim spans, checked"}
    supported = total = cit_ok = cit_total = 0
    for r in rows:
        if r["status"] != "answered":
            continue
        spans = [tuple(s) for s in r["spans"]]
        for sentence in re.split(r"(?<=[.!?])\s+", r["body"]):
            markers = [int(m) for m in re.findall(r"\[(\d+)\]", sentence)]
            claim = re.sub(r"\s*\[\d+\]", "", sentence).strip()
            if len(claim.split()) < 3:
                continue
            total += 1
            sources = [article_text[a:b] for a, b in spans] if markers else []
            if sources and llm.yes_probability(SUPPORT_PROMPT.format(source=" ".join(sources)[:1500], claim=claim)) >= 0.5:
                supported += 1
            for source in sources:
                cit_total += 1
                cit_ok += llm.yes_probability(SUPPORT_PROMPT.format(source=source, claim=claim)) >= 0.5
    return {"faithfulness": supported / total if total else None, "citation_precision": cit_ok / cit_total if cit_total else None,
            "method": "local model, per generated sentence", "sentences": total}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mode", choices=MODES)
    p.add_argument("--modes", default=",".join(MODES))
    p.add_argument("--out", type=Path, default=RESULTS / "answer_modes.json")
    args = p.parse_args()
    work = args.out.with_suffix(".rows")
    work.mkdir(parents=True, exist_ok=True)
    if args.mode:
        run_mode(args.mode, work / f"{args.mode}.json")
        return
    for mode in args.modes.split(","):
        if not (work / f"{mode}.json").is_file():
            subprocess.run([sys.executable, "-m", "benchmarks.answer_modes", "--mode", mode], check=True)
    score(args.modes.split(","), work, args.out)


def score(modes: list[str], work: Path, out: Path) -> None:
    from corpus.corpus import Corpus
    from foundation.llm import load_llm
    from foundation.settings import Settings

    settings = Settings()
    corpus = Corpus.load(settings)
    index = ArticleIndex.load(corpus.article)
    items = test_items()
    sub = set(subset(items))
    llm = load_llm(settings.llm, home=settings.home)
    judge = RelevanceJudge(llm, settings.home / "bench" / "relevance-judge.json")
    results: dict[str, Any] = {"split": "test", "items": len(items), "subset": sorted(sub), "subset_seed": SEED,
                               "judge": f"{llm.backend}:{llm.model} (yes/no probability >= 0.5)", "modes": {}}
    for mode in modes:
        data = json.loads((work / f"{mode}.json").read_text())
        rows = data["rows"]
        entry: dict[str, Any] = {"rss_mb": data["rss_mb"], "load_s": data["load_s"]}
        if mode not in LLM_MODES:
            entry["all_items"] = score_rows(rows, items, corpus.article, index)
        on_subset = [r for r in rows if r["id"] in sub]
        entry["subset"] = score_rows(on_subset, items, corpus.article, index, judge)
        entry["subset"].update(faithfulness(mode, on_subset, corpus.article.text, llm))
        results["modes"][mode] = entry
        print(json.dumps({mode: entry}), flush=True)
    out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
