"""What the copy buttons put on the clipboard: a whole answer with its sources (NLM/Vancouver) and the
disclaimer last, or one reference in the chosen format."""

from __future__ import annotations

from assistant.disclaimer import DISCLAIMER, has_disclaimer
from assistant.models import Answer, Citation, CitedReference
from assistant.ui.copy_text import answer_copy_text, reference_copy_text
from assistant.ui.references import entries_from
from corpus.corpus import Corpus
from foundation.settings import Settings

VARKI = CitedReference(id="varki2007", authors=["Varki, A."], year=2007, container="Blood",
                       title="Trousseau's syndrome: multiple definitions and multiple mechanisms",
                       doi="10.1182/blood-2006-10-053736", url="https://doi.org/10.1182/blood-2006-10-053736")


def cited(marker: int, quote: str, refs: list[CitedReference]) -> Citation:
    return Citation(marker=marker, chunk_id=f"c{marker}", source_id="article", section="Symptoms > Blood",
                    section_id="symptoms", quote=quote, start=0, end=len(quote), article_title="The article",
                    article_url="https://example.org/article", references=refs)


def test_a_copied_answer_keeps_markers_passages_vancouver_references_and_the_disclaimer_last(settings: Settings) -> None:
    view = Corpus.load(settings).view()
    answer = Answer(status="answered", body="Clots are common [1]. Skin changes occur [2].", disclaimer=DISCLAIMER,
                    citations=[cited(1, "Blood  clots form.", [VARKI]), cited(2, "Rashes appear.", [VARKI])])
    text = answer_copy_text(answer, view)
    assert text.startswith("Clots are common [1]. Skin changes occur [2].")
    assert 'Cited passages, from The article (https://example.org/article):\n[1] Symptoms > Blood: "Blood  clots form."' in text
    assert "NLM/Vancouver" in text and "1. Varki A." in text and text.count("Varki A.") == 1
    assert "10.1182/blood-2006-10-053736" in text
    assert has_disclaimer(text) and text.count(DISCLAIMER) == 1


def test_a_refusal_copies_as_its_plain_text(settings: Settings) -> None:
    refusal = Answer(status="out_of_scope", body="I only answer questions about the article.", disclaimer=DISCLAIMER)
    assert answer_copy_text(refusal, Corpus.load(settings).view()) == refusal.answer


def test_one_reference_copies_in_the_chosen_format_without_a_list_number(settings: Settings) -> None:
    view = Corpus.load(settings).view()
    varki = next(e for e in entries_from(view) if e.ref.id == "varki2007")
    assert reference_copy_text(view, varki, "bibtex").startswith("@article{varki2007")
    assert "DO  - 10.1182/blood-2006-10-053736" in reference_copy_text(view, varki, "ris")
    assert {"vancouver", "ama", "apa"} <= set(view.export_formats)
    for style in ("vancouver", "ama", "apa"):
        text = reference_copy_text(view, varki, style)
        assert text.startswith("Varki") and "10.1182/blood-2006-10-053736" in text and "\n" not in text
