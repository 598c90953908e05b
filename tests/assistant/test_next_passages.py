"""'tell me more' after an answer: the chapter's sentences the conversation has not shown yet, in the article's order
(assistant/next_passages.py), not the previous answer again.

Wording here is this file's own (not an eval item nor a check-bank item); the article text of the end-to-end checks
is quoted from the article itself.
"""

from __future__ import annotations

from assistant.compose import Composition
from assistant.conversation import rewrite_followup
from assistant.followup import FollowUp
from assistant.next_passages import next_composition, shown_so_far
from corpus.corpus import ARTICLE_SOURCE_ID
from index.models import Chunk

OUTLOOK = ("The outlook for patients with paraneoplastic syndromes depends on several factors, including the type of "
           "cancer, severity of immune response, and timeliness of treatment.")


def test_more_about_that_asks_the_previous_question_again() -> None:
    history = [{"role": "user", "content": "how is it treated in kids"}, {"role": "assistant", "content": "x [1]"}]
    assert rewrite_followup("more about that", history) == rewrite_followup("why?", history)


def test_shown_so_far_is_every_assistant_turn_without_markers() -> None:
    turns = [{"role": "user", "content": "q one"}, {"role": "assistant", "content": "First  Shown. [1]"},
             {"role": "user", "content": "q two"}, {"role": "assistant", "content": "Second shown. [1] Third. [2]"}]
    assert shown_so_far(turns) == "first shown. second shown. third."


def _chunk(position: int, section: str, text: str) -> Chunk:
    return Chunk(id=f"c{position}", source_id=ARTICLE_SOURCE_ID, section_id=section, section_path=[section],
                 position=position, text=text, start=0, end=len(text))


CHUNKS = [
    _chunk(0, "intro", "Intro sentence about the whole topic here. Another intro sentence right here."),
    _chunk(1, "outlook", "Outlook sentence one is shown first. Outlook sentence two comes next."),
    _chunk(2, "outlook/factors", "Factors that matter are these:\n- Stage: Later stage means worse. A second sentence of it.\n"
                                 "- Timing: Early care helps most.\n- Organs: Damage may last long."),
    _chunk(3, "research", "Research sentence is in another chapter."),
]
EMPTY = Composition(body="", quotes=[], scored=[], support_rank=3, probability=None)


def _next(previous_answer: str, shown: str = "") -> list[str]:
    followup = FollowUp(ask="", previous="q", previous_answer=previous_answer, wants_next=True,
                        shown=(shown or previous_answer).lower())
    return [s.display for q in next_composition(EMPTY, followup, CHUNKS).quotes for s in q.sentences]


def test_more_is_what_follows_the_last_shown_sentence_in_its_chapter_up_to_three_units() -> None:
    # the list's lead-in comes with its items and counts for none; a bullet's second sentence goes with its bullet
    assert _next("Outlook sentence one is shown first. [1]") == [
        "Outlook sentence two comes next.", "Factors that matter are these.", "Stage: Later stage means worse.",
        "A second sentence of it.", "Timing: Early care helps most."]


def test_more_skips_what_any_earlier_turn_showed_and_then_looks_back_in_the_chapter() -> None:
    last = "Organs: Damage may last long. [1]"
    shown = f"{last} Timing: Early care helps most. Outlook sentence two comes next."
    assert _next(last, shown) == ["Outlook sentence one is shown first.", "Factors that matter are these.",
                                  "Stage: Later stage means worse.",
                                  "A second sentence of it."]


def test_more_after_a_chapter_fully_shown_is_empty_and_after_a_refusal_the_composition_stays() -> None:
    assert _next("Research sentence is in another chapter. [1]") == []
    followup = FollowUp(ask="", previous="q", previous_answer="I could not find this.", wants_next=True, shown="x")
    assert next_composition(EMPTY, followup, CHUNKS) is EMPTY


def test_tell_me_more_after_the_outlook_shows_its_factors_not_the_outlook_again(warm_assistant) -> None:
    history = [{"role": "user", "content": "whats the prognosis for pns"},
               {"role": "assistant", "content": f"{OUTLOOK} [1]"}]
    answer = warm_assistant.ask("tell me more", history)
    assert answer.status == "answered"
    assert OUTLOOK not in answer.body
    assert "Cancer type and stage: More aggressive cancers may worsen prognosis." in answer.body
