"""A bare noun-phrase follow-up the article never words is unaddressed; pointers, narrowings and asks the shown
sentences speak to are not (assistant/fragment_asks.py)."""

from __future__ import annotations

from assistant.fragment_asks import fragment_unaddressed, fragment_words
from index.lexical import tokenize

TEXT = ("Kidney (Renal): Renal issues may occur when tumors release hormones that upset the body's balance of fluids "
           "and salts. Support groups and counseling can also help improve emotional well-being. Memory problems.")
STEMS = set(tokenize(TEXT)) | {"side"}  # the sources use 'side', never 'side effects'


def _ask(words: str, shown: str, carried: str = "what tests are used") -> list[str]:
    return fragment_unaddressed(words, carried, shown, STEMS, frozenset())


def test_a_noun_phrase_is_a_fragment_and_a_question_or_request_is_not() -> None:
    assert fragment_words("and dialysis?") == ["dialysis"]
    assert fragment_words("ok in poor countries") == ["poor", "countries"]
    assert fragment_words("how long does it take") is None
    assert fragment_words("tell me more") is None
    assert fragment_words("is it contagious") is None


def test_a_word_the_corpus_never_uses_and_the_answer_never_says_is_unaddressed() -> None:
    assert _ask("dialysis?", "Renal issues may occur when tumors release hormones.") == ["dialysis"]
    assert _ask("hair loss?", "Support groups and counseling can also help.") == ["hair"]  # the leading word decides
    assert _ask("side effects?", "Support groups and counseling can also help.") == []  # the sources use 'side'


def test_a_fragment_the_shown_sentences_speak_to_is_left_alone() -> None:
    assert _ask("salts?", "Renal issues may occur when tumors release hormones that upset the balance of salts.") == []
    assert _ask("support groups?", "Memory problems.") == []  # the corpus uses 'support'
    assert _ask("hair problems?", "Memory problems.") == []  # the answer says one of its words


def test_pointers_and_carried_words_are_no_new_ask() -> None:
    assert _ask("the second one", "Memory problems.") == []
    assert _ask("dialysis?", "Memory problems.", carried="is dialysis needed for kidney problems") == []


def test_side_effects_asked_after_the_condition_are_a_treatments_and_unaddressed_unless_shown() -> None:
    """'side effects?' after 'how is pns treated': the harm is the treatment's (a condition has none), so the
    condition in the previous subject no longer exempts it, as a risk asked of the condition still does."""
    from assistant.followup import FollowUp
    from assistant.unaddressed_asks import carried_harm_unaddressed

    after_treatment = FollowUp(ask="side effects", previous="how is pns treated", previous_answer="")
    assert carried_harm_unaddressed("side effects?", after_treatment, "Treatment is effective.") == ["side effects"]
    assert carried_harm_unaddressed("side effects?", after_treatment, "The treatment has side effects.") == []
    after_condition = FollowUp(ask="risks", previous="what is pns", previous_answer="")
    assert carried_harm_unaddressed("what are the risks of it", after_condition, "Smoking may play a role.") == []
