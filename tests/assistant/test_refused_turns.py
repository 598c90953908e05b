"""A refused earlier turn is left out of a follow-up's reading (assistant/refused_turns.py): an off-topic turn
always, a not-found one when the follow-up is an ellipsis; a history of refusals only is kept as it is.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.conversation import rewrite_followup
from assistant.refused_turns import refusal_of, without_refused
from assistant.safety import NOT_FOUND_MESSAGE, OUT_OF_SCOPE_MESSAGE


def _turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [t for q, a in pairs for t in ({"role": "user", "content": q}, {"role": "assistant", "content": a})]


def test_the_pipelines_refusals_and_a_silent_article_are_recognised() -> None:
    assert refusal_of(OUT_OF_SCOPE_MESSAGE) == "out_of_scope"
    assert refusal_of(NOT_FOUND_MESSAGE) == "not_found"
    assert refusal_of("The article does not say how long it takes.") == "not_found"
    assert refusal_of("Skin Changes: Rashes, itching, or thickening of the skin.") is None


def test_an_off_topic_turn_is_dropped_and_a_not_found_one_only_when_asked() -> None:
    history = _turns(("what is dermatomyositis", "Dermatologic: ..."), ("any good films on tonight", OUT_OF_SCOPE_MESSAGE),
                     ("how long do the rashes last", NOT_FOUND_MESSAGE))
    users = lambda turns: [t["content"] for t in turns if t["role"] == "user"]  # noqa: E731
    assert users(without_refused(history, not_found_too=False)) == ["what is dermatomyositis", "how long do the rashes last"]
    assert users(without_refused(history, not_found_too=True)) == ["what is dermatomyositis"]
    only_refused = _turns(("what is the cure rate", NOT_FOUND_MESSAGE))
    assert without_refused(only_refused, not_found_too=True) == only_refused


def test_an_ellipsis_after_a_not_found_turn_asks_the_last_answered_question_of_the_new_subject() -> None:
    history = _turns(("how does ivig help in pns", "Plasmapheresis and ..."), ("how much does it cost", NOT_FOUND_MESSAGE))
    assert rewrite_followup("and plasmapheresis?", history) == "how does plasmapheresis help in pns?"
    # the same ellipsis without the refused turn reads the same
    assert rewrite_followup("and plasmapheresis?", history[:2]) == "how does plasmapheresis help in pns?"


def test_a_pronoun_after_an_off_topic_turn_means_the_earlier_subject() -> None:
    history = _turns(("what is trousseau syndrome", "Clotting disorders: ..."), ("who won the match", OUT_OF_SCOPE_MESSAGE))
    assert "trousseau syndrome" in rewrite_followup("how is it treated", history).lower()


def test_chat_fillers_before_a_follow_up_are_no_subject() -> None:
    history = _turns(("what is trousseau syndrome", "Clotting disorders: ..."))
    assert rewrite_followup("ok cool, which cancers is it seen in", history).lower().startswith("which cancers is")
    assert "trousseau" in rewrite_followup("lol ok how is it treated", history).lower()
    # a filler before a question that needs no context leaves it as typed (not read as a follow-up)
    assert rewrite_followup("ok thx. whats the weather like", history) == "ok thx. whats the weather like"


def test_asks_to_say_it_again_more_simply_repeat_the_previous_question() -> None:
    history = _turns(("how is pns diagnosed", "..."))
    for ask in ("what does that mean", "what does it mean in simple words", "explain it like im 5",
                "in plain words pls", "can you put that in simple terms", "dumb it down"):
        assert rewrite_followup(ask, history) == "how is pns diagnosed", ask


def test_a_not_found_turn_a_later_pronoun_pointed_into_stays_for_an_ellipsis() -> None:
    """'what is it used for' after a refused question about plasmapheresis was about plasmapheresis: an ellipsis
    after it keeps that subject; a not-found turn followed by an ellipsis (read without it) is still dropped."""
    history = _turns(("how long does it take for plasmapheresis to help", NOT_FOUND_MESSAGE),
                     ("what is it used for", "Plasmapheresis and ..."))
    assert "plasmapheresis" in rewrite_followup("and its side effects?", history).lower()
    read_past = _turns(("what is lems", "Neurological: ..."), ("how much does it cost", NOT_FOUND_MESSAGE),
                       ("and for plasmapheresis?", "Plasmapheresis and ..."))
    users = [t["content"] for t in without_refused(read_past, not_found_too=True, reads_past=lambda q: q.startswith("and"))]
    assert "how much does it cost" not in users


def test_an_off_topic_reply_without_an_apology_is_recognised() -> None:
    assert refusal_of("I can only answer questions about paraneoplastic syndromes.") == "out_of_scope"
