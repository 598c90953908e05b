"""The speller's dictionary kept built under HOME (assistant/speller_dictionary.py): the same corrections, built
again whenever what it was built from changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.spelling import Speller, english_words

# A small synthetic 'corpus' (labelled synthetic; not corpus content).
SYNTHETIC = ("Paraneoplastic syndromes cause a seizure, trouble breathing and symptoms such as weakness. "
             "Plasmapheresis and Trousseau syndrome. Varki, A. Lambert-Eaton.")
TARGETS = ["unconscious", "breathe", "having", "shaking"]
TYPOS = ("siezure", "simptoms", "breething", "uncontious", "plasmapharesis", "trouseau", "varky", "havin", "opsoclonis")


@pytest.fixture(scope="module")
def english() -> frozenset[str]:
    return english_words()


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("speller-*.pkl"))


def test_a_kept_dictionary_corrects_as_a_freshly_built_one(tmp_path: Path, english: frozenset[str]) -> None:
    fresh = Speller.build([SYNTHETIC], targets=TARGETS, english=english)
    first = Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path)  # builds and keeps
    (kept,) = _kept(tmp_path)
    written = kept.stat().st_mtime_ns
    again = Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path)  # reads it
    assert _kept(tmp_path) == [kept] and kept.stat().st_mtime_ns == written
    assert again._symspell._deletes == fresh._symspell._deletes
    assert again._symspell._words == fresh._symspell._words
    for typo in TYPOS:
        assert first.correct_word(typo) == again.correct_word(typo) == fresh.correct_word(typo)
    assert again.correct_word("siezure") == "seizure"


def test_new_inputs_build_a_new_dictionary(tmp_path: Path, english: frozenset[str]) -> None:
    before = Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path)
    assert before.correct_word("opsoclonis") is None  # no such word yet
    grown = Speller.build([SYNTHETIC + " Opsoclonus is a sign."], targets=TARGETS, english=english, cache_dir=tmp_path)
    assert grown.correct_word("opsoclonis") == "opsoclonus"
    retargeted = Speller.build([SYNTHETIC], targets=[*TARGETS, "choking"], english=english, cache_dir=tmp_path)
    assert retargeted.correct_word("chokin") == "choking"
    assert len(_kept(tmp_path)) == 3  # one per distinct input; none overwrote another
    assert Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path) \
        .correct_word("opsoclonis") is None  # the first inputs still read their own dictionary


def test_a_damaged_dictionary_is_built_again(tmp_path: Path, english: frozenset[str]) -> None:
    Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path)
    (kept,) = _kept(tmp_path)
    kept.write_bytes(b"not a dictionary")
    speller = Speller.build([SYNTHETIC], targets=TARGETS, english=english, cache_dir=tmp_path)
    assert speller.correct_word("siezure") == "seizure"
    assert kept.stat().st_size > 1_000  # written whole again
