"""How well the extractive answer quotes the evalset's reference passages: character recall and precision.

For every answerable evalset item with reference quotes (multi-turn histories included), the real
`Assistant.ask` runs and each citation's exact characters are mapped into Article.text
(Citation.start/end are already offsets in
the source document). Then, per item:

- recall    = share of the reference quotes' characters that some cited quote covers;
- precision = share of the cited quotes' characters (article passages only) that lie inside some reference quote;
- span_recall = share of reference quotes at least half covered by a cited quote (the coarse check
  eval/runner.py calls answer_span_recall).

Items the assistant did not answer count 0 recall (and are listed). Means over items are reported,
with per-category means. Why characters, not tokens: quotes are verbatim spans, so overlap of offsets
is exact and needs no tokenizer. Precision is a floor: the reference quotes are the evalset author's
minimal support, so a correct extra fact (another symptom bullet) lowers it.

    .venv/bin/python -m benchmarks.answer_quality [--out benchmarks/results/answer_quality.json] [--show]

Needs a built index in PNS_HOME (`pns index build`).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from corpus.paths import article_path


def _covered(intervals: list[tuple[int, int]], a: int, b: int) -> int:
    """Characters of [a, b) covered by the union of `intervals`."""
    marks = sorted((max(a, s), min(b, e)) for s, e in intervals if min(b, e) > max(a, s))
    total, cur = 0, a
    for s, e in marks:
        s = max(s, cur)
        if e > s:
            total += e - s
            cur = e
    return total


def score_item(cited: list[tuple[int, int]], refs: list[tuple[int, int]]) -> dict[str, float]:
    """Character recall/precision and half-coverage span recall of cited article spans against reference spans."""
    ref_chars = sum(b - a for a, b in refs)
    cited_chars = sum(b - a for a, b in cited)
    recall = sum(_covered(cited, a, b) for a, b in refs) / ref_chars if ref_chars else 0.0
    precision = sum(_covered(refs, a, b) for a, b in cited) / cited_chars if cited_chars else 0.0
    span_recall = sum(_covered(cited, a, b) >= (b - a) / 2 for a, b in refs) / len(refs) if refs else 0.0
    return {"recall": recall, "precision": precision, "span_recall": span_recall}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/answer_quality.json"))
    parser.add_argument("--show", action="store_true", help="print each item's scores")
    args = parser.parse_args(argv)

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from assistant.api import Assistant
    from corpus.article import load_article
    from eval.dataset import ANSWERABLE, load_evalset, quote_spans

    settings = Settings()
    assistant = Assistant(settings)
    assistant.warm_up()
    article = load_article(article_path(settings))
    rows = []
    for item in load_evalset():
        if item.category not in ANSWERABLE or item.expected_status != "answered" or not item.reference_contexts:
            continue
        refs = quote_spans(item, article)
        answer = assistant.ask(item.question, item.history_dicts())
        cited = []
        cited_other = 0
        for c in answer.citations:
            if c.source_id == "article":
                cited.append((c.start, c.end))
            else:
                cited_other += c.end - c.start
        scores = score_item(cited, refs) if answer.status == "answered" else {"recall": 0.0, "precision": 0.0, "span_recall": 0.0}
        if cited_other and cited:
            cited_chars = sum(b - a for a, b in cited)
            scores["precision"] *= cited_chars / (cited_chars + cited_other)
        rows.append({"id": item.id, "category": item.category, "status": answer.status,
                     "quotes": len(answer.citations), **{k: round(v, 4) for k, v in scores.items()}})
        if args.show:
            print(f"{item.id:28s} {answer.status:10s} R={scores['recall']:.2f} P={scores['precision']:.2f} "
                  f"spanR={scores['span_recall']:.2f} quotes={len(answer.citations)}")

    def mean(key: str, subset: list[dict]) -> float:
        return round(statistics.fmean(r[key] for r in subset), 4) if subset else 0.0

    by_category = {}
    for cat in sorted({r["category"] for r in rows}):
        subset = [r for r in rows if r["category"] == cat]
        by_category[cat] = {"n": len(subset), "recall": mean("recall", subset), "precision": mean("precision", subset),
                            "span_recall": mean("span_recall", subset)}
    report = {
        "benchmark": "answer_quality",
        "items": len(rows),
        "recall": mean("recall", rows),
        "precision": mean("precision", rows),
        "span_recall": mean("span_recall", rows),
        "mean_quotes": round(statistics.fmean(r["quotes"] for r in rows), 2) if rows else 0.0,
        "not_answered": [r["id"] for r in rows if r["status"] != "answered"],
        "by_category": by_category,
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"answer quality over {len(rows)} items: recall {report['recall']:.3f} precision {report['precision']:.3f} "
          f"span recall {report['span_recall']:.3f} (mean quotes {report['mean_quotes']})")
    return report


if __name__ == "__main__":
    main()
