"""Triage on sloppy typing: emergencies survive missing apostrophes, typos and long messages; others don't trigger."""

from __future__ import annotations


def test_every_emergency_phrasing_is_an_emergency(triage, phrasings) -> None:
    questions = phrasings("emergencies.txt")
    assert len(questions) >= 100
    missed = [q for q in questions if triage.triage(q).verdict.category != "emergency"]
    assert missed == []


def test_ordinary_questions_do_not_trigger_the_emergency_reply(triage, phrasings) -> None:
    questions = phrasings("not_emergencies.txt") + phrasings("english_sloppy.txt")
    triggered = [(q, triage.triage(q).verdict.rule) for q in questions if triage.triage(q).verdict.category == "emergency"]
    assert len(questions) >= 180
    assert triggered == []


def test_the_issue_examples(triage) -> None:
    assert triage.triage("my dad had a seizure and now he wont wake up").verdict.category == "emergency"
    assert triage.triage("can pns cause seizures?").verdict.category != "emergency"
    assert triage.triage("he had a seizure last year, is that related?").verdict.category != "emergency"


def test_an_emergency_typed_with_typos_is_found_only_after_normalising(triage) -> None:
    from assistant.safety import classify

    typed = "my husband is uncontious"
    assert classify(typed).category == "none"
    triaged = triage.triage(typed)
    assert triaged.verdict.category == "emergency" and triaged.normalised.text == "my husband is unconscious"


def test_follow_ups_are_rewritten_from_normalised_turns(triage) -> None:
    history = [{"role": "user", "content": "whats trouseau syndrome"}, {"role": "assistant", "content": "An answer [1]."}]
    triaged = triage.triage("is it curable", history)
    assert triaged.standalone == "Is trousseau syndrome curable"


def test_bibliography_questions_are_routed_and_personal_ones_are_not(triage) -> None:
    assert triage.triage("doi of the varki paper").bibliography is not None
    assert triage.triage("what are the symptoms of lems").bibliography is None
    assert triage.triage("should i take ivig, as the graber paper describes?").bibliography is None


def test_foreign_questions_are_not_spell_corrected(triage) -> None:
    triaged = triage.triage("Was ist ein paraneoplastisches Syndrom?")
    assert not triaged.language.english and triaged.normalised.corrections == ()


def test_that_group_names_the_group_the_article_puts_the_topic_in(triage) -> None:
    history = [{"role": "user", "content": "what is dermatomyositis"}, {"role": "assistant", "content": "An answer [1]."}]
    assert triage.triage("what else is in that category", history).standalone == \
        "What else is in dermatologic paraneoplastic syndromes"
    unknown = [{"role": "user", "content": "what is trousseau syndrome"}, {"role": "assistant", "content": "An answer [1]."}]
    assert "trousseau syndrome" in triage.triage("how common is that type", unknown).standalone


def test_a_lay_worded_property_or_a_common_verb_is_no_unknown_subject(triage) -> None:
    """ "is it fatal" is the lay map's "outlook" and "whats going on" names nothing: neither is refused as a subject
    the article never mentions, while "what is asthma" and "is it contagious" still are."""
    assert triage.subject_of("is it fatal", first_turn=True)[0] is None
    assert triage.subject_of("is it sudden", first_turn=True)[0] is None
    assert triage.subject_of("whats going on in the body in simple terms", first_turn=True)[0] is None
    assert triage.subject_of("what is asthma", first_turn=True)[0] == "asthma"
    assert triage.subject_of("is it contagious", first_turn=True)[0] == "contagious"


def test_a_bare_source_follow_up_is_routed_to_the_bibliography_of_the_previous_subject(triage) -> None:
    """"refs?" after a Trousseau answer names no entry itself, yet asks for the entries behind that answer."""
    turns = [{"role": "user", "content": "what is trousseau syndrome"}, {"role": "assistant", "content": "An answer [1]."}]
    routed = triage.triage("refs?", turns)
    assert routed.bibliography is not None and "trousseau" in routed.standalone.lower()
    assert triage.triage("how is it treated", turns).bibliography is None
