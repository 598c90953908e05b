"""The chat handlers with the real Assistant, without a browser: what a rejected question, a missing index
and a failed rating show, and what the conversation sends as history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.disclaimer import DISCLAIMER
from assistant.ui import render
from assistant.ui.feedback import FeedbackStore
from assistant.ui.handlers import ChatHandlers
from assistant.ui.services import Services
from foundation.settings import Settings


def last_of(gen: Any) -> tuple[Any, ...]:
    *_, last = list(gen)
    return last


def test_a_too_long_question_adds_no_turn_and_goes_back_into_the_box(ui_assistant: Any, built_index_home: Settings,
                                                                        tmp_path: Path) -> None:
    chat = ChatHandlers(Services(built_index_home, ui_assistant, FeedbackStore(tmp_path / "f.sqlite3")))
    limit = built_index_home.answer.max_question_chars
    question = "Why does this happen? " * (limit // 20)
    assert len(question) > limit
    transcript, turns, box, note = last_of(chat.respond(question, []))
    assert turns == [] and box == question  # nothing typed is lost, nothing cut
    assert f"the limit is {limit} characters" in note and "still in the box" in note and 'role="alert"' in note
    assert "pns-turn" not in transcript


def test_an_answer_becomes_a_turn_and_the_box_empties(ui_assistant: Any, built_index_home: Settings, tmp_path: Path) -> None:
    chat = ChatHandlers(Services(built_index_home, ui_assistant, FeedbackStore(tmp_path / "f.sqlite3")))
    steps = list(chat.respond("What is Lambert-Eaton myasthenic syndrome?", []))
    assert 'aria-busy="true"' in steps[0][0]  # the pending turn shows at once
    transcript, turns, box, note = steps[-1]
    assert len(turns) == 1 and box == "" and note == ""
    assert turns[0]["answer"]["status"] == "answered" and "Copy answer with its references" in transcript
    assert render.esc(DISCLAIMER) in transcript and 'aria-busy="true"' not in transcript


def test_a_missing_index_names_where_to_fix_it(tmp_path: Path) -> None:
    empty = Settings(home=tmp_path / "no-index-here")
    chat = ChatHandlers(Services(empty, None, FeedbackStore(tmp_path / "f.sqlite3")))
    transcript, turns, _, _ = last_of(chat.respond("What are paraneoplastic syndromes?", []))
    assert turns[0]["answer"]["status"] == "error" and "error: IndexStoreError" in turns[0]["answer"]["flags"]
    assert render.esc(render.INDEX_ERROR_NOTE[1]) in transcript and render.esc(render.INDEX_ERROR_NOTE[2]) in transcript
    assert render.esc(DISCLAIMER) in transcript


def test_history_is_the_answer_bodies_bounded_by_the_setting(built_index_home: Settings, tmp_path: Path) -> None:
    settings = built_index_home.override(answer={"max_history_turns": 4})
    svc = Services(settings, None, FeedbackStore(tmp_path / "f.sqlite3"))
    turns = [{"question": f"q{i}", "answer": {"body": f"b{i}", "answer": f"b{i}\n\n{DISCLAIMER}"}} for i in range(5)]
    history = svc.history(turns)
    assert [h["content"] for h in history] == ["q3", "b3", "q4", "b4"]
    assert all(DISCLAIMER not in h["content"] for h in history)


def test_a_rating_that_cannot_be_saved_keeps_the_comment_and_says_what_next(tmp_path: Path, settings: Settings) -> None:
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    chat = ChatHandlers(Services(settings, None, FeedbackStore(db)))
    turn = {"question": "q", "answer": {"answer": "a", "status": "answered"}}
    note, comment = chat.rate("down", "too vague", [turn], "session")
    assert comment == "too vague" and "could not be saved" in note and "try again" in note
    note, _ = chat.rate("up", "", [], None)
    assert "Ask a question first" in note
