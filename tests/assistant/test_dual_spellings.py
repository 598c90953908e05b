"""British spellings are given the corpus's American spelling by the regular correspondences, and only where the
corpus spells the word so.

Why: "tumour" is an English word the speller left alone, so the composer's word overlap missed the article's "tumor"
sentence (eval/data/fresh_audit2.jsonl, studied part).
"""

from __future__ import annotations

import pytest

from assistant.dual_spellings import american_spellings
from assistant.spelling import Speller, english_words


@pytest.mark.parametrize(("british", "american"), [
    ("tumour", "tumor"), ("tumours", "tumors"), ("anaemia", "anemia"), ("haemorrhage", "hemorrhage"),
    ("oedema", "edema"), ("diarrhoea", "diarrhea"), ("recognised", "recognized"), ("organisation", "organization"),
    ("paralysed", "paralyzed"), ("centre", "center"), ("catalogue", "catalog"), ("labelled", "labeled"),
])
def test_each_correspondence_gives_the_american_spelling(british: str, american: str) -> None:
    assert american_spellings(british)[0] == american


@pytest.mark.parametrize("word", ["four", "hour", "your", "shoe", "journal", "filled", "disease", "spelled"])
def test_words_outside_a_rules_context_give_nothing(word: str) -> None:
    assert american_spellings(word) == []


@pytest.fixture(scope="module")
def speller() -> Speller:
    """A speller over a small synthetic 'corpus' in American spelling (labelled synthetic; not corpus content)."""
    return Speller.build(["Substances secreted by the tumor cause anemia. Does it recur? Advise a doctor."],
                         english=english_words())


def test_a_british_spelling_takes_the_corpus_spelling(speller: Speller) -> None:
    assert speller.correct("is the tumour itself causing anaemia")[0] == "is the tumor itself causing anemia"


def test_a_british_spelling_the_corpus_lacks_and_corpus_words_stay(speller: Speller) -> None:
    for text in ["the centre recognised it", "does it goes", "advise them"]:
        assert speller.correct(text)[0] == text
