"""A verbless first turn "<subject> <aspect>" is read as the question it stands for (assistant/terse_question.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.terse_question import terse_question

LONG = {"pns": "paraneoplastic syndromes", "ddx": "differential diagnosis", "tx": "treatment", "sclc": "small cell lung cancer", "csf": "cerebrospinal fluid",
        "ms": "multiple sclerosis"}


def spell_out(word: str) -> str | None:
    return LONG.get(word.lower())


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("pns symptoms?", "What are the symptoms of paraneoplastic syndromes?"),
        ("sclc sx", "What are the symptoms of small cell lung cancer?"),           # the shorthand aspect written out
        ("pns - outlook", "What is the outlook of paraneoplastic syndromes?"),
        ("pns workup", "How is paraneoplastic syndromes diagnosed?"),               # a workup is asked as the article words it
        ("pns dx", "How is paraneoplastic syndromes diagnosed?"),
        ("pns tx", "What are the treatments of paraneoplastic syndromes?"),      # the plural asks for the list
        ("sclc therapy", "What are the therapies of small cell lung cancer?"),
        ("skin sx in pns", "What are the skin symptoms of paraneoplastic syndromes?"),
        ("CSF findings in MS", "What are the cerebrospinal fluid findings of multiple sclerosis?"),  # every short form spelled out
        ("ddx pns", "What is the differential diagnosis of paraneoplastic syndromes?"),  # the aspect first
        ("tx sx", None),                                                           # an aspect names no subject
        ("paraneoplastic syndromes - prognosis", "What is the prognosis of paraneoplastic syndromes?"),  # the subject phrase
        ("paraneoplastic syndrome signs", "What are the signs of paraneoplastic syndrome?"),
        ("lung cancer - prognosis", None),                                         # another subject of two words: not read
        ("tx options for pns", "What are the treatment options of paraneoplastic syndromes?"),  # the asking word qualifies
        ("pns cat options", None),                                                 # no asking word at either end
        # not a subject and an aspect: left as typed
        ("is pns autoimmune", None),
        ("sclc and pns", None),
        ("pns cats", None),
        ("kidney symptoms", None),                                                 # no known short form names the subject
        ("what are the symptoms of pns", None),
    ],
)
def test_terse_question(typed: str, read: str | None) -> None:
    assert terse_question(typed, spell_out) == read


def test_triage_reads_a_terse_first_turn_and_leaves_other_questions_as_typed(triage) -> None:
    assert triage.triage("pns symptoms?").standalone == "What are the symptoms of paraneoplastic syndromes?"
    assert triage.triage("pns w/u").standalone == "How is paraneoplastic syndromes diagnosed?"  # w/u written out first
    assert triage.triage("sclc and pns").standalone == "sclc and pns"
