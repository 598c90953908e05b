"""An opening reference is shown after what it points at, whichever path built the answer (assistant/antecedents.py).

Why: the eval's dangling-reference metric (eval/metrics/answers.py) counts a shown "These syndromes ..." or
"This step ..." whose article predecessor is not shown before it; the composer's own rules ran only on its own
choice, so multi-part, comparison and "what causes it" answers could still show one alone. Wording here is this
file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.antecedents import leaned_on, settle_antecedents
from assistant.compose import Scored
from assistant.near_duplicates import is_summary, prefer_body
from assistant.unit_sentences import UnitSentences
from corpus.article import load_article
from corpus.paths import article_path
from eval.article_sentences import SentenceMap
from eval.metrics.answers import dangling_references


def _sentence(parts, starts: str, summary: bool = False):
    for chunk in parts.index.chunks():
        if chunk.source_id != "article" or is_summary(chunk) != summary:
            continue
        for sentence in parts.bank.sentences(chunk.id):
            if sentence.text.lstrip("- ").startswith(starts):
                return sentence
    raise AssertionError(starts)


def _units(parts):
    return UnitSentences(parts.index.chunks(), parts.bank)


def _texts(sentences) -> list[str]:
    return [s.text.lstrip("- ")[:12] for s in sentences]


def test_a_lone_reference_brings_its_antecedent_before_it(parts) -> None:
    cause = _sentence(parts, "These syndromes are not directly caused")
    settled = settle_antecedents([cause], parts.enriched, _units(parts))
    assert _texts(settled) == ["Instead of j", "These syndro"]


def test_an_antecedent_shown_after_its_reference_moves_up(parts) -> None:
    step = _sentence(parts, "This step is essential")
    workup = _sentence(parts, "A thorough diagnostic workup")
    other = _sentence(parts, "Cancer Treatment:")
    settled = settle_antecedents([step, other, workup], parts.enriched, _units(parts))
    assert _texts(settled) == ["A thorough d", "This step is", "Cancer Treat"]


def test_a_turning_sentence_brings_the_sentence_it_turns_from(parts) -> None:
    contrast = _sentence(parts, "Conversely, in low- and middle-income")
    other = _sentence(parts, "Cancer Treatment:")
    settled = settle_antecedents([contrast, other], parts.enriched, _units(parts))
    assert _texts(settled) == ["In high-reso", "Conversely, ", "Cancer Treat"]


def test_sentences_that_point_at_nothing_are_left_as_they_are(parts) -> None:
    shown = [_sentence(parts, "Cancer Treatment:"), _sentence(parts, "Some patients experience partial")]
    assert settle_antecedents(shown, parts.enriched, _units(parts)) == shown


def test_a_summary_sentence_leaned_on_stays_instead_of_its_twins(parts) -> None:
    takeaway = _sentence(parts, "Paraneoplastic syndromes are rare disorders caused", summary=True)
    organs = _sentence(parts, "They can affect multiple organ systems", summary=True)
    chosen = [Scored(organs, 0.9, 0.0, 0.0, 1, 0.0), Scored(takeaway, 0.2, 0.0, 0.0, 1, 0.0)]
    keys = leaned_on(chosen, parts.enriched, _units(parts))
    assert keys == {(takeaway.chunk.id, takeaway.index)}
    as_scored = lambda x: Scored(x, 0.0, 0.0, 0.0, 99, 0.0)  # noqa: E731
    kept = prefer_body(chosen, parts.bank, parts.index.chunks(), as_scored, None, lambda x: (x.chunk.id, x.index) in keys)
    assert [s.sentence for s in kept] == [organs, takeaway]
    replaced = prefer_body(chosen, parts.bank, parts.index.chunks(), as_scored)  # without it the twins stand in
    assert takeaway not in [s.sentence for s in replaced]


@pytest.mark.parametrize("question, history", [
    ("what causes paraneoplastic syndromes exactly", []),  # the definition's cause sentence alone
    ("name the complementary therapies", []),  # a list narrowed to one label keeps the sentence after the list
    ("ok so what causes them", [{"role": "user", "content": "what are paraneoplastic syndromes"},
                                {"role": "assistant", "content": "Paraneoplastic syndromes are a group of rare disorders."}]),
    ("why bother with a thorough diagnostic workup and what tests does it use", []),  # multi-part
])
def test_answers_on_every_path_show_no_dangling_reference(warm_assistant, question: str, history: list) -> None:
    answer = warm_assistant.ask(question, history=history)
    spans = [(c.start, c.end) for c in answer.citations if c.source == "article"]
    sentences = SentenceMap(load_article(article_path(warm_assistant.settings)))  # the article as the eval reads it
    shown, dangling = dangling_references(spans, sentences)
    assert answer.status == "answered" and shown and dangling == [], (question, answer.body)


def test_a_follow_up_opens_with_a_passage_the_last_answer_did_not_show(warm_assistant) -> None:
    shown = ("Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves, such as Lambert-Eaton "
             "myasthenic syndrome and paraneoplastic cerebellar degeneration. [1]")
    answer = warm_assistant.ask("is it curable", history=[{"role": "user", "content": "what is lems"},
                                                          {"role": "assistant", "content": shown}])
    assert answer.status == "answered"
    assert not answer.body.startswith("Neurological:"), answer.body
