"""A figure asked by a word of a figure noun's family (assistant/figure_words.py): 'expensive' asks a cost, a word of
the corpus or a word far from every figure noun asks none.

Why: the figure check's pattern lists "cost" and "price" only, so "how expensive is the plasma exchange" was answered
with the treatment sentence while "how much does plasmapheresis cost" was refused (eval/data/paraphrase_check.jsonl).
"""

from __future__ import annotations

import pytest

from assistant.figure_words import figure_word
from index.lexical import is_stopword

VOCAB = frozenset("plasmapheresis treatment ivig exchange plasma is the how".split())


@pytest.fixture(scope="module")
def embed(search_index):
    return search_index.embed_queries


@pytest.mark.slow
@pytest.mark.parametrize(("question", "noun"), [
    ("how expensive is the plasma exchange treatment", "cost"),
    ("is ivig affordable", "cost"),
    ("is plasmapheresis cheap", "cost"),
    ("how effective is the plasma exchange treatment", None),
    ("can young people get it", None),
    ("is the treatment painful", None),
])
def test_a_word_near_a_figure_noun_asks_that_figure(embed, question: str, noun: str | None) -> None:
    assert figure_word(question, VOCAB, is_stopword, embed) == noun


def test_a_word_of_the_corpus_is_never_read() -> None:
    def embed(texts):  # the first text is the noun; every word its own vector equal to it: always a hit if read
        return [[1.0, 0.0] for _ in texts]

    assert figure_word("how expensive is it", VOCAB | {"expensive"}, is_stopword, embed) is None
    assert figure_word("how expensive is it", VOCAB, is_stopword, embed) == "cost"


@pytest.mark.slow
def test_the_gate_refuses_a_cost_asked_in_other_words_as_it_refuses_cost(warm_assistant) -> None:
    for question in ("how much does plasmapheresis cost", "how expensive is the plasma exchange treatment"):
        assert warm_assistant.ask(question).status == "not_found", question
    assert warm_assistant.ask("how effective is plasmapheresis").status == "answered"
