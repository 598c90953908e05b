"""Corrupt source files as a user meets them: `pns corpus status` names the file and the problem on its
reference's row (a broken manifest in one error line), never a trace, and reading a broken corpus
changes nothing on disk (so nothing is lost).

The index-side consequences (a build refuses the corpus by name and keeps the previous index; other
sources should still load) are in tests/index/test_index_faults.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.errors import CorpusError
from foundation.settings import Settings
from corpus.sources import add_source, load_sources

runner = CliRunner()
GOOD = b"Onconeural antibodies such as anti-Hu are markers of small cell lung cancer."


def status(*args: str):  # type: ignore[no-untyped-def]
    from corpus.cli import app  # `pns corpus ...`; settings come from PNS_HOME like the root app's

    return runner.invoke(app, ["status", *args])


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_one_line_error(output: str, *needles: str) -> None:
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, output
    for needle in needles:
        assert needle in errors[0], output


def test_a_healthy_corpus_reports_full_text(settings: Settings) -> None:
    add_source(settings, "vogrig2019", "vogrig2019.txt", GOOD)
    result = status("--json")
    assert result.exit_code == 0, result.output
    assert '"full_text": 1' in result.output


@pytest.mark.parametrize(
    ("name", "stored", "damage", "message"),
    [
        ("vogrig2019.txt", GOOD, lambda p: p.write_bytes(GOOD + b" edited"), "vogrig2019.txt: sha256 mismatch"),
        ("vogrig2019.txt", GOOD, lambda p: p.unlink(), "listed in the manifest but missing"),
        ("vogrig2019.pdf", b"%PDF-1.4\n% cut off mid-download\n", None, "vogrig2019.pdf: unreadable PDF"),
        ("vogrig2019.txt", b"\xff\xfe\x00binary\x80", None, "vogrig2019.txt: not UTF-8 text"),
    ],
    ids=["sha-mismatch", "file-deleted", "unreadable-pdf", "binary-as-text"],
)
def test_a_corrupt_source_is_named_in_one_line_and_nothing_changes(settings: Settings, name, stored, damage, message) -> None:  # type: ignore[no-untyped-def]
    add_source(settings, "varki2007", "varki2007.txt", b"Trousseau syndrome is cancer-associated thrombosis.")
    add_source(settings, "vogrig2019", name, stored)
    folder = settings.resolved_sources_dir
    if damage is not None:
        damage(folder / name)
    before = snapshot(folder)

    with pytest.raises(CorpusError, match=message.replace(".", r"\.")):
        load_sources(settings)
    # status stays usable: the broken file is reported on its reference's row, the others still count
    result = status("--json")
    assert result.exit_code == 0 and "Traceback" not in result.output
    rows = {r["reference_id"]: r for r in json.loads(result.stdout)["coverage"]}
    assert rows["vogrig2019"]["coverage"] == "metadata_only" and message in rows["vogrig2019"]["problem"]
    assert rows["varki2007"]["coverage"] == "full_text"
    assert "vogrig2019" in status().stdout
    assert snapshot(folder) == before  # reading never "repairs" or drops anything behind the user's back


def test_a_truncated_manifest_is_named_with_its_position(settings: Settings) -> None:
    add_source(settings, "vogrig2019", "vogrig2019.txt", GOOD)
    manifest = settings.resolved_sources_dir / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:40])  # a crash mid-write by some other tool
    result = status()
    assert result.exit_code == 1
    assert_one_line_error(result.output, "manifest.json: invalid JSON at line")
