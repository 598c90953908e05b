"""Asks coordinated in one clause (assistant/coordinated_asks.py) become one part each; clauses that only look alike
stay whole.

Why: multi_part split only at a conjunction or question mark that starts a new question, so "outlook, tests,
treatments?" was one search and its answer showed one of the three things asked.
"""

from __future__ import annotations

import pytest

from assistant.coordinated_asks import as_asks, comma_questions, listed_things
from assistant.multi_part import split_question


@pytest.mark.parametrize(("question", "asks"), [
    ("outlook, tests, treatments?", ["what is the outlook", "what are the tests", "what are the treatments"]),
    ("tell me about the causes, tests and treatments pls",
     ["what causes it", "what are the tests", "what are the treatments"]),
    ("which tests, which treatments and which outcomes", ["what are the tests", "what are the treatments",
                                                          "what are the outcomes"]),
    ("causes, treatments - all of it", ["what causes it", "what are the treatments"]),
    ("nerve symptoms and skin symptoms?", ["what are the nerve symptoms", "what are the skin symptoms"]),
    ("what are the symptoms and causes", ["what are the symptoms", "what causes it"]),
    ("prognosis and treatment pls", ["what is the prognosis", "what is the treatment"]),
    ("how are they diagnosed and managed", ["how are they diagnosed", "how are they managed"]),
    ("what are the hormonal, kidney and blood symptoms",
     ["what are the hormonal symptoms", "what are the kidney symptoms", "what are the blood symptoms"]),
])
def test_a_clause_listing_things_asks_each(question: str, asks: list[str]) -> None:
    assert as_asks(question) == asks
    assert split_question(question) == asks


@pytest.mark.parametrize("question", [
    "signs and symptoms?", "what are the signs, symptoms",  # one thing
    "what is the diagnosis and treatment of lems",  # a thing of something: one search names it
    "in simple words, what is it", "my dad, who has sclc, is tired", "how is it treated",
    "what does it do to the skin and the blood", "is it genetic, or caused by smoking",
])
def test_a_clause_that_lists_no_things_stays_whole(question: str) -> None:
    assert listed_things(question) is None
    assert as_asks(question) == [question]


def test_question_clauses_joined_by_a_comma_are_parts_of_a_multi_part_question() -> None:
    assert comma_questions("what is the outlook, can it be reversed", series=True) == [
        "what is the outlook", "can it be reversed"]
    assert comma_questions("what is the outlook, can it be reversed") == ["what is the outlook, can it be reversed"]
    assert comma_questions("in simple words, what is it", series=True) == ["in simple words, what is it"]
    assert split_question("how is it diagnosed, what does it cost, and who treats it") == [
        "how is it diagnosed", "what does it cost", "who treats it"]
    assert split_question("how do they test for it, is it a blood test") == ["how do they test for it, is it a blood test"]
