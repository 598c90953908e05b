"""Plots for eval reports: per-category bars and retrieval recall@k curves (PNG, matplotlib Agg).

Why these two: categories show *where* the assistant fails (e.g. safety routing vs retrieval), and
the recall@k curves show whether hybrid retrieval beats dense and BM25 at every depth, not just at 5.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

CATEGORY_SERIES = (
    ("status_accuracy", "status accuracy"),
    ("answer_span_recall", "answer quotes reference"),
    ("hybrid_recall@5", "hybrid recall@5"),
    ("citation_recall", "citation recall"),
    ("citation_precision", "citation precision"),
    ("faithfulness", "faithfulness"),
)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _num(value: Any) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(f) else f


def plot_categories(report: dict[str, Any], path: Path) -> Path:
    """Grouped bars: for each category, the metrics that apply to it (missing ones are left out)."""
    plt = _pyplot()
    per = report.get("per_category", {})
    cats = list(per)
    series = [(key, label) for key, label in CATEGORY_SERIES if any(key in per[c] for c in cats)]
    fig, ax = plt.subplots(figsize=(max(8, len(cats) * 0.9), 4.5))
    width = 0.8 / max(1, len(series))
    for i, (key, label) in enumerate(series):
        xs = [c + i * width for c in range(len(cats))]
        ax.bar(xs, [_num(per[c].get(key)) if key in per[c] else 0 for c in cats], width, label=label)
    ax.set_xticks([c + width * (len(series) - 1) / 2 for c in range(len(cats))])
    ax.set_xticklabels([f"{c}\n(n={per[c]['n']})" for c in cats], rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"Per-category scores (judge: {report.get('judge', {}).get('name', 'none')})", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_retrieval(report: dict[str, Any], path: Path) -> Path:
    """recall@k for k in 1, 3, 5, 10, one line per retriever."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, scores in report.get("retrieval", {}).items():
        ks = sorted(int(k.split("@")[1]) for k in scores if k.startswith("recall@"))
        if ks:
            ax.plot(ks, [_num(scores[f"recall@{k}"]) for k in ks], marker="o", label=f"{name} (n={scores.get('n')})")
    ax.axhline(0.9, color="grey", linestyle=":", linewidth=1, label="target recall@5 = 0.90")
    ax.set_xlabel("k")
    ax.set_ylabel("recall@k (reference spans found)")
    ax.set_ylim(0, 1.05)
    ax.set_title("Retrieval recall@k: dense vs BM25 vs hybrid", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
