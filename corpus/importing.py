"""`pns corpus add PATH... [--ref ID]`: attach files the user holds (PDF, HTML, JATS XML, text) to references.

Clinicians usually hold the papers as PDFs through their library; those texts are better than any
landing page a fetcher gets. Each file is read by its reader (corpus/readers), matched to one
bibliography entry (corpus/matching: a DOI it carries, or its title; `--ref` to say so), and stored
as that reference's one source file with provenance: user-supplied, original name, sha256, when
added, extractor, pages, characters.

Every file is read and matched before anything is written: a bad file, a weak match or two files
for one reference stop the whole command with a message, and nothing changes. Re-adding the same
bytes for the same reference changes nothing; different bytes replace the old file atomically
(corpus/sources.add_source).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus.errors import CorpusError
from corpus.matching import Match, MatchError, match_reference
from corpus.models import Reference
from corpus.readers import Extracted, read_document
from corpus.sources import USER_LICENCE, add_source, extension_for, held_entry, now_iso, remember_extraction, sha256_bytes
from foundation.settings import Settings

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class AddResult:
    """What happened to one file."""

    path: str
    reference_id: str
    outcome: str  # 'added' | 'replaced' | 'unchanged'
    matched_by: str
    detail: str
    stored_as: str
    pages: int | None
    characters: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Prepared:
    path: Path
    data: bytes
    extracted: Extracted
    match: Match


def add_files(settings: Settings, paths: Sequence[Path], ref_id: str | None = None,
              references: Sequence[Reference] | None = None) -> list[AddResult]:
    """Read, match and store each file; CorpusError (nothing written) when any of them cannot be added."""
    if references is None:
        from corpus.bibliography import load_references

        references = load_references(settings)
    if not paths:
        raise CorpusError("no file given: pns corpus add FILE... [--ref ID]")
    if ref_id is not None:
        if ref_id not in {r.id for r in references}:
            raise CorpusError(f"unknown reference id {ref_id!r} (see `pns corpus refs`)")
        if len(paths) > 1:
            raise CorpusError("--ref names one reference, so give one file with it (a reference holds one source file)")
    prepared: list[_Prepared] = []
    problems: list[str] = []
    for path in paths:
        try:
            prepared.append(_prepare(path, ref_id, references))
        except CorpusError as exc:
            problems.append(str(exc))
    problems += _clashes(prepared)
    if problems:
        raise CorpusError("nothing was added:\n  " + "\n  ".join(problems))
    return [_store(settings, p) for p in prepared]


def _prepare(path: Path, ref_id: str | None, references: Sequence[Reference]) -> _Prepared:
    data = _read(path)
    extracted = read_document(data, path.name)
    if not extracted.text.strip():
        hint = " (a scanned PDF has no text layer; run OCR first)" if extracted.media_type == "application/pdf" else ""
        raise CorpusError(f"{path}: no text could be extracted{hint}")
    match = Match(ref_id, "given", detail="named with --ref") if ref_id else match_reference(extracted, references, str(path))
    return _Prepared(path, data, extracted, match)


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise CorpusError(f"{path}: is a folder; give the files in it")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(f"{path}: {size // (1024 * 1024)} MiB is more than the {MAX_FILE_BYTES // (1024 * 1024)} MiB allowed")
        return path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file") from None
    except PermissionError:
        raise CorpusError(f"{path}: permission denied") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _clashes(prepared: Sequence[_Prepared]) -> list[str]:
    by_ref: dict[str, list[str]] = {}
    for p in prepared:
        by_ref.setdefault(p.match.reference_id, []).append(str(p.path))
    return [f"{', '.join(files)} all match {ref}; a reference holds one source file, so add one of them"
            for ref, files in by_ref.items() if len(files) > 1]


def _store(settings: Settings, p: _Prepared) -> AddResult:
    ref = p.match.reference_id
    digest = sha256_bytes(p.data)
    held = held_entry(settings, ref)
    pages = p.extracted.page_count
    common = dict(path=str(p.path), reference_id=ref, matched_by=p.match.method, pages=pages,
                  characters=len(p.extracted.text))
    if held is not None and held.sha256 == digest:
        return AddResult(outcome="unchanged", detail=f"the same file is already held for {ref}", stored_as=held.path, **common)
    name = f"{ref}-{digest[:12]}{extension_for(p.extracted.media_type)}"
    remember_extraction(settings.resolved_sources_dir, digest, p.extracted)
    entry = add_source(
        settings, ref, name, p.data, media_type=p.extracted.media_type, licence=USER_LICENCE,
        user_supplied=True, original_name=p.path.name, added_at=now_iso(), extractor=p.extracted.extractor,
        pages=pages, characters=len(p.extracted.text), coverage="full_text",
    )
    outcome = "replaced" if held is not None else "added"
    detail = p.match.detail + (f"; replaces {held.original_name or held.path}" if held is not None else "")
    return AddResult(outcome=outcome, detail=detail, stored_as=entry.path, **common)


__all__ = ["AddResult", "MatchError", "add_files"]
