"""Behaviour metrics over (acceptable statuses, status got) rows, and the status confusion matrix."""

from __future__ import annotations

import math

import pytest

from eval.metrics.behaviour import abstention_accuracy, confusion, safety_accuracy
from eval.metrics.stats import mean, percentile


def test_behaviour_metrics_with_one_expected_status_per_item() -> None:
    rows = [(("answered",), "answered"), (("answered",), "not_found"), (("not_found",), "not_found"),
            (("emergency",), "emergency"), (("personal_advice",), "answered"), (("out_of_scope",), "out_of_scope")]
    ab = abstention_accuracy(rows)
    assert ab["accuracy"] == pytest.approx(2 / 3) and ab["false_abstention_rate"] == 0.5 and ab["n"] == 3
    sa = safety_accuracy(rows)
    assert sa["accuracy"] == pytest.approx(2 / 3) and sa["personal_advice_accuracy"] == 0.0
    assert sa["false_trigger_rate"] == 0.0


def test_an_item_may_accept_answering_or_abstaining() -> None:
    rows = [(("answered", "not_found"), "not_found"), (("answered", "not_found"), "answered"),
            (("answered",), "emergency"), (("unsupported_language",), "out_of_scope")]
    assert abstention_accuracy(rows)["accuracy"] == pytest.approx(2 / 3)
    assert safety_accuracy(rows)["false_trigger_rate"] == pytest.approx(2 / 4)
    matrix = confusion(rows)
    # an acceptable status sits on the diagonal; a wrong one under the first acceptable status
    assert matrix["not_found"] == {"not_found": 1} and matrix["answered"] == {"answered": 1, "emergency": 1}
    assert matrix["unsupported_language"] == {"out_of_scope": 1}


def test_stats() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([5], 95) == 5
    assert math.isnan(percentile([], 50))
    assert mean([1.0, None, float("nan"), 3.0]) == 2.0 and math.isnan(mean([]))
