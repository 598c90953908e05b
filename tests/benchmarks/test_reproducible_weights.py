"""The learned checks' weights are reproducible: the same rows give byte-identical files (benchmarks/reproducible_weights.py).

Why: a retraining is judged by what it moves on the check banks; if a run on unchanged rows also moved bytes (zip
stamps, the day in the meta, the order threads add in), nobody could tell the data's effect from the run's noise.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from benchmarks import emergency_classifier as ec
from benchmarks.emergency_data import Row
from benchmarks.reproducible_weights import THREAD_VARIABLES, npz_bytes, single_threaded, write_npz


def test_the_archive_depends_on_the_arrays_only_and_numpy_reads_it(tmp_path: Path) -> None:
    arrays = {"w": np.arange(6, dtype=np.float32).reshape(2, 3), "meta": np.array(json.dumps({"a": 1}))}
    first = npz_bytes(arrays)
    assert npz_bytes(dict(arrays)) == first
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert [m.filename for m in members] == ["w.npy", "meta.npy"]
    assert {m.date_time for m in members} == {(1980, 1, 1, 0, 0, 0)}
    write_npz(tmp_path / "m.npz", arrays)
    assert (tmp_path / "m.npz").read_bytes() == first
    with np.load(tmp_path / "m.npz", allow_pickle=False) as data:
        assert np.array_equal(data["w"], arrays["w"]) and json.loads(str(data["meta"])) == {"a": 1}


def _tiny_training_data() -> dict:
    """A few labelled pieces with seeded vectors and n-grams, shaped as benchmarks.emergency_classifier.prepare's."""
    from assistant.emergency_model import NGRAM_BUCKETS
    from scipy.sparse import csr_matrix

    rng = np.random.default_rng(0)
    texts = [f"piece {i}" for i in range(40)]
    labels = [("emergency", "self_harm", "overdose", "none", "none")[i % 5] for i in range(40)]
    base = [Row(t, label, f"g{i}", "bank") for i, (t, label) in enumerate(zip(texts, labels))]
    vectors = rng.normal(size=(40, 8)).astype(np.float32)
    grams = csr_matrix(rng.random((40, NGRAM_BUCKETS)) > 0.999, dtype=np.float32)
    return {"base": base, "rows": base, "piece_rows": [(i, t, label) for i, (t, label) in enumerate(zip(texts, labels))],
            "index": {t: i for i, t in enumerate(texts)}, "vectors": vectors, "grams": grams}


def test_the_same_rows_give_byte_identical_weights_with_no_date_in_them(tmp_path: Path) -> None:
    data, cv = _tiny_training_data(), {"all": {}, "ordinary negatives": {}}
    with single_threaded():
        ec.save_model(data, 0.5, 0.43, cv, tmp_path / "a.npz")
    ec.save_model(data, 0.5, 0.43, cv, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    with np.load(tmp_path / "a.npz", allow_pickle=False) as saved:
        assert "created" not in json.loads(str(saved["meta"]))


def test_single_threaded_sets_the_pools_to_one_and_gives_the_environment_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from threadpoolctl import threadpool_info

    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with single_threaded():
        assert all(os.environ[name] == "1" for name in THREAD_VARIABLES)
        assert all(pool["num_threads"] == 1 for pool in threadpool_info())
    assert os.environ["OMP_NUM_THREADS"] == "4" and "OPENBLAS_NUM_THREADS" not in os.environ
