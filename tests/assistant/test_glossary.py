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
        ("my doctors first thought it was MS. can this get mixed up?",
         "my doctors first thought it was multiple sclerosis (MS). can this get mixed up?"),
        ("lems and sclc?", "Lambert-Eaton myasthenic syndrome (lems) and small cell lung cancer (sclc)?"),
        ("is a pet scan used", "is a positron emission tomography (pet) scan used"),
        ("my pet dog", "my pet dog"),  # a lower-case 'pet' alone is a pet
        ("Is a lumbar puncture (LP) used?", "Is a lumbar puncture (LP) used?"),  # long form already there
        ("what is multiple sclerosis, MS?", "what is multiple sclerosis, MS?"),
    ],
)
def test_expansion(packaged_corpus, question: str, expanded: str) -> None:
    assert Glossary.from_corpus(packaged_corpus).expand(question)[0] == expanded


def test_corpus_definitions_win_over_curated_ones() -> None:
    glossary = Glossary.from_texts(["Computerised tomography (CT) imaging"], [Abbreviation("CT", "cat scan", "curated")])
    assert glossary.entries["CT"].long == "Computerised tomography"


def test_a_clinicians_shorthand_for_ordinary_words_is_read_as_those_words(packaged_corpus) -> None:
    """"pns mgmt", "derm findings", "rehab/PT": the article's words reach retrieval; "pt" in lower case (a patient)
    is not physical therapy."""
    glossary = Glossary.from_corpus(packaged_corpus)
    assert glossary.expand("pns mgmt")[0].endswith("management (mgmt)")
    assert glossary.expand("derm findings")[0] == "dermatologic (derm) findings"
    assert "physical therapy (PT)" in glossary.expand("rehab/PT role")[0]
    assert glossary.expand("pt with weakness")[0] == "pt with weakness"
