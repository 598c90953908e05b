"""A writer or source named in a writer's or source's place: found in the bibliography though misspelt, or said to
be absent from it (`not_found`), never respelt into an English word or matched by a year alone."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.author_asks import NameIndex, author_ask
from assistant.bibliography_answer import answer_bibliography
from assistant.bibliography_query import BibliographyQuestions
from assistant.citations import CitationResolver
from assistant.spelling import english_words
from assistant.triage_replies import bibliography_reply
from assistant.triage_vocabulary import COMMON


@pytest.fixture(scope="module")
def questions(packaged_corpus) -> BibliographyQuestions:
    return BibliographyQuestions(packaged_corpus.references, packaged_corpus.links, packaged_corpus.article.sections,
                                 english_words(COMMON))


@pytest.fixture(scope="module")
def index(questions) -> NameIndex:
    return questions.name_index


@pytest.mark.parametrize(("question", "name", "kind"), [
    ("what did graus write about", "graus", "author"),  # the speller would make it 'grass'
    ("papers by dalmau about pns", "dalmau", "author"),
    ("kaplan 2020 reference", "kaplan", "author"),  # not the 2020 chapters
    ("posner et al what year", "posner", "author"),
    ("any refs from lancet neurology", "lancet neurology", "source"),  # 'neurology' alone is two entries' journals
    ("does it cite anything from jama", "jama", "source"),
    ("darnell and posner nejm paper doi", "darnell posner", "author"),  # not the NEJM lumbar puncture article
])
def test_a_name_the_bibliography_lacks_is_absent(index, question: str, name: str, kind: str) -> None:
    found = author_ask(question, index)
    assert found is not None and found.reference_ids == () and (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize(("question", "ids"), [
    ("what did grabber write about", ("graber2023",)),
    ("what did honorat publish", ("vogrig2019",)),  # a co-author, misspelt
    ("ellenbey et al pages", ("ellenby2006",)),
    ("valente 2019 paper doi", ("vogrig2019",)),
    ("what did bryant write", ("bryant2025a", "bryant2025b", "bryant2025c")),
    ("kadish and clardy pages", ("kadish2024",)),
])
def test_a_misspelt_or_second_author_names_the_entry(index, question: str, ids: tuple[str, ...]) -> None:
    found = author_ask(question, index)
    assert found is not None and found.reference_ids == ids


@pytest.mark.parametrize("question", [
    "what did researchers write about pns",  # everyday words name nobody
    "papers by the team at the clinic",
    "does anything from rituximab help",  # a drug after 'anything from' is no source
    "what studies are done in patients with ms",
    "which refs are from 2023",
    "what did the article say about lambert eaton",
    "is lupus and others like it linked",
    "lupus and myasthenia paper",  # two topics joined are no writers
])
def test_no_name_in_a_writer_or_source_place(index, question: str) -> None:
    found = author_ask(question, index)
    assert found is None or found.reference_ids  # never an absent name


def test_an_absent_writer_is_parsed_from_the_typed_question_and_answered_not_found(questions, packaged_corpus) -> None:
    query = questions.parse("what did grass write about", typed="what did graus write about")
    assert query is not None and query.kind == "absent" and query.subject == "graus"
    resolver = CitationResolver.from_corpus(packaged_corpus)
    result = answer_bibliography(query, resolver.references, resolver)
    assert result.citations == [] and result.body.startswith("The article's bibliography has no entry by Graus.")
    assert "Graber" in result.body  # the cited authors are named, so a misremembered one can be found
    parts = SimpleNamespace(resolver=resolver)
    triaged = SimpleNamespace(bibliography=query, standalone="what did graus write about", flags=lambda: [])
    assert bibliography_reply(parts, triaged).status == "not_found"  # type: ignore[arg-type]


def test_a_selection_no_entry_fits_is_not_found(questions, packaged_corpus) -> None:
    query = questions.parse("any refs from 2010")
    assert query is not None and query.kind == "selection" and query.reference_ids == ()
    resolver = CitationResolver.from_corpus(packaged_corpus)
    triaged = SimpleNamespace(bibliography=query, standalone="any refs from 2010", flags=lambda: [])
    answer = bibliography_reply(SimpleNamespace(resolver=resolver), triaged)  # type: ignore[arg-type]
    assert answer.status == "not_found" and "None of the article's 21 references" in answer.body


def test_a_cited_writer_the_word_router_misses_is_answered_from_the_entry(questions) -> None:
    query = questions.parse("what did honorat write", typed="what did honorat write")
    assert query is not None and query.kind == "fields" and query.reference_ids == ("vogrig2019",)


def test_a_topic_abbreviation_in_a_sources_place_is_no_absent_source(index) -> None:
    """"which ref covers ivig in lems": LEMS is the glossary's syndrome, not a journal the bibliography lacks."""
    assert author_ask("which ref covers ivig in lems", index) is None
    assert author_ask("any refs from lancet neurology", index).reference_ids == ()
