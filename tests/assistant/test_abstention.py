"""The support gate's rules on their own: figures asked for, specific terms the corpus never uses, weak support."""

from __future__ import annotations

import pytest

from assistant.abstention import (NUMBER_ASK, check_support, typed_names, unknown_group, unknown_specific_terms,
                                  unknown_subject, vocabulary)
from index.models import Chunk, ScoredChunk

VOCAB = vocabulary(["Trousseau syndrome and Lambert-Eaton myasthenic syndrome, IVIG and plasmapheresis; "
                    "MRI and CT scans; small cell lung cancer; Varki, A. (2007)."])


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Does rituximab work better than cyclophosphamide?", ["rituximab", "cyclophosphamide"]),
        ("How sensitive is FDG-PET?", ["FDG-PET"]),
        ("What is the incidence in Italy?", ["Italy"]),
        ("What did the 2021 criteria say?", ["2021"]),  # a year the corpus never mentions
        ("Graber 2023 paper, explain it like I'm 5", []),  # a year it does (the caller knows 2023), a plain number
        ("Are anti-Hu antibodies common?", ["anti-Hu"]),
        ("Is opsoclonus-myoclonus caused by neuroblastoma?", ["opsoclonus-myoclonus", "neuroblastoma"]),
        ("What is Trousseau syndrome?", []),
        ("How is Lambert-Eaton myasthenic syndrome treated?", []),
        ("Which tumour-derived mediators are implicated in the pathophysiology?", []),
        ("What did Varki write in 2007?", []),
        ("I think MRI and CT scans are used?", []),
        ("Can physiotherapy help?", []),
    ],
)
def test_unknown_specific_terms(question: str, unknown: list[str]) -> None:
    assert unknown_specific_terms(question, VOCAB, frozenset({"graber", "i'm", "2023"})) == unknown


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        ("My doctors first thought it was MS.", {"ms"}, []),
        ("Graber 2023 CONTINUUM paper: volume and issue?", {"graber", "continuum", "2023"}, []),
        ("Graber 2016 CONTINUUM paper: volume and issue?", {"graber", "continuum", "2023"}, ["2016"]),
        ("Which references are StatPearls chapters?", {"statpearls"}, []),
        ("Which references are StatPearls chapters?", set(), ["StatPearls"]),
        ("Is FDG-PET used in 2024?", {"pet"}, ["FDG-PET", "2024"]),
    ],
)
def test_known_terms_abbreviations_and_reference_names_never_count(question: str, known: set[str], unknown: list[str]) -> None:
    assert unknown_specific_terms(question, VOCAB, frozenset(known)) == unknown


@pytest.mark.parametrize(
    ("question", "asks"),
    [("What percentage of patients recover?", True), ("What is the five-year survival rate?", True),
     ("What IVIG dose is used?", True), ("How many people get it?", True), ("What is the incidence per 100,000?", True),
     ("How common are paraneoplastic syndromes?", False), ("What does IVIG do?", False), ("Can people recover?", False),
     ("what sodium level is too low", True), ("which hormone levels are affected", False),
     ("what calcium level counts as too much", True), ("which blood result is considered as abnormal", True),
     ("what does a high calcium level mean", False),
     # a percentage asked by its sign, and an amount to take with the taker named by two words
     ("what % of sclc patients get lems", True), ("50% of patients?", True), ("is it 100 percent the cancer", True),
     ("how much vitamin d should pns patients take", True), ("how much does physio help pns patients", False)],
)
def test_number_questions(question: str, asks: bool) -> None:
    assert bool(NUMBER_ASK.search(question)) == asks


def _hit(text: str) -> ScoredChunk:
    chunk = Chunk(id="c" * 32, source_id="article", section_id="s", section_path=["S"], position=0, text=text, start=0, end=len(text))
    return ScoredChunk(chunk=chunk, score=0.5, rank=1, retriever="hybrid")


def test_check_support_combines_the_rules() -> None:
    hits = [_hit("IVIG helps remove harmful antibodies.")]
    assert check_support("What does IVIG do?", hits, 0.6, 0.18, VOCAB).supported
    weak = check_support("What does IVIG do?", hits, 0.1, 0.18, VOCAB)
    assert not weak.supported and weak.reasons[0].startswith("weak support")
    figure = check_support("What IVIG dose is used?", hits, 0.6, 0.18, VOCAB)
    assert not figure.supported and "figure" in figure.reasons[0]
    assert check_support("What IVIG dose is used?", [_hit("IVIG at 2 g/kg.")], 0.6, 0.18, VOCAB).supported
    assert check_support("What IVIG dose is used?", hits, 0.6, 0.18, VOCAB, require_figures=False).supported
    assert not check_support("What does IVIG do?", [], 0.6, 0.18, VOCAB).supported


ENGLISH = frozenset({"asthma", "diabetes", "kids", "thing", "trousseau", "chemo", "syndrome", "type", "signs", "early",
                     "hoping", "looking", "wasting"})


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("how is asthma treated in kids", "asthma"),
        ("what are the early signs of type 2 diabetes", "diabetes"),
        ("what is Trousseau syndrome?", None),  # the corpus names it
        ("what is chemo", None),  # a clipped corpus word ('chemotherapy')
        ("how are kids treated", None),  # people are no subject
        ("what is the main thing to know", None),
        ("does asthma matter", None),  # not a 'what is X' kind of question
        ("what are the new syndrome drugs hoping to achieve", None),  # 'hoping to' is a verb, the head is 'drugs'
        ("what is the chemo looking for", None),
        ("what is wasting", "wasting"),  # an -ing word with nothing after it is the subject
        ("what is asthma or chemo for it", None),  # one alternative is the corpus's: the article can answer it
        ("what is asthma or diabetes", "asthma"),  # every alternative unknown
        ("what is asthma or trousse for it", None),  # an alternative known by its leading letters ('trousseau')
        ("how do they treat it basically", None),  # the object is the condition itself, the rest a filler
        ("how do doctors treat asthma", "asthma"),
        ("what are syndrome drugs about", None),  # a preposition left at the end names nothing ('drugs' is the head)
        ("what is asthma about", "asthma"),
        ("what is the syndrome test called", None),  # the name of the test is asked: its head word is 'test'
        ("what is asthma called", "asthma"),
    ],
)
def test_unknown_subject(question: str, subject: str | None) -> None:
    vocab = vocabulary(["Trousseau syndrome; chemotherapy; the types of syndrome and early signs"])
    assert unknown_subject(question, vocab, ENGLISH) == subject


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("do toddlers ever get these syndromes", "toddlers"),
        ("are females more likely to develop it", "females"),
        ("is it less common among teenagers", "teenagers"),
        ("does IVIG work in pregnancy", "pregnancy"),
        ("is pns more common in young people", "young"), ("do older patients recover less often", "older"),
        ("my daughter has small cell lung cancer", None),  # a relative is no restriction of the question
        ("what helps kids cope with it", None),  # not a yes/no or comparison question about a group
        ("can patients with cancer get Trousseau syndrome", None),  # the corpus names patients
    ],
)
def test_unknown_group(question: str, group: str | None) -> None:
    assert unknown_group(question, VOCAB | vocabulary(["patients with cancer"])) == group


def test_a_group_restriction_alone_keeps_the_question_on_topic() -> None:
    hits = [_hit("IVIG helps remove harmful antibodies.")]
    only_group = check_support("does IVIG work in pregnancy", hits, 0.6, 0.18, VOCAB)
    assert not only_group.supported and only_group.on_topic_restriction
    also_weak = check_support("does IVIG work in pregnancy", hits, 0.1, 0.18, VOCAB)
    assert not also_weak.supported and not also_weak.on_topic_restriction


def test_questions_about_a_group_the_article_never_names_are_not_found(warm_assistant) -> None:
    for question in ("can toddlers get paraneoplastic syndromes", "is it more common in females"):
        answer = warm_assistant.ask(question)
        assert answer.status == "not_found", (question, answer.status, answer.flags)
    assert warm_assistant.ask("can people with lung cancer get paraneoplastic syndromes").status == "answered"


@pytest.mark.parametrize(("question", "status"), [
    ("can eating sugar cause it", "not_found"), ("is pns an std", "not_found"), ("can pets give u pns", "not_found"),
    ("is pns infectious", "not_found"), ("can you inherit it", "answered"), ("is pns hereditary", "answered"),
    ("does smoking cause pns", "answered"),
])
def test_claims_the_article_does_or_does_not_support_get_their_status(warm_assistant, question, status) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == status, (question, answer.status, answer.flags)
    if status == "answered" and question != "does smoking cause pns":
        assert "genetically predisposed" in answer.body


def test_a_figure_the_passages_do_not_state_alone_keeps_the_question_on_topic() -> None:
    """"how long do people live with it" names no subject, but passages close enough to answer were found."""
    hits = [_hit("The outlook depends on several factors.")]
    only_figure = check_support("how long do people live with it", hits, 0.6, 0.18, VOCAB)
    assert not only_figure.supported and only_figure.figure_only and not only_figure.on_topic_restriction
    also_weak = check_support("how long do people live with it", hits, 0.1, 0.18, VOCAB)
    assert not also_weak.supported and not also_weak.figure_only
    also_unknown = check_support("how long do people live with it in Italy", hits, 0.6, 0.18, VOCAB)
    assert not also_unknown.supported and not also_unknown.figure_only


@pytest.mark.parametrize("question", ["is pns spread by coughing", "is pns catching", "can pollen trigger paraneoplastic syndromes",
                                      "can a person catch pns off someone"])
def test_hurried_questions_about_a_cause_or_spread_the_article_never_names_are_not_found(warm_assistant, question) -> None:
    """Never out_of_scope (they are about the condition) and never answered with generic sentences."""
    answer = warm_assistant.ask(question)
    assert answer.status == "not_found", (question, answer.status, answer.flags)


def test_an_unstated_figure_about_the_condition_is_not_found_not_out_of_scope(warm_assistant) -> None:
    answer = warm_assistant.ask("how many years do ppl live with it")
    assert answer.status == "not_found", answer.flags
    # a figure about something else the question names stays out of scope
    assert warm_assistant.ask("my kitten ate a lily, how much is toxic").status == "out_of_scope"


@pytest.mark.parametrize(("named", "pronoun", "status"), [
    ("is pns contagious", "is it contagious", "not_found"),  # the article never says
    ("is pns permanent", "is it permanent", "answered"),  # "lasting impairment", "lifelong management"
    ("is pns painful", "is it painful", "answered"),  # joint, shoulder, neck and hip pain
    ("is pns an infection", "is it an infection", "answered"),  # "other infections can mimic" it
    ("is pns terminal", "is it terminal", "answered"),  # the lay map's "outlook" (assistant/lay_terms.meanings_of)
])
def test_a_first_turn_pronoun_gets_the_status_the_named_condition_gets(warm_assistant, named, pronoun, status) -> None:
    for question in (named, pronoun):
        answer = warm_assistant.ask(question)
        assert answer.status == status, (question, answer.status, answer.flags)


def test_an_adverb_before_from_is_no_way_of_spreading(warm_assistant) -> None:
    answer = warm_assistant.ask("is it always from lung cancer")
    assert answer.status == "answered", answer.flags


def test_a_three_letter_subject_counts_when_it_is_a_rarer_english_word() -> None:
    vocab = vocabulary(["Renal issues upset the balance of fluids and salts; the way it starts."])
    english, common = frozenset({"flu", "way", "gut", "fluids"}), frozenset({"way"})
    assert unknown_subject("what are the symptoms of the flu", vocab, english, common) == "flu"  # not 'fluids'
    assert unknown_subject("what is the way", vocab, english, common) is None  # a common word names no subject
    assert unknown_subject("what are the symptoms of the flu", vocab, english) is None  # without common: 4+ letters


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("what is the anti yo antibody", ["anti yo"]),
        ("icd 10 code for it", ["icd 10"]),
        ("is anti inflammatory food ok", []),       # the word after 'anti' is no short name
        ("im 45 is that young for it", []),          # chat shorthand before a number names nothing
        ("What did the 2021 criteria say?", ["2021"]),  # a year is the capitalisation checks' business
    ],
)
def test_lower_case_antibody_and_code_names_count(question: str, unknown: list[str]) -> None:
    vocab = frozenset({"what", "is", "the", "antibody", "code", "for", "it", "food", "ok", "that", "young", "did",
                       "criteria", "say", "inflammatory"})
    assert typed_names(question, vocab) + unknown_specific_terms(question, vocab) == unknown


@pytest.mark.parametrize(
    "question",
    ["how much vitamin d should someone with pns take", "does medicare cover plasmapheresis",
     "is it covered by insurance"],
)
def test_an_amount_to_take_or_who_pays_asks_for_a_figure(question: str) -> None:
    assert NUMBER_ASK.search(question)


def test_how_much_a_thing_helps_asks_for_no_figure() -> None:
    assert not NUMBER_ASK.search("how much does physio help")


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("symptoms of the flu", "flu"),  # a bare aspect asked of a subject
        ("how to treat a sunburn fast", "sunburn"),  # "how to", and a trailing filler is no head word
        ("how do i lower my cholesterol", "cholesterol"),
        ("how to treat pns fast", None),  # the corpus's own subject
        ("symptoms of trousseau syndrome", None),
        ("how do i lower my risk of syndrome", None),
    ],
)
def test_bare_aspects_how_to_and_lowering_asks_name_their_subject(question: str, subject: str | None) -> None:
    vocab = vocabulary(["Trousseau syndrome; chemotherapy; the types of syndrome and early signs; pns; risk"])
    english, common = frozenset({"flu", "sunburn", "cholesterol", "fast"}), frozenset({"fast"})
    assert unknown_subject(question, vocab, english, common) == subject


@pytest.mark.parametrize(
    ("question", "asks"),
    [("average time from first symptom to diagnosis", True), ("how long on average does ivig take", True),
     ("when was paraneoplastic syndrome first named", True), ("when were these syndromes discovered", True),
     ("when do symptoms start", False), ("when should i see a doctor", False),
     ("recovery time after plasmapheresis", True), ("waiting times for the antibody panel", True),  # a duration's noun
     ("is it time to see a doctor", False), ("can recovery take a long time", False)],
)
def test_an_average_or_a_date_asks_for_a_figure(question: str, asks: bool) -> None:
    assert bool(NUMBER_ASK.search(question)) == asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [("how long does it last", False), ("how long do the symptoms usually persist", False),
     ("how long does pns last", False),  # the condition's own duration: the article says it in words
     ("how long do the clots last", True), ("how long do ivig side effects last", True),  # anything else's: a figure
     ("how long do people live with it", True), ("how long does ivig take", True)],
)
def test_how_long_the_condition_lasts_asks_no_figure(question: str, asks: bool) -> None:
    assert bool(NUMBER_ASK.search(question)) == asks


def test_capital_mg_alone_is_myasthenia_gravis_and_not_a_dose() -> None:
    """A clinician's "ddx incl lupus / MG?" names myasthenia gravis; "mg" in lower case or after a number is a unit."""
    assert not NUMBER_ASK.search("ddx incl lupus / MG?")
    assert NUMBER_ASK.search("how many mg of prednisone")
    assert NUMBER_ASK.search("is 500 MG too much")


def test_a_describing_attribute_is_no_unknown_subject() -> None:
    """"derm findings in pns", "lp indication": the attribute asks of its subject; "criteria" stays an ask of its own."""
    vocab = vocabulary(["Trousseau syndrome; chemotherapy; the types of syndrome and early signs"])
    english = ENGLISH | {"findings", "indication", "criteria"}
    assert unknown_subject("what are the derm findings", vocab, english) is None
    assert unknown_subject("what is the indication", vocab, english) is None
    assert unknown_subject("what are the criteria", vocab, english) == "criteria"
