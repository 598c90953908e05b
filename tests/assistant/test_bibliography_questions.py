"""Bibliography questions: recognised, answered from the parsed entries, and citing the entries themselves."""

from __future__ import annotations

import pytest

from assistant.bibliography_answer import answer_bibliography
from assistant.bibliography_query import BibliographyQuestions
from assistant.citations import BIBLIOGRAPHY_SOURCE_ID, CitationResolver, markers_in


@pytest.fixture(scope="module")
def questions(packaged_corpus) -> BibliographyQuestions:
    return BibliographyQuestions(packaged_corpus.references, packaged_corpus.links, packaged_corpus.article.sections)


@pytest.fixture(scope="module")
def resolver(packaged_corpus) -> CitationResolver:
    return CitationResolver.from_corpus(packaged_corpus)


@pytest.mark.parametrize(
    ("question", "kind", "ids", "fields"),
    [
        ("graber 2023 continuum paper: volume, issue and pages?", "fields", ["graber2023"], ("volume", "issue", "pages")),
        ("whats the doi for the varki article", "fields", ["varki2007"], ("doi",)),
        ("who published the epidemiology chapter", "fields", ["kadish2024"], ("publisher",)),
        ("link to the cleveland clinic page please", "fields", ["clevelandclinic2022"], ("url",)),
        ("is there a doi for the ivig chapter", "fields", ["arumugham2023"], ("doi",)),
        ("what journal was the vogrig study published in", "fields", ["vogrig2019"], ("container",)),
        ("what does the article cite for plasmapheresis", "cites_for", ["clevelandclinic2022"], ()),
        ("which sources cover trousseau syndrome", "cites_for", ["varki2007"], ()),
        # a container and a whole title name one entry, though "chapter on X" reads like a subject
        ("url of the statpearls chapter on paraneoplastic syndromes", "fields", ["thapa2020"], ("url",)),
        ("immunotherapy reference?", "fields", ["americancancersociety_nd_b"], ()),
        ("is there a 2019 source", "fields", ["johnhopkinsmedicine2019", "vogrig2019"], ()),
    ],
)
def test_named_entries_and_fields(questions, question: str, kind: str, ids: list[str], fields: tuple[str, ...]) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == kind and list(query.reference_ids) == ids
    assert query.fields == fields


@pytest.mark.parametrize(("question", "ids"), [
    # each joined concept brings the entry titled after it, not only the concept with more title words
    ("which ref supports Intravenous Immunoglobulin (IVIG) in Lambert-Eaton myasthenic syndrome (LEMS)",
     {"jayarangaiah2020", "arumugham2023"}),
    ("what does the article cite for lupus and nephrotic syndrome", {"bryant2025c", "tapia2023"}),
    # a concept a title holds only one word of ('symptoms' of the myasthenia page) brings nothing
    ("what ref supports using plasmapheresis for severe neuro symptoms", {"clevelandclinic2022"}),
])
def test_a_subject_joining_concepts_cites_an_entry_for_each(questions, question: str, ids: set[str]) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "cites_for" and set(query.reference_ids) == ids


@pytest.mark.parametrize(
    ("question", "count", "expected"),
    [
        ("which refs are statpearls chapters?", 6, {"aly2021", "thapa2020", "tapia2023"}),
        ("list the references that are journal articles", 4, {"graber2023", "varki2007", "vogrig2019", "ellenby2006"}),
        ("which references have a doi", 5, {"kadish2024"}),
        ("which sources are from rupa health", 6, {"bryant2025a", "yoshimura2023"}),
        ("how many references does it list", 21, {"aly2021", "yoshimura2023"}),
        ("references published before 2010", 2, {"ellenby2006", "varki2007"}),
    ],
)
def test_selections(questions, question: str, count: int, expected: set[str]) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "selection"
    assert len(query.reference_ids) == count and expected <= set(query.reference_ids)


@pytest.mark.parametrize(
    "question",
    ["what are the symptoms of lems", "what skin issues can pns cause", "how is ivig given",
     "which source supports the lumbar puncture statement?", "where does the plasmapheresis information come from?",
     "how many pages is the article", "what does the journal say about ivig",
     # 'work' after an adverb of its own is a verb, never the entry word 'works'
     "which herbal supplements actually work for pns", "do any of the diets really work",
     # the article's own test named "<word> studies" is no entry word, whatever else the question shares with titles
     "nerve conduction studies in suspected neurological involvement"],
)
def test_other_questions_are_left_to_the_passage_answerer(questions, question: str) -> None:
    assert questions.parse(question) is None


@pytest.mark.parametrize(
    "question",
    # a study that is a medical test, a bare "the paper" that says something, the 's' of "what's" ('Trousseau's')
    ["whats a nerve conduction study", "is emg a study of the muscles", "what blood studies are done for pns",
     "what studies are needed to rule out ms or lupus", "how does the paper describe lambert eaton",
     "what does the source say about diet", "are there studies testing new drugs for it",
     "What is the role of EMG and nerve conduction studies?"],
)
def test_article_questions_with_a_bibliography_word_are_not_lookups(triage, question: str) -> None:
    assert triage.triage(question).bibliography is None


def test_answers_state_the_fields_and_cite_the_entry(questions, resolver, packaged_corpus) -> None:
    query = questions.parse("Graber 2023 CONTINUUM paper - volume, issue and page range?")
    answer = answer_bibliography(query, packaged_corpus.references_by_id, resolver)
    assert "volume 29" in answer.body and "issue 6" in answer.body and "1779–1808" in answer.body
    [citation] = answer.citations
    assert citation.source_id == BIBLIOGRAPHY_SOURCE_ID and markers_in(answer.body) == [1]
    entry = citation.references[0]
    assert (entry.id, entry.volume, entry.issue, entry.pages, entry.doi) == ("graber2023", "29", "6", "1779–1808", "10.1212/con.0000000000001357")
    assert entry.relation == "bibliography entry" and entry.authors == ["Graber, J. J."] and entry.year == 2023
    assert citation.quote == packaged_corpus.reference("graber2023").raw
    assert resolver.document_text(BIBLIOGRAPHY_SOURCE_ID)[citation.start:citation.end] == citation.quote


def test_a_missing_field_is_said_to_be_missing_never_invented(questions, resolver, packaged_corpus) -> None:
    answer = answer_bibliography(questions.parse("doi of the ivig chapter"), packaged_corpus.references_by_id, resolver)
    assert "gives no DOI" in answer.body and "NBK554446" in answer.body and "10." not in answer.body


def test_a_selection_cites_every_entry_it_lists(questions, resolver, packaged_corpus) -> None:
    answer = answer_bibliography(questions.parse("Which references are StatPearls chapters?"), packaged_corpus.references_by_id, resolver)
    assert answer.body.startswith("6 of the article's 21 references are book chapters from StatPearls")
    assert [c.marker for c in answer.citations] == sorted(set(markers_in(answer.body))) == list(range(1, 7))
    assert all(c.references[0].container == "StatPearls" for c in answer.citations)


def test_an_empty_selection_says_none(questions, resolver, packaged_corpus) -> None:
    answer = answer_bibliography(questions.parse("which references are from 1990"), packaged_corpus.references_by_id, resolver)
    assert answer.body == "None of the article's 21 references were published in 1990." and answer.citations == []
