"""Run the assistant over an evaluation set and score it: one EvalRun holds the index, assistant and judge.

Why one runner for everything: the same answers feed every metric, so a report's numbers always
describe one run of one configuration (settings, index build, judge) and can be compared across runs.
The stages: ask every item (warm) -> retrieval, ALCE citations and ragas scorers -> every registered
metric (eval/metrics/catalog.py) -> the judge's agreement with hand labels -> the report (eval/summary.py).
A value the judge failed to produce is counted as failed, never dropped and never counted as a pass.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from corpus.paths import article_path
from eval.asking import Ask, answer_items
from eval.errors import EvalError
from eval.metrics.catalog import LLM_RAGAS, METRICS
from eval.metrics.registry import Metric, MetricContext, score_items
from eval.splits import FrozenSplit, split_of
from foundation.settings import Settings, disable_telemetry

if TYPE_CHECKING:
    from eval.judge import Judge
    from eval.results import ItemResult
    from index.store import SearchIndex

LLM_METRICS = LLM_RAGAS


class EvalRun:
    """One evaluation: holds the opened index, the assistant and the judge for its duration."""

    def __init__(self, settings: Settings, judge: Judge | None, ask: Ask | None = None, index: SearchIndex | None = None,
                 progress: bool = True, llm_metrics: Sequence[str] = LLM_METRICS, llm_sample: int | None = None,
                 split: FrozenSplit | None = None, evalset_name: str = "v1", labels: bool = True,
                 metrics: Sequence[Metric] = METRICS) -> None:
        disable_telemetry()
        unknown = sorted(set(llm_metrics) - set(LLM_METRICS))
        if unknown:
            raise EvalError(f"unknown LLM metric(s) {unknown}; choose from {', '.join(LLM_METRICS)}")
        # Judged metrics cost minutes per item on a CPU judge, so a run may ask for a subset (and a stratified
        # sample of items, None = all); the report says which. Every other metric sees the full set.
        self.llm_metrics = tuple(m for m in LLM_METRICS if m in llm_metrics)
        self.llm_sample = llm_sample
        self.settings, self.judge, self.progress = settings, judge, progress
        self.split, self.evalset_name, self.use_labels, self.metrics = split, evalset_name, labels, tuple(metrics)
        self._ask, self._index = ask, index
        self._article: Any = None
        self._retriever: Any = None
        self.timings: dict[str, float] = {}

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            from index.store import open_index

            self._index = open_index(self.settings)
            self._index.warm_up()
        return self._index

    @property
    def article(self) -> Any:
        if self._article is None:
            from corpus.article import load_article

            self._article = load_article(article_path(self.settings))
        return self._article

    @property
    def retriever(self) -> Any:
        if self._retriever is None:
            from assistant.retrieval import Retriever

            self._retriever = Retriever(self.index, top_k=self.settings.answer.top_k)
        return self._retriever

    def warm_up(self) -> None:
        """Load the index, models and the assistant before timing anything (latency is measured warm)."""
        self.index  # noqa: B018 - opens and warms the index
        if self._ask is None:
            try:
                from assistant.api import Assistant
            except ImportError as exc:
                raise EvalError(f"the assistant is not available ({exc})") from exc
            assistant = Assistant(self.settings, index=self.index)  # one index, one embedding model
            assistant.warm_up()
            self._ask = lambda q, h: assistant.ask(q, history=h or None)

    def _timed(self, name: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.timings[f"{name}_s"] = time.perf_counter() - start

    def _context(self, ragas: bool) -> MetricContext:
        from eval.labels import load_reference_labels

        labels = load_reference_labels() if self.use_labels else ()
        not_run = set() if ragas else {m.name for m in self.metrics if m.ragas}
        not_run |= {m for m in LLM_METRICS if m not in self.llm_metrics}
        return MetricContext(self.article, judge=self.judge, reference_labels=labels, not_run=frozenset(not_run))

    def _agreement(self) -> dict[str, Any] | None:
        """The judge's agreement with the hand-labelled relevance sentences (answer precision's check)."""
        if self.judge is None or not self.use_labels:
            return None
        from tqdm import tqdm

        from eval.judge import relevance_agreement
        from eval.relevance_pool import load_pool

        bar = lambda rows: tqdm(rows, desc="judge agreement", unit="label", disable=not self.progress)  # noqa: E731
        return relevance_agreement(self.judge, load_pool(), progress=bar)

    def score(self, results: Sequence[ItemResult], ragas: bool) -> dict[str, Any]:
        """Every scorer, then every registered metric; returns what the report needs besides the results."""
        from eval.scoring.citations import score_citations
        from eval.scoring.ragas_run import score_ragas
        from eval.scoring.retrieval import score_retrieval

        self._timed("retrieval", score_retrieval, results, self.index, self.retriever, self.article)
        judge_name = self._timed("citations", score_citations, results, self.index, self.judge, self.progress)
        ragas_info = (self._timed("ragas", score_ragas, results, self.index, self.article, self.judge,
                                  self.llm_metrics, self.llm_sample, self.progress)
                      if ragas else {"n": 0, "llm_metrics": None, "failed": {}, "skipped": True})
        ctx = self._context(ragas)
        self._timed("metrics", score_items, results, self.metrics, ctx, self.progress)
        agreement = self._timed("agreement", self._agreement)
        return {"citation_judge": judge_name, "ragas": ragas_info, "context": ctx, "judge_agreement": agreement}

    def run(self, items: Sequence[Any], ragas: bool = True) -> dict[str, Any]:
        from eval.summary import build_report

        started = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        try:
            self.warm_up()
            assert self._ask is not None
            results = self._timed("answer", answer_items, self._ask, items, lambda i: split_of(i, self.split), self.progress)
            scored = self.score(results, ragas)
        finally:
            if self.judge is not None:
                self.judge.close()
        self.timings["total_s"] = time.perf_counter() - t0
        return build_report(self, items, results, scored, started)
