"""A learned relevance cut: a shown block whose every sentence a small logistic model judges unhelpful goes.

Why learned: the off-topic cut (assistant/off_topic.py) compares one number, a sentence's MiniLM cosine with the
focused question, against the answer's best; the hand labels of the precision banks (eval/relevance_pool.py, over a
thousand "does this sentence help answer this question?" pairs) can weigh several cheap signals at once: the cosine and
how far it sits under the article's best sentence for the question, its rank among the article's sentences, the whole
question's cosine, IDF word overlap with the sentence and with its section heading, whether it names a distinctive
question word, and whether it is a list item or a lead-in line. The model is trained by
`benchmarks/train_relevance_cut.py` on the STUDIED parts' labels only and judged on the blind parts'; only its
coefficients and threshold ship (`assistant/data/relevance_cut.json`, beside the ranker's): no scikit-learn at run time.

What it may drop is a block (off_topic.blocks: a list shown whole, a paragraph's neighbours, a sentence and the one it
leans on), never a protected sentence (the off-topic cut's protections: a distinctive question word, the asked
definition, what a lead-in announced), never the answer's best block and never a required-looking sentence (the
composer's first and best-scored choices, the article's closest sentence): it trims, it does not empty an answer.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.ranker import logistic_probability, read_model_file

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import Sentence, SentenceBank
    from index.models import Chunk

MODEL_FILE = Path(__file__).resolve().parent / "data" / "relevance_cut.json"
FEATURES = ("cosine", "cosine_gap", "inverse_rank", "full_cosine", "full_gap", "overlap", "heading_overlap",
            "distinctive", "bullet", "lead_in", "length")


@dataclass(frozen=True)
class RelevanceModel:
    """mean/scale standardise, then sigmoid(weights . x + bias); a block under `threshold` everywhere may go."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    def probability(self, x: Sequence[float]) -> float:
        """The probability that a sentence with features `x` helps answer the question (logit clipped for exp)."""
        return logistic_probability(self.weights, self.bias, self.mean, self.scale, x)


@functools.lru_cache(maxsize=1)
def cut_model() -> RelevanceModel | None:
    """The shipped model, read once per process."""
    return load_relevance_model()


def load_relevance_model(path: Path = MODEL_FILE) -> RelevanceModel | None:
    """The committed model, or None when it is absent or was trained on other features (the cut then does nothing)."""
    doc = read_model_file(path, FEATURES)
    if doc is None:
        return None
    return RelevanceModel(tuple(doc["weights"]), float(doc["bias"]), tuple(doc["mean"]), tuple(doc["scale"]),
                          float(doc["threshold"]))


class ArticleScale:
    """The question's cosines with every article sentence: where one sentence sits against the article's best.

    Why the article and not the answer: the same number offline (training from labels alone) and at query time, and a
    short question that scores every sentence low is measured against its own best.
    """

    def __init__(self, focus_vec: Any, full_vec: Any, bank: "SentenceBank", chunks: Sequence["Chunk"]) -> None:
        import numpy as np

        article = [c.id for c in chunks if c.source_id == "article"]
        rows = [bank.vectors(cid) for cid in article if len(bank.sentences(cid))]
        matrix = np.vstack(rows) if rows else np.zeros((0, len(focus_vec)), dtype=np.float32)
        self.focus = np.asarray(focus_vec, dtype=np.float32)
        self.full = np.asarray(full_vec if full_vec is not None else focus_vec, dtype=np.float32)
        self.bank = bank
        self.cosines = np.sort(matrix @ self.focus)[::-1] if len(matrix) else np.zeros(1, dtype=np.float32)
        self.full_best = float((matrix @ self.full).max()) if len(matrix) else 0.0

    def features(self, sentence: "Sentence", q_terms: set[str], item: "EnrichedUnit | None",
                 distinctive: bool) -> list[float]:
        """FEATURES of one sentence, in order."""
        vec = self.bank.vectors(sentence.chunk.id)[sentence.index]
        cos, full = float(vec @ self.focus), float(vec @ self.full)
        rank = int((self.cosines > cos + 1e-6).sum()) + 1
        terms = self.bank.terms(sentence.chunk.id)[sentence.index]
        return [cos, cos - float(self.cosines[0]), 1.0 / rank, full, full - self.full_best,
                self.bank.overlap(q_terms, terms), self.bank.overlap(q_terms, self.bank.heading_terms(sentence.chunk.id)),
                float(distinctive), float(bool(item and item.unit.is_bullet)), float(bool(item and item.unit.is_lead_in)),
                math.log1p(len(terms))]


def drop_unhelpful_blocks(chosen: Sequence["Scored"], model: RelevanceModel, scale: ArticleScale, q_terms: set[str],
                          enriched: "EnrichedUnits", labelled: Callable[[Sequence["EnrichedUnit"]], bool],
                          distinctive: Callable[["Scored"], bool],
                          protected: Callable[["Scored"], bool] = lambda s: False) -> list["Scored"]:
    """`chosen` less the blocks whose best probability is under the model's threshold (module docstring); the best
    block and any block with a protected sentence stay."""
    from assistant.off_topic import blocks

    if len(chosen) < 2:
        return list(chosen)
    groups = blocks(chosen, enriched, labelled)
    if len(groups) < 2:
        return list(chosen)
    x = [scale.features(s.sentence, q_terms, enriched.for_sentence(s.sentence), distinctive(s)) for s in chosen]
    p = [model.probability(row) for row in x]
    best = [max(p[i] for i in g) for g in groups]
    top = max(best)
    looks_required = required_looking(chosen, x)
    keep = {i for g, b in zip(groups, best)
            if b >= model.threshold or b == top or any(protected(chosen[i]) or i in looks_required for i in g) for i in g}
    return [s for i, s in enumerate(chosen) if i in keep]


def required_looking(chosen: Sequence["Scored"], x: Sequence[Sequence[float]]) -> set[int]:
    """The positions no learned cut may touch: the composer's first choice, its best-scored sentence and the article's
    closest sentence to the question (rank 1).

    Why: the model rates sentences one by one and, on dev, cut required facts it rated under a sentence the composer
    had rightly put first; benchmarks/relevance_cut_lobo.py measures, bank by bank on writers it never trained on, that
    with these kept no required sentence of the held-out blind parts goes.
    """
    rank = FEATURES.index("inverse_rank")
    best = max(range(len(chosen)), key=lambda i: chosen[i].score)
    return {0, best} | {i for i, row in enumerate(x) if row[rank] >= 1.0}
