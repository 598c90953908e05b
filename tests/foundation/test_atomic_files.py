"""Replacing a file atomically: the old content or the whole new one, never half, and no temp file left behind."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from foundation import atomic_files
from foundation.atomic_files import atomic_write, atomic_write_json, is_leftover, replace_atomically


def test_a_write_replaces_the_file_readable_by_all_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deeper" / "file.json"
    atomic_write_json(target, {"name": "Lambert–Eaton"}, indent=1)
    assert target.read_text(encoding="utf-8") == '{\n "name": "Lambert–Eaton"\n}\n'  # non-ASCII kept as is
    assert json.loads(target.read_text(encoding="utf-8")) == {"name": "Lambert–Eaton"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "current.json"
    atomic_write(target, b"old")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_files.os, "fsync", full_disk)
    with pytest.raises(OSError) as caught:
        atomic_write(target, b"new")
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["current.json"]


def test_a_writer_that_needs_an_ending_gets_it_and_its_temp_is_recognised(tmp_path: Path) -> None:
    seen: list[str] = []

    def write(tmp: Path) -> None:
        seen.append(tmp.name)
        tmp.write_bytes(b"vectors")

    replace_atomically(tmp_path / "v.npy", write, ".tmp.npy")
    assert seen[0].startswith(".v.npy.") and seen[0].endswith(".tmp.npy")
    assert (tmp_path / "v.npy").read_bytes() == b"vectors"
    assert is_leftover(".current.json.abc123.tmp") and not is_leftover("current.json") and not is_leftover(".build.lock")
