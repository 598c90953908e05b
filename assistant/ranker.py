"""The sentence ranker: a logistic regression distilled from the local LLM's relevance labels.

Why distil: the local model judging each candidate sentence takes seconds per question on two cores;
its judgement, given offline to (question, sentence) pairs (benchmarks/ranker_labels.py), trains a
linear model over cheap features (benchmarks/train_ranker.py) that scores a question's candidates in
well under a millisecond. Only the coefficients ship (assistant/data/ranker.json): no scikit-learn, no
pickle at run time. Without the file the hand-weighted score plus the generated-question similarity
stands in (`fallback_probability`).

Features (FEATURES, in order), all computed from the question's two vectors and the sentence:
similarity as the composer mixes it, whole-question cosine, IDF word overlap, best cosine with the unit's
generated questions (whole and focused question), cosine with its standalone reading, bullet, bullet in a
list question, 1/pool rank, framing sentence, lead-in line, the composer's own hand-weighted score, whether the
sentence points back to the one before it, word overlap with the sentence alone and with its section heading
alone, whether it opens its section, and for six of them the gap to the question's best candidate
(`add_gaps`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RANKER_FILE = Path(__file__).resolve().parent / "data" / "ranker.json"
BASE_FEATURES = ("similarity", "full_similarity", "overlap", "question_similarity", "question_similarity_focus",
                 "standalone_similarity", "bullet", "list_bullet", "inverse_rank", "framing", "lead_in", "hand_score",
                 "needs_previous", "sentence_overlap", "heading_overlap", "first_in_section")
# Each sentence against the question's best candidate: how far below the best it is matters more than the raw
# cosine, which shifts from question to question (a short question scores every sentence lower).
GAP_FEATURES = ("full_similarity", "overlap", "question_similarity", "standalone_similarity", "hand_score",
                "sentence_overlap")
FEATURES = BASE_FEATURES + tuple(f"{name}_gap" for name in GAP_FEATURES)


@dataclass(frozen=True)
class Ranker:
    """mean/scale standardise, then sigmoid(weights . x + bias)."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    meta: dict[str, object]

    def probability(self, x: Sequence[float]) -> float:
        """The logistic model's probability that a sentence with features `x` answers the question (features
        standardised as in training; the logit clipped so that math.exp cannot overflow)."""
        return logistic_probability(self.weights, self.bias, self.mean, self.scale, x)


def logistic_probability(weights: Sequence[float], bias: float, mean: Sequence[float], scale: Sequence[float],
                         x: Sequence[float]) -> float:
    """sigmoid(weights . standardised x + bias), the logit clipped so that math.exp cannot overflow: the one model
    shape both committed logistic models use (this ranker and assistant/relevance_cut.py's cut)."""
    z = bias + sum(w * (v - m) / (s or 1.0) for w, v, m, s in zip(weights, x, mean, scale))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def read_model_file(path: Path, features: Sequence[str]) -> dict[str, Any] | None:
    """A committed model's JSON, or None when it is absent, unreadable or was trained on other `features`."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if tuple(doc.get("features", ())) == tuple(features) else None


def load_ranker(path: Path = RANKER_FILE) -> Ranker | None:
    """The committed ranker, or None when it is absent or was trained on other features."""
    doc = read_model_file(path, FEATURES)
    if doc is None:
        return None
    return Ranker(tuple(doc["weights"]), float(doc["bias"]), tuple(doc["mean"]), tuple(doc["scale"]),
                  {k: v for k, v in doc.items() if k not in ("weights", "bias", "mean", "scale")})


def add_gaps(rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """BASE_FEATURES rows of one question's candidates, each extended by its GAP_FEATURES gaps to the best row."""
    index = [BASE_FEATURES.index(name) for name in GAP_FEATURES]
    best = [max((row[i] for row in rows), default=0.0) for i in index]
    return [[*row, *(row[i] - b for i, b in zip(index, best))] for row in rows]


def fallback_probability(x: Sequence[float]) -> float:
    """Without a trained ranker: the composer's hand score, lifted by the generated-question match."""
    features = dict(zip(FEATURES, x))
    return 0.7 * features["hand_score"] + 0.3 * max(features["question_similarity"], features["question_similarity_focus"])
