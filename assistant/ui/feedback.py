"""Durable thumbs-up/down feedback in one SQLite file under PNS_HOME.

Several browser sessions (and several server workers) may write at once, so the database runs in
WAL mode with a busy timeout, every write is one short `BEGIN IMMEDIATE` transaction on its own
connection, and a write that still finds the database locked is retried with backoff. If it is
locked for longer than that, `FeedbackLockedError` says so plainly and nothing is half-written:
the caller keeps the user's text so they can try again.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel

from assistant.errors import AssistantError
from foundation.settings import Settings

Rating = Literal["up", "down"]
T = TypeVar("T")  # what a retried database action returns
MAX_COMMENT_CHARS = 2000
MAX_TEXT_CHARS = 20000
FILENAME = "feedback.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT NOT NULL,
    rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment     TEXT,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    status      TEXT NOT NULL,
    session_id  TEXT
);
"""


class FeedbackError(AssistantError):
    """Feedback could not be stored."""


class FeedbackLockedError(FeedbackError):
    """The feedback database stayed locked by another writer through every retry."""


class FeedbackRow(BaseModel):
    id: int
    created_at: str
    rating: Rating
    comment: str | None
    question: str
    answer: str
    status: str
    session_id: str | None


def feedback_path(settings: Settings) -> Path:
    """Where the feedback database lives: under PNS_HOME with the index, never inside the repository."""
    return settings.home / FILENAME


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class FeedbackStore:
    """Append-only feedback table. Cheap to construct; opens a connection per operation (thread-safe)."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = 5000, retries: int = 5) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = busy_timeout_ms
        self.retries = retries
        self._ready = False

    @classmethod
    def for_settings(cls, settings: Settings) -> FeedbackStore:
        """The store at this HOME's feedback path."""
        return cls(feedback_path(settings))

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            if not self._ready:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(SCHEMA)
                self._ready = True
            conn.execute("PRAGMA synchronous = NORMAL")
            yield conn
        finally:
            conn.close()

    def _with_retry(self, action: str, fn: Callable[[sqlite3.Connection], T]) -> T:
        """`fn` on a fresh connection, retried with jittered backoff while another writer holds the lock; project
        errors instead of sqlite's, so the UI can say what happened."""
        delay = 0.05
        for attempt in range(self.retries + 1):
            try:
                with self._connect() as conn:
                    return fn(conn)
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc):
                    raise FeedbackError(f"could not {action}: {exc}") from exc
                if attempt == self.retries:
                    raise FeedbackLockedError(
                        "The feedback database is busy (locked by another writer), so your feedback was not "
                        "saved yet. Nothing was lost: please press the button again in a moment."
                    ) from exc
                time.sleep(delay + random.uniform(0, delay))
                delay = min(delay * 2, 1.0)
            except sqlite3.DatabaseError as exc:
                raise FeedbackError(f"could not {action}: the feedback database {self.path} is damaged ({exc})") from exc
        raise AssertionError("unreachable")

    def add(
        self,
        *,
        rating: str,
        question: str,
        answer: str,
        status: str,
        comment: str | None = None,
        session_id: str | None = None,
    ) -> int:
        """Store one feedback row and return its id. Raises FeedbackError on bad input or a stuck lock."""
        rating = (rating or "").strip().lower()
        rating = {"👍": "up", "thumbs_up": "up", "+1": "up", "👎": "down", "thumbs_down": "down", "-1": "down"}.get(rating, rating)
        if rating not in ("up", "down"):
            raise FeedbackError("rating must be 'up' or 'down'")
        comment = (comment or "").strip() or None
        if comment and len(comment) > MAX_COMMENT_CHARS:
            raise FeedbackError(f"comment is too long ({len(comment)} characters; at most {MAX_COMMENT_CHARS})")
        row = (
            datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            rating,
            comment,
            (question or "")[:MAX_TEXT_CHARS],
            (answer or "")[:MAX_TEXT_CHARS],
            (status or "")[:64],
            (session_id or None),
        )

        def insert(conn: sqlite3.Connection) -> int:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    "INSERT INTO feedback (created_at, rating, comment, question, answer, status, session_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return int(cur.lastrowid or 0)

        return self._with_retry("save feedback", insert)

    def rows(self, limit: int = 1000) -> list[FeedbackRow]:
        """The most recent rows first."""

        def select(conn: sqlite3.Connection) -> list[FeedbackRow]:
            cur = conn.execute(
                "SELECT id, created_at, rating, comment, question, answer, status, session_id "
                "FROM feedback ORDER BY id DESC LIMIT ?",
                (int(limit),),
            )
            keys = [d[0] for d in cur.description]
            return [FeedbackRow(**dict(zip(keys, r))) for r in cur.fetchall()]

        return self._with_retry("read feedback", select)

    def all_rows(self, rating: str | None = None) -> list[FeedbackRow]:
        """Every row, oldest first, optionally only one rating (for exports; see feedback_report.py)."""

        def select(conn: sqlite3.Connection) -> list[FeedbackRow]:
            where, args = ("WHERE rating = ?", (rating,)) if rating else ("", ())
            cur = conn.execute(
                "SELECT id, created_at, rating, comment, question, answer, status, session_id "
                f"FROM feedback {where} ORDER BY id",
                args,
            )
            keys = [d[0] for d in cur.description]
            return [FeedbackRow(**dict(zip(keys, r))) for r in cur.fetchall()]

        return self._with_retry("read feedback", select)

    def count(self) -> int:
        """How many ratings are stored (retried while another writer holds the lock)."""
        return self._with_retry("count feedback", lambda conn: int(conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]))
