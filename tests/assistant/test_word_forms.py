"""Word-form matching (assistant/word_forms.py): the one owner that label focus, answer focus, paragraph
relatedness, the claim evidence and the triage's corpus-word test all ask."""

from __future__ import annotations

from assistant.word_forms import in_vocabulary, same_family, stem
from index.lexical import tokenize


def test_stems_are_the_ones_bm25_indexes() -> None:
    for word in ("syndromes", "genetically", "Diagnosed", "treatments", "neurological"):
        assert [stem(word)] == tokenize(word)
    assert stem("genetic") == stem("genetically") and stem("eats") == stem("eating")
    assert stem("diagnosed") != stem("diagnosis")  # one family, two stems: same_family joins them


def test_one_family_by_a_shared_start_of_four_letters_or_more() -> None:
    assert same_family(stem("treat"), stem("treatment"))
    assert same_family(stem("diagnosed"), stem("diagnosis"))
    assert same_family("skin", "skin")
    assert not same_family("us", "use")  # too short to say they are one word
    assert not same_family(stem("kidney"), stem("skin"))


def test_a_word_is_in_a_vocabulary_by_an_inflection_or_as_a_clipped_word() -> None:
    vocabulary = frozenset({"changes", "chemotherapy", "tumor", "nerve"})
    assert in_vocabulary("change", vocabulary)  # + s
    assert in_vocabulary("tumors", vocabulary)  # - s
    assert in_vocabulary("chemo", vocabulary)  # clips "chemotherapy"
    assert in_vocabulary("nerves", ["nerve"])  # any collection
    assert not in_vocabulary("contagious", vocabulary)


def test_family_in_and_the_family_index_agree_with_same_family_word_by_word() -> None:
    """The one-pass and indexed forms (faster, for the sentence scorers) say exactly what same_family says."""
    import random

    from assistant.word_forms import FamilyIndex, family_in

    rng = random.Random(3)
    words = ["".join(rng.choice("abcde") for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    words += ["treat", "treatment", "diagnos", "diagnosi", "us", "use", "neurolog"]
    for _ in range(150):
        collection = set(rng.sample(words, rng.randint(0, 40)))
        for prefix in (4, 5):
            index = FamilyIndex(collection, prefix)
            for word in rng.sample(words, 40):
                expected = any(same_family(word, w, prefix) for w in collection)
                assert family_in(word, collection, prefix) is expected and (word in index) is expected, (word, prefix)
