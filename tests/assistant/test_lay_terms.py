"""Lay words reach the article's medical labels (assistant/lay_terms.py), on the real corpus and index."""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from assistant.lay_terms import (label_terms, lay_map, meanings_of, medical_terms, medical_words, spoken_meanings,
                                 with_medical_words)
from assistant.retrieval import Retriever, retrieval_query
from assistant.sentences import content_terms


@pytest.mark.parametrize(("question", "medical"), [
    ("what are the brain and nerve problems it can cause", "neurological"),
    ("what kinds of skin problems come with it", "dermatologic"),
    ("which blood problems can pns cause", "hematologic"),
    ("hormone problems?", "endocrine"),
    ("can it affect my kidneys", "renal"),
    ("my joints hurt", "rheumatologic"),
    ("stomach problems with paraneoplastic syndrome?", "gastrointestinal"),
    ("is it hereditary", "genetically"),
    ("does it run in families", "genetically"),
    ("wat r the first signs of pns", "initially"),
    ("early symptoms of paraneoplastic syndrome", "initially"),
    ("does chemo make pns go away", "recovery"),
    ("can pns be cured", "recovery"),
    ("what stuff does the tumor release", "secreted"),
    ("who is more likely to get it", "predisposed"),
    ("who usually gets paraneoplastic syndromes", "associated"),
    ("how do docs tell pns apart from lupus", "distinguishing"),
    ("what other diseases look like pns", "mimic"),
    ("whats a paraneoplastic antibody test", "autoantibody"),
    ("is plasma exchange the same as ivig", "plasmapheresis"),
    ("will the nerve damage be permanent", "lasting"),
    # eval/data/paraphrase_check.jsonl: the same asks in lay and clinician words
    ("whats the point of the needle in the back test", "lumbar puncture"),
    ("how are paraneoplastic syndromes classified", "types"),
    ("what decides how well someone does with it", "outlook"),
])
def test_a_lay_word_brings_the_article_word(question: str, medical: str) -> None:
    assert medical in medical_words(question)


def test_words_the_question_already_has_or_does_not_ask_add_nothing() -> None:
    assert medical_words("list the neurological symptoms") == []
    assert medical_words("is it genetic") == []  # 'genetically' is the same stem
    assert medical_words("what does ivig do") == []
    assert medical_words("brainstorm ideas") == []  # whole words only
    assert with_medical_words("what does ivig do") == "what does ivig do"


def test_a_lay_phrase_is_skipped_only_when_every_word_of_it_is_a_label_word() -> None:
    """"early" is a word of the label "Early diagnosis and treatment:", "symptoms" is not: "early symptoms" still
    reaches "Symptoms may be subtle initially ..." (self-written key-fact bank 3)."""
    labelled = label_terms(["- Early diagnosis and treatment: Timely intervention improves outcomes."])
    assert medical_words("early symptoms of pns", labelled) == ["initially"]
    assert medical_words("skin problems", label_terms(["- Skin Changes: Rashes."])) == []


def test_a_rewritten_how_rare_reaches_no_word() -> None:
    """retrieval_query rewrites "how rare" as "how common or rare": no lay phrase may start from "how common"."""
    assert medical_words(retrieval_query("how rare is pns")) == []


def test_every_medical_word_is_one_the_article_prints(packaged_corpus) -> None:
    printed = content_terms(packaged_corpus.article.text)
    for medical in lay_map():
        assert content_terms(medical) <= printed, medical


def test_a_lay_word_that_is_a_label_word_brings_nothing() -> None:
    labelled = label_terms(["- Skin Changes: Rashes, itching.", "• Hematologic (blood-related): Fatigue.", "plain: prose"])
    assert labelled == {"skin", "chang", "hematolog", "blood", "relat", "plain"}
    assert medical_words("skin and joints", labelled) == ["rheumatologic"]
    assert medical_words("brain and blood", labelled) == ["neurological"]
    assert medical_terms("skin and joints") == {"dermatolog", "rheumatolog"}


def test_the_search_text_carries_the_medical_words(search_index) -> None:
    retriever = Retriever(search_index, 5)
    searched = retriever.search_text("symptoms in the brain and the blood")
    assert searched.startswith(retrieval_query("symptoms in the brain and the blood"))
    assert "neurolog" in content_terms(searched)
    assert "hematolog" not in content_terms(searched)  # "blood" is a word of the article's "Hematologic (blood-related):"
    assert retriever.search_text("what kinds of skin problems") == "what kinds of skin problems"


def test_a_lay_category_keeps_the_bullet_it_names(warm_assistant: Assistant) -> None:
    """'brain' names the "Neurological:" bullet: label focus used to keep only the "Hematologic" one ('blood')."""
    answer = warm_assistant.ask("symptoms in the brain and the blood")
    assert "Neurological: Muscle weakness" in answer.body, answer.body
    assert "Hematologic (blood-related)" in answer.body, answer.body
    assert "Rheumatologic:" not in answer.body, answer.body


def test_the_lay_words_are_every_word_of_the_lay_phrases() -> None:
    from assistant.lay_terms import lay_words

    words = lay_words()
    assert {"neuro", "physio", "families", "untreated"} <= words and "neurological" not in words


def test_a_single_lay_word_means_the_article_words_its_whole_entry_names() -> None:
    assert meanings_of("terminal") == ("outlook",)
    assert meanings_of("Permanent") == ("lasting",)
    assert meanings_of("kill") == ()  # only a part of "kill you": says nothing alone
    assert meanings_of("sudden") == ("rapidly",)  # "Symptoms may be subtle initially but can rapidly progress"
    assert meanings_of("purple") == ()


@pytest.mark.parametrize(("question", "meanings"), [
    ("is it terminal", ["outlook"]),
    ("can it kill you", ["outlook"]),
    ("is it curable", ["recovery"]),
    ("can my dog eat it", []),  # 'dog' is in no lay phrase: the medical word would judge only a part of the ask
    ("is it terminal for kids", []),
    ("is it sudden", ["rapidly"]),  # "Symptoms may be subtle initially but can rapidly progress"
    ("is it purple", []),  # no lay word at all
])
def test_the_medical_words_restate_a_question_only_when_its_lay_phrases_are_all_it_asks(question, meanings) -> None:
    assert spoken_meanings(question) == meanings


def test_missed_and_sudden_reach_the_article_words() -> None:
    """ "is it easy to miss" is the article's "misdiagnosed"; "does it come on suddenly" its "rapidly progress"."""
    assert "misdiagnosed" in medical_words("is it easy to miss")
    assert "rapidly" in medical_words("does it come on suddenly")
    assert "subtle" in medical_words("is it gradual")
