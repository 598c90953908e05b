"""The hand labels behind answer precision's judge check and related-reference precision."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bank_checks import known_reference_ids

from corpus.article import load_article
from corpus.paths import article_path
from eval.errors import EvalError
from eval.labels import load_reference_labels, load_relevance_labels
from foundation.settings import Settings


@pytest.fixture(scope="module")
def sections() -> dict[str, str]:
    return {s.id: s.text for s in load_article(article_path(Settings())).sections}


def test_relevance_labels_are_enough_balanced_and_in_the_article(sections: dict[str, str]) -> None:
    labels = load_relevance_labels()
    assert len(labels) >= 40
    counts = Counter(label.helps for label in labels)
    assert counts[True] >= 10 and counts[False] >= 10  # agreement on one class alone would say little
    for label in labels:
        assert label.sentence in sections[label.section_id], label.sentence


def test_reference_labels_name_real_entries_and_article_sentences(sections: dict[str, str], settings: Settings) -> None:
    known = known_reference_ids(settings)
    labels = load_reference_labels()
    assert len(labels) >= 20
    for label in labels:
        assert label.sentence in sections[label.section_id], label.sentence
        assert set(label.reference_ids) <= known, label.reference_ids


def test_bad_label_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"question": "q", "sentence": "s", "section_id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r"labels.jsonl:1: helps: Field required"):
        load_relevance_labels(path)
    row = json.dumps({"section_id": "x", "sentence": "s", "reference_ids": []})
    path.write_text(f"{row}\n{row}\n", encoding="utf-8")
    with pytest.raises(EvalError, match=r":2: duplicate"):
        load_reference_labels(path)
