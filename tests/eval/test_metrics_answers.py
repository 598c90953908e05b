"""What an answer shows, on real article spans: required facts, dangling references, related references, readability."""

from __future__ import annotations

import pytest

from corpus.article import load_article
from corpus.paths import article_path
from eval.article_sentences import SentenceMap
from eval.metrics.answers import (
    LabelledSpan,
    dangling_references,
    fact_present,
    key_fact_recall,
    normalise,
    reading_grade,
    related_reference_counts,
)
from foundation.settings import Settings


@pytest.fixture(scope="module")
def sm() -> SentenceMap:
    return SentenceMap(load_article(article_path(Settings())))


def _intro(sm: SentenceMap) -> list:
    return [s for s in sm.sentences if s.section_id == "introduction"]


def test_a_fact_is_present_when_a_cited_span_contains_its_quote(sm: SentenceMap) -> None:
    text = sm.article.text
    first = _intro(sm)[0]
    quote = "not caused directly by a tumor"
    span = sm.locate("introduction", quote)
    assert span is not None
    # the answer cites the whole sentence around the quote: present
    assert fact_present(span, quote, [(first.start, first.end)], "", text)
    # the answer cites another sentence: absent (and the text does not contain it either)
    other = _intro(sm)[2]
    assert not fact_present(span, quote, [(other.start, other.end)], other.text, text)


def test_a_fact_over_two_sentences_needs_both_shown(sm: SentenceMap) -> None:
    text = sm.article.text
    a, b = _intro(sm)[0], _intro(sm)[1]
    quote = text[a.start:b.end]  # two sentences, a space between them
    span = (a.start, b.end)
    assert fact_present(span, quote, [(a.start, a.end), (b.start, b.end)], "", text)
    assert not fact_present(span, quote, [(a.start, a.end)], a.text, text)


def test_text_fallback_ignores_case_quotes_markers_and_bullets() -> None:
    body = "- THE BODY’S immune response [1] to cancer."
    assert fact_present(None, "the body's immune response to cancer.", [], body, "")
    assert not fact_present(None, "the body's immune response to tumours", [], body, "")
    assert normalise("A “B” [12]\n- c") == 'a "b" c'


def test_key_fact_recall_reports_the_missing_quotes(sm: SentenceMap) -> None:
    text = sm.article.text
    first, third = _intro(sm)[0], _intro(sm)[2]
    facts = [((first.start, first.end), first.text), ((third.start, third.end), third.text)]
    recall, missing = key_fact_recall(facts, [(first.start, first.end)], first.text, text)
    assert recall == 0.5 and missing == [third.text]


def test_dangling_needs_the_predecessor_shown_before(sm: SentenceMap) -> None:
    first, second = _intro(sm)[0], _intro(sm)[1]  # second opens with "This is a common presentation"
    shown, dangling = dangling_references([(second.start, second.end)], sm)
    assert shown == 1 and [d.sentence for d in dangling] == [second.text] and dangling[0].predecessor == first.text
    assert dangling_references([(first.start, first.end), (second.start, second.end)], sm)[1] == []
    assert dangling_references([(first.start, second.end)], sm)[1] == []  # one quote showing both
    # shown, but after the sentence that needs it: still dangling where it is read
    assert len(dangling_references([(second.start, second.end), (first.start, first.end)], sm)[1]) == 1


def test_related_reference_precision_counts_only_labelled_citations() -> None:
    labels = [LabelledSpan((0, 100), frozenset({"varki2007"})), LabelledSpan((200, 300), frozenset())]
    citations = [((0, 100), ["varki2007", "graber2023"]),  # 1 of 2 backed
                 ((200, 300), ["thapa2020"]),              # labelled: no reference fits -> 0 of 1
                 ((500, 600), ["graber2023"]),             # no label overlaps: not judged
                 ((0, 100), [])]                           # shows nothing
    assert related_reference_counts(citations, labels) == (3, 1)


def test_reading_grade() -> None:
    simple = reading_grade("The cat sat. The dog ran. It was fun.")
    hard = reading_grade("Paraneoplastic neurological syndromes necessitate comprehensive immunological characterisation.")
    assert simple is not None and hard is not None and simple < 5 < hard
    assert reading_grade(" [1] ") is None
