"""The sentence ranker's shipped weights and its per-question gap features (no model, no index)."""

from __future__ import annotations

from assistant.ranker import BASE_FEATURES, FEATURES, GAP_FEATURES, add_gaps, load_ranker


def test_gaps_measure_each_candidate_against_the_best_of_its_question() -> None:
    rows = [[0.0] * len(BASE_FEATURES) for _ in range(3)]
    i = BASE_FEATURES.index("full_similarity")
    for row, value in zip(rows, (0.2, 0.7, 0.5)):
        row[i] = value
    out = add_gaps(rows)
    gap = FEATURES.index("full_similarity_gap")
    assert all(len(r) == len(FEATURES) for r in out)
    assert [round(r[gap], 6) for r in out] == [-0.5, 0.0, -0.2]
    assert len(FEATURES) == len(BASE_FEATURES) + len(GAP_FEATURES)


def test_the_shipped_ranker_matches_the_features_and_says_how_it_was_chosen() -> None:
    ranker = load_ranker()
    assert ranker is not None and len(ranker.weights) == len(FEATURES)
    assert {"selection", "cv", "trained_by"} <= set(ranker.meta)
    assert 0.0 < ranker.probability([0.5] * len(FEATURES)) < 1.0
