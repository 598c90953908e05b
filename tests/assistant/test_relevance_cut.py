"""The learned relevance cut (assistant/relevance_cut.py), with stand-in sentences, units and a one-weight model.

Why these cases: a block the model judges unhelpful goes; the answer's best block, a protected sentence's block, a
block with one likely sentence and a required-looking sentence's block (the composer's first and best-scored choices,
the article's closest sentence) stay; the shipped coefficients load only for the features they were trained on; a
sentence's features are measured against the article's best sentence for the question.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from stand_in_blocks import stand_in_blocks

from assistant.relevance_cut import (FEATURES, MODEL_FILE, ArticleScale, RelevanceModel, drop_unhelpful_blocks,
                                     load_relevance_model)


def _model(threshold: float = 0.4) -> RelevanceModel:
    """The probability is sigmoid of the first feature."""
    n = len(FEATURES)
    return RelevanceModel((1.0,) + (0.0,) * (n - 1), 0.0, (0.0,) * n, (1.0,) * n, threshold)


def _setup(rows: list[tuple[str, int, bool, float]]):
    """rows: (section, unit index, is_bullet, probability) -> chosen, a scale stand-in, enriched."""
    chosen, enriched = stand_in_blocks([row[:3] for row in rows])
    logits = {f"c{n}": math.log(p / (1 - p)) for n, (*_, p) in enumerate(rows)}
    scale = SimpleNamespace(features=lambda s, q, item, d: [logits[s.chunk.id]] + [0.0] * (len(FEATURES) - 1))
    return chosen, scale, enriched


def _cut(chosen, scale, enriched, protected=lambda s: False, labelled=lambda m: True):
    return drop_unhelpful_blocks(chosen, _model(), scale, set(), enriched, labelled, lambda s: False, protected)


def test_an_unlikely_block_goes_and_likely_ones_stay() -> None:
    chosen, scale, enriched = _setup([("a", 0, False, 0.9), ("b", 3, False, 0.6), ("c", 1, False, 0.2)])
    assert _cut(chosen, scale, enriched) == chosen[:2]


def test_a_protected_sentence_keeps_its_block_and_the_best_block_always_stays() -> None:
    chosen, scale, enriched = _setup([("a", 0, False, 0.3), ("c", 1, False, 0.1)])
    assert _cut(chosen, scale, enriched, protected=lambda s: s is chosen[1]) == chosen
    assert _cut(chosen, scale, enriched) == chosen[:1]  # both under the threshold: the best one stays


def test_the_composers_first_and_best_scored_choices_and_the_articles_closest_sentence_stay() -> None:
    chosen, scale, enriched = _setup([("a", 0, False, 0.2), ("b", 3, False, 0.9), ("c", 1, False, 0.1),
                                      ("d", 2, False, 0.1)])
    assert _cut(chosen, scale, enriched) == chosen[:2]  # the first choice stays though the model rates it low
    chosen[2].score = 5.0
    assert _cut(chosen, scale, enriched) == chosen[:3]  # the best-scored one stays
    chosen[2].score = 0.0
    rank = FEATURES.index("inverse_rank")
    closest = lambda s, q, item, d: [scale.features(s, q, item, d)[0]] + [  # noqa: E731
        1.0 if n == rank and s is chosen[3].sentence else 0.0 for n in range(1, len(FEATURES))]
    assert _cut(chosen[1:], SimpleNamespace(features=closest), enriched) == [chosen[1], chosen[3]]


def test_a_list_stands_on_its_best_item() -> None:
    chosen, scale, enriched = _setup([("x", 0, False, 0.9), ("list", 1, True, 0.7), ("list", 2, True, 0.1)])
    assert _cut(chosen, scale, enriched) == chosen
    assert _cut(chosen, scale, enriched, labelled=lambda m: False) == chosen[:2]  # no labelled list: items alone


def test_the_shipped_model_loads_for_its_features_only(tmp_path: Path) -> None:
    model = load_relevance_model()
    assert model is not None and len(model.weights) == len(FEATURES) and 0.0 < model.threshold < 1.0
    doc = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    doc["features"] = doc["features"][:-1]
    other = tmp_path / "relevance_cut.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    assert load_relevance_model(other) is None and load_relevance_model(tmp_path / "absent.json") is None


def test_features_are_measured_against_the_articles_best_sentence() -> None:
    vectors = {"a1": np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32), "s1": np.array([[0.0, 1.0]], dtype=np.float32)}
    bank = SimpleNamespace(vectors=lambda cid: vectors[cid], sentences=lambda cid: list(range(len(vectors[cid]))),
                           terms=lambda cid: [{"nerve", "damage"}, {"skin"}][: len(vectors[cid])],
                           heading_terms=lambda cid: {"symptom"},
                           overlap=lambda q, t: len(q & t) / len(q) if q else 0.0)
    chunks = [SimpleNamespace(id="a1", source_id="article"), SimpleNamespace(id="s1", source_id="source")]
    scale = ArticleScale([1.0, 0.0], [1.0, 0.0], bank, chunks)  # the source's sentence is not the article's
    second = SimpleNamespace(chunk=SimpleNamespace(id="a1"), index=1)
    x = dict(zip(FEATURES, scale.features(second, {"skin", "rash"}, None, False)))
    assert math.isclose(x["cosine"], 0.6, abs_tol=1e-6) and math.isclose(x["cosine_gap"], -0.4, abs_tol=1e-6)
    assert x["inverse_rank"] == 0.5 and x["overlap"] == 0.5 and x["bullet"] == 0.0


def test_the_composer_runs_the_cut_after_the_off_topic_cut_on_first_turns_only(monkeypatch) -> None:
    import assistant.enriched_compose as composer

    calls: list[str] = []
    monkeypatch.setattr(composer, "drop_far_blocks", lambda chosen, *a, **k: calls.append("far") or chosen)
    monkeypatch.setattr(composer, "cut_model", lambda: _model())
    monkeypatch.setattr(composer, "ArticleScale", lambda *a: "scale")
    monkeypatch.setattr(composer, "drop_unhelpful_blocks", lambda chosen, *a: calls.append("learned") or chosen[:1])
    chosen = ["s1", "s2"]
    run = lambda levers, first: composer._on_topic(chosen, "which tests", [1.0], None, None, set(), levers,  # noqa: E731
                                                  first, set(), ([1.0], []))
    assert run(composer.Levers(learned_cut=True), True) == ["s1"] and calls == ["far", "learned"]
    calls.clear()
    assert run(composer.Levers(), True) == chosen and calls == ["far"]  # opt-in: off by default
    calls.clear()
    assert run(composer.Levers(learned_cut=True), False) == chosen and calls == []
