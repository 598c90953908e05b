"""The corpus words the triage reads a question against, on the real article and bibliography."""

from __future__ import annotations

from assistant.triage_vocabulary import group_labels, proper_names, reference_names, reference_texts
from corpus.article import load_article
from corpus.bibliography import parse_bibliography
from corpus.paths import PACKAGE_DATA

ARTICLE = load_article(PACKAGE_DATA / "article.txt")
REFS = parse_bibliography((PACKAGE_DATA / "article.txt").read_text(encoding="utf-8"), "article.txt")


def test_names_are_words_only_ever_capitalised_and_not_common() -> None:
    names = proper_names("Lambert-Eaton syndrome; Lung cancer and lung nodules; The Trousseau sign", frozenset({"the"}))
    assert {"lambert", "eaton", "trousseau"} <= names
    assert "lung" not in names and "the" not in names  # written in lower case too; a common word


def test_the_types_list_gives_labels_and_their_text() -> None:
    labels = group_labels(ARTICLE.sections)
    assert "lambert eaton myasthenic syndrome" in labels["Neurological"]
    assert all(0 < len(label.split()) <= 3 for label in labels)


def test_reference_words_name_authors_journals_and_years_not_subjects() -> None:
    names = reference_names(REFS)
    assert {"varki", "graber", "statpearls"} <= names and "2007" in names
    texts = reference_texts(REFS)
    assert len(texts) == len(REFS) and any("Varki" in t and "Trousseau" in t for t in texts)
