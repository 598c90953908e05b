"""Index faults, each a clear message with nothing lost: no index, an index from another embedding model
or dimension, the disk filling up during a build, and a corrupt source file.

Real parts throughout: a real embedded Chroma, the bundled model (the session `embedder`), a real
size-limited tmpfs for "disk full" (root can mount one; otherwise that test is skipped and the
injected-ENOSPC test below still runs), and the real `pns` CLI in a subprocess where a failure must
be shown to a user. Tests marked xfail(strict=True) document a bug found here (see their reasons);
they turn into failures, on purpose, once the bug is fixed, so the marker is removed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.errors import CorpusError

from foundation.errors import PNSError

from index.errors import IndexStoreError
from foundation.settings import Settings
from index.build import build_index
from index.chroma import connect
from index.store import POINTER_FILE, open_index, read_pointer

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def build(settings: Settings, embedder, **kwargs) -> dict:  # type: ignore[no-untyped-def]
    return build_index(settings, progress=False, embedder=embedder, **kwargs)


def pns(home: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """The real `pns` in a fresh process (so a user-facing failure is seen exactly as a user sees it)."""
    env = os.environ | {"PYTHONPATH": str(REPO), "PNS_HOME": str(home)}
    env.pop("PNS_DEBUG", None)
    return subprocess.run([sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(home), *args],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def cli(*args: str):  # type: ignore[no-untyped-def]
    from assistant.cli import app

    return runner.invoke(app, list(args))


def assert_one_line_error(output: str) -> None:
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, output


# -- no index ----------------------------------------------------------------------------------
def test_no_index_says_to_run_index_build(settings: Settings) -> None:
    with pytest.raises(IndexStoreError, match=r"no index found in .*: run `pns index build` first"):
        open_index(settings)
    result = cli("index", "status")
    assert result.exit_code == 1
    assert_one_line_error(result.output)
    assert "run `pns index build`" in result.output
    assert not (settings.index_dir / POINTER_FILE).exists()  # asking did not create a half index


def test_a_deleted_collection_says_to_rebuild_and_a_rebuild_recovers(settings: Settings, embedder) -> None:
    first = build(settings, embedder)
    connect(settings).delete_collection(first["collection"])
    with pytest.raises(IndexStoreError, match=r"collection .* is missing .*run `pns index build`"):
        open_index(settings)
    again = build(settings, embedder)
    assert again["chunks"] == first["chunks"] and not again["up_to_date"]
    assert open_index(settings, embedder=embedder).dense_search("fatigue", 3)


@pytest.mark.parametrize("damage", ["deleted", "garbled"])
def test_a_damaged_bm25_index_fails_status_and_a_plain_build_repairs_it(settings: Settings, embedder, damage: str) -> None:
    """`pns index status` once said all was well and `pns index build` said "up to date" over a BM25 folder that
    could not be loaded, while every question answered "run `pns index build`"."""
    first = build(settings, embedder)
    folder = settings.index_dir / read_pointer(settings)["lexical"]  # type: ignore[index]
    if damage == "deleted":
        shutil.rmtree(folder)
    else:
        for path in folder.iterdir():
            path.write_text("garbage", encoding="utf-8")
    with pytest.raises(IndexStoreError, match=r"lexical index at .* is missing or corrupt .*run `pns index build`"):
        open_index(settings)
    result = cli("index", "status")
    assert result.exit_code == 1
    assert_one_line_error(result.output)
    again = build(settings, embedder)
    assert not again["up_to_date"] and again["embedded"] == 0 and again["chunks"] == first["chunks"]
    assert open_index(settings, embedder=embedder).lexical_search("fatigue", 3)


def test_status_says_where_the_vectors_are_read_from_now(settings: Settings, embedder) -> None:
    """The pointer records where a build wrote; after HOME moved, status and an up-to-date build name the new place."""
    build(settings, embedder)
    path = settings.index_dir / POINTER_FILE
    path.write_text(json.dumps(read_pointer(settings) | {"location": "embedded:/elsewhere/index/chroma"}),  # type: ignore[operator]
                    encoding="utf-8")
    here = f"embedded:{settings.index_dir / 'chroma'}"
    assert open_index(settings).status()["location"] == here
    assert build(settings, embedder)["location"] == here


# -- an index from another embedding model or dimension -------------------------------------------
def test_an_index_from_another_model_names_both_models_and_dimensions(settings: Settings, embedder) -> None:
    build(settings, embedder)
    path = settings.index_dir / POINTER_FILE
    pointer = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(pointer | {"embedding_model": "bge-small-en-v1.5", "dimension": 768}), encoding="utf-8")

    with pytest.raises(IndexStoreError) as caught:
        open_index(settings)
    message = str(caught.value)
    assert "'bge-small-en-v1.5' (768-d" in message and "'all-MiniLM-L6-v2' (384-d" in message
    assert "pns index build" in message

    result = cli("index", "status")
    assert result.exit_code == 1
    assert_one_line_error(result.output)
    assert "bge-small-en-v1.5" in result.output and "all-MiniLM-L6-v2" in result.output

    # nothing is lost: a build replaces the foreign index with a usable one
    report = build(settings, embedder)
    assert report["embedding_model"] == "all-MiniLM-L6-v2" and report["chunks"] == pointer["chunks"]
    assert open_index(settings, embedder=embedder).dense_search("plasmapheresis", 1)


def test_vectors_of_another_dimension_are_detected_and_named(settings: Settings, embedder) -> None:
    """A pointer that claims our model but a collection holding 8-d vectors (e.g. written by another tool)."""
    build(settings, embedder)
    pointer = read_pointer(settings)
    assert pointer is not None
    chunk_ids = [c["id"] for c in json.loads((settings.index_dir / pointer["manifest"]).read_text())["chunks"]]
    client = connect(settings)
    foreign = client.create_collection(name=f"foreign-{uuid.uuid4().hex[:6]}", embedding_function=None)
    foreign.add(ids=chunk_ids, embeddings=[[0.125] * 8 for _ in chunk_ids])
    path = settings.index_dir / POINTER_FILE
    path.write_text(json.dumps(pointer | {"collection": foreign.name}), encoding="utf-8")

    with pytest.raises(IndexStoreError, match=r"incompatible index: its vectors have 8 dimensions, the model "
                                              r"'all-MiniLM-L6-v2' gives 384: run `pns index build`"):
        open_index(settings)


def test_settings_naming_a_model_that_is_not_bundled_say_which_are(settings: Settings, embedder) -> None:
    build(settings, embedder)
    other = settings.override(index={"embedding_model": "bge-small-en-v1.5"})
    with pytest.raises(PNSError, match=r"unknown embedding model 'bge-small-en-v1.5'; bundled models: all-MiniLM-L6-v2"):
        open_index(other)
    assert open_index(settings, embedder=embedder).status()["embedding_model"] == "all-MiniLM-L6-v2"


# -- disk full while building ------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 8 MiB tmpfs (needs root and mount permission; skipped otherwise)."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a size-limited tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def fill(disk: Path, leave_bytes: int) -> Path:
    """Write a filler file so that only about `leave_bytes` stay free on `disk`."""
    filler = disk / "filler"
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as fh:
        try:
            fh.write(b"\0" * max(0, free - leave_bytes))
        except OSError as exc:  # tmpfs rounds to pages; being full already is the point
            assert exc.errno == errno.ENOSPC
    return filler


@pytest.mark.parametrize("leave_kib", [0, 64], ids=["no-space-at-all", "64KiB-left"])
def test_disk_full_while_building_keeps_the_previous_index(small_disk: Path, embedder, leave_kib: int) -> None:
    settings = Settings(home=small_disk / "home")
    before = build(settings, embedder)
    hits_before = [h.chunk.id for h in open_index(settings, embedder=embedder).dense_search("fatigue", 3)]
    filler = fill(small_disk, leave_kib * 1024)

    # a separate process, as a user runs it (embedded Chroma can hang on later writes in a process that
    # already hit a full disk, so the failing build must not share this test process)
    result = pns(settings.home, "index", "build", "--force", "--no-progress")
    assert result.returncode == 1, result.stdout + result.stderr
    assert_one_line_error(result.stderr)
    assert re.search(r"no space left|disk is full", result.stderr, re.IGNORECASE), result.stderr

    filler.unlink()
    pointer = read_pointer(settings)
    assert pointer is not None and pointer["collection"] == before["collection"]  # the live index never switched
    index = open_index(settings, embedder=embedder)
    assert [h.chunk.id for h in index.dense_search("fatigue", 3)] == hits_before
    assert len(index.chunks()) == before["chunks"]

    # and with space again, a build succeeds and leaves nothing of the failed one behind
    after = build(settings, embedder, force=True)
    assert after["chunks"] == before["chunks"] and after["embedded"] == 0
    leftovers = sorted(p.name for p in settings.index_dir.iterdir() if p.name.startswith(("chunks-", "bm25-", ".")))
    assert [n for n in leftovers if n != ".build.lock"] == sorted([read_pointer(settings)["manifest"],  # type: ignore[index]
                                                                   read_pointer(settings)["lexical"]])  # type: ignore[index]
    assert json.loads((settings.index_dir / "owned.json").read_text()) == [after["collection"]]


def test_no_space_from_our_own_writes_is_an_index_error(settings: Settings, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC injected at our write layer (fsync of every JSON we write), so this runs without root."""
    before = build(settings, embedder)
    import foundation.atomic_files as atomic_files

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_files.os, "fsync", full_disk)
    try:
        with pytest.raises(IndexStoreError, match=r"(?i)space|disk"):
            build(settings, embedder, force=True)
    finally:
        monkeypatch.undo()
    assert read_pointer(settings)["collection"] == before["collection"]  # type: ignore[index]


@pytest.mark.parametrize("free_bytes, hinted", [(4096, True), (10 << 30, False)], ids=["nearly-full", "plenty"])
def test_a_chroma_compaction_failure_on_a_nearly_full_disk_says_so(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                                   free_bytes: int, hinted: bool) -> None:
    """Embedded Chroma reports a full disk as a compaction / apply-logs error that names no disk."""
    from collections import namedtuple

    from index.chroma import chroma_errors

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(1 << 30, (1 << 30) - free_bytes, free_bytes))
    with pytest.raises(IndexStoreError) as caught:
        with chroma_errors(settings, "writing vectors"):
            raise RuntimeError("Error in compaction: Failed to apply logs to the metadata segment")
    message = str(caught.value)
    assert "Chroma failed while writing vectors" in message and "apply logs" in message
    assert ("disk is full" in message and str(settings.index_dir) in message) is hinted, message


# -- corrupt source files ---------------------------------------------------------------------------
SOURCE_TEXT = (
    "Trousseau syndrome is a migratory thrombophlebitis seen with occult visceral malignancy. "
    "Tumour-derived tissue factor and mucins activate coagulation, so clots recur despite warfarin. "
    "Low-molecular-weight heparin is the treatment of choice in cancer-associated thrombosis."
)
OTHER_TEXT = (
    "Paraneoplastic neurological syndromes are immune-mediated. Onconeural antibodies such as anti-Hu "
    "and anti-Yo are markers of an underlying tumour, most often small cell lung cancer or gynaecological cancer."
)


def add_sources(settings: Settings) -> None:
    from corpus.sources import add_source

    add_source(settings, "varki2007", "varki2007.txt", SOURCE_TEXT.encode(), origin_url="https://example.org/varki")
    add_source(settings, "vogrig2019", "vogrig2019.txt", OTHER_TEXT.encode(), origin_url="https://example.org/vogrig")


def test_a_tampered_source_is_skipped_by_name_and_the_rest_is_indexed(settings: Settings, embedder) -> None:
    """A corrupt source no longer fails the build (it would keep every valid source out too): it is left
    out, named in the report and on stderr, and `pns corpus status` shows it, by name, on its reference's row."""
    build(settings, embedder)
    add_sources(settings)
    (settings.resolved_sources_dir / "varki2007.txt").write_text(SOURCE_TEXT + " Edited by hand.", encoding="utf-8")

    report = build(settings, embedder)
    assert "varki2007" not in report["sources"] and report["sources"].get("vogrig2019", 0) > 0
    assert len(report["skipped_sources"]) == 1 and "varki2007.txt: sha256 mismatch" in report["skipped_sources"][0]
    assert read_pointer(settings)["collection"] == report["collection"]  # type: ignore[index]
    assert open_index(settings, embedder=embedder).dense_search("fatigue", 1)

    result = cli("index", "build", "--no-progress", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["skipped_sources"] == report["skipped_sources"]  # stdout stays valid JSON
    assert "warning: skipped a source:" in result.stderr and "varki2007.txt: sha256 mismatch" in result.stderr
    assert "re-fetch it or update the manifest" in result.stderr

    status = cli("corpus", "status", "--json")  # the corpus status names the problem on that reference's row
    assert status.exit_code == 0, status.output
    rows = {r["reference_id"]: r for r in json.loads(status.stdout)["coverage"]}
    assert rows["varki2007"]["coverage"] == "metadata_only" and "varki2007.txt: sha256 mismatch" in rows["varki2007"]["problem"]
    assert rows["vogrig2019"]["coverage"] == "full_text"


def test_an_unreadable_pdf_is_skipped_by_name(settings: Settings, embedder) -> None:
    from corpus.sources import add_source

    build(settings, embedder)
    add_source(settings, "varki2007", "varki2007.pdf", b"%PDF-1.4\n% truncated download\n")
    report = build(settings, embedder)
    assert "varki2007" not in report["sources"]
    assert any("varki2007.pdf: unreadable PDF" in p for p in report["skipped_sources"]), report["skipped_sources"]
    assert read_pointer(settings)["collection"] == report["collection"]  # type: ignore[index]


def test_other_sources_still_load_when_one_is_corrupt(settings: Settings, embedder) -> None:
    add_sources(settings)
    (settings.resolved_sources_dir / "varki2007.txt").write_text("tampered", encoding="utf-8")
    report = build(settings, embedder)
    assert report["sources"].get("vogrig2019", 0) > 0 and "varki2007" not in report["sources"]
    assert "varki2007.txt" in json.dumps(report)  # the skipped file is named
    from corpus.sources import load_sources

    with pytest.raises(CorpusError, match=r"varki2007\.txt: sha256 mismatch"):
        load_sources(settings)  # strict unless a caller asks for lenient loading
