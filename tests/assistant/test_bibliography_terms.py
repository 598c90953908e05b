"""Bibliography questions phrased in unseen ways: field synonyms and typos, reference numbers, link and age
selections, subjects found through the article's sentences, and misspelt surnames that are not a language."""

from __future__ import annotations

import pytest

from assistant.bibliography_answer import answer_bibliography
from assistant.bibliography_query import BibliographyQuestions
from assistant.bibliography_terms import dated_extremes, fields_in, numbered_entries
from assistant.citations import CitationResolver


@pytest.fixture(scope="module")
def questions(packaged_corpus) -> BibliographyQuestions:
    return BibliographyQuestions(packaged_corpus.references, packaged_corpus.links, packaged_corpus.article.sections)


@pytest.mark.parametrize(("words", "fields"), [
    (["volme", "of", "the", "blood", "paper"], ("volume",)),
    (["authers", "and", "jornal"], ("container", "authors")),
    (["pgs", "and", "date"], ("pages", "year")),
    (["when", "were", "they", "published"], ()),  # 'published' is not 'publisher'
    (["vol", "val"], ("volume",)),  # a short word matches only exactly
])
def test_field_words_are_read_from_the_synonym_table_typos_included(words, fields) -> None:
    assert fields_in(words) == fields


@pytest.mark.parametrize(("question", "numbers"), [
    ("publisher of ref 7", [7]), ("reference #11 details", [11]), ("ref no 3 url", [3]), ("title of [14]", [14]),
    ("the 4th reference - whats the link", [4]), ("the last reference", [21]), ("first source listed", [1]),
    ("is there a 2019 source", []), ("reference 99", []), ("it cites 21 references", []),
])
def test_reference_numbers_point_at_their_place_in_the_list(packaged_corpus, question, numbers) -> None:
    refs = packaged_corpus.references
    assert [refs.index(r) + 1 for r in numbered_entries(question, refs)] == numbers


@pytest.mark.parametrize(("question", "ids", "fields"), [
    ("publisher of ref 7", ["bryant2025c"], ("publisher",)),
    ("reference #11 details", ["graber2023"], ()),
    ("jayarangia lems chapter url", ["jayarangaiah2020"], ("url",)),
    ("volme of the blood paper", ["varki2007"], ("volume",)),
])
def test_numbered_and_misspelt_entries_are_lookups(questions, question, ids, fields) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "fields"
    assert list(query.reference_ids) == ids and query.fields == fields


def test_a_subject_finds_entries_through_the_sentences_that_name_their_terms(questions) -> None:
    query = questions.parse("any refs on skin manifestations")  # neither title says 'skin'; the skin bullet does
    assert query is not None and query.kind == "cites_for"
    assert set(query.reference_ids) == {"weinberg2023", "yoshimura2023"}


@pytest.mark.parametrize(("question", "ids"), [
    ("which ones have a url", None),  # every entry has one
    ("refs older than 2010", ["ellenby2006", "varki2007"]),
    ("the oldest reference", ["ellenby2006"]),
    ("most recent source?", ["bryant2025c"]),
])
def test_selections_by_link_and_age(questions, packaged_corpus, question, ids) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "selection"
    assert sorted(query.reference_ids) == sorted(ids or [r.id for r in packaged_corpus.references])


@pytest.mark.parametrize("question", [
    "what is lambert eaton syndrome", "since 2020 are there any new treatments or clinical trials",
    "trousseau syndrome what is it", "how does plasmapheresis help in pns", "is there a link between smoking and pns",
    "which ones are the most common symptoms", "what was the first sign",
])
def test_questions_about_the_subject_are_not_lookups(questions, question) -> None:
    assert questions.parse(question) is None


def test_the_answer_says_what_selected_the_entries_and_cites_each(questions, packaged_corpus) -> None:
    resolver = CitationResolver.from_corpus(packaged_corpus)
    refs = packaged_corpus.references_by_id
    answer = answer_bibliography(questions.parse("which refs are open access"), refs, resolver)
    assert answer.body.startswith("21 of the article's 21 references have a link (URL or DOI):")
    assert len(answer.citations) == 21
    oldest = answer_bibliography(questions.parse("the oldest reference"), refs, resolver)
    assert oldest.body.startswith("The oldest dated entry") and "Ellenby" in oldest.body
    missing = answer_bibliography(questions.parse("publisher of ref 7"), refs, resolver)
    assert "gives no publisher for this entry; it appeared in Rupa Health" in missing.body


def test_dated_extremes_ignore_undated_entries(packaged_corpus) -> None:
    refs, which = dated_extremes("oldest reference", packaged_corpus.references)
    assert which == "oldest" and all(r.year is not None for r in refs)


def test_a_misspelt_bibliography_surname_is_not_a_language(triage) -> None:
    assert triage.language.detect("jayarangia lems chapter url").english
    assert not triage.language.detect("wer hat den artikel von jayarangia geschrieben").english


@pytest.mark.parametrize(("question", "ids", "fields"), [
    ("who wrote the lambert eaton review and in what journal", ["jayarangaiah2020"], ("container", "authors")),
    ("who is the author of the myasthenia gravis piece", ["bryant2025b"], ("authors",)),
    ("who are the authors of the paraneoplastic syndromes chapter", ["thapa2020"], ("authors",)),  # not kadish2024
])
def test_reviews_pieces_and_whole_titles_name_one_entry(questions, question, ids, fields) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "fields"
    assert list(query.reference_ids) == ids and query.fields == fields


@pytest.mark.parametrize("question", ["number of references", "give me the bibliography",
                                      "what are the sources of this article", "total number of refs?"])
def test_the_whole_list_is_asked_in_many_ways(questions, packaged_corpus, question) -> None:
    query = questions.parse(question)
    assert query is not None and query.filters == ("all",) and len(query.reference_ids) == len(packaged_corpus.references)


def test_journal_articles_are_selected_by_plain_words(questions) -> None:
    query = questions.parse("the references - are any from journals")
    assert query is not None and query.filters == ("journal_article",)
    assert set(query.reference_ids) == {"ellenby2006", "graber2023", "varki2007", "vogrig2019"}


@pytest.mark.parametrize("question", ["what is the number of cases of pns", "can you review my scan results",
                                      "list the symptoms", "how many people get pns"])
def test_counts_and_lists_of_other_things_are_not_lookups(questions, question) -> None:
    assert questions.parse(question) is None


@pytest.mark.parametrize(("question", "kind", "ids", "fields"), [
    ("refrences from 2023", "selection", None, ()),
    ("url lambert eaton", "fields", ["jayarangaiah2020"], ("url",)),  # no entry word: the field says it
    ("is the vogrig paper open access", "fields", ["vogrig2019"], ("url",)),
])
def test_misspelt_entry_words_and_entry_only_fields(questions, question, kind, ids, fields) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == kind and query.fields == fields
    if ids is not None:
        assert list(query.reference_ids) == ids


@pytest.mark.parametrize("question", ["what issues does lupus cause", "where can i find info on lupus",
                                      "what resources are available for patients"])
def test_subject_questions_with_field_like_words_are_not_lookups(packaged_corpus, question) -> None:
    questions = BibliographyQuestions(packaged_corpus.references, packaged_corpus.links,
                                      packaged_corpus.article.sections, common_words=frozenset({"resources"}))
    assert questions.parse(question) is None


@pytest.mark.parametrize(("question", "ids"), [
    ("which references support skin manifestations", {"weinberg2023", "yoshimura2023"}),
    ("which refs cover encephalitis", {"said2023"}),
])
def test_support_for_a_subject_is_what_the_article_cites_for_it(questions, question, ids) -> None:
    query = questions.parse(question)
    assert query is not None and query.kind == "cites_for" and set(query.reference_ids) == ids


@pytest.mark.parametrize("question", ["which references support the plasmapheresis part",
                                      "which source supports the lumbar puncture statement?",
                                      "what sources back up that ivig works"])
def test_support_for_a_claim_is_left_to_the_passage_answer(questions, question) -> None:
    assert questions.parse(question) is None
