"""What the learned personal-advice check trains on (benchmarks/advice_data.py) and how leave-one-bank-out
(benchmarks/advice_lobo.py) leaves a bank out.

Why: round 15 can train on the studied parts of the check banks advice_check{3,4,5} (leave-one-bank-out does); their
blind parts are the only unseen measure those banks keep, so a blind question reaching the training rows would make
the blind numbers a fitted score without anyone noticing. The shipped weights use no check bank at all.
"""

from __future__ import annotations

from benchmarks.advice_data import LABEL, STUDIED_BANKS, blind_texts, check_bank_rows, training_rows
from benchmarks.advice_lobo import rows_without
from benchmarks.emergency_data import Row


def test_no_blind_question_is_ever_a_training_row() -> None:
    blind = blind_texts()
    assert len(blind) >= 60  # three banks' blind thirds
    rows = training_rows(STUDIED_BANKS)
    assert not blind & {r.text for r in rows if r.group.startswith("advice_check")}
    # a short blind question an older source happens to hold ("is pns hereditary" in the self-written bank, a corpus
    # unit's generated question) is all that may meet: the sources written before the blind parts are not cut
    assert len(blind & {r.text for r in rows}) <= 3


def test_the_studied_parts_are_trained_on_and_labelled_by_their_statuses() -> None:
    rows = check_bank_rows(STUDIED_BANKS[-1])
    assert rows and all(r.group.startswith("advice_check5:advice5-studied-") for r in rows)
    assert {r.label for r in rows} == {LABEL, "none"}
    trained = {r.text for r in training_rows(STUDIED_BANKS)}
    assert len({r.text for r in rows} - trained) <= 3  # only a text another bank's part also holds is dropped


def test_the_shipped_rows_hold_no_check_bank() -> None:
    base = training_rows()
    assert not any(r.group.startswith("advice_check") for r in base)
    assert len(base) < len(training_rows(STUDIED_BANKS))


def test_leaving_a_bank_out_drops_its_rows_and_pieces_only() -> None:
    rows = [Row("should i stop my chemo", LABEL, "advice_check4:x", "bank"),
            Row("how is it treated", "none", "advice:1", "bank")]
    data = {"rows": rows, "base": rows, "piece_rows": [(0, "should i stop my chemo", LABEL), (1, "how is it treated", "none")]}
    kept = rows_without(data, {"advice_check4"})
    assert kept["base"] == rows[1:] and kept["piece_rows"] == [(1, "how is it treated", "none")]
    assert rows_without(data, set())["piece_rows"] == data["piece_rows"]
