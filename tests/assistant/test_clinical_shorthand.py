"""Clinician shorthand follow-ups ask an attribute of the carried subject (assistant/clinical_shorthand.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.clinical_shorthand import clinical_shorthand, copula, expand_slashed_forms
from assistant.conversation import rewrite_followup


@pytest.mark.parametrize(
    ("fragment", "topic", "question"),
    [
        ("workup", "Trousseau syndrome", "How is Trousseau syndrome diagnosed?"),
        ("CSF findings", "pemphigus", "What are the CSF findings of pemphigus?"),
        ("IVIG - indications", "pns", "What are the indications of IVIG?"),
        ("markers measured", "anemia", "Which markers are measured in anemia?"),
        ("mimic", "the mechanism of steroids", "What is the mimic of steroids?"),  # a chain keeps the subject
        # a new subject, not an attribute: left to the ellipsis rules
        ("dermatomyositis", "pns", None),
        ("the kidneys", "pns", None),
    ],
)
def test_clinical_shorthand(fragment: str, topic: str, question: str | None) -> None:
    assert clinical_shorthand(fragment, topic) == question


def test_a_terse_follow_up_keeps_the_subject_of_the_conversation() -> None:
    history = [{"role": "user", "content": "what is nephrotic syndrome"}]
    assert rewrite_followup("differentials?", history) == "What are the differentials of nephrotic syndrome?"
    history += [{"role": "user", "content": "differentials?"}]
    assert rewrite_followup("tests used?", history) == "Which tests are used in nephrotic syndrome?"


@pytest.mark.parametrize(("noun", "verb"), [("symptoms", "are"), ("treatment", "is"), ("diagnosis", "is"),
                                            ("prognosis", "is"), ("ddx", "is"), ("Differentials", "are")])
def test_the_copula_agrees_with_the_attribute_noun(noun: str, verb: str) -> None:
    """One rule for every 'What is/are the <attribute> of <subject>?' the rewrite writes (shorthand, ellipsis, aspect)."""
    assert copula(noun) == verb


@pytest.mark.parametrize(("typed", "read"), [
    ("w/u for a cerebellar syndrome", "workup for a cerebellar syndrome"),
    ("r/o infection first?", "rule out infection first?"),
    ("f/u after plex", "follow-up after plex"),
    ("pt w/ weakness, h/o smoking", "pt with weakness, history of smoking"),
    ("steroids and/or ivig", "steroids and/or ivig"),  # a slash between two words is left alone
    ("rehab/PT", "rehab/PT"),
])
def test_slashed_shorthand_is_written_out_before_the_texting_words_read_its_letters(typed: str, read: str) -> None:
    assert expand_slashed_forms(typed)[0] == read
