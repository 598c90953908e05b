"""A question opener typed as another real word by two swapped letters ("dose" for "does") is mended at the start of a
sentence only, and never where the next word reads the typed word as itself ("dose of ivig").

Why: the unknown-word search never sees a known word, so "dose diet make a difference" kept "dose" and the figure
check refused it as a dose asked for, while "does diet matter" was answered (eval/data/paraphrase_check.jsonl).
"""

from __future__ import annotations

import pytest

from assistant.spelling import Speller, english_words


@pytest.fixture(scope="module")
def speller() -> Speller:
    """A speller over a small synthetic 'corpus' (labelled synthetic; not corpus content)."""
    return Speller.build(["Paraneoplastic syndromes. A balanced diet may support recovery."], english=english_words())


@pytest.mark.parametrize(("typed", "fixed"), [
    ("dose diet make a difference", "does diet make a difference"),
    ("dose it hurt", "does it hurt"),
    ("ok thanks. dose it come back", "ok thanks. does it come back"),
])
def test_a_swapped_opener_is_mended_at_the_start_of_a_sentence(speller: Speller, typed: str, fixed: str) -> None:
    assert speller.correct(typed)[0] == fixed


@pytest.mark.parametrize("typed", ["dose of ivig for pns", "dose for a child", "dose 2 of the vaccine", "dose?",
                                   "whats the right dose for pns", "the dose is too high", "dose is it high"])
def test_the_typed_word_stays_where_it_is_a_noun_or_not_first(speller: Speller, typed: str) -> None:
    assert speller.correct(typed)[0] == typed


def test_a_short_word_gets_back_a_doubled_letter_typed_once_and_nothing_else() -> None:
    """'blod' is 'blood' (a slip of the same key); 'blud' stays: another letter in a short word finds any word."""
    synthetic = Speller.build(["Certain cancers make too many red blood cells."], english=frozenset())  # synthetic
    assert synthetic.correct_word("blod") == "blood"
    assert synthetic.correct_word("blud") is None


def test_a_dropped_g_never_becomes_another_safety_word_when_the_ing_word_is_english() -> None:
    """'worryin' is 'worrying' with its g dropped, not a typo of the safety word 'working' two edits away: mended so,
    "cant stop worryin bout mum" read to the emergency check as work, not worry. A dropped g with a typo besides still
    reaches its safety word ('brethin' -> 'breathing')."""
    synthetic = Speller.build(["Paraneoplastic syndromes."], targets=["working", "breathing"], english=english_words())
    assert synthetic.correct_word("worryin") != "working"
    assert synthetic.correct_word("brethin") == "breathing"


@pytest.mark.parametrize(("typed", "fixed"), [("rousable", None), ("unrousable", None), ("famlies", "families"),
                                              ("completly", "completely")])
def test_a_word_made_of_an_english_stem_and_a_suffix_is_left_as_typed(speller: Speller, typed: str,
                                                                     fixed: str | None) -> None:
    """'rousable' ('rouse' + 'able') is a word the frequency list lacks, not a typo: mended to the most frequent English
    word one edit away it was 'reusable', and "barely rousable" reached the safety rules as "barely reusable"; a plain
    typo near no corpus word is still mended to English."""
    assert speller.correct_word(typed) == fixed
    assert speller.derived_stem("rousable") == "rous" and speller.derived_stem("famlies") is None


def test_a_term_typed_as_two_words_is_joined_to_the_corpus_word_they_make() -> None:
    """Synthetic corpus: only a corpus word of eight letters or more, seen twice, that is no common English word is
    made; "any one" stays two words (its join is common English), and so does a pair whose join the corpus lacks."""
    corpus = ["Autoantibodies and plasmapheresis. Autoantibodies again, plasmapheresis again. Anyone, anyone."]
    speller = Speller.build(corpus, english=english_words(), ranking=("anyone", "the"))
    assert speller.correct("what are auto antibodies") == ("what are autoantibodies",
                                                            [("auto antibodies", "autoantibodies")])
    assert speller.correct("Plasma-pheresis for it?")[0] == "Plasmapheresis for it?"
    assert speller.correct("is there any one who knows")[0] == "is there any one who knows"
    assert speller.correct("para neoplastic")[0] == "para neoplastic"  # 'paraneoplastic' is not in this corpus
