"""Small statistics shared by the metrics: a NaN-ignoring mean, percentiles, latency summaries."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def mean(values: Iterable[float | None]) -> float:
    """Mean of the values that are numbers (None and NaN are skipped); NaN when there are none."""
    vals = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return sum(vals) / len(vals) if vals else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), NaN for no values."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return float("nan")
    pos = (len(vals) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / max and the count: what a reader asks of a latency sample."""
    return {"p50_ms": percentile(milliseconds, 50), "p95_ms": percentile(milliseconds, 95),
            "max_ms": max(milliseconds) if milliseconds else float("nan"), "n": len(milliseconds)}
