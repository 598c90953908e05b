"""A ranking asked of two things the article names together and ranks nowhere is a comparison it does not make;
two sides with their own sentences, or a sentence that ranks them, are not (assistant/unranked_sides.py)."""

from __future__ import annotations

import pytest

from assistant.unranked_sides import ranked_sides, unranked_sides


@pytest.fixture(scope="module")
def article_texts(packaged_corpus) -> list[str]:
    return [section.text for section in packaged_corpus.article.sections]


@pytest.mark.parametrize("question", [
    "is ivig better than plasmapheresis for pns",
    "is Intravenous Immunoglobulin (IVIG) better than plasmapheresis",  # the speller's spelt-out form
    "mri or ct better?",
    "which is better, ivig or plasmapheresis",
    "is plasmapheresis or ivig more effective",
])
def test_two_sides_one_unranking_sentence_names_are_unranked(article_texts, question: str) -> None:
    found = unranked_sides(question, article_texts)
    assert found is not None and "ranks" not in found.sentence


@pytest.mark.parametrize("question", [
    "mri vs lumbar puncture which is better",  # each side has its own sentence: what each does is an answer
    "does diet or exercise make recovery better",  # 'exercise' is no word of the nutrition sentence
    "does smoking or genes make paraneoplastic syndrome more likely",  # no ranking asked ('likely' is the group check's)
    "does early treatment make the outcome better",  # one side only
    "what do ivig and plasmapheresis do",
])
def test_other_asks_are_not_unranked(article_texts, question: str) -> None:
    assert unranked_sides(question, article_texts) is None


def test_a_sentence_that_ranks_the_sides_answers_the_ranking() -> None:
    texts = ["Plasmapheresis works faster than IVIG in most patients."]
    assert ranked_sides("is ivig better than plasmapheresis") is not None
    assert unranked_sides("is ivig better than plasmapheresis", texts) is None
