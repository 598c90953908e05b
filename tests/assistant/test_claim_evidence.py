"""What the article's sentences say about a word a yes/no question hinges on (assistant/claim_evidence.py)."""

from __future__ import annotations

import pytest

from assistant.claim_evidence import ClaimEvidence, WordFamily, stem

# Synthetic text (not corpus content), shaped like the article's sentences the checks are about.
SYNTHETIC = ("Hormonal signs include irregular blood sugar levels. Some people may be genetically predisposed to "
             "developing paraneoplastic syndromes. Their symptoms overlap with many other neurological, autoimmune, "
             "and infectious diseases. Neurological problems are common.")


def test_a_phrase_is_the_articles_only_when_its_words_stand_in_one_sentence() -> None:
    evidence = ClaimEvidence(SYNTHETIC)
    assert evidence.together(["blood", "sugar"])
    assert evidence.together(["sugars"])  # stems, not spellings
    assert not evidence.together(["eating", "sugar"])
    assert not evidence.together(["sugar", "genetically"])  # both there, never together


def test_a_word_used_only_for_the_other_diseases_is_not_predicated() -> None:
    evidence = ClaimEvidence(SYNTHETIC)
    assert not evidence.predicated("infectious")
    assert not evidence.predicated("autoimmune")
    assert evidence.predicated("neurological")  # also used on its own
    assert evidence.predicated("genetic") and stem("genetic") == stem("genetically")


def test_a_compound_of_a_word_used_of_the_condition_is_predicated() -> None:
    evidence = ClaimEvidence(SYNTHETIC + " Paraneoplastic syndromes come from an immune response.")
    assert evidence.predicated("autoimmune")  # auto + "immune", said of the condition
    assert not evidence.predicated("infectious")


def test_a_cause_named_in_the_subjects_own_words_is_one_the_article_speaks_to() -> None:
    evidence = ClaimEvidence(SYNTHETIC + " These syndromes are not caused by the cancer cells themselves.")
    assert evidence.speaks_to_cause(["cancer", "spreading", "brain"])  # the cancer: the article says what it does
    assert not evidence.speaks_to_cause(["cell", "phones"])  # 'cells' stands there, but is not the subject's word
    assert not evidence.speaks_to_cause(["blood", "sugar"])  # in the article, never as a cause of the condition


def test_a_kind_of_disease_in_an_other_list_is_what_the_condition_is_mistaken_for() -> None:
    evidence = ClaimEvidence(SYNTHETIC)
    assert evidence.contrasted("infectious") and evidence.contrasted("diseases")
    assert not evidence.contrasted("genetic") and not evidence.contrasted("sugar")


def test_words_of_sentences_naming_the_condition_exclude_the_contrasted_ones() -> None:
    evidence = ClaimEvidence(SYNTHETIC)
    assert "genetically" in evidence.condition_words
    assert "infectious" not in evidence.condition_words and "sugar" not in evidence.condition_words


@pytest.fixture(scope="module")
def family(packaged_corpus, triage) -> WordFamily:
    """The real article's family finder with the bundled sentence model the learned checks use."""
    family = triage.load_word_family()
    assert family is not None
    return family


def test_a_word_of_another_family_is_found_by_the_sentence_model(family) -> None:
    assert {"genetics", "genetically"} & set(family.of("hereditary"))
    assert {"genetics", "genetically"} & set(family.of("inherit"))  # through "inherited"
    assert family.of("contagious") == ()  # "infectious" is only the other diseases'; "viral" is not close enough
    assert family.of("fatal") == ()
    assert family.near("reversable")[:1] == ("reverse",)



def test_stored_word_vectors_give_the_same_family_as_embedding_them(family, triage) -> None:
    """The Assistant hands the family finder the vectors `pns index build` stored (index/word_vectors.py); read
    from there, the article's words must give the same families, so only the first question's cost changes."""
    asked: list[int] = []

    def stored(words):
        asked.append(len(words))
        return family.embed(list(words))

    from_store = WordFamily(triage.evidence, family.embed, stored=stored)
    for word in ("hereditary", "inherit", "contagious", "reversable"):
        assert from_store.near(word) == family.near(word)
    assert asked == [len(family.words)]  # the whole vocabulary once, then only the asked words are embedded


def test_the_assistant_reads_the_family_words_from_the_built_index(warm_assistant) -> None:
    """A cold question on an unknown word must not embed the whole vocabulary (cold `pns ask` < 4 s): the
    Assistant wires its triage to the vectors `pns index build` stored."""
    triage = warm_assistant.triage()
    assert triage.word_vectors is not None
    family = triage.load_word_family()
    assert family is not None and family.stored is not None
    assert {"genetics", "genetically"} & set(family.of("inherit"))


def test_the_sentence_saying_most_of_an_ask_names_the_words_it_leaves_out() -> None:
    evidence = ClaimEvidence(SYNTHETIC + " Some lung cancer patients have high blood pressure.")
    word = lambda w: [frozenset({stem(w)})]  # noqa: E731
    assert evidence.uncovered([word("blood"), word("sugar")]) == []
    assert evidence.uncovered([word("low"), word("blood"), word("sugar")]) == [0]  # every word there, never together
    assert evidence.uncovered([word("kidney"), word("stones")]) == [0, 1]
    # a choice stands for a word when the sentence holds all of its stems ("forgetful": "neurological problems")
    assert evidence.uncovered([[frozenset({stem("forgetful")}), frozenset({"neurolog", "problem"})]]) == []
    assert evidence.uncovered([word("lung")]) == [] and evidence.uncovered([word("lung")], effect=True) == [0]
    assert evidence.uncovered([word("genetically")], naming=True) == []
    assert evidence.uncovered([word("sugar")], naming=True) == [0]  # said, but not where the condition is named
    assert evidence.spread("sugars") == 1 and evidence.spread("neurological") == 2
