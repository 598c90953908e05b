"""Plots for eval reports (PNG, matplotlib Agg): dev vs test, per category, retrieval recall@k, status confusion.

Why these: dev-vs-test bars show at a glance whether tuning on dev carried over to test; categories show
*where* the assistant fails; recall@k curves show whether hybrid retrieval beats dense and BM25 at every
depth; the confusion matrix shows which behaviour a wrong status went to (a missed emergency, a
language answered as off-topic). Which metrics appear is read from the registry.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any


def _shares(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The registered metrics whose values are shares (0..1), as the report describes them."""
    return [m for m in report["metric_info"] if m["scale"] == "share"]


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


def _save(fig: Any, plt: Any, path: Path) -> Path:
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_splits(report: dict[str, Any], path: Path) -> Path:
    """Horizontal bars per metric (0..1), one bar per split; a tick marks each target; unmeasured metrics are left out."""
    plt = _pyplot()
    splits = [s for s in report["metrics"] if s != "all"] or list(report["metrics"])
    shown = [m for m in _shares(report) if any(report["metrics"][s][m["name"]]["value"] is not None for s in splits)]
    fig, ax = plt.subplots(figsize=(8, max(3, 0.38 * len(shown) * len(splits))))
    height = 0.8 / max(1, len(splits))
    for i, split in enumerate(splits):
        ys = [n + i * height for n in range(len(shown))]
        ax.barh(ys, [_num(report["metrics"][split][m["name"]]["value"]) for m in shown], height, label=split)
    for n, m in enumerate(shown):
        if m["target"] is not None:
            ax.plot([m["target"], m["target"]], [n - 0.1, n + 0.8], color="black", linewidth=1.5)
    ax.set_yticks([n + height * (len(splits) - 1) / 2 for n in range(len(shown))])
    ax.set_yticklabels([m["label"] for m in shown], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.set_title(f"dev vs test (black tick = target; judge: {report.get('judge', {}).get('name', 'none')})", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    return _save(fig, plt, path)


def plot_categories(report: dict[str, Any], path: Path) -> Path:
    """Grouped bars on the primary split: for each category, the per-category metrics that apply to it."""
    plt = _pyplot()
    per = report["splits"][report["primary_split"]]["per_category"]
    cats = sorted(per)
    series = [m for m in _shares(report) if m["per_category"] and any(per[c].get(m["name"]) is not None for c in cats)]
    fig, ax = plt.subplots(figsize=(max(8, len(cats) * 1.0), 4.8))
    width = 0.8 / max(1, len(series))
    for i, m in enumerate(series):
        xs = [c + i * width for c in range(len(cats))]
        ax.bar(xs, [_num(per[c].get(m["name"])) for c in cats], width, label=m["label"])
    ax.set_xticks([c + width * (len(series) - 1) / 2 for c in range(len(cats))])
    ax.set_xticklabels([f"{c}\n(n={per[c]['n']})" for c in cats], rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"Per category, {report['primary_split']} split (judge: {report.get('judge', {}).get('name', 'none')})",
                 fontsize=10)
    ax.legend(fontsize=7, loc="lower right", ncol=2)
    return _save(fig, plt, path)


def plot_retrieval(report: dict[str, Any], path: Path) -> Path:
    """recall@k for k in 1, 3, 5, 10 on the primary split, one line per retriever."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, scores in report["splits"][report["primary_split"]]["retrieval"].items():
        ks = sorted(int(k.split("@")[1]) for k in scores if k.startswith("recall@"))
        if ks:
            ax.plot(ks, [_num(scores[f"recall@{k}"]) for k in ks], marker="o", label=f"{name} (n={scores.get('n')})")
    ax.axhline(0.9, color="grey", linestyle=":", linewidth=1, label="target recall@5 = 0.90")
    ax.set_xlabel("k")
    ax.set_ylabel("recall@k (reference spans found)")
    ax.set_ylim(0, 1.05)
    ax.set_title(f"Retrieval recall@k ({report['primary_split']}): dense vs BM25 vs hybrid", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    return _save(fig, plt, path)


def plot_confusion(report: dict[str, Any], path: Path) -> Path:
    """Status confusion matrices (expected row, got column), one panel per split, counts in the cells."""
    plt = _pyplot()
    splits = [s for s in report["splits"] if s != "all"] or list(report["splits"])
    labels = sorted({k for s in splits for row in report["splits"][s]["confusion"].values() for k in row}
                    | {k for s in splits for k in report["splits"][s]["confusion"]})
    fig, axes = plt.subplots(1, len(splits), figsize=(5.2 * len(splits), 4.6), squeeze=False)
    for ax, split in zip(axes[0], splits, strict=True):
        matrix = report["splits"][split]["confusion"]
        grid = [[matrix.get(e, {}).get(g, 0) for g in labels] for e in labels]
        ax.imshow(grid, cmap="Blues")
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v:
                    ax.text(c, r, str(v), ha="center", va="center", fontsize=8, color="red" if r != c else "black")
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=7)
        ax.set_yticks(range(len(labels)))
        ax.set_yticklabels(labels, fontsize=7)
        ax.set_xlabel("status got")
        ax.set_ylabel("expected")
        ax.set_title(f"{split} (n={report['splits'][split]['n']})", fontsize=10)
    return _save(fig, plt, path)


PLOTS = {"splits": plot_splits, "categories": plot_categories, "retrieval": plot_retrieval, "confusion": plot_confusion}
