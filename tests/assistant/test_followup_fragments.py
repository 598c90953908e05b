"""Follow-ups typed as a bare attribute ("outlook", "long term?"), "they <verb> it", and "what else": follow-up bank 10.

Why: "long term?" after "what helps it" was read as a new subject ("What helps long term?"), "outlook" typed without a
question mark was searched with the previous questions in brackets, "how do they fix it" put the subject in place of
"they", and "what else is used" lost the conversation and read as off topic.
"""

from __future__ import annotations

from assistant.conversation import opened_subject, rewrite_followup
from assistant.ellipsis import elliptical_fragment


def _history(*questions: str) -> list[dict[str, str]]:
    turns: list[dict[str, str]] = []
    for q in questions:
        turns += [{"role": "user", "content": q}, {"role": "assistant", "content": "..."}]
    return turns


def test_long_term_asks_the_subjects_long_term_outlook() -> None:
    history = _history("what is dermatomyositis", "how is it treated")
    assert rewrite_followup("long term?", history) == "What is the long-term outlook of dermatomyositis?"


def test_a_bare_aspect_without_a_question_mark_is_an_ellipsis() -> None:
    assert elliptical_fragment("outlook") == "outlook"
    assert elliptical_fragment("lems treatment") is None  # two words name their own subject
    assert rewrite_followup("outlook", _history("what is trousseau syndrome")) == "What is the outlook of trousseau syndrome?"


def test_they_acting_on_the_pointer_is_not_the_subject() -> None:
    assert rewrite_followup("how do they fix it", _history("what is hypercalcemia")) == "How do they fix hypercalcemia"


def test_what_else_is_read_with_the_previous_question() -> None:
    assert rewrite_followup("what else is used", _history("how does ivig work")) == "what else is used (how does ivig work)?"


def test_an_attribute_goes_to_the_opening_subject_when_the_last_topic_only_extends_it() -> None:
    assert opened_subject("cerebellar degeneration walk again", "cerebellar degeneration") == "cerebellar degeneration"
    assert opened_subject("the rehab of lems", "lems") == "lems"
    assert opened_subject("pemphigus", "acanthosis nigricans") == "pemphigus"  # a switched subject stays


def test_a_cause_ask_leaves_the_verb_to_the_standalone_question() -> None:
    """'what causes it' after Cushing's: 'causes' in the ask credited 'Trousseau syndrome causes blood clots'."""
    from assistant.followup import follow_up

    context = follow_up("what causes it", _history("what is cushings syndrome"), lambda q, h: q)
    assert context is not None and "causes" not in context.ask.split()


def test_a_workup_is_asked_as_how_the_subject_is_diagnosed() -> None:
    from assistant.followup import follow_up

    assert rewrite_followup("workup?", _history("what is lems")) == "How is lems diagnosed?"
    context = follow_up("workup?", _history("what is lems"), lambda q, h: q)
    assert context is not None and context.ask == "tests"


def test_fixing_it_is_asked_as_its_treatment() -> None:
    """'how do they fix it' after hypercalcaemia showed the hypercalcaemia bullet again: the article says 'treatment'."""
    from assistant.lay_terms import medical_words

    assert "treatment" in medical_words("how do they fix it")


def test_a_comparative_alone_asks_the_previous_question_of_the_other_end() -> None:
    history = _history("what is the outlook for lems", "what makes it worse")
    # "what makes it worse" after the outlook asks it of the outlook (assistant/graded_aspects.py, round 17)
    assert rewrite_followup("and better?", history) == "What makes the outlook of lems better?"
