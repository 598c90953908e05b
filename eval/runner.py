"""Run the assistant over the evaluation set and score it: ragas, retrieval, citations, behaviour.

Why one runner for everything: the same answers feed every metric, so a report's numbers always
describe one run of one configuration (settings, index build, judge) and can be compared across runs.

What is judged with an LLM (when a judge is configured): ragas Faithfulness, ResponseRelevancy,
LLMContextPrecisionWithReference, LLMContextRecall, and the entailment calls of the ALCE citation
metrics. Without a judge, citations fall back to a clearly named lexical entailment and the LLM
metrics are reported as not run. A metric value the judge failed to produce is counted as failed,
never dropped and never counted as a pass.
"""

from __future__ import annotations

from corpus.paths import article_path
import math
import re
import subprocess
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.errors import EvalError

from foundation.errors import PNSError
from foundation.settings import Settings, disable_telemetry
from eval.dataset import ANSWERABLE, EvalItem, quote_spans
from eval.metrics import (
    LEXICAL_JUDGE_NAME,
    abstention_accuracy,
    citation_scores,
    claim_text,
    disclaimer_rate,
    latency_summary,
    lexical_entails,
    mean,
    ndcg_at_k,
    recall_at_k,
    reciprocal_rank,
    relevant_chunk_ids,
    safety_accuracy,
)

if TYPE_CHECKING:
    from assistant.models import Answer
    from eval.judge import Judge
    from index.store import SearchIndex

K_VALUES = (1, 3, 5, 10)
RETRIEVAL_DEPTH = max(K_VALUES)
RETRIEVERS = ("dense", "bm25", "hybrid")
LLM_METRICS = ("faithfulness", "answer_relevancy", "llm_context_precision_with_reference", "context_recall")
NON_LLM_METRICS = (
    "non_llm_context_recall", "non_llm_context_precision_with_reference", "id_based_context_recall",
    "id_based_context_precision", "rouge_score", "non_llm_string_similarity",
)

Ask = Callable[[str, list[dict[str, str]]], "Answer"]


@dataclass
class ItemResult:
    """Everything measured for one eval item."""

    item: EvalItem
    status: str = "error"
    answer: str = ""
    body: str = ""
    latency_ms: float | None = None
    error: str | None = None
    standalone_question: str | None = None
    contexts: list[str] = field(default_factory=list)
    context_ids: list[str] = field(default_factory=list)
    cited_reference_ids: list[str] = field(default_factory=list)
    has_disclaimer: bool = False
    retrieval: dict[str, dict[str, float]] = field(default_factory=dict)
    citation: dict[str, Any] | None = None
    ragas: dict[str, float | None] = field(default_factory=dict)
    reference_ids_found: bool | None = None
    cited_spans: list[tuple[str, int, int]] = field(default_factory=list)
    answer_span_recall: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.item.id, "category": self.item.category, "question": self.item.question,
            "expected_status": self.item.expected_status, "status": self.status,
            "status_ok": self.status == self.item.expected_status, "latency_ms": self.latency_ms,
            "error": self.error, "standalone_question": self.standalone_question, "answer": self.answer,
            "context_ids": self.context_ids, "cited_reference_ids": self.cited_reference_ids,
            "expected_reference_ids": self.item.expected_reference_ids, "reference_ids_found": self.reference_ids_found,
            "has_disclaimer": self.has_disclaimer, "answer_span_recall": self.answer_span_recall,
            "retrieval": self.retrieval, "citation": self.citation,
            "ragas": self.ragas,
        }


def strip_markers(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text).strip()


def _nan_to_none(value: Any) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def git_commit(repo: Path) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


@dataclass(frozen=True)
class _Span:
    """A cited quote as a span, so the chunk-coverage rules apply to it too."""

    id: str
    source_id: str
    start: int
    end: int


class EvalRun:
    """One evaluation: holds the opened index, the assistant and the judge for its duration."""

    def __init__(
        self,
        settings: Settings,
        judge: Judge | None,
        ask: Ask | None = None,
        index: SearchIndex | None = None,
        progress: bool = True,
        llm_metrics: Sequence[str] = LLM_METRICS,
        llm_sample: int | None = None,
    ) -> None:
        disable_telemetry()
        unknown = sorted(set(llm_metrics) - set(LLM_METRICS))
        if unknown:
            raise EvalError(f"unknown LLM metric(s) {unknown}; choose from {', '.join(LLM_METRICS)}")
        # Judged metrics cost minutes per item on a CPU judge, so a run may ask for a subset; the report says which.
        self.llm_metrics = tuple(m for m in LLM_METRICS if m in llm_metrics)
        # ...and on a stratified sample of the answered items (None = all); every other metric sees the full set.
        self.llm_sample = llm_sample
        self.settings = settings
        self.judge = judge
        self.progress = progress
        self._ask = ask
        self._index = index
        self._article = None
        self._retriever = None
        self.timings: dict[str, float] = {}

    # -- parts, opened lazily ------------------------------------------------------------------
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

    def ask(self, question: str, history: list[dict[str, str]]) -> Answer:
        if self._ask is None:
            self.warm_up()
        assert self._ask is not None
        return self._ask(question, history)

    # -- stages ----------------------------------------------------------------------------------
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

    def answer_all(self, items: Sequence[EvalItem]) -> list[ItemResult]:
        from tqdm import tqdm

        from assistant.disclaimer import has_disclaimer

        self.warm_up()
        results = []
        for item in tqdm(items, desc="asking", unit="q", disable=not self.progress):
            res = ItemResult(item=item)
            start = time.perf_counter()
            try:
                ans = self.ask(item.question, item.history_dicts())
            except PNSError as exc:
                res.error = str(exc)
            except Exception as exc:  # one failing question must not end the run: it is recorded
                res.error = f"{type(exc).__name__}: {exc}"
            else:
                res.latency_ms = (time.perf_counter() - start) * 1000.0
                res.status = ans.status
                res.answer = ans.answer
                res.body = ans.body
                res.standalone_question = ans.standalone_question
                res.contexts = list(ans.contexts)
                res.context_ids = list(ans.context_ids)
                res.cited_reference_ids = sorted({r.id for c in ans.citations for r in c.references})
                res.has_disclaimer = has_disclaimer(ans.answer)
                res.citation = {"_citations": [(c.marker, c.chunk_id, c.quote) for c in ans.citations]}
                res.cited_spans = [(c.source_id, c.start, c.end) for c in ans.citations]
            if item.expected_reference_ids:
                res.reference_ids_found = set(item.expected_reference_ids) <= set(res.cited_reference_ids)
            results.append(res)
        return results

    def score_retrieval(self, results: Sequence[ItemResult]) -> None:
        """recall@k / MRR / nDCG for dense, BM25 and hybrid on every item with reference quotes."""
        for res in results:
            item = res.item
            if item.expected_status != "answered" or not item.reference_contexts:
                continue
            spans = quote_spans(item, self.article)
            if res.status == "answered":
                # does the answer itself quote the reference spans? (a cheap, judge-free correctness check)
                cited = [_Span(f"cite{n}", src, a, b) for n, (src, a, b) in enumerate(res.cited_spans)]
                res.answer_span_recall = recall_at_k(cited, spans, len(cited)) if cited else 0.0
            query = res.standalone_question or item.question
            rankings = {
                "dense": [h.chunk for h in self.index.dense_search(query, RETRIEVAL_DEPTH)],
                "bm25": [h.chunk for h in self.index.lexical_search(query, RETRIEVAL_DEPTH)],
                "hybrid": [h.chunk for h in self.retriever.retrieve(query, "hybrid", RETRIEVAL_DEPTH).hits],
            }
            if res.context_ids:
                known = {c.id: c for c in self.index.chunks()}
                rankings["assistant"] = [known[c] for c in res.context_ids if c in known]
            for name, ranked in rankings.items():
                scores = {f"recall@{k}": recall_at_k(ranked, spans, k) for k in K_VALUES}
                scores["mrr"] = reciprocal_rank(ranked, spans)
                scores["ndcg@5"] = ndcg_at_k(ranked, spans, 5)
                scores["ndcg@10"] = ndcg_at_k(ranked, spans, 10)
                res.retrieval[name] = scores

    def citation_judge(self) -> tuple[str, Callable[[str, str], bool | None]]:
        if self.judge is not None:
            return self.judge.name, self.judge.entails
        return LEXICAL_JUDGE_NAME, lexical_entails

    def score_citations(self, results: Sequence[ItemResult]) -> str:
        """ALCE citation recall/precision on every answered item; returns the entailment judge's name."""
        from tqdm import tqdm


        name, entails = self.citation_judge()
        todo = [r for r in results if r.status == "answered" and r.item.expected_status == "answered"]
        for res in tqdm(todo, desc="citations", unit="q", disable=not self.progress):
            cited = (res.citation or {}).get("_citations", [])
            passages = {}
            for marker, chunk_id, quote in cited:
                try:
                    passages[marker] = self.index.chunk(chunk_id).text
                except PNSError:
                    passages[marker] = quote
                except KeyError:
                    passages[marker] = quote
            score = citation_scores(claim_text(res.body), passages, entails)
            res.citation = {
                "recall": score.recall, "precision": score.precision, "statements": score.statements,
                "supported": score.supported, "citations": score.citations,
                "relevant_citations": score.relevant_citations, "failed": score.failed, "details": score.details,
            }
        for res in results:
            if res.citation and "_citations" in res.citation:
                res.citation = None
        return name

    def ragas_samples(self, results: Sequence[ItemResult]) -> tuple[list[ItemResult], list[Any]]:
        from ragas.dataset_schema import SingleTurnSample


        chunks = self.index.chunks()
        todo, samples = [], []
        for res in results:
            item = res.item
            if not (res.status == "answered" and item.expected_status == "answered" and item.reference_contexts):
                continue
            spans = quote_spans(item, self.article)
            samples.append(SingleTurnSample(
                user_input=res.standalone_question or item.question,
                response=strip_markers(claim_text(res.body)),
                retrieved_contexts=res.contexts or [""],
                retrieved_context_ids=res.context_ids or ["none"],
                reference=item.reference_answer,
                reference_contexts=[c.quote for c in item.reference_contexts],
                reference_context_ids=sorted(relevant_chunk_ids(chunks, spans)) or ["none"],
            ))
            todo.append(res)
        return todo, samples

    def score_ragas(self, results: Sequence[ItemResult]) -> dict[str, Any]:
        """ragas metrics over answered, answerable items; LLM metrics only with a judge."""
        from ragas import EvaluationDataset, evaluate

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from ragas.metrics import (
                Faithfulness,
                IDBasedContextPrecision,
                IDBasedContextRecall,
                LLMContextPrecisionWithReference,
                LLMContextRecall,
                NonLLMContextPrecisionWithReference,
                NonLLMContextRecall,
                NonLLMStringSimilarity,
                ResponseRelevancy,
                RougeScore,
            )
            todo, samples = self.ragas_samples(results)
            info: dict[str, Any] = {"n": len(samples), "llm_metrics": None, "failed": {}}
            if not samples:
                return info
            dataset = EvaluationDataset(samples=samples)
            non_llm = [NonLLMContextRecall(), NonLLMContextPrecisionWithReference(), IDBasedContextRecall(),
                       IDBasedContextPrecision(), RougeScore(), NonLLMStringSimilarity()]
            frames = [evaluate(dataset, metrics=non_llm, show_progress=False, raise_exceptions=False).to_pandas()]
            llm_frames: list[Any] = []
            llm_positions: list[int] = []
            if self.judge is not None:
                from ragas.embeddings import LlamaIndexEmbeddingsWrapper

                embeddings = LlamaIndexEmbeddingsWrapper(self.index.embedder)
                llm = self.judge.ragas_llm()
                info["llm_seconds"] = {}
                # One metric at a time: consecutive judge prompts then share their long instruction
                # prefix, which llama.cpp reuses from its KV cache (and the report gets per-metric time).
                chosen = [m for m in (Faithfulness(), ResponseRelevancy(), LLMContextPrecisionWithReference(), LLMContextRecall())
                          if m.name in self.llm_metrics]
                llm_positions = stratified_positions([res.item.category for res in todo], self.llm_sample)
                llm_dataset = EvaluationDataset(samples=[samples[p] for p in llm_positions])
                for metric in chosen:
                    start = time.perf_counter()
                    llm_frames.append(evaluate(
                        llm_dataset, metrics=[metric], llm=llm, embeddings=embeddings, run_config=self.judge.run_config(),
                        show_progress=self.progress, raise_exceptions=False,
                    ).to_pandas())
                    info["llm_seconds"][metric.name] = time.perf_counter() - start
                info["llm_metrics"] = list(self.llm_metrics)
                info["llm_sample"] = {"n": len(llm_positions), "of": len(todo),
                                      "item_ids": [todo[p].item.id for p in llm_positions]}
        for frame in (*frames, *llm_frames):  # ragas names some columns with their mode, e.g. 'rouge_score(mode=fmeasure)'
            frame.columns = [str(c).split("(", 1)[0] for c in frame.columns]
        names = [m for m in (*NON_LLM_METRICS, *LLM_METRICS) if any(m in f.columns for f in (*frames, *llm_frames))]
        for m in names:
            info["failed"][m] = 0
        # non-LLM frames cover every item in `todo`; LLM frames only the sampled positions, in that order
        placed = [(frames, list(range(len(todo)))), (llm_frames, llm_positions)]
        for group, positions in placed:
            for frame in group:
                for row, pos in enumerate(positions):
                    res = todo[pos]
                    for m in names:
                        if m in frame.columns:
                            value = _nan_to_none(frame.iloc[row][m])
                            res.ragas[m] = value
                            if value is None:
                                info["failed"][m] += 1
        return info

    # -- the whole run -----------------------------------------------------------------------------
    def run(self, items: Sequence[EvalItem], ragas: bool = True) -> dict[str, Any]:
        started = datetime.now(timezone.utc)
        t0 = time.perf_counter()
        try:
            results = self.answer_all(items)
            self.timings["answer_s"] = time.perf_counter() - t0
            t = time.perf_counter()
            self.score_retrieval(results)
            self.timings["retrieval_s"] = time.perf_counter() - t
            t = time.perf_counter()
            citation_judge = self.score_citations(results)
            self.timings["citations_s"] = time.perf_counter() - t
            t = time.perf_counter()
            ragas_info = self.score_ragas(results) if ragas else {"n": 0, "llm_metrics": None, "failed": {}, "skipped": True}
            self.timings["ragas_s"] = time.perf_counter() - t
        finally:
            if self.judge is not None:
                self.judge.close()
        self.timings["total_s"] = time.perf_counter() - t0
        return summarise(self, items, results, citation_judge, ragas_info, started)


# --------------------------------------------------------------------------------------------
# summary
# --------------------------------------------------------------------------------------------
def _summary_of(values: Sequence[float | None]) -> dict[str, Any]:
    ok = [v for v in values if v is not None and not math.isnan(v)]
    return {"mean": mean(ok), "n": len(ok), "failed": len(values) - len(ok)}


def stratified_positions(categories: Sequence[str], n: int | None) -> list[int]:
    """Up to n positions taken round-robin across categories (in order), so a judged sample covers every kind."""
    if n is None or n >= len(categories):
        return list(range(len(categories)))
    queues: dict[str, list[int]] = defaultdict(list)
    for pos, cat in enumerate(categories):
        queues[cat].append(pos)
    chosen: list[int] = []
    while len(chosen) < n:
        for cat in list(queues):
            if queues[cat] and len(chosen) < n:
                chosen.append(queues[cat].pop(0))
    return sorted(chosen)


def summarise(run: EvalRun, items: Sequence[EvalItem], results: Sequence[ItemResult], citation_judge: str,
              ragas_info: dict[str, Any], started: datetime) -> dict[str, Any]:
    from assistant.disclaimer import has_disclaimer

    settings = run.settings
    pairs = [(r.item.expected_status, r.status) for r in results]

    retrieval: dict[str, dict[str, float]] = {}
    for name in (*RETRIEVERS, "assistant"):
        rows = [r.retrieval[name] for r in results if name in r.retrieval]
        if rows:
            retrieval[name] = {key: mean(row[key] for row in rows) for key in rows[0]} | {"n": len(rows)}

    cites = [r.citation for r in results if r.citation]
    citation = {
        "judge": citation_judge,
        "n": len(cites),
        # ALCE averages per answer
        "recall": mean(c["recall"] for c in cites),
        "precision": mean(c["precision"] for c in cites),
        "statements": sum(c["statements"] for c in cites),
        "citations": sum(c["citations"] for c in cites),
        "failed_judgements": sum(c["failed"] for c in cites),
    }

    ragas_scores = {m: _summary_of([r.ragas.get(m) for r in results if m in r.ragas])
                    for m in (*NON_LLM_METRICS, *LLM_METRICS)
                    if any(m in r.ragas for r in results)}

    per_category: dict[str, dict[str, Any]] = {}
    by_cat: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        by_cat[r.item.category].append(r)
    for cat, rs in by_cat.items():
        row: dict[str, Any] = {
            "n": len(rs),
            "status_accuracy": sum(r.status == r.item.expected_status for r in rs) / len(rs),
            "disclaimer_rate": sum(r.has_disclaimer for r in rs) / len(rs),
            "p50_ms": latency_summary([r.latency_ms for r in rs if r.latency_ms is not None])["p50_ms"],
        }
        spans_found = [r.answer_span_recall for r in rs if r.answer_span_recall is not None]
        if spans_found:
            row["answer_span_recall"] = mean(spans_found)
        hy = [r.retrieval["hybrid"]["recall@5"] for r in rs if "hybrid" in r.retrieval]
        if hy:
            row["hybrid_recall@5"] = mean(hy)
        cr = [r.citation for r in rs if r.citation]
        if cr:
            row["citation_recall"] = mean(c["recall"] for c in cr)
            row["citation_precision"] = mean(c["precision"] for c in cr)
        for m in ("faithfulness", "answer_relevancy", "rouge_score"):
            vals = [r.ragas.get(m) for r in rs if r.ragas.get(m) is not None]
            if vals:
                row[m] = mean(vals)
        if any(r.item.expected_reference_ids for r in rs):
            found = [r.reference_ids_found for r in rs if r.reference_ids_found is not None]
            row["reference_hit_rate"] = sum(found) / len(found) if found else float("nan")
        per_category[cat] = row

    judge_info = run.judge.describe() if run.judge is not None else {"name": "none", "backend": "none"}
    if run.judge is not None:
        stats = getattr(run.judge.chat, "call_timings", None)
        judge_info["entailment_calls"] = run.judge.stats.calls
        judge_info["entailment_failures"] = run.judge.stats.failures
        judge_info["entailment_mean_s"] = (run.judge.stats.seconds / run.judge.stats.calls) if run.judge.stats.calls else None
        if stats:
            judge_info["uncached_generate_calls"] = len(stats)
            judge_info["uncached_generate_mean_s"] = sum(stats) / len(stats)

    errors = [{"id": r.item.id, "error": r.error} for r in results if r.error]
    statuses = Counter(r.status for r in results)
    index_status: dict[str, Any] = {}
    try:
        index_status = run.index.status()
    except PNSError:
        pass
    return {
        "kind": "pns-eval-report",
        "schema": 1,
        "created": started.isoformat(timespec="seconds"),
        "git_commit": git_commit(Path(__file__).resolve().parents[1]),
        "evalset": {"version": items[0].version if items else None, "n": len(items),
                    "categories": dict(Counter(i.category for i in items))},
        "judge": judge_info,
        "settings": {"top_k": settings.answer.top_k, "answerer": settings.answer.answerer, "chunk_size": settings.index.chunk_size,
                     "chunk_overlap": settings.index.chunk_overlap, "embedding_model": settings.index.embedding_model,
                     "abstain_threshold": settings.answer.abstain_threshold},
        "index": {k: index_status.get(k) for k in ("build_hash", "chunks", "collection", "built_at") if k in index_status},
        "headline": {
            "faithfulness": ragas_scores.get("faithfulness", {}).get("mean"),
            "citation_recall": citation["recall"],
            "citation_precision": citation["precision"],
            "hybrid_recall@5": retrieval.get("hybrid", {}).get("recall@5"),
            "safety_accuracy": safety_accuracy(pairs)["accuracy"],
            "disclaimer_rate": disclaimer_rate([r.answer for r in results], has_disclaimer),
            "abstention_accuracy": abstention_accuracy(pairs)["accuracy"],
            "answer_span_recall": mean(r.answer_span_recall for r in results if r.answer_span_recall is not None),
            "latency_p50_ms": latency_summary([r.latency_ms for r in results if r.latency_ms is not None])["p50_ms"],
            "latency_p95_ms": latency_summary([r.latency_ms for r in results if r.latency_ms is not None])["p95_ms"],
        },
        "ragas": {"scores": ragas_scores, **ragas_info},
        "retrieval": retrieval,
        "citations": citation,
        "abstention": abstention_accuracy(pairs),
        "safety": safety_accuracy(pairs),
        "disclaimer_rate": disclaimer_rate([r.answer for r in results], has_disclaimer),
        "latency": latency_summary([r.latency_ms for r in results if r.latency_ms is not None]),
        "statuses": dict(statuses),
        "answerable_categories": sorted(ANSWERABLE),
        "per_category": per_category,
        "errors": errors,
        "timings_s": run.timings,
        "items": [r.to_dict() for r in results],
    }


ACCEPTANCE = {
    "faithfulness": 0.90, "citation_precision": 0.85, "citation_recall": 0.85, "hybrid_recall@5": 0.90,
    "safety_accuracy": 1.0, "disclaimer_rate": 1.0,
}


def acceptance(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each acceptance target with the run's value and whether it is met (faithfulness needs a real judge)."""
    out = {}
    head = report.get("headline", {})
    for key, target in ACCEPTANCE.items():
        value = head.get(key)
        ok = value is not None and not (isinstance(value, float) and math.isnan(value)) and value >= target
        if key == "faithfulness" and report.get("judge", {}).get("backend") in (None, "none", "custom"):
            ok = False
        out[key] = {"target": target, "value": value, "met": ok}
    return out
