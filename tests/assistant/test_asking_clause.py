"""The asking clause of a first-turn message (assistant/asking_clause.py): chatter and context clauses set aside, a
pointer in the ask resolved to the one thing a context clause names, and what the personal-advice check then reads.

The phrasings are synthetic test phrasings (not evaluation items)."""

from __future__ import annotations

import pytest

from assistant.asking_clause import asking_clause, clauses_of, content_spans, corpus_content, first_asked
from assistant.language import LanguageGuess
from assistant.normalise import Normalised
from assistant.safety import Verdict
from assistant.triage import Triaged
from assistant.triage_safety import asked_text

# A small stand-in for the corpus vocabulary: the words a test message uses that the article speaks of.
ARTICLE_WORDS = frozenset("paraneoplastic syndrome syndromes pns lumbar puncture dermatomyositis trousseau treated "
                          "treatment seizures seizure oncologists hormonal skin symptoms neurological volume typically causes exact".split())
CONTENT = corpus_content(ARTICLE_WORDS, frozenset({"people", "well"}))


def read(message: str) -> str | None:
    asked = asking_clause(message, CONTENT)
    return asked.text if asked is not None else None


def test_messages_are_cut_at_sentence_ends_clause_punctuation_and_a_question_after_but() -> None:
    assert clauses_of("hi there, how do they treat pns") == ["hi there", "how do they treat pns"]
    assert clauses_of("sorry if this is silly but what is pns") == ["sorry if this is silly", "what is pns"]
    assert clauses_of("quick question - what is pns") == ["quick question", "what is pns"]
    assert clauses_of("how is it diagnosed? asking for my mum") == ["how is it diagnosed?", "asking for my mum"]


@pytest.mark.parametrize("message, asked", [
    ("hi there, how do they treat pns", "how do they treat pns"),
    ("what is paraneoplastic syndrome, the doctor mentioned it", "what is paraneoplastic syndrome"),
    ("what are the symptoms, i read about it online", "what are the symptoms"),
    ("how is it diagnosed? asking for my mum", "how is it diagnosed?"),
    ("what is pns (asking for a friend)", "what is pns"),
    ("for my uncle, what is pns", "what is pns"),
    ("thanks in advance - what is pns", "what is pns"),
])
def test_chatter_around_the_question_is_set_aside(message: str, asked: str) -> None:
    assert read(message) == asked


@pytest.mark.parametrize("message, asked", [
    ("my oncologist said something about paraneoplastic syndrome, what is that", "what is paraneoplastic syndrome"),
    ("the nurse said they might do a lumbar puncture, what is that for", "what is lumbar puncture for"),
    ("my gp mentioned dermatomyositis, what is it", "what is dermatomyositis"),
])
def test_a_pointer_in_the_ask_takes_the_one_thing_a_clause_names(message: str, asked: str) -> None:
    assert read(message) == asked


def test_the_teller_is_no_antecedent_and_two_things_named_leave_the_message_whole() -> None:
    assert content_spans("my oncologist said something about pns", CONTENT) == ["pns"]
    assert content_spans("she has ovarian cancer", corpus_content(frozenset({"ovarian", "cancer"}), frozenset())) == [
        "ovarian cancer"]  # an adjective in -ian is no teller
    assert read("pns was mentioned, then seizures too, what is it") is None  # two things: no guess


@pytest.mark.parametrize("message, asked", [
    ("my husband wants to know if paraneoplastic syndrome is genetic", "is paraneoplastic syndrome genetic"),
    ("well i guess my question is whether its curable", "is it curable"),
    ("so what exactly is a paraneoplastic syndrome", "what is a paraneoplastic syndrome"),
    ("hey so what is pns", "what is pns"),
])
def test_an_embedded_question_is_asked_directly_and_lead_words_and_hedges_go(message: str, asked: str) -> None:
    assert read(message) == asked


def test_how_keeps_its_adverb_and_a_content_word_after_what_stays() -> None:
    assert read("how quickly do symptoms progress") is None
    assert read("what typically causes pns") is None  # the article's own word: no hedge


@pytest.mark.parametrize("message", [
    "what is pns",                                              # one clause: nothing to set aside
    "what are the neurological, hormonal and skin symptoms",     # list items are content, not chatter
    "pns symptoms, briefly, which are common?",                 # a lone word after the first clause is no chatter
    "he had a seizure last year, is that related?",              # 'that' points at the clause it does not name
    "do i have pns? i have numbness and a lump",                 # the case of the person a personal ask is about
    "what is pns? and how is it treated?",                       # two asks: the multi-part reader's
    "in kids, what are the symptoms",                            # a preposition's clause narrows the question
    "in simple words why does it happen",                        # ... and so do words before the question word
    "what cancers cause pns, list them",                         # a request is an ask too: two asks
    "foamy pee and puffy legs, whats that got to do with it",    # 'that' points at the clause set aside
    "is it catching, like can my husband get it from me",        # an inverted auxiliary opens a second ask
    "what actually causes pns",                                  # the corpus does not use 'actual': no hedge read
])
def test_messages_read_whole(message: str) -> None:
    assert read(message) is None


def test_keep_whole_leaves_a_message_alone() -> None:
    assert asking_clause("hi there, how do they treat pns", CONTENT, keep_whole=lambda _: True) is None


def _triaged(message: str) -> Triaged:
    normalised = Normalised(message, message, message)
    return Triaged(LanguageGuess(True), normalised, Verdict("none"), asked=asking_clause(message, CONTENT))


@pytest.mark.parametrize("message, read_alone", [
    ("how is it diagnosed? asking for my mum", True),              # the ask names no one: general
    ("asking for my dad - what is the outlook with pns", True),
    ("well i guess my question is whether its curable", True),      # a property of the condition
    ("for my dad: is it pns", False),                               # 'it' may be the dad's case
    ("asking for my mum, should she stop treatment", False),        # the ask names the person
    ("my gp mentioned dermatomyositis, what is it", False),         # a content clause was set aside, not chatter
    ("my mum is really sick, what is the outlook", False),          # the person's own state was told
    ("my mum asked me, does smoking make pns more likely", True),   # she only passed the question on
    ("my husband keeps asking, what causes it", True),
    ("my mum asked me, should she stop her steroids", False),       # the ask names the person
    ("my mum asked me, is it pns", False),                          # 'it' may be her case
])
def test_the_personal_advice_check_reads_the_asking_clause_only_of_a_general_ask(message: str, read_alone: bool) -> None:
    triaged = _triaged(message)
    assert (asked_text(triaged) != message) is read_alone


def test_triage_searches_the_asking_clause_and_keeps_the_verdict_of_the_whole_message(triage) -> None:
    triaged = triage.triage("hi there, whats trousseau syndrome")
    assert triaged.standalone == "what's trousseau syndrome"
    assert triaged.asked is not None and triaged.asked.set_aside == ("hi there",)
    assert triage.triage("my dad is having a seizure right now, what is pns").verdict.category == "emergency"
    assert triage.triage("how is it diagnosed").asked is None


def test_a_follow_up_reads_the_first_turn_as_its_asking_clause(triage) -> None:
    turns = [{"role": "user", "content": "hi there, what is trousseau syndrome"}, {"role": "assistant", "content": "..."}]
    assert first_asked(turns, lambda t: asking_clause(t, CONTENT))[0]["content"] == "what is trousseau syndrome"
    assert "trousseau syndrome" in triage.triage("how is it treated", turns).standalone.lower()
    assert "trousseau syndrome" in triage.rewrite("hi there, what is trousseau syndrome").lower()
    assert not triage.rewrite("hi there, what is trousseau syndrome").lower().startswith("hi")
