"""What a follow-up asks itself, apart from what it carries (assistant/asked_words.py): a figure or an unknown word of an
earlier, refused turn is not carried into a follow-up that asks something the article answers, while an ellipsis that
asks the earlier question again still asks for its figure.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.abstention import check_support
from assistant.asked_words import asked_of
from assistant.conversation import reasks_previous
from assistant.safety import NOT_FOUND_MESSAGE, PERSONAL_ADVICE_REFERRAL


def _turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [t for q, a in pairs for t in ({"role": "user", "content": q}, {"role": "assistant", "content": a})]


def test_a_follow_up_asks_for_a_figure_only_in_its_own_words() -> None:
    carried = asked_of("What influences the ten-year mortality of lems", "what influences it", reasks_previous=False)
    assert carried.figures == "what influences it" and carried.terms.startswith("What influences")
    own = asked_of("How long does lems last", "how long does it last", reasks_previous=False)
    assert own.figures == "how long does it last"  # 'how long' is the follow-up's own ask


def test_a_re_ask_and_a_first_turn_are_read_whole() -> None:
    query = "What is the ten-year mortality of lems in children?"
    assert asked_of(query, "and in children?", reasks_previous=True).figures == query
    assert asked_of(query, "", reasks_previous=False).terms == query
    assert reasks_previous("and in children?") and reasks_previous("why?") and not reasks_previous("what influences it")


def test_the_bracketed_earlier_question_is_no_part_of_the_names_asked() -> None:
    asked = asked_of("what is plasmapheresis for (how much plasmapheresis does my aunt need at 70kg)?",
                     "what is plasmapheresis for", reasks_previous=False)
    assert asked.terms == "what is plasmapheresis for"
    # brackets the user typed stay what is asked
    typed = asked_of("what is IVIG (the infusion) for", "what is IVIG (the infusion) for", reasks_previous=False)
    assert typed.terms == "what is IVIG (the infusion) for"


def test_the_gate_reads_what_is_asked(search_index) -> None:
    """The same rewrite and passages: refused for the carried figure and weight when read whole, not when read as asked."""
    from index.models import ScoredChunk

    chunks = [c for c in search_index.chunks() if "outlook" in c.text and not any(ch.isdigit() for ch in c.text)]
    hits = [ScoredChunk(chunk=c, score=0.9, rank=i, retriever="dense") for i, c in enumerate(chunks[:2], start=1)]
    vocab = frozenset({"outlook", "affects", "the", "what"})
    rewrite = "What affects the ten-year mortality (how much ivig at 70kg)?"
    whole = check_support(rewrite, hits, 0.9, 0.2, vocab)
    assert not whole.supported and any("figure" in r for r in whole.reasons) and any("70kg" in r for r in whole.reasons)
    asked = asked_of(rewrite, "what affects it", reasks_previous=False)
    assert check_support(rewrite, hits, 0.9, 0.2, vocab, asked=asked).supported


def test_follow_ups_after_a_refused_figure_or_a_personal_dose_are_answered(warm_assistant) -> None:
    refused = _turns(("what is the ten year mortality for lambert eaton", NOT_FOUND_MESSAGE))
    assert warm_assistant.ask("so what influences it", history=refused).status == "answered"
    assert warm_assistant.ask("and in children?", history=refused).status == "not_found"
    dose = _turns(("how many grams of ivig does my aunt need, she is 70kg", PERSONAL_ADVICE_REFERRAL))
    answer = warm_assistant.ask("what is ivig for anyway", history=dose)
    assert answer.status == "answered", answer.flags


def test_a_carried_prognosis_figure_is_read_as_the_outlook() -> None:
    from assistant.conversation import rewrite_followup

    refused = _turns(("whats the ten year mortality of lems", NOT_FOUND_MESSAGE))
    assert rewrite_followup("what changes it", refused) == "What changes the outlook of lems"
    # asked again (an ellipsis) or typed by the follow-up itself, the figure stays
    assert "mortality" in rewrite_followup("and in children?", refused)
    assert "life expectancy" in rewrite_followup("and whats the life expectancy with it", refused)


def test_an_earlier_question_with_a_spelled_out_abbreviation_is_still_no_part_of_the_ask() -> None:
    """The search text spells an abbreviation out in brackets ("pns (paraneoplastic syndromes)"): the bracketed earlier
    question then holds a bracket of its own, and its group ('kids') must still not be read as asked again."""
    rewrite = "and how do they treat that (Are paraneoplastic syndromes (paraneoplastic syndromes) the same for kids)"
    assert asked_of(rewrite, "and how do they treat that", reasks_previous=False).terms == "and how do they treat that"
    assert "kids" in asked_of(rewrite, "and in kids?", reasks_previous=True).terms
