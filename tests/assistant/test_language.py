"""Questions in other languages get `unsupported_language`; sloppy short English never does."""

from __future__ import annotations

import pytest

from assistant.language import LanguageGuess, non_latin_share, unsupported_language_message


def test_no_sloppy_english_question_is_taken_for_another_language(triage, phrasings) -> None:
    questions = (phrasings("english_sloppy.txt") + phrasings("not_emergencies.txt") + phrasings("emergencies.txt")
                 + phrasings("english_jargon.txt") + phrasings("english_short.txt"))
    assert len(questions) >= 500
    wrong = [(q, triage.language.detect(q)) for q in questions if not triage.language.detect(q).english]
    assert wrong == []


def test_questions_in_other_languages_are_recognised_and_named(triage, phrasings) -> None:
    rows = [line.split("\t") for line in phrasings("foreign.txt")]
    assert len(rows) >= 25
    named = 0
    for question, language in rows:
        guess = triage.language.detect(question)
        assert not guess.english, question
        assert guess.name in (language, None), (question, guess)  # a wrong name is worse than none
        named += guess.name == language
    assert named >= len(rows) * 2 // 3


@pytest.mark.parametrize("question", ["lems?", "ivig", "Varki 2007", "pns sclc lems", "ok"])
def test_too_few_words_to_tell_count_as_english(triage, question: str) -> None:
    assert triage.language.detect(question).english


def test_the_message_names_the_language_in_plain_english() -> None:
    message = unsupported_language_message(LanguageGuess(False, "es", "Spanish", 0.9, 0.0))
    assert "Spanish" in message and "English" in message and "emergency" in message
    assert "a language other than English" in unsupported_language_message(LanguageGuess(False, "tr", None, 0.2, 0.0))


def test_non_latin_share() -> None:
    assert non_latin_share("Что такое PNS?") > 0.5
    assert non_latin_share("what is pns") == 0.0
