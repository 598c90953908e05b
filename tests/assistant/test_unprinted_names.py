"""Names typed in lower case that the article never prints (an institution, an abbreviation only the sources
define whose meaning is far from every article sentence) are found; the article's own words, its lay near-synonyms,
everyday words and abbreviations whose meaning the article does speak of are not. Read with the real index's
sentence model and article vectors, and the triage built from the packaged corpus."""

from __future__ import annotations

import pytest

from assistant.support_gate import lexicon
from assistant.unprinted_names import institutions, unprinted_names


@pytest.fixture(scope="module")
def reader(parts, triage):
    article, words = parts.article_text, lexicon(parts, triage)
    return lambda question: unprinted_names(question, article, words, parts.index.embed_queries)


@pytest.mark.parametrize(("question", "names"), [
    ("is mayo clinic the best place to get tested for pns", ["mayo clinic"]),
    ("vgcc antibody test what does it show", ["vgcc"]),
])
def test_a_name_the_article_never_prints_is_found(reader, question: str, names: list[str]) -> None:
    assert reader(question) == names


@pytest.mark.parametrize("question", [
    "is pns diagnosed later in poorer countries",  # the article's own word
    "why might pns be underreported in some places",  # an everyday word near 'countries', not a place's name
    "is pns more common in japan",  # places are left to the other checks (module docstring)
    "ivig vs plasmapheresis for pns",  # 'vs' stands for a function word
    "what is plasma exchange",  # PLEX's meaning is the plasmapheresis bullet's
    "what is a seizure in lems",  # LEMS: the article prints its long form
    "can pns make u forgetful or slur ur words",  # lay words, no names
    "sx preceding ca dx?",  # 'ca': a clinician's shorthand for cancer
    "can you tell us what pns is",
    "is there any way to treat pns at home",
    "is there a good clinic or a local hospital for pns",  # an institution's kind with everyday words
])
def test_the_articles_words_and_everyday_words_name_nothing_unprinted(reader, question: str) -> None:
    assert reader(question) == []


def test_a_known_reference_name_is_no_unprinted_institution(parts, triage) -> None:
    """'cleveland clinic' names a cited source (a reference word), so only a name nothing in the corpus uses counts."""
    article, words = parts.article_text, lexicon(parts, triage)
    assert institutions("is cleveland clinic good for pns", article, words) == []
    assert institutions("is mayo clinic good for pns", article, words) == ["mayo clinic"]


def test_a_first_turn_naming_an_unprinted_institution_is_not_found(warm_assistant) -> None:
    answer = warm_assistant.ask("is mayo clinic the best place to get tested for pns")
    assert answer.status == "not_found"
    assert any("never prints: mayo clinic" in f for f in answer.flags)
    assert warm_assistant.ask("is pns diagnosed later in poorer countries").status == "answered"
