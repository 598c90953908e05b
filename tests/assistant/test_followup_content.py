"""Follow-ups whose content depends on what the previous turn named: an item of the previous answer's list by its
place, a clinician's abbreviated attribute, "the X ones" after a question about one thing, an aspect "going with" a
subject (assistant/references.py, clinical_shorthand.py, conversation.py, topics.py, followup.py).

Wording here is this file's own (not an eval item nor a check-bank item). The assistant turns are shaped like the
project's own answers: quoted sentences with [n] markers, then the separator and the disclaimer.
"""

from __future__ import annotations

import pytest

from assistant.clinical_shorthand import clinical_shorthand, work_up_question
from assistant.conversation import rewrite_followup
from assistant.followup import follow_up
from assistant.references import listed_labels, name_listed_item
from assistant.topics import topic_of

TREATMENTS = ("- Cancer Treatment: Surgery or radiation. [1]\n- Immunotherapy and Corticosteroids: These calm the immune "
              "system. [2]\n- Plasmapheresis and Intravenous Immunoglobulin (IVIG): These remove antibodies. [3]"
              "\n\n---\nThis is general information, not medical advice.")
KINDS = "Neurological: Nerve disorders. Endocrine: Hormone disorders. Dermatologic: Skin disorders. [1]"


def _chat(*turns: str) -> list[dict[str, str]]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(turns)]


def test_listed_labels_are_the_labelled_items_in_the_order_shown() -> None:
    assert listed_labels(TREATMENTS) == ["Cancer Treatment", "Immunotherapy and Corticosteroids",
                                         "Plasmapheresis and Intravenous Immunoglobulin (IVIG)"]
    assert listed_labels("Paraneoplastic syndromes are rare. They follow cancer. [1]") == []


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("how does the second one work", "how does Immunotherapy and Corticosteroids work"),
        ("is the last one only for severe cases", "is Plasmapheresis and Intravenous Immunoglobulin (IVIG) only for severe cases"),
        ("what about the 1st option", "what about Cancer Treatment"),
        ("is the last treatment risky", "is Plasmapheresis and Intravenous Immunoglobulin (IVIG) risky"),
        ("what does the fifth one do", "what does the fifth one do"),  # no fifth item: unchanged
        ("how does it work", "how does it work"),  # no place named
    ],
)
def test_an_item_named_by_its_place_is_the_previous_answers_item(question: str, named: str) -> None:
    assert name_listed_item(question, TREATMENTS) == named


def test_a_one_word_label_takes_the_previous_questions_class_noun() -> None:
    history = _chat("what types of paraneoplastic syndromes exist", KINDS)
    assert rewrite_followup("which symptoms belong to the second one", history) == (
        "which symptoms belong to endocrine syndromes")


def test_a_class_noun_after_the_place_names_the_items_kind() -> None:
    tests = "Electrodiagnostic: Nerve studies. [1] Laboratory Tests: Autoantibody panels. [2]"
    assert name_listed_item("is the first test safe", tests, "syndromes") == "is electrodiagnostic test safe"
    assert name_listed_item("how common is the second type", KINDS, "syndromes") == "how common is endocrine syndromes"
    assert name_listed_item("what is the first symptom", KINDS, "syndromes") == "what is the first symptom"  # earliest


def test_the_place_counts_in_the_latest_list_shown() -> None:
    history = _chat("how is pns treated", TREATMENTS, "how does the second one work", "These calm the immune system. [1]")
    assert rewrite_followup("is the last one for severe cases", history) == (
        "is Plasmapheresis and Intravenous Immunoglobulin (IVIG) for severe cases")
    history = _chat("what types of paraneoplastic syndromes exist", KINDS, "how is pns treated", TREATMENTS)
    assert rewrite_followup("how does the first one work", history) == "how does Cancer Treatment work"


@pytest.mark.parametrize(
    ("fragment", "question"),
    [
        ("dx workup", "What is the diagnosis workup of anemia?"),
        ("mgmt", "What is the management of anemia?"),
        ("tx?", "What is the treatment of anemia?"),
        ("assoc malignancies", "What are the associated malignancies of anemia?"),
    ],
)
def test_a_clinicians_abbreviated_attribute_is_read_written_out(fragment: str, question: str) -> None:
    assert clinical_shorthand(fragment, "anemia") == question


def test_working_something_up_asks_its_workup() -> None:
    assert work_up_question("how do you work it up", "pemphigus") == "How is pemphigus diagnosed?"
    assert work_up_question("what is the work they do", "pemphigus") is None
    history = _chat("what is pemphigus", "Skin Changes: Rashes and itching. [1]")
    assert rewrite_followup("how would u work that up", history) == "How is pemphigus diagnosed?"
    context = follow_up("how would you work that up", history, lambda q, h: q)
    assert context is not None and "tests" in context.ask.split()  # the workup in the article's words


def test_the_x_ones_after_a_single_thing_narrow_the_latest_list_question() -> None:
    history = _chat("what lung problems can pns cause", "(reply)", "whats pleural effusion", "(reply)")
    assert rewrite_followup("and the heart ones?", history) == "what heart problems can pns cause?"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what symptoms go with pemphigus", "pemphigus"),
        ("which tests help in nephrotic syndrome", "nephrotic syndrome"),
    ],
)
def test_an_aspect_going_with_a_subject_is_about_the_subject(question: str, topic: str) -> None:
    assert topic_of(question) == topic


def test_an_ellipsis_after_such_a_question_keeps_the_subject() -> None:
    history = _chat("what is pemphigus", "(reply)", "what symptoms go with it", "(reply)")
    assert rewrite_followup("treatment?", history) == "What is the treatment of pemphigus?"
