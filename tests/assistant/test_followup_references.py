"""Follow-ups whose reference is a claim or a list, not a noun phrase, and follow-ups that only look bibliographic.

Wording here is this file's own (not an eval item): each case names the class of follow-up it stands for.
"""

from __future__ import annotations

import pytest

from assistant.bibliography_query import BibliographyQuestions
from assistant.conversation import rewrite_followup
from assistant.topics import topic_of


def _turns(*questions: str) -> list[dict[str, str]]:
    return [t for q in questions for t in ({"role": "user", "content": q}, {"role": "assistant", "content": "(reply)"})]


@pytest.mark.parametrize(
    ("earlier", "follow_up", "kept"),
    [
        ("can lung tumours upset the salt balance", "how does that happen", "can lung tumours upset the salt balance"),
        ("what is the prognosis after treatment for pns", "what changes that", "prognosis after treatment for pns"),
        ("which complementary therapies do patients try", "are those safe", "which complementary therapies do patients try"),
    ],
)
def test_a_bare_demonstrative_is_searched_with_the_claim_it_points_at(earlier: str, follow_up: str, kept: str) -> None:
    standalone = rewrite_followup(follow_up, _turns(earlier))
    assert standalone.startswith(follow_up) and kept in standalone
    assert standalone.count("(") == 1  # the earlier question in brackets, the follow-up's words untouched


def test_a_chain_of_claim_follow_ups_never_nests_brackets() -> None:
    standalone = rewrite_followup("is she likely to get better", _turns("what is the outlook for cerebellar degeneration",
                                                                          "what changes that"))
    assert standalone.count("(") == 1 and standalone.count(")") == 1
    assert "cerebellar degeneration" in standalone


@pytest.mark.parametrize("follow_up", ["why is that", "how come", "why is that so?", "why would that be"])
def test_asking_why_of_a_claim_asks_the_earlier_question_again(follow_up: str) -> None:
    earlier = "is diagnosis slower in rural hospitals"
    assert rewrite_followup(follow_up, _turns(earlier)) == earlier


def test_a_pronoun_with_a_noun_phrase_antecedent_is_still_replaced() -> None:
    assert rewrite_followup("how is it treated", _turns("what is pemphigus")) == "How is pemphigus treated"


def test_a_compound_participle_stays_inside_the_topic() -> None:
    assert topic_of("what are the cancer associated skin conditions") == "the cancer associated skin conditions"
    assert topic_of("what is the drug mentioned in the leaflet") == "the drug"  # a real participle still ends the phrase


@pytest.fixture(scope="module")
def questions(packaged_corpus) -> BibliographyQuestions:
    return BibliographyQuestions(packaged_corpus.references, packaged_corpus.links, packaged_corpus.article.sections)


@pytest.mark.parametrize("question", ["does plasmapheresis work for weakness", "do steroids really work",
                                      "will it work if the tumour is gone", "how does immunoglobulin work"])
def test_work_as_a_verb_is_no_bibliography_question(questions, question: str) -> None:
    assert questions.parse(question) is None


def test_work_as_a_noun_still_names_entries(questions) -> None:
    assert questions.parse("which works are from statpearls") is not None


def test_a_follow_up_about_a_therapy_is_answered_from_the_article(triage) -> None:
    turns = _turns("what is plasmapheresis")
    assert triage.triage("does it help with nerve damage", turns).bibliography is None
    assert triage.triage("does it have a doi", turns).bibliography is not None  # names a field itself


@pytest.mark.parametrize(("follow_up", "kept"), [
    ("is there anything besides meds that helps", "meds that helps"),
    ("are there tests that show it", "tests that show"),
])
def test_a_relative_that_after_a_class_noun_or_anything_is_no_reference(follow_up: str, kept: str) -> None:
    """'that' opening a relative clause points at nothing: resolving it read "anything besides meds ivig helps"
    (eval/data/fresh_audit2.jsonl, studied part); a 'that' standing for what was said is still resolved."""
    assert kept in rewrite_followup(follow_up, _turns("what does ivig actually do"))
    assert "that" not in rewrite_followup("does that help", _turns("what does ivig actually do")).lower()
