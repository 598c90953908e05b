"""Source documents on disk: manifest provenance, verification and main-text extraction."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from corpus.errors import CorpusError
from foundation.settings import Settings
from corpus.coverage import coverage_records
from corpus.sources import (
    Manifest,
    ManifestEntry,
    add_source,
    extract_text,
    load_sources,
    read_manifest,
    write_manifest,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_manifest(sources: Path, entries: list[dict]) -> None:
    sources.mkdir(parents=True, exist_ok=True)
    (sources / "manifest.json").write_text(json.dumps({"version": 1, "sources": entries}), encoding="utf-8")


def _place(sources: Path, name: str, data: bytes, ref_id: str, media_type: str) -> dict:
    sources.mkdir(parents=True, exist_ok=True)
    (sources / name).write_bytes(data)
    return {
        "reference_id": ref_id, "path": name, "media_type": media_type, "sha256": _sha(data),
        "origin_url": f"https://example.org/{name}", "retrieved_at": "2025-05-01T00:00:00+00:00", "licence": "test fixture",
    }


def test_no_folder_means_no_sources(settings: Settings) -> None:
    assert not settings.resolved_sources_dir.exists()
    assert load_sources(settings) == []


def test_folder_without_manifest_means_no_sources(settings: Settings) -> None:
    settings.resolved_sources_dir.mkdir(parents=True)
    (settings.resolved_sources_dir / "stray.txt").write_text("not listed", encoding="utf-8")
    assert load_sources(settings) == []


def test_loads_every_media_type(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    html = (FIXTURES / "boilerplate.html").read_bytes()
    pdf = (FIXTURES / "paper.pdf").read_bytes()
    entries = [
        _place(src, "jayarangaiah2020.html", html, "jayarangaiah2020", "text/html"),
        _place(src, "varki2007.pdf", pdf, "varki2007", "application/pdf"),
        _place(src, "thapa2020.txt", b"Plain text about paraneoplastic syndromes.\n", "thapa2020", "text/plain"),
        _place(src, "aly2021.md", "# Cerebellar degeneration\n\nAnti-Yo antibodies …\n".encode(), "aly2021", "text/markdown"),
    ]
    _write_manifest(src, entries)
    docs = {d.reference_id: d for d in load_sources(settings)}
    assert set(docs) == {"jayarangaiah2020", "varki2007", "thapa2020", "aly2021"}
    page = docs["jayarangaiah2020"].text
    assert "voltage-gated calcium channels" in page
    for furniture in ("cookie", "Sign up", "newsletter", "Browse all health topics", "All rights reserved"):
        assert furniture not in page
    assert "Trousseau syndrome links cancer" in docs["varki2007"].text
    assert docs["aly2021"].text.startswith("# Cerebellar degeneration")
    d = docs["varki2007"]
    assert (d.media_type, d.origin_url, d.licence, d.sha256) == ("application/pdf", "https://example.org/varki2007.pdf", "test fixture", _sha(pdf))
    rows = {r.reference_id: r for r in coverage_records(settings, _refs())}
    assert rows["varki2007"].coverage == "full_text" and rows["ellenby2006"].coverage == "metadata_only"
    assert sum(r.coverage == "full_text" for r in rows.values()) == 4


def _refs():
    from corpus.bibliography import load_references

    return load_references(Settings())


def test_file_without_text_stays_metadata_only(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    _write_manifest(src, [_place(src, "said2023.html", (FIXTURES / "nav_only.html").read_bytes(), "said2023", "text/html")])
    assert load_sources(settings) == []


def test_sha256_mismatch_names_the_file(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    _write_manifest(src, [_place(src, "thapa2020.txt", b"original", "thapa2020", "text/plain")])
    (src / "thapa2020.txt").write_bytes(b"tampered")
    with pytest.raises(CorpusError, match=r"thapa2020\.txt: sha256 mismatch"):
        load_sources(settings)


def test_unknown_reference_id(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    _write_manifest(src, [_place(src, "x.txt", b"text", "smith1999", "text/plain")])
    with pytest.raises(CorpusError, match=r"unknown reference id 'smith1999'"):
        load_sources(settings)


def test_broken_manifest_json(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    src.mkdir(parents=True)
    (src / "manifest.json").write_text('{"version": 1, "sources": [', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"manifest\.json: invalid JSON at line 1"):
        load_sources(settings)


@pytest.mark.parametrize(
    "document, where",
    [
        ({"version": 1, "sources": [{"reference_id": "varki2007", "path": "a.txt", "media_type": "text/plain"}]}, "sources.0.sha256"),
        ({"version": 1, "sources": [{"reference_id": "varki2007", "path": "a.txt", "media_type": "text/plain", "sha256": "xyz"}]}, "sources.0.sha256"),
        ({"version": 1, "sources": "nope"}, "sources"),
        ({"version": 1, "sources": [], "extra": 1}, "extra"),
        ([1, 2], "(top level)"),
    ],
)
def test_invalid_manifest_names_the_field(settings: Settings, document: object, where: str) -> None:
    src = settings.resolved_sources_dir
    src.mkdir(parents=True)
    (src / "manifest.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(f"invalid manifest at {where}:")):
        load_sources(settings)


def test_unsupported_manifest_version(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    src.mkdir(parents=True)
    (src / "manifest.json").write_text('{"version": 9, "sources": []}', encoding="utf-8")
    with pytest.raises(CorpusError, match="version 9"):
        load_sources(settings)


def test_listed_file_missing_and_path_escape(settings: Settings) -> None:
    src = settings.resolved_sources_dir
    entry = _place(src, "thapa2020.txt", b"x", "thapa2020", "text/plain")
    (src / "thapa2020.txt").unlink()
    _write_manifest(src, [entry])
    with pytest.raises(CorpusError, match="listed in the manifest but missing"):
        load_sources(settings)
    _write_manifest(src, [{**entry, "path": "../outside.txt"}])
    with pytest.raises(CorpusError, match="outside the sources folder"):
        load_sources(settings)


def test_add_source_writes_manifest_atomically(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = add_source(settings, "thapa2020", "thapa2020.txt", b"first", origin_url="https://example.org/t")
    manifest = read_manifest(settings.resolved_sources_dir)
    assert manifest is not None and manifest.sources == [entry]
    assert entry.licence and "not determined" in entry.licence
    before = (settings.resolved_sources_dir / "manifest.json").read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_manifest(settings.resolved_sources_dir, Manifest(sources=[]))
    monkeypatch.undo()
    assert (settings.resolved_sources_dir / "manifest.json").read_bytes() == before
    assert sorted(p.name for p in settings.resolved_sources_dir.iterdir()) == ["manifest.json", "thapa2020.txt"]
    # replacing the same file keeps one entry
    add_source(settings, "thapa2020", "thapa2020.txt", b"second")
    manifest = read_manifest(settings.resolved_sources_dir)
    assert manifest is not None and len(manifest.sources) == 1 and manifest.sources[0].sha256 == _sha(b"second")
    assert load_sources(settings)[0].text == "second"


def test_extract_text_errors() -> None:
    with pytest.raises(CorpusError, match="unreadable PDF"):
        extract_text(b"%PDF-1.4 garbage", "application/pdf", "bad.pdf")
    with pytest.raises(CorpusError, match="UTF-8"):
        extract_text(b"\xff\xfe\x80", "text/plain", "bad.txt")
    with pytest.raises(CorpusError, match="unsupported media type"):
        extract_text(b"GIF89a", "image/gif", "x.gif")


def test_manifest_entry_model_round_trip() -> None:
    entry = ManifestEntry(reference_id="varki2007", path="varki2007.pdf", media_type="application/pdf", sha256="0" * 64)
    assert Manifest(sources=[entry]).model_dump()["sources"][0]["path"] == "varki2007.pdf"
