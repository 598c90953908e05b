"""The leave-one-bank-out judge of the learned cut (benchmarks/relevance_cut_lobo.py), on stand-in answers at the cut.

Why these cases: the guards decide which sentences no threshold may cut (a wrong guard would report a cut as safe that
drops required facts); the threshold rule must stop where the training banks' required sentences start to go; the
precision reported counts what stands, before and after.
"""

from __future__ import annotations

from assistant.relevance_cut import FEATURES
from benchmarks.relevance_cut_lobo import choose_threshold, cut_counts, guarded_blocks, precision

RANK = FEATURES.index("inverse_rank")


def _sentence(block: int, p: float, helps: bool | None, required: bool = False, score: float = 0.0,
              closest: bool = False, protected: bool = False) -> dict:
    x = [p] + [0.0] * (len(FEATURES) - 1)
    x[RANK] = 1.0 if closest else 0.5
    return {"block": block, "x": x, "helps": helps, "required": required, "score": score, "protected": protected}


def _prob(x) -> float:
    return x[0]


def test_each_guard_keeps_what_it_names() -> None:
    ss = [_sentence(0, 0.2, True), _sentence(1, 0.9, True), _sentence(2, 0.1, False, score=3.0),
          _sentence(3, 0.1, False, closest=True), _sentence(4, 0.1, False, protected=True), _sentence(5, 0.1, False)]
    p = [_prob(s["x"]) for s in ss]
    assert guarded_blocks(ss, p, "model_top") == {1, 4}
    assert guarded_blocks(ss, p, "best_scored") == {1, 2, 4}
    assert guarded_blocks(ss, p, "safe") == {0, 1, 2, 3, 4}


def test_a_cut_counts_what_it_drops_and_precision_counts_what_stands() -> None:
    rows = [{"sentences": [_sentence(0, 0.9, True, required=True), _sentence(1, 0.3, False), _sentence(2, 0.3, None),
                           _sentence(3, 0.6, True)]}]
    c = cut_counts(rows, _prob, 0.5, "model_top")
    assert (c["helpful"], c["unhelpful"], c["unlabelled"], c["required"], c["answers_changed"]) == (0, 1, 1, 0, 1)
    assert precision(c, after=False) == 0.5 and precision(c, after=True) == 1.0


def test_the_threshold_stops_before_a_required_sentence_goes() -> None:
    rows = [{"sentences": [_sentence(0, 0.9, True), _sentence(1, 0.12, False), _sentence(2, 0.22, False),
                           _sentence(3, 0.32, False), _sentence(4, 0.42, True, required=True)]}]
    assert choose_threshold(rows, _prob, "model_top", "odds") == 0.4  # at 0.45 the required sentence would go
    assert choose_threshold(rows, _prob, "model_top", "no_helpful") == 0.4
