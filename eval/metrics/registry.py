"""The metric registry's machinery: what a metric is, how its per-item values become report numbers.

Why a registry: a metric used to need hand-synced lists in the runner and the report. Now a metric is
one function `per_item(result, context) -> float | None` plus one `Metric(...)` line in
`eval/metrics/catalog.py`; the runner, the per-split and per-category tables, the acceptance table, the
CLI summary and the plots all read that list (sentence-transformers' evaluators work the same way).

A per-item value is a number, None (the metric does not apply to this item) or NaN (it applies but the
judge failed: counted under `failed`, never dropped, never a pass). A metric with no value at all is
reported as "not measured" with the reason, never as a miss.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from eval.metrics.stats import mean

if TYPE_CHECKING:
    from corpus.models import Article
    from eval.article_sentences import SentenceMap
    from eval.judge import Judge
    from eval.metrics.answers import LabelledSpan
    from eval.results import ItemResult

NAN = float("nan")


@dataclass
class MetricContext:
    """What per-item functions may need besides the result: the article, the labels, the judge."""

    article: Article
    judge: Judge | None = None
    reference_labels: Sequence[Any] = ()
    not_run: frozenset[str] = frozenset()  # metrics this run chose not to compute (e.g. --no-ragas)
    seconds: dict[str, float] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> SentenceMap:
        from eval.article_sentences import SentenceMap

        return SentenceMap(self.article)

    @cached_property
    def labelled_spans(self) -> list[LabelledSpan]:
        from eval.metrics.answers import LabelledSpan

        out = []
        for label in self.reference_labels:
            span = self.sentences.locate(label.section_id, label.sentence)
            if span is not None:
                out.append(LabelledSpan(span, frozenset(label.reference_ids)))
        return out


PerItem = Callable[["ItemResult", MetricContext], "float | None"]


@dataclass(frozen=True)
class Metric:
    """One registered metric: how to score an item, how to aggregate, and what it must reach."""

    name: str
    label: str
    per_item: PerItem
    description: str
    aggregate: Callable[[list[float]], float] = mean
    target: float | None = None
    lower_is_better: bool = False
    judged: bool = False  # needs an LLM judge: "not measured" without one
    real_judge: bool = False  # its target counts only with a real judge (a scripted one never meets it)
    per_category: bool = False  # a column of the per-category table
    headline: bool = True  # in the headline tables (False: its own report section only)
    ragas: str | None = None  # "module:Class" of a ragas metric that the ragas scorer runs for it
    ragas_llm: bool = False
    scale: str = "share"  # "share" (0..1, plotted), "grade" (school years) or "ms"

    def met(self, value: float | None, judge_backend: str | None) -> bool | None:
        """None when not measured; False when a real judge is needed and this run had none."""
        if self.target is None or value is None or math.isnan(value):
            return None
        if self.real_judge and judge_backend in (None, "none", "custom"):
            return False
        return value <= self.target if self.lower_is_better else value >= self.target


def score_items(results: Sequence[ItemResult], metrics: Sequence[Metric], ctx: MetricContext,
                progress: bool = False) -> None:
    """Fill `result.scores[name]` for every metric (judged ones stay None without a judge)."""
    from tqdm import tqdm

    for metric in metrics:
        if metric.name in ctx.not_run or (metric.judged and ctx.judge is None):
            for res in results:
                res.scores[metric.name] = None
            continue
        start = time.perf_counter()
        todo = tqdm(results, desc=metric.name, unit="q", disable=not (progress and metric.judged))
        for res in todo:
            res.scores[metric.name] = metric.per_item(res, ctx)
        ctx.seconds[metric.name] = time.perf_counter() - start


def value_of(metric: Metric, results: Sequence[ItemResult], ctx: MetricContext) -> dict[str, Any]:
    """{value, n, failed, reason} over these results; value None means "not measured" (reason says why)."""
    raw = [res.scores.get(metric.name) for res in results]
    applied = [v for v in raw if v is not None]
    ok = [v for v in applied if not math.isnan(v)]
    value = metric.aggregate(ok) if ok else None
    if value is not None and math.isnan(value):
        value = None
    reason = None
    if value is None:
        if metric.name in ctx.not_run:
            reason = "not run"
        elif metric.judged and ctx.judge is None:
            reason = "no judge"
        elif applied:
            reason = "every judgement failed"
        else:
            reason = "no items"
    return {"value": value, "n": len(ok), "failed": len(applied) - len(ok), "reason": reason}


def summarise_split(results: Sequence[ItemResult], metrics: Sequence[Metric], ctx: MetricContext) -> dict[str, dict[str, Any]]:
    return {m.name: value_of(m, results, ctx) for m in metrics}


def per_category(results: Sequence[ItemResult], metrics: Sequence[Metric], ctx: MetricContext) -> dict[str, dict[str, Any]]:
    """category -> {n, metric: value} for the metrics registered as per-category columns."""
    groups: dict[str, list[ItemResult]] = {}
    for res in results:
        groups.setdefault(res.item.category, []).append(res)
    return {cat: {"n": len(rs), **{m.name: value_of(m, rs, ctx)["value"] for m in metrics if m.per_category}}
            for cat, rs in groups.items()}


def acceptance(metrics: Sequence[Metric], by_split: dict[str, dict[str, dict[str, Any]]], judge_backend: str | None,
               checked_on: str) -> list[dict[str, Any]]:
    """One row per metric with a target: its value on every split, and whether `checked_on` meets it."""
    rows = []
    for m in metrics:
        if m.target is None:
            continue
        values = {split: table[m.name]["value"] for split, table in by_split.items()}
        rows.append({"metric": m.name, "label": m.label, "target": m.target,
                     "direction": "<=" if m.lower_is_better else ">=", "values": values, "checked_on": checked_on,
                     "met": m.met(values.get(checked_on), judge_backend)})
    return rows
