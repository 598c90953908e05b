"""Which sentences the enriched composer shows, on the real index and the real bundled embedder.

Questions here are written for these tests (not eval items): a list question gets every item of its list,
asking for "the other ..." brings the list too, a long bullet split over two passages is shown whole, and a
"what is" question does not get bullets of an unrelated list.
"""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from assistant.enriched_compose import ASKS_WHAT_IT_IS
from corpus.enrichment import PACKAGED_ENRICHMENT

pytestmark = pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")

TESTS = ("Imaging:", "Laboratory Tests:", "Electromyography (EMG)", "Lumbar Puncture")


def test_a_list_question_gets_every_item(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("list every advanced diagnostic test for paraneoplastic syndromes")
    assert answer.status == "answered"
    assert all(label in answer.body for label in TESTS), answer.body


def test_asking_for_the_others_brings_the_rest_of_the_list(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what other tests are there besides a lumbar puncture")
    assert sum(label in answer.body for label in TESTS) >= 3, answer.body


def test_a_bullet_split_over_two_passages_is_shown_whole(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("which blood problems cause tiredness and pale skin")
    if "Fatigue, pale skin" in answer.body:
        assert "too many red blood cells" in answer.body, answer.body


def test_a_what_is_question_gets_no_unrelated_bullets(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("what is a paraneoplastic syndrome")
    assert answer.status == "answered"
    assert "immune" in answer.body
    for unrelated in ("Dermatologic:", "Hematologic:", "Clotting disorders:", "Kidney (Renal):"):
        assert unrelated not in answer.body, answer.body


def test_paragraph_of_finds_the_short_paragraph_around_a_sentence(warm_assistant: Assistant) -> None:
    from assistant.paragraphs import paragraph_of

    enriched = warm_assistant.parts().enriched
    text = enriched.article_text
    item = enriched.at(text.index("Patients may need long-term neurological monitoring"))
    members = paragraph_of(item, enriched, text)
    assert [m.unit.text.split()[0] for m in members] == ["Ongoing", "Patients", "Support"]
    bullet = enriched.at(text.index("Imaging:"))
    assert paragraph_of(bullet, enriched, text) == [bullet]  # a list item is never a paragraph's sentence


def test_paragraph_completion_shows_the_continuation(built_index_home) -> None:
    # the continuation relates to the question ("support"): a continuation that does not is left out
    # (tests/assistant/test_focused_answers.py); no heading word ("long-term") asked: that shows the section whole
    # whatever the paragraph lever (assistant/named_sections.py)
    question = "after treatment will patients need neurological monitoring or support"
    completed = Assistant(built_index_home.override(answer={"whole_paragraphs": True}))
    answer = completed.ask(question)
    assert answer.status == "answered" and "long-term neurological monitoring" in answer.body, answer.body
    assert "Support groups and counseling" in answer.body, answer.body
    cut = Assistant(built_index_home.override(answer={"whole_paragraphs": False})).ask(question)
    assert "Support groups and counseling" not in cut.body, cut.body


def test_extra_feature_columns_reach_the_ranker(warm_assistant: Assistant) -> None:
    """The re-scoring hook (a second embedder's cosines in benchmarks/rescore_cv.py): extra columns are appended to
    every candidate's row, and a ranker fitted on the wider rows scores by them."""
    from assistant.ranked_choice import rank_candidates
    from assistant.ranker import FEATURES, Ranker

    parts = warm_assistant.parts()
    query = "how can patients cope emotionally after treatment"
    retrieval = parts.retriever.retrieve(query, pool=True)
    focus = parts.index.embed_query(query)
    marked = "Support groups and counseling"

    def extra(q: str, items: list) -> list[list[float]]:
        assert q == query and len(items) > 1
        return [[float(item is not None and item.unit.text.startswith(marked))] for item in items]

    _, plain = rank_candidates(query, focus, focus, retrieval.candidates, parts.bank, parts.enriched, None)
    scored, rows = rank_candidates(query, focus, focus, retrieval.candidates, parts.bank, parts.enriched, None, extra)
    assert all(len(r) == len(FEATURES) + 1 for r in rows) and all(len(r) == len(FEATURES) for r in plain)
    only_extra = Ranker(tuple([0.0] * len(FEATURES) + [5.0]), -2.0, tuple([0.0] * (len(FEATURES) + 1)),
                        tuple([1.0] * (len(FEATURES) + 1)), {})
    ranked, _ = rank_candidates(query, focus, focus, retrieval.candidates, parts.bank, parts.enriched, only_extra, extra)
    assert any(r[-1] for r in rows), "the marked sentence should be a candidate for this question"
    assert ranked[0].sentence.text.startswith(marked), [s.sentence.text for s in ranked[:3]]


def test_a_list_question_gets_one_list_not_every_list_it_touches(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("give me all the kinds of tests doctors run for this")
    assert sum(label in answer.body for label in TESTS) >= 3, answer.body
    for takeaway in ("Global disparities exist", "Long-term outcomes vary", "Commonly associated cancers include"):
        assert takeaway not in answer.body, answer.body


@pytest.mark.parametrize("question", ["isnt pns just a kind of cancer", "so the tumour itself damages the nerves?",
                                      "what causes these paraneoplastic things"])
def test_a_guess_at_what_it_is_gets_the_definition_that_corrects_it(warm_assistant: Assistant, question: str) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    assert "not directly caused by the cancer cells themselves" in answer.body, answer.body


@pytest.mark.parametrize(("question", "asks"), [
    ("so the tumour itself damages the nerves?", True), ("is it the tumor itself making me sick", True),
    ("does the cancer itself cause this", True), ("is it caused by the tumor itself", True),
    ("Are paraneoplastic syndromes the tumor itself doing the damage", True),  # "is it" as the rewrite words it
    ("so its not the cancer itself doing it?", True),  # a denial of the misconception is still about what it is
    ("Paraneoplastic syndrome's not the cancer itself doing it?", True),  # ... as a follow-up's rewrite words it
    ("Paraneoplastic syndromes' not the cancer itself?", True),
    ("does removing the tumor itself help", False),
    ("do they still treat the cancer itself", False), ("treating the tumor itself surgery chemo radiation?", False),
    ("can they remove the tumor itself", False), ("what about the cancer itself", False)])
def test_the_tumor_itself_asks_what_it_is_only_as_the_subject(question: str, asks: bool) -> None:
    """After a verb other than be/do/a modal, "the cancer itself" is that verb's object: what is done to the cancer."""
    assert bool(ASKS_WHAT_IT_IS.search(question)) is asks


@pytest.mark.parametrize("question", ["do they still treat the cancer itself", "treating the tumor itself surgery chemo radiation?"])
def test_treating_the_cancer_itself_gets_no_definition(warm_assistant: Assistant, question: str) -> None:
    answer = warm_assistant.ask(question)
    assert "treat" in answer.body.lower(), answer.body
    assert "not directly caused by the cancer cells themselves" not in answer.body, answer.body


def test_a_question_about_one_symptom_gets_no_definition(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("is it normal to have joint pain with this")
    assert "not directly caused by the cancer cells themselves" not in answer.body, answer.body


def test_a_question_naming_one_bullet_label_gets_that_bullet_not_its_neighbours(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("which kidney problems show up with paraneoplastic syndrome")
    assert "Renal issues may occur" in answer.body, answer.body
    for neighbour in ("Rheumatologic:", "Hematologic (blood-related):", "Neurological: Muscle weakness"):
        assert neighbour not in answer.body, answer.body


def test_a_label_word_that_names_the_whole_list_focuses_nothing(warm_assistant: Assistant) -> None:
    answer = warm_assistant.ask("in what ways do doctors treat paraneoplastic syndrome")
    shown = sum(label in answer.body for label in ("Cancer Treatment:", "Immunotherapy and Corticosteroids:",
                                                   "Plasmapheresis and Intravenous Immunoglobulin"))
    assert shown >= 2, answer.body


def test_a_risk_factor_question_gets_the_predisposition_sentence(warm_assistant: Assistant) -> None:
    """Close vectors alone ("While the exact cause ... varies" at 0.87) no longer make it a repeat (compose.redundant)."""
    answer = warm_assistant.ask("what are the risk factors for paraneoplastic syndromes")
    assert "genetically predisposed" in answer.body, answer.body
    assert "While the exact cause of paraneoplastic syndromes varies" in answer.body, answer.body


def test_a_cause_question_gets_the_cause_not_the_whole_definition(warm_assistant: Assistant) -> None:
    """The cause sentence opens with "These syndromes": the sentence it follows is shown right before it (the eval's
    dangling-reference rate must be 0), the definition's opener and the introduction are not."""
    answer = warm_assistant.ask("what causes paraneoplastic syndromes")
    body = answer.body
    assert "not directly caused by the cancer cells themselves" in body, body
    assert body.index("Instead of just attacking cancer cells") < body.index("These syndromes are not directly"), body
    for framing in ("are a group of rare disorders that occur", "rare but serious conditions"):
        assert framing not in body, body


def test_a_follow_up_gets_no_framing_sentence_beside_a_fact(warm_assistant: Assistant) -> None:
    # the rewrite carries the corpus's subject into the follow-up ("where is paraneoplastic syndromes more common"),
    # and "This is a common presentation for an individual with paraneoplastic syndrome" matches it on words
    first = "is paraneoplastic syndromes common"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": warm_assistant.ask(first).answer}]
    answer = warm_assistant.ask("where is it more common", history)
    assert answer.status == "answered"
    assert "Imagine experiencing" not in answer.body and "common presentation" not in answer.body, answer.body
    assert "differs globally" in answer.body, answer.body


def test_a_question_word_shared_in_passing_keeps_no_far_sentence_with_about_protects(built_index_home) -> None:
    # "skin changes" is the Skin Changes bullet's label; the clinical assessment sentence only lists it in passing, far
    # under the bullet's cosine, and main's protection by any shared distinctive word keeps it (opt-in lever:
    # settings.answer.about_protects, answer_focus.about_distinctive)
    on = built_index_home.model_copy(deep=True)
    on.answer.about_protects = True
    off_body = Assistant(built_index_home).ask("skin changes in pns").body
    on_body = Assistant(on).ask("skin changes in pns").body
    assert "Skin Changes:" in on_body and "Healthcare providers will assess" not in on_body, on_body
    assert "Healthcare providers will assess" in off_body, off_body  # the lever is what changes it
