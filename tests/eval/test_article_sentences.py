"""The article's sentences: exact offsets, abbreviations kept whole, bullets as units, anaphoric openers."""

from __future__ import annotations

import pytest

from corpus.article import load_article
from corpus.paths import article_path
from eval.article_sentences import SentenceMap, opens_with_reference, shown_sentences
from foundation.settings import Settings


@pytest.fixture(scope="module")
def sentences() -> SentenceMap:
    return SentenceMap(load_article(article_path(Settings())))


def test_every_sentence_is_the_article_text_at_its_offsets(sentences: SentenceMap) -> None:
    text = sentences.article.text
    assert len(sentences.sentences) > 60
    for s in sentences.sentences:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and not s.text.startswith("- ")


def test_abbreviations_do_not_end_sentences(sentences: SentenceMap) -> None:
    causes = [s.text for s in sentences.sentences if s.section_id == "what-are-paraneoplastic-syndromes"]
    assert any("(e.g., autoantibodies, cytokines, hormones, peptides)" in s for s in causes)
    # "systems." and "symptoms." end sentences (a suffix rule for "ms." would glue them to the next one)
    presentation = [s.text for s in sentences.sentences if s.section_id == "symptoms-and-clinical-presentation"]
    assert "Additionally, symptoms may appear even before the diagnosis of cancer." in presentation


def test_predecessor_stays_in_the_section(sentences: SentenceMap) -> None:
    intro = [s for s in sentences.sentences if s.section_id == "introduction"]
    assert sentences.predecessor(intro[0]) is None
    assert sentences.predecessor(intro[1]) == intro[0]
    assert intro[1].text.startswith("This is a common presentation")


def test_opens_with_reference() -> None:
    assert opens_with_reference("This step is essential to avoid misdiagnosis.")
    assert opens_with_reference("- They can affect multiple organ systems.")
    assert opens_with_reference("However, these strategies should be discussed with a provider.")
    assert not opens_with_reference("This article comprehensively examines paraneoplastic syndromes.")
    assert not opens_with_reference("Lumbar Puncture (Spinal Tap): This procedure can help identify markers.")
    assert not opens_with_reference("Thiskind of word is not an anaphor.")


def test_covered_and_shown_keep_the_answer_order(sentences: SentenceMap) -> None:
    intro = [s for s in sentences.sentences if s.section_id == "introduction"]
    shown = shown_sentences([(intro[2].start, intro[2].end), (intro[0].start, intro[1].end), (intro[2].start, intro[2].end)],
                            sentences)
    assert shown == [intro[2], intro[0], intro[1]]
    assert sentences.covered(intro[0].start, intro[0].start + 5) == []  # a sliver does not show a sentence
    assert sentences.locate("introduction", intro[1].text) == (intro[1].start, intro[1].end)
    assert sentences.locate("introduction", "not in the article") is None
    assert sentences.locate("no-such-section", intro[1].text) is None
