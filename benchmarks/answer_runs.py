"""Ask eval set v2 items through one answer mode and score what it showed (benchmarks/answer_metrics.py).

A row keeps what scoring needs and nothing of the model: status, the cited article spans, the shown
sentences, the references under each citation, latency. Scoring with the judge is a separate step, so
answers are produced once and judged from the cache as often as needed.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.answer_metrics import (ArticleIndex, RelevanceJudge, abstention_rows, dangling, key_fact_recall,
                                       related_reference_counts)
from corpus.sentence_split import rough_sentences

AskFn = Callable[[str, list[dict[str, str]]], Any]  # (question, history) -> assistant.models.Answer-like


def ask_items(ask: AskFn, items: Sequence[dict[str, Any]], index: ArticleIndex) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        t = time.perf_counter()
        answer = ask(item["question"], item.get("history") or [])
        ms = (time.perf_counter() - t) * 1000
        spans = [(c.start, c.end) for c in answer.citations if c.source_id == "article"]
        shown = [u.text for _, u in index.shown_units(spans)] if spans else []
        if answer.status == "answered" and not spans and answer.body:  # a generated answer without article spans
            shown = [s for s in _sentences(answer.body)]
        rows.append({
            "id": item["id"], "category": item["category"], "question": item["question"],
            "earlier": [t["content"] for t in item.get("history") or [] if t["role"] == "user"],
            "acceptable": item["acceptable_statuses"], "status": answer.status, "body": answer.body,
            "spans": spans, "shown": shown, "citations": [[[c.start, c.end], [r.id for r in c.references]]
                                                         for c in answer.citations if c.source_id == "article"],
            "flags": list(answer.flags), "ms": round(ms, 2),
        })
    return rows


def _sentences(text: str) -> list[str]:
    import re

    text = re.sub(r"\s*\[\d+\]", "", text)
    return [s.strip() for s in rough_sentences(text) if len(s.split()) >= 3]


def score_rows(rows: Sequence[dict[str, Any]], items: Sequence[dict[str, Any]], article: Any, index: ArticleIndex,
               judge: RelevanceJudge | None = None) -> dict[str, Any]:
    """The metrics over rows (answer precision only with a judge)."""
    by_id = {i["id"]: i for i in items}
    recalls, dangling_answers, answered = [], 0, 0
    shown_refs = right_refs = 0
    helps: list[float] = []
    for row in rows:
        item = by_id[row["id"]]
        ok = row["status"] in row["acceptable"]
        if item["required_facts"] and "answered" in row["acceptable"] and (row["status"] == "answered" or not ok):
            spans = [tuple(s) for s in row["spans"]]
            recalls.append(key_fact_recall(item, article, index, spans, row["body"]) if row["status"] == "answered" else 0.0)
        if row["status"] != "answered":
            continue
        answered += 1
        if dangling(index, [tuple(s) for s in row["spans"]]):
            dangling_answers += 1
        s, r = related_reference_counts(index, [(tuple(span), refs) for span, refs in row["citations"]])
        shown_refs, right_refs = shown_refs + s, right_refs + r
        if judge is not None and row["shown"]:
            helps.extend(judge.p_helps(row["question"], sent, row["earlier"]) >= 0.5 for sent in row["shown"])
    if judge is not None:
        judge.save()
    latencies = [r["ms"] for r in rows if r["status"] in ("answered", "not_found", "out_of_scope")]
    return {
        "items": len(rows), "answered": answered,
        "status_accuracy": round(sum(r["status"] in r["acceptable"] for r in rows) / max(len(rows), 1), 4),
        "abstention": abstention_rows((r["acceptable"], r["status"]) for r in rows),
        "key_fact_recall": round(statistics.fmean(recalls), 4) if recalls else None, "key_fact_items": len(recalls),
        "dangling_rate": round(dangling_answers / max(answered, 1), 4),
        "related_reference_precision": round(right_refs / shown_refs, 4) if shown_refs else None,
        "related_references_shown": shown_refs,
        "answer_precision": round(statistics.fmean(helps), 4) if helps else None, "judged_sentences": len(helps),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
    }
