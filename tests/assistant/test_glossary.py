"""The glossary: abbreviations the corpus defines ('Long form (ABBR)') plus the curated list, and their expansion."""

from __future__ import annotations

import pytest

from assistant.glossary import Abbreviation, Glossary, defined_abbreviations, load_curated, long_form


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Imaging: Magnetic resonance imaging (MRI) and computed tomography (CT) scans are used.",
         [("MRI", "Magnetic resonance imaging"), ("CT", "computed tomography")]),
        ("Plasmapheresis and Intravenous Immunoglobulin (IVIG): these therapies", [("IVIG", "Intravenous Immunoglobulin")]),
        ("Electromyography (EMG) and Nerve Conduction Studies", [("EMG", "Electromyography")]),
        ("Systemic Lupus Erythematosus (Lupus): Causes", []),  # a word in parentheses is no abbreviation
        ("Plasmapheresis (Plasma Exchange): Therapy", []),
        ("the tumour (XYZ) grows", []),  # letters that do not fit the words before
    ],
)
def test_definitions_found_in_text(text: str, pairs: list[tuple[str, str]]) -> None:
    assert defined_abbreviations(text) == pairs


def test_long_form_needs_the_first_letter_to_start_a_word() -> None:
    assert long_form("CT", "scans with computed tomography") == "computed tomography"
    assert long_form("QZ", "computed tomography") is None


def test_the_corpus_glossary_holds_the_article_definitions_and_the_curated_list(packaged_corpus) -> None:
    glossary = Glossary.from_corpus(packaged_corpus)
    entries = glossary.entries
    assert entries["MRI"].source == "corpus" and entries["MRI"].long.lower() == "magnetic resonance imaging"
    assert entries["IVIG"].source == "corpus"
    for abbr in ("MS", "SCLC", "LEMS", "PNS", "PET", "CSF"):
        assert entries[abbr].source == "curated"
    assert {"ms", "sclc", "lems", "ivig", "pns", "ct", "emg", "mri", "pet", "csf"} <= glossary.terms()


def test_curated_long_forms_use_words_the_article_uses(packaged_corpus) -> None:
    text = packaged_corpus.article.text.lower()
    for entry in load_curated():
        if entry.abbr in ("MS", "SCLC", "LEMS", "PNS", "CSF", "PCD"):
            assert entry.long.lower() in text.replace("-", " ") or entry.long.lower() in text, entry


@pytest.mark.parametrize(
    ("question", "expanded"),
    [
        # a short form the corpus never prints (a curated entry) is replaced by its long form: beside it, it is only
        # a word no passage holds, and retrieval's own expansions spelled the subject twice ("symptoms of pns" got
        # the diagnosis sentences)
        ("my doctors first thought it was MS. can this get mixed up?",
         "my doctors first thought it was multiple sclerosis. can this get mixed up?"),
        ("lems and sclc?", "Lambert-Eaton myasthenic syndrome and small cell lung cancer?"),
        ("what are the symptoms of pns", "what are the symptoms of paraneoplastic syndromes"),
        ("is a pet scan used", "is a positron emission tomography scan used"),
        # one the article defines itself keeps its short form beside the long one, as the article prints it
        ("is ivig used", "is Intravenous Immunoglobulin (ivig) used"),
        ("my pet dog", "my pet dog"),  # a lower-case 'pet' alone is a pet
        ("Is a lumbar puncture (LP) used?", "Is a lumbar puncture (LP) used?"),  # long form already there
        ("what is multiple sclerosis, MS?", "what is multiple sclerosis, MS?"),
    ],
)
def test_expansion(packaged_corpus, question: str, expanded: str) -> None:
    assert Glossary.from_corpus(packaged_corpus).expand(question)[0] == expanded


def test_expansion_names_each_pair_it_used(packaged_corpus) -> None:
    """The pairs are what the answer's flags show, replaced or not."""
    assert Glossary.from_corpus(packaged_corpus).expand("pns and ivig")[1] == [
        ("pns", "paraneoplastic syndromes"), ("ivig", "Intravenous Immunoglobulin")]


def test_corpus_definitions_win_over_curated_ones() -> None:
    glossary = Glossary.from_texts(["Computerised tomography (CT) imaging"], [Abbreviation("CT", "cat scan", "curated")])
    assert glossary.entries["CT"].long == "Computerised tomography"
