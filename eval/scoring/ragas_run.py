"""ragas over the answered, answerable items: the non-LLM metrics always, the LLM metrics with a judge.

Which ragas metrics run is read from the registry (`Metric.ragas` in eval/metrics/catalog.py), so a new
ragas metric is one registration. The response judged is the answer without the disclaimer, `[n]`
markers and appended reference lists; follow-ups use the assistant's rewritten standalone question.
"""

from __future__ import annotations

import importlib
import math
import re
import time
import warnings
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from corpus.models import Article
from eval.dataset import quote_spans
from eval.metrics.alce import claim_text
from eval.metrics.catalog import RAGAS_METRICS
from eval.metrics.ranking import relevant_chunk_ids
from eval.results import ItemResult


def strip_markers(text: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", text).strip()


def _float_or_none(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


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


def ragas_samples(results: Sequence[ItemResult], index: Any, article: Article) -> tuple[list[ItemResult], list[Any]]:
    from ragas.dataset_schema import SingleTurnSample

    chunks = index.chunks()
    todo, samples = [], []
    for res in results:
        item = res.item
        if not (res.status == "answered" and item.expected_status == "answered" and item.required_facts):
            continue
        spans = quote_spans(item, article)
        samples.append(SingleTurnSample(
            user_input=res.standalone_question or item.question,
            response=strip_markers(claim_text(res.body)),
            retrieved_contexts=res.contexts or [""],
            retrieved_context_ids=res.context_ids or ["none"],
            reference=item.reference_answer,
            reference_contexts=[c.quote for c in item.required_facts],
            reference_context_ids=sorted(relevant_chunk_ids(chunks, spans)) or ["none"],
        ))
        todo.append(res)
    return todo, samples


def _instance(path: str) -> Any:
    module, cls = path.split(":")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(importlib.import_module(module), cls)()


def _frame(dataset: Any, metrics: list[Any], **kwargs: Any) -> Any:
    from ragas import evaluate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = evaluate(dataset, metrics=metrics, raise_exceptions=False, **kwargs).to_pandas()
    # ragas names some columns with their mode, e.g. 'rouge_score(mode=fmeasure)'
    frame.columns = [str(c).split("(", 1)[0] for c in frame.columns]
    return frame


def _store(frame: Any, positions: list[int], todo: Sequence[ItemResult], failed: dict[str, int]) -> None:
    names = [m.name for m in RAGAS_METRICS if m.name in frame.columns]
    for row, pos in enumerate(positions):
        for name in names:
            value = _float_or_none(frame.iloc[row][name])
            todo[pos].ragas[name] = value
            failed[name] = failed.get(name, 0) + (value is None)


def score_ragas(results: Sequence[ItemResult], index: Any, article: Article, judge: Any | None,
                llm_metrics: Sequence[str], llm_sample: int | None, progress: bool = False) -> dict[str, Any]:
    """Fill `ragas` per item; LLM metrics (those in llm_metrics) only with a judge, on a stratified sample."""
    from ragas import EvaluationDataset

    todo, samples = ragas_samples(results, index, article)
    info: dict[str, Any] = {"n": len(samples), "llm_metrics": None, "failed": {}}
    if not samples:
        return info
    dataset = EvaluationDataset(samples=samples)
    plain = [_instance(m.ragas) for m in RAGAS_METRICS if not m.ragas_llm and m.ragas]
    _store(_frame(dataset, plain, show_progress=False), list(range(len(todo))), todo, info["failed"])
    if judge is None:
        return info
    from ragas.embeddings import LlamaIndexEmbeddingsWrapper

    embeddings = LlamaIndexEmbeddingsWrapper(index.embedder)
    positions = stratified_positions([res.item.category for res in todo], llm_sample)
    sample = EvaluationDataset(samples=[samples[p] for p in positions])
    info["llm_seconds"] = {}
    llm = judge.ragas_llm()
    # One metric at a time: consecutive judge prompts then share their long instruction prefix, which
    # llama.cpp reuses from its KV cache (and the report gets per-metric time).
    for m in RAGAS_METRICS:
        if not (m.ragas_llm and m.name in llm_metrics and m.ragas):
            continue
        start = time.perf_counter()
        frame = _frame(sample, [_instance(m.ragas)], llm=llm, embeddings=embeddings,
                       run_config=judge.run_config(), show_progress=progress)
        _store(frame, positions, todo, info["failed"])
        info["llm_seconds"][m.name] = time.perf_counter() - start
    info["llm_metrics"] = [m for m in (x.name for x in RAGAS_METRICS if x.ragas_llm) if m in llm_metrics]
    info["llm_sample"] = {"n": len(positions), "of": len(todo), "item_ids": [todo[p].item.id for p in positions]}
    return info
