"""A read-only HOME: every command says the folder cannot be written and how to fix it, never "rebuild", never a trace.

Embedded Chroma's SQLite writes even to read, so a read-only index folder fails to open with "attempt to write a
readonly database"; the fix is a writable folder (or another PNS_HOME), which is what a user must be told. Real
parts: a real read-only bind mount (root only; skipped otherwise, since chmod does not stop root), the real `pns`
in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from foundation.settings import Settings
from index.build import build_index
from index.store import read_pointer
from test_index_faults import pns

FIX = "make it writable, or set PNS_HOME to a writable folder"


@pytest.fixture
def read_only_home(settings: Settings, embedder) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """HOME with a built index, then mounted read-only over itself."""
    build_index(settings, progress=False, embedder=embedder)
    home = settings.home
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root")
    done = subprocess.run(["mount", "--bind", str(home), str(home)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode(errors='replace').strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(home)], capture_output=True, check=True)
        yield home
    finally:
        subprocess.run(["umount", "-l", str(home)], capture_output=True)


def test_a_read_only_home_names_the_fix_in_status_ask_and_build(read_only_home: Path, settings: Settings) -> None:
    before = read_pointer(settings)
    status = pns(read_only_home, "index", "status")
    assert status.returncode == 1 and "Traceback" not in status.stderr + status.stdout
    assert FIX in status.stderr and "pns index build" not in status.stderr, status.stderr

    asked = pns(read_only_home, "ask", "What is Lambert-Eaton myasthenic syndrome?", "--json")
    assert "Traceback" not in asked.stderr + asked.stdout
    import json

    answer = json.loads(asked.stdout)
    assert answer["status"] == "error" and FIX in answer["answer"] and "Run `pns index build`" not in answer["answer"]

    built = pns(read_only_home, "index", "build", "--force", "--no-progress")
    assert built.returncode == 1 and "Traceback" not in built.stderr + built.stdout
    assert FIX in built.stderr and "unexpected OSError" not in built.stderr, built.stderr
    assert read_pointer(settings) == before  # nothing lost
