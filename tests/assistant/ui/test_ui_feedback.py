"""Feedback in SQLite: WAL, concurrent writers (threads and processes), a locked database, bad input."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.ui.feedback import FeedbackError, FeedbackLockedError, FeedbackStore, feedback_path


def test_rows_are_stored_with_every_field(settings) -> None:  # type: ignore[no-untyped-def]
    store = FeedbackStore.for_settings(settings)
    row_id = store.add(rating="up", comment=" clear ", question="What?", answer="It is.", status="answered", session_id="s1")
    (row,) = store.rows()
    assert row.id == row_id and row.rating == "up" and row.comment == "clear"
    assert (row.question, row.answer, row.status, row.session_id) == ("What?", "It is.", "answered", "s1")
    assert row.created_at.endswith("+00:00")
    assert feedback_path(settings).exists()
    with sqlite3.connect(feedback_path(settings)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bad_rating_and_long_comment_are_refused(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with pytest.raises(FeedbackError, match="rating"):
        store.add(rating="meh", question="q", answer="a", status="answered")
    with pytest.raises(FeedbackError, match="too long"):
        store.add(rating="down", comment="x" * 5000, question="q", answer="a", status="answered")
    assert store.count() == 0


def test_concurrent_threads_lose_nothing(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                FeedbackStore(store.path).add(rating="up" if i % 2 else "down", question=f"q{n}-{i}", answer="a", status="answered")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count() == 200
    assert len({r.question for r in store.rows(limit=500)}) == 200


def _process_writer(path: str, n: int) -> None:
    store = FeedbackStore(Path(path))
    for i in range(20):
        store.add(rating="up", question=f"p{n}-{i}", answer="a", status="answered", comment="from a process")


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_process_writer, args=(str(path), n)) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert FeedbackStore(path).count() == 80


def test_a_locked_database_gives_a_clear_message_then_succeeds_on_retry(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    store = FeedbackStore(path, busy_timeout_ms=50, retries=2)
    store.add(rating="up", question="first", answer="a", status="answered")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FeedbackLockedError, match="busy.*not saved.*again"):
            store.add(rating="down", question="second", answer="a", status="answered")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    store.add(rating="down", question="second", answer="a", status="answered")
    assert [r.question for r in store.rows()] == ["second", "first"]


def test_a_short_lock_is_waited_out(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    store = FeedbackStore(path, busy_timeout_ms=100, retries=8)
    store.add(rating="up", question="first", answer="a", status="answered")
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")
    threading.Timer(0.3, lambda: (blocker.execute("COMMIT"), blocker.close())).start()
    store.add(rating="up", question="after the lock", answer="a", status="answered")
    assert store.count() == 2
