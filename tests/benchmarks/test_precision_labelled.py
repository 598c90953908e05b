"""The one runner of the hand-labelled precision banks (benchmarks/precision_labelled.py) finds a bank by its name.

Why: banks 4 to 7 once had a module each that only named its files; the runner now takes the bank's name, so a name
that resolves to no file must stop it with a message instead of scoring an empty bank as 0.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.precision_labelled import DATA, bank_path, labels_of

REPO = Path(__file__).resolve().parents[2]


def test_a_bank_is_named_by_its_file_stem_or_its_path_and_its_labels_sit_beside_it() -> None:
    assert bank_path("precision_check7") == DATA / "precision_check7.jsonl"
    assert bank_path(str(DATA / "precision_check5.jsonl")) == DATA / "precision_check5.jsonl"
    assert labels_of(bank_path("precision_check4")) == DATA / "precision_check4_labels.json"


def test_an_unknown_bank_stops_the_runner_with_its_name() -> None:
    with pytest.raises(SystemExit, match="precision_check99"):
        bank_path("precision_check99")


def test_the_runner_says_how_to_call_it() -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks.precision_labelled", "precision_check7"], cwd=REPO,
                          capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": ""})
    assert done.returncode != 0 and "usage: python -m benchmarks.precision_labelled BANK" in done.stderr
