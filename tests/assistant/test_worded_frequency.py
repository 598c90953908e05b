"""A "how often" ask the article answers in words (assistant/worded_frequency.py): its best shown sentence says how
often ("rare", "often"), so the figure check lets it through; one whose best sentence says no frequency is refused.

The phrasings here are not keyfact_check11's: they check the mechanism, not answers to the bank's questions.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.asked_words import Asked
from assistant.compose import question_terms
from assistant.worded_frequency import best_sentence, says_how_often, without_worded_frequency


def _composition(scored: list[str], shown: list[str]) -> SimpleNamespace:
    """A composition whose scored sentences are `scored` (best first) and whose quotes show `shown`."""
    chunk = SimpleNamespace(id="c")
    sentences = {text: SimpleNamespace(text=text, chunk=chunk, start=i) for i, text in enumerate(scored)}
    return SimpleNamespace(scored=[SimpleNamespace(sentence=sentences[t]) for t in scored],
                           quotes=[SimpleNamespace(chunk=chunk, sentences=[sentences[t] for t in shown])])


def test_a_sentence_says_how_often_by_a_frequency_word_not_by_an_indirect_how_often() -> None:
    assert says_how_often("These disorders are rare.")
    assert says_how_often("Clots are often seen in lung cancer.")
    assert says_how_often("It is commonly linked to breast cancer.")
    assert not says_how_often("Exposures can affect how often these syndromes are recognized.")
    assert not says_how_often("A combination of tests are typically used.")  # a manner, not a frequency
    assert not says_how_often("This ensures the most effective treatment plan.")  # a superlative


def test_the_best_sentence_is_the_best_scored_one_the_answer_shows() -> None:
    composition = _composition(["Not shown.", "Shown and rare.", "Also shown."], ["Shown and rare.", "Also shown."])
    assert best_sentence(composition) == "Shown and rare."
    assert best_sentence(_composition(["Alone."], [])) is None


def test_how_often_is_no_figure_when_the_best_shown_sentence_says_it_in_words() -> None:
    asked = Asked(terms="how often do smokers get it", figures="how often do smokers get it")
    said = without_worded_frequency(asked, _composition(["They are rare in smokers."], ["They are rare in smokers."]))
    assert "how often" not in said.figures and said.terms == asked.terms
    unsaid = without_worded_frequency(asked, _composition(["Scans look for tumors."], ["Scans look for tumors."]))
    assert unsaid == asked  # the article gives no schedule: still a figure asked


def test_how_often_inside_a_clause_is_not_the_ask() -> None:
    asked = Asked(terms="what affects how often it is found", figures="what affects how often it is found")
    assert without_worded_frequency(asked, _composition(["It is rare."], ["It is rare."])) == asked


def test_how_often_names_no_topic_word() -> None:
    assert "often" not in question_terms("how often do smokers get it")
    assert "often" in question_terms("is it often missed")


def test_a_how_often_ask_the_article_says_in_words_is_answered_and_a_schedule_is_not(warm_assistant) -> None:
    answered = warm_assistant.ask("how frequently do people with cancer develop it")
    assert answered.status == "answered", answered.flags
    assert warm_assistant.ask("how often should the antibody panel be repeated").status == "not_found"
