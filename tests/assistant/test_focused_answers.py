"""Answers stay on the question (settings.answer.focused_answers; assistant/answer_focus.py, assistant/paragraphs.py).

Real index, real bundled embedder; each test asks the same question with the setting on and off, so it fails
without the change. Questions are written for these tests (not eval items, not the self-written banks).
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from corpus.enrichment import PACKAGED_ENRICHMENT
from foundation.settings import Settings

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")


@pytest.fixture(scope="module")
def unfocused(built_index_home: Settings) -> Assistant:
    return Assistant(built_index_home.override(answer={"focused_answers": False}))


def both(focused: Assistant, unfocused: Assistant, question: str) -> tuple[str, str]:
    on, off = focused.ask(question), unfocused.ask(question)
    assert on.status == off.status == "answered"
    return on.body, off.body


def test_a_question_naming_only_the_subject_gets_the_definition_alone(warm_assistant: Assistant, unfocused: Assistant) -> None:
    on, off = both(warm_assistant, unfocused, "paraneoplastic syndromes explained in plain english please")
    assert "immune system reacts abnormally" in on and "not directly caused by the cancer cells" in on, on
    assert "Imagine experiencing" in off or "Hematologic:" in off, off  # what the definition replaces
    for framing in ("Imagine experiencing", "This is a common presentation", "Hematologic:", "Since symptoms vary"):
        assert framing not in on, on


def test_an_unrelated_paragraph_continuation_is_left_out(warm_assistant: Assistant, unfocused: Assistant) -> None:
    on, off = both(warm_assistant, unfocused, "do symptoms go away once the cancer treatment is over")
    assert "persist even after cancer treatment" in on, on
    assert "Support groups and counseling" in off and "Support groups and counseling" not in on, on


def test_a_guess_keeps_the_definition_and_drops_what_shares_no_distinctive_word(warm_assistant: Assistant,
                                                                               unfocused: Assistant) -> None:
    on, off = both(warm_assistant, unfocused, "is it just the cancer spreading into the nerves")
    assert "not directly caused by the cancer cells themselves" in on, on
    # "nerves" is also searched as "neurological" (assistant/lay_terms.py): the smoking-rates sentence ("...
    # paraneoplastic neurological disorders") comes up, and shares no distinctive word with the guess
    assert "countries with high smoking rates" in off and "countries with high smoking rates" not in on, on


def test_a_yes_no_question_takes_three_sentences_at_most_before_completion(warm_assistant: Assistant,
                                                                           unfocused: Assistant) -> None:
    # not "... be inherited": that is now searched as "genetically predisposed" (assistant/normalise.py) and both
    # settings show that sentence alone
    on, off = both(warm_assistant, unfocused, "is there a genetic side to paraneoplastic syndromes")
    assert "genetically predisposed" in on, on
    assert on.count("[") < off.count("["), (on, off)


def test_a_sentence_pointing_at_unshown_common_cancers_is_left_out(warm_assistant: Assistant, unfocused: Assistant) -> None:
    # "who is most at risk" now also searches "predisposed" and "associated" (assistant/lay_terms.py) and no longer
    # reaches that sentence at all
    on, off = both(warm_assistant, unfocused, "what are the risk factors")
    assert "these common cancers" in off and "these common cancers" not in on, on


def test_a_weak_sentence_opening_with_a_reference_goes_rather_than_bring_a_weak_antecedent(warm_assistant: Assistant) -> None:
    """Article sentences with set scores: 'This is a common presentation ...' (needs 'Imagine ...' before it)."""
    from assistant.antecedents import drop_costly_dependents
    from assistant.compose import Scored
    from assistant.unit_sentences import UnitSentences

    parts = warm_assistant.parts()
    enriched, units = parts.enriched, UnitSentences(parts.index.chunks(), parts.bank)

    def sentence(prefix: str):
        return units(enriched.at(enriched.article_text.index(prefix)))[0]

    best = Scored(sentence("Paraneoplastic syndromes are a group"), 1.0, 0.0, 0.0, 1)
    dependent = Scored(sentence("This is a common presentation"), 0.9, 0.0, 0.0, 1)
    turn = Scored(sentence("However, how these syndromes are identified"), 0.9, 0.0, 0.0, 1)

    def scores(antecedent: float):
        return lambda x: Scored(x, antecedent, 0.0, 0.0, 1)

    assert drop_costly_dependents([best, dependent], enriched, units, scores(0.1)) == [best]
    assert drop_costly_dependents([best, dependent], enriched, units, scores(0.8)) == [best, dependent]
    assert drop_costly_dependents([dependent], enriched, units, scores(0.1)) == [dependent]  # the only sentence stays
    assert drop_costly_dependents([best, turn], enriched, units, scores(0.1)) == [best, turn]  # a turn is its own point


def test_a_dependent_naming_no_question_word_goes_rather_than_bring_a_chain(warm_assistant: Assistant) -> None:
    """'This step is essential ...' needs 'A thorough diagnostic workup ...', which needs 'Conditions such as ...': shown
    for a question it names no word of, it would bring both; with a strong antecedent it stays when it names one, or
    when its chain's first link is chosen."""
    from assistant.antecedents import drop_costly_dependents
    from assistant.compose import Scored
    from assistant.unit_sentences import UnitSentences

    parts = warm_assistant.parts()
    enriched, units = parts.enriched, UnitSentences(parts.index.chunks(), parts.bank)

    def scored(prefix: str, score: float) -> Scored:
        return Scored(units(enriched.at(enriched.article_text.index(prefix)))[0], score, 0.0, 0.0, 1)

    best = scored("Diagnosing paraneoplastic syndromes can be challenging", 1.0)
    step = scored("This step is essential", 0.9)
    workup = scored("A thorough diagnostic workup", 0.9)
    strong = lambda x: Scored(x, 0.9, 0.0, 0.0, 1)  # noqa: E731  the antecedents score high: only the chain can cost
    assert drop_costly_dependents([best, step], enriched, units, strong, names=lambda s: False) == [best]
    assert drop_costly_dependents([best, step], enriched, units, strong, names=lambda s: s is step) == [best, step]
    assert drop_costly_dependents([best, workup, step], enriched, units, strong, names=lambda s: False) == [best, workup, step]
    assert drop_costly_dependents([best, step], enriched, units, strong) == [best, step]  # without `names`: as before
