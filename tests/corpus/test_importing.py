"""`pns corpus add` / `remove`: matching a user's file to its reference, provenance, idempotence, atomic replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.synthetic_sources import synthetic_pdf, synthetic_text
from corpus.bibliography import load_references
from corpus.coverage import coverage_records, indexed_text
from corpus.errors import CorpusError
from corpus.importing import add_files
from corpus.matching import MatchError
from corpus.sources import load_sources, read_manifest, sha256_bytes
from foundation.settings import Settings

REFS = {r.id: r for r in load_references(Settings())}
runner = CliRunner()


def cli(*args: str):  # type: ignore[no-untyped-def]
    from corpus.cli import app

    return runner.invoke(app, list(args))


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_a_pdf_carrying_a_bibliography_doi_is_matched_and_recorded(settings: Settings, tmp_path: Path) -> None:
    pdf = write(tmp_path / "Varki 2007 from my library.pdf", synthetic_pdf(REFS["varki2007"], 3))
    (result,) = add_files(settings, [pdf])
    assert (result.reference_id, result.outcome, result.matched_by, result.pages) == ("varki2007", "added", "doi-metadata", 3)
    (entry,) = read_manifest(settings.resolved_sources_dir).sources
    assert entry.user_supplied and entry.original_name == "Varki 2007 from my library.pdf"
    assert entry.sha256 == sha256_bytes(pdf.read_bytes()) and entry.added_at and entry.pages == 3
    assert entry.extractor and entry.extractor.startswith("pdf/") and entry.characters == result.characters
    assert entry.path == f"varki2007-{entry.sha256[:12]}.pdf" and entry.origin_url is None
    record = {r.reference_id: r for r in coverage_records(settings)}["varki2007"]
    assert (record.coverage, record.origin, record.pages, record.original_name) == ("full_text", "user", 3, pdf.name)
    doc = indexed_text(settings, "varki2007")
    assert doc is not None and [p.number for p in doc.pages] == [1, 2, 3] and doc.user_supplied


def test_a_doi_in_the_text_matches_when_metadata_has_none(settings: Settings, tmp_path: Path) -> None:
    txt = write(tmp_path / "notes.txt", synthetic_text(REFS["vogrig2019"], 3))
    (result,) = add_files(settings, [txt])
    assert (result.reference_id, result.matched_by) == ("vogrig2019", "doi-text")


def test_a_title_matches_without_any_doi(settings: Settings, tmp_path: Path) -> None:
    html = write(tmp_path / "page.html", "<html><head><title>Lambert Eaton Myasthenic Syndrome</title></head><body><article>"
                 "<h1>Lambert Eaton Myasthenic Syndrome</h1><p>SYNTHETIC TEST FIXTURE. " + "Invented words. " * 40 +
                 "</p></article></body></html>")
    (result,) = add_files(settings, [html])
    assert (result.reference_id, result.matched_by) == ("jayarangaiah2020", "title")


def test_a_weak_title_is_refused_with_candidates(settings: Settings, tmp_path: Path) -> None:
    txt = write(tmp_path / "x.txt", "Lambert-Eaton syndrome in adults: a synthetic review\n\nSYNTHETIC TEST FIXTURE text.")
    with pytest.raises(CorpusError) as exc:
        add_files(settings, [txt])
    assert "no bibliography entry matches it well enough" in str(exc.value) and "jayarangaiah2020" in str(exc.value)
    assert "--ref" in str(exc.value) and read_manifest(settings.resolved_sources_dir) is None


def test_an_ambiguous_title_is_refused_with_both_candidates(tmp_path: Path) -> None:
    from corpus.matching import match_reference
    from corpus.readers import read_document

    got = read_document(b"Epidemiology of paraneoplastic neurologic syndromes\n\nSYNTHETIC.", "x.txt")
    refs = [REFS["kadish2024"], REFS["kadish2024"].model_copy(update={"id": "twin2024"})]
    with pytest.raises(MatchError) as exc:
        match_reference(got, refs, "x.txt")
    assert "more than one bibliography entry" in str(exc.value)
    assert [c[0] for c in exc.value.candidates[:2]] == ["kadish2024", "twin2024"]


def test_several_bibliography_dois_need_a_ref_unless_one_is_on_the_first_page(settings: Settings, tmp_path: Path) -> None:
    body = "SYNTHETIC TEST FIXTURE.\n\n" + "Filler. " * 500 + "\n\nCites 10.1182/blood-2006-10-053736 and 10.1007/s00415-019-09544-1."
    txt = write(tmp_path / "review.txt", body)
    with pytest.raises(CorpusError, match="carries the DOIs of several references"):
        add_files(settings, [txt])
    first = write(tmp_path / "own.txt", "DOI: 10.1056/nejmvcm054952\n\n" + body)
    assert add_files(settings, [first])[0].reference_id == "ellenby2006"


def test_ref_settles_it(settings: Settings, tmp_path: Path) -> None:
    txt = write(tmp_path / "anything.txt", "SYNTHETIC TEST FIXTURE: nothing to match on.")
    assert add_files(settings, [txt], "said2023")[0].matched_by == "given"
    with pytest.raises(CorpusError, match="unknown reference id 'nobody'"):
        add_files(settings, [txt], "nobody")
    with pytest.raises(CorpusError, match="give one file"):
        add_files(settings, [txt, txt], "said2023")


def test_re_adding_changes_nothing_and_a_changed_file_replaces_the_old_one(settings: Settings, tmp_path: Path) -> None:
    pdf = write(tmp_path / "v.pdf", synthetic_pdf(REFS["varki2007"], 2, seed=1))
    add_files(settings, [pdf])
    folder = settings.resolved_sources_dir
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert add_files(settings, [pdf])[0].outcome == "unchanged"
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    write(pdf, synthetic_pdf(REFS["varki2007"], 3, seed=2))
    result = add_files(settings, [pdf])[0]
    assert result.outcome == "replaced" and result.pages == 3
    (entry,) = read_manifest(folder).sources
    assert entry.sha256 == sha256_bytes(pdf.read_bytes())
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["manifest.json", entry.path]  # the old file is gone
    assert len(load_sources(settings)[0].pages) == 3


def test_a_failed_replace_keeps_the_old_file_and_manifest(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corpus.sources

    pdf = write(tmp_path / "v.pdf", synthetic_pdf(REFS["varki2007"], 2, seed=1))
    add_files(settings, [pdf])
    manifest = (settings.resolved_sources_dir / "manifest.json").read_bytes()
    write(pdf, synthetic_pdf(REFS["varki2007"], 3, seed=2))

    def disk_full(*a: object, **k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(corpus.sources, "write_manifest", disk_full)
    with pytest.raises(OSError):
        add_files(settings, [pdf])
    monkeypatch.undo()
    assert (settings.resolved_sources_dir / "manifest.json").read_bytes() == manifest
    assert len(load_sources(settings)[0].pages) == 2  # still the old, verified file


def test_nothing_is_added_when_one_file_is_bad(settings: Settings, tmp_path: Path) -> None:
    good = write(tmp_path / "good.pdf", synthetic_pdf(REFS["varki2007"], 1))
    bad = write(tmp_path / "bad.pdf", b"%PDF-1.4 truncated")
    with pytest.raises(CorpusError) as exc:
        add_files(settings, [good, bad, tmp_path / "missing.pdf"])
    assert "nothing was added" in str(exc.value) and "unreadable PDF" in str(exc.value) and "no such file" in str(exc.value)
    assert read_manifest(settings.resolved_sources_dir) is None


def test_two_files_for_one_reference_are_refused(settings: Settings, tmp_path: Path) -> None:
    a = write(tmp_path / "a.pdf", synthetic_pdf(REFS["varki2007"], 1, seed=1))
    b = write(tmp_path / "b.pdf", synthetic_pdf(REFS["varki2007"], 1, seed=2))
    with pytest.raises(CorpusError, match="all match varki2007"):
        add_files(settings, [a, b])


def test_a_pdf_without_a_text_layer_is_refused(settings: Settings, tmp_path: Path) -> None:
    from fpdf import FPDF

    blank = FPDF()
    blank.add_page()
    scanned = write(tmp_path / "scan.pdf", bytes(blank.output()))
    with pytest.raises(CorpusError, match="no text could be extracted .*OCR"):
        add_files(settings, [scanned], "varki2007")


def test_cli_add_status_remove(settings: Settings, tmp_path: Path) -> None:
    pdf = write(tmp_path / "v.pdf", synthetic_pdf(REFS["varki2007"], 2))
    added = cli("add", str(pdf), "--json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["results"][0]["reference_id"] == "varki2007"
    table = cli("add", str(pdf)).stdout
    assert "unchanged" in table and "pns index build" not in table
    status = cli("status").stdout
    assert "1 of 21 references have full text" in status and "user application/pdf" in status
    weak = cli("add", str(write(tmp_path / "w.txt", "Nothing to match.")))
    assert weak.exit_code == 1 and "error: nothing was added" in weak.stderr and "Traceback" not in weak.output
    removed = cli("remove", "varki2007")
    assert removed.exit_code == 0 and "removed v.pdf from varki2007" in removed.stdout
    assert load_sources(settings) == [] and "0 of 21 references have full text" in cli("status").stdout
    again = cli("remove", "varki2007")
    assert again.exit_code == 1 and "no source file is held for 'varki2007'" in again.stderr
