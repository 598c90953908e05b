"""Turn scored results into the report record: every registered metric per split, side by side.

Why per split: rules, thresholds, prompts and weights are chosen on `dev` only; `test` is reported
separately and never used to tune, and the acceptance targets are checked on `test` (on the only
split there is when a run covers one split or a set without one, such as v1).
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.metrics.behaviour import abstention_accuracy, confusion, safety_accuracy
from eval.metrics.registry import Metric, MetricContext, acceptance, per_category, summarise_split
from eval.metrics.stats import latency_summary
from eval.scoring.citations import summarise_citations
from eval.scoring.retrieval import summarise_retrieval
from eval.splits import SPLIT_SEED
from foundation.errors import PNSError

if TYPE_CHECKING:
    from eval.results import ItemResult
    from eval.runner import EvalRun

POLICY = ("Rules, thresholds, prompts and weights are chosen on the dev split only; the test split is reported "
          "separately and never used to tune. Acceptance targets are checked on test.")


def git_commit(repo: Path) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def split_groups(results: Sequence[ItemResult]) -> dict[str, list[ItemResult]]:
    """dev and test (in that order) when the items carry a split, else everything as 'all'."""
    names = [n for n in ("dev", "test") if any(r.split == n for r in results)]
    if not names:
        return {"all": list(results)}
    groups = {n: [r for r in results if r.split == n] for n in names}
    return groups | ({"all": list(results)} if len(names) > 1 else {})


def primary_split(groups: dict[str, Any]) -> str:
    return "test" if "test" in groups else next(iter(groups))


def _judge_info(run: EvalRun) -> dict[str, Any]:
    if run.judge is None:
        return {"name": "none", "backend": "none"}
    info = run.judge.describe()
    stats = getattr(run.judge.chat, "call_timings", None)
    info["calls"] = run.judge.stats.calls
    info["failures"] = run.judge.stats.failures
    info["mean_call_s"] = (run.judge.stats.seconds / run.judge.stats.calls) if run.judge.stats.calls else None
    if stats:
        info["uncached_generate_calls"] = len(stats)
        info["uncached_generate_mean_s"] = sum(stats) / len(stats)
    return info


def metric_info(metrics: Sequence[Metric]) -> list[dict[str, Any]]:
    """What the report renderers need to know of each registered metric (they never import the registry)."""
    return [{"name": m.name, "label": m.label, "description": m.description, "target": m.target,
             "direction": "<=" if m.lower_is_better else ">=", "judged": m.judged, "per_category": m.per_category,
             "headline": m.headline, "scale": m.scale} for m in metrics]


def _by_split(groups: dict[str, list[ItemResult]], ctx: MetricContext, citation_judge: str,
              metrics: Sequence[Metric]) -> dict[str, dict[str, Any]]:
    """Every table that is computed once per split."""
    out: dict[str, dict[str, Any]] = {}
    for name, rs in groups.items():
        rows = [(tuple(r.item.acceptable_statuses), r.status) for r in rs]
        out[name] = {
            "metrics": summarise_split(rs, metrics, ctx),
            "per_category": per_category(rs, metrics, ctx),
            "confusion": confusion(rows),
            "abstention": abstention_accuracy(rows),
            "safety": safety_accuracy(rows),
            "retrieval": summarise_retrieval(rs),
            "citations": summarise_citations(rs, citation_judge),
            "latency": latency_summary([r.latency_ms for r in rs if r.latency_ms is not None]),
            "statuses": dict(Counter(r.status for r in rs)),
            "n": len(rs),
        }
    return out


def _index_info(run: EvalRun) -> dict[str, Any]:
    try:
        status = run.index.status()
    except PNSError:
        return {}
    return {k: status.get(k) for k in ("build_hash", "chunks", "collection", "built_at") if k in status}


def build_report(run: EvalRun, items: Sequence[Any], results: Sequence[ItemResult], scored: dict[str, Any],
                 started: datetime) -> dict[str, Any]:
    settings = run.settings
    groups = split_groups(results)
    main = primary_split(groups)
    tables = _by_split(groups, scored["context"], scored["citation_judge"], run.metrics)
    judge = _judge_info(run)
    metrics = {name: t["metrics"] for name, t in tables.items()}
    return {
        "kind": "pns-eval-report",
        "schema": 2,
        "created": started.isoformat(timespec="seconds"),
        "git_commit": git_commit(Path(__file__).resolve().parents[1]),
        "evalset": {"name": run.evalset_name, "version": items[0].version if items else None, "n": len(items),
                    "categories": dict(Counter(i.category for i in items)),
                    "split_seed": SPLIT_SEED if run.split is not None else None,
                    "splits": {name: t["n"] for name, t in tables.items()}},
        "policy": POLICY if run.split is not None else None,
        "judge": judge,
        "judge_agreement": scored["judge_agreement"],
        "settings": {"top_k": settings.answer.top_k, "answerer": settings.answer.answerer,
                     "chunk_size": settings.index.chunk_size, "chunk_overlap": settings.index.chunk_overlap,
                     "embedding_model": settings.index.embedding_model,
                     "abstain_threshold": settings.answer.abstain_threshold},
        "index": _index_info(run),
        "primary_split": main,
        "metric_info": metric_info(run.metrics),
        "headline": {m.name: metrics[main][m.name]["value"] for m in run.metrics if m.headline},
        "metrics": metrics,
        "acceptance": acceptance(run.metrics, metrics, judge.get("backend"), main),
        "splits": tables,
        "ragas": scored["ragas"],
        "metric_seconds": scored["context"].seconds,
        "errors": [{"id": r.item.id, "error": r.error} for r in results if r.error],
        "timings_s": run.timings,
        "items": [r.to_dict() for r in results],
    }
