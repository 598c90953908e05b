"""Assistant-level faults, each a clear message and nothing lost: the index missing (before or during a
session), an index from another embedding model, the Chroma server down at start and killed and
restarted mid-session, and the SQLite feedback store locked by another process.

Every answer on a failure path must still be an Answer with a valid status, the fixed disclaimer at
the end, no stack trace, and a message that names what is wrong and the fix; and the same Assistant
must answer again once the fault is gone, without a restart.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chroma_server import ChromaServer
from typer.testing import CliRunner

from assistant.api import Assistant
from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer
from foundation.settings import Settings

runner = CliRunner()
QUESTION = "What is Trousseau syndrome?"


def assert_failed_cleanly(answer: Answer, *needles: str) -> None:
    assert answer.status == "error", (answer.status, answer.answer)
    assert answer.answer.endswith(DISCLAIMER) and answer.answer.count(DISCLAIMER) == 1
    assert "Traceback" not in answer.answer and 'File "' not in answer.answer
    for needle in needles:
        assert needle in answer.answer, answer.answer


def assert_answered(answer: Answer) -> None:
    assert answer.status == "answered", (answer.status, answer.answer, answer.flags)
    assert answer.citations and answer.answer.endswith(DISCLAIMER)


def copy_index(source: Settings, target: Settings) -> None:
    """The session's built index, copied into this test's HOME (so breaking it breaks nobody else's)."""
    shutil.copytree(source.index_dir, target.index_dir, ignore=shutil.ignore_patterns(".build.lock"))


# -- the index missing ---------------------------------------------------------------------------------
def test_no_index_answers_with_the_command_that_fixes_it(settings: Settings) -> None:
    answer = Assistant(settings).ask(QUESTION)
    assert_failed_cleanly(answer, "pns index build")

    from assistant.cli import app

    result = runner.invoke(app, ["ask", QUESTION])
    assert result.exit_code == 1
    assert "pns index build" in result.output and "Traceback" not in result.output
    assert result.stdout.rstrip().endswith(DISCLAIMER)


def test_an_index_removed_mid_session_is_reported_then_picked_up_again(settings: Settings,
                                                                       built_index_home: Settings) -> None:
    copy_index(built_index_home, settings)
    assistant = Assistant(settings)
    assert_answered(assistant.ask(QUESTION))

    parked = settings.home / "parked-index"
    settings.index_dir.rename(parked)  # e.g. someone cleaned HOME while the server runs
    assert_failed_cleanly(assistant.ask(QUESTION), "pns index build")

    parked.rename(settings.index_dir)  # back (as after `pns index build`): the same Assistant answers again
    assert_answered(assistant.ask(QUESTION))


# -- an index from another embedding model ----------------------------------------------------------
def test_an_index_from_another_model_is_named_and_a_fixed_index_is_used_again(settings: Settings,
                                                                              built_index_home: Settings) -> None:
    copy_index(built_index_home, settings)
    pointer_path = settings.index_dir / "current.json"
    good = pointer_path.read_text(encoding="utf-8")
    pointer_path.write_text(json.dumps(json.loads(good) | {"embedding_model": "bge-small-en-v1.5", "dimension": 768}),
                            encoding="utf-8")
    assistant = Assistant(settings)
    answer = assistant.ask(QUESTION)
    assert_failed_cleanly(answer, "bge-small-en-v1.5", "all-MiniLM-L6-v2", "pns index build")

    pointer_path.write_text(good, encoding="utf-8")  # what a rebuild does: a compatible pointer
    assert_answered(assistant.ask(QUESTION))


# -- a Chroma server down at start, then killed and restarted mid-session --------------------------------
@pytest.fixture
def chroma(tmp_path: Path):  # type: ignore[no-untyped-def]
    server = ChromaServer(tmp_path / "chroma-data", tmp_path)
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.server
def test_chroma_down_at_start_then_killed_and_restarted_mid_session(settings: Settings, search_index, chroma) -> None:
    from index.build import build_index

    remote = settings.override(index={"chroma_url": chroma.url})
    chroma.start()
    build_index(remote, progress=False, embedder=search_index.embedder)
    chroma.stop()

    # down at start: a message naming the server and how to start it, on the API and on the CLI
    assistant = Assistant(remote)
    answer = assistant.ask(QUESTION)
    assert_failed_cleanly(answer, f"cannot reach Chroma server at {chroma.url}")
    from assistant.cli import app

    result = runner.invoke(app, ["--chroma-url", chroma.url, "ask", QUESTION])
    assert result.exit_code == 1 and "cannot reach Chroma server" in result.output and "Traceback" not in result.output

    # started: the same Assistant answers, no restart needed
    chroma.start()
    assert_answered(assistant.ask(QUESTION))

    # killed mid-session (SIGKILL), then restarted on the same port and data: message, then answers again
    chroma.kill()
    assert_failed_cleanly(assistant.ask("How is Trousseau syndrome treated?"), "cannot reach Chroma server")
    chroma.start()
    recovered = assistant.ask(QUESTION)
    assert_answered(recovered)
    assert recovered.context_ids == assistant.ask(QUESTION).context_ids  # the same data survived the crash


# -- the feedback store locked by another process ----------------------------------------------------------
LOCK_HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()          # hold the lock until the test says so
conn.execute("ROLLBACK")
conn.close()
"""


def test_a_locked_feedback_store_says_so_and_loses_nothing(settings: Settings) -> None:
    from assistant.ui.feedback import FeedbackLockedError, FeedbackStore, feedback_path

    store = FeedbackStore(feedback_path(settings), busy_timeout_ms=100, retries=2)
    first = store.add(rating="up", question="q1", answer="a1", status="answered")
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(store.path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(FeedbackLockedError) as caught:
            store.add(rating="down", comment="too vague", question="q2", answer="a2", status="answered")
        message = str(caught.value)
        assert "busy" in message and "not saved yet" in message and "Nothing was lost" in message
        assert store.rows()  # readers are not blocked (WAL): the earlier feedback is still visible
    finally:
        assert holder.stdin is not None
        holder.stdin.write("release\n")
        holder.stdin.flush()
        holder.wait(timeout=20)

    second = store.add(rating="down", comment="too vague", question="q2", answer="a2", status="answered")  # the retry
    rows = store.rows()
    assert [(r.id, r.question, r.comment) for r in rows] == [(second, "q2", "too vague"), (first, "q1", None)]


def test_a_lock_released_within_the_wait_is_invisible_to_the_user(settings: Settings) -> None:
    from assistant.ui.feedback import FeedbackStore, feedback_path

    store = FeedbackStore(feedback_path(settings))  # default: 5 s busy timeout, then retries with backoff
    store.add(rating="up", question="q0", answer="a0", status="answered")
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(store.path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"

    def release_soon() -> None:
        time.sleep(0.5)
        assert holder.stdin is not None
        holder.stdin.write("release\n")
        holder.stdin.flush()

    import threading

    releaser = threading.Thread(target=release_soon)
    releaser.start()
    started = time.monotonic()
    row_id = store.add(rating="up", question="q1", answer="a1", status="answered")
    waited = time.monotonic() - started
    releaser.join()
    holder.wait(timeout=20)
    assert 0.3 < waited < 5.0
    assert store.count() == 2 and store.rows()[0].id == row_id
