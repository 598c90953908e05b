"""Cited source documents on disk: verified loading, extraction (cached), adding and removing files.

Answers may quote a cited source only when we hold its text and can say where it came from.
Files live in `settings.resolved_sources_dir` next to `manifest.json` (corpus/manifest.py), which
ties each file to a reference id with its provenance. We keep each file exactly as served or
supplied (HTML, PDF, JATS XML, text, Markdown) and extract the main text with corpus/readers, so
the stored bytes stay verifiable against their sha256 and extraction can improve later. Extraction
results are cached by sha256 and reader version under `.extracted/`, so a 40-page PDF is read once,
not at every index build and every start of the web app.

Loading is strict by default: a changed file (sha256 mismatch), a reference id the bibliography does
not know, or a broken manifest raises CorpusError naming the problem, because quoting unverified
text as a citation would be worse than quoting nothing. No folder or no manifest simply means
every reference is metadata-only. The index build loads leniently (`on_error=`): a bad entry is
left out and reported, so one corrupt download does not keep every other source out of the index;
a broken manifest still fails, since then no entry can be verified.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from corpus.errors import CorpusError
from corpus.manifest import (  # re-exported: the manifest's names were first defined here
    MANIFEST,
    Manifest,
    ManifestEntry,
    manifest_path,
    read_manifest,
    resolve_path,
    sha256_bytes,
    write_manifest,
)
from corpus.models import Reference, SourceDocument
from corpus.readers import Extracted, reader_for, reader_named
from foundation.atomic_files import atomic_write
from foundation.settings import Settings

EXTRACTED_DIR = ".extracted"
DEFAULT_LICENCE = "not determined: retrieved for private research use; check the publisher's terms before redistributing"
USER_LICENCE = "supplied by the user from their own access; not redistributed"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def media_type_for(path: str, data: bytes = b"") -> str:
    """Media type of a file (by its bytes, else its extension); CorpusError for a kind no reader handles."""
    return reader_for(path, data).media_type


def extension_for(media_type: str) -> str:
    return reader_named(media_type).extensions[0]


def extract_text(data: bytes, media_type: str, name: str = "source") -> str:
    """Main text of a stored file by media type; never invents text (empty when none is found)."""
    return reader_named(media_type).read(data, name).text


def _cache_path(sources_dir: Path, sha256: str, media_type: str) -> Path:
    reader = reader_named(media_type)
    return sources_dir / EXTRACTED_DIR / f"{sha256}-{reader.name}-v{reader.version}.json"


def remember_extraction(sources_dir: Path, sha256: str, extracted: Extracted) -> None:
    """Seed the cache with an extraction already done (by `corpus add` or the fetcher); best effort."""
    try:
        atomic_write(_cache_path(sources_dir, sha256, extracted.media_type), extracted.model_dump_json().encode("utf-8"))
    except OSError:
        pass  # a read-only sources folder still loads, just without the cache


def extract_document(sources_dir: Path, data: bytes, sha256: str, media_type: str, name: str) -> Extracted:
    """`data` read by its reader, through the cache keyed by sha256 + reader version."""
    cache = _cache_path(sources_dir, sha256, media_type)
    try:
        return Extracted.model_validate_json(cache.read_bytes())
    except (OSError, ValueError):
        pass
    extracted = reader_named(media_type).read(data, name)
    remember_extraction(sources_dir, sha256, extracted)
    return extracted


def load_entry(sources_dir: Path, entry: ManifestEntry) -> SourceDocument:
    """Verify one manifest entry's file and extract its text."""
    path = resolve_path(sources_dir, entry.path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"source file {path} is listed in the manifest but missing") from None
    actual = sha256_bytes(data)
    if actual != entry.sha256:
        raise CorpusError(
            f"source file {path}: sha256 mismatch (manifest {entry.sha256[:12]}…, file {actual[:12]}…); "
            "the file changed since it was recorded — re-fetch it or update the manifest"
        )
    got = extract_document(sources_dir, data, actual, entry.media_type, str(path))
    return SourceDocument(
        reference_id=entry.reference_id, path=entry.path, text=got.text, origin_url=entry.origin_url,
        retrieved_at=entry.retrieved_at, sha256=entry.sha256, licence=entry.licence, media_type=entry.media_type,
        coverage=entry.coverage, title=got.title, extractor=got.extractor, pages=got.pages, sections=got.sections,
        user_supplied=entry.user_supplied, original_name=entry.original_name, added_at=entry.added_at,
    )


def _known_ids(settings: Settings, references: list[Reference] | None) -> set[str]:
    if references is None:
        from corpus.bibliography import load_references

        references = load_references(settings)
    return {r.id for r in references}


def load_sources(settings: Settings, references: list[Reference] | None = None,
                 on_error: Callable[[CorpusError], None] | None = None) -> list[SourceDocument]:
    """Every verified source document with extractable text; [] when there is no folder or manifest.

    `references` defaults to the article's bibliography; a manifest entry naming any other id is
    an error, and so is a second file for one reference. Files whose extraction yields no text are
    left out (their reference stays metadata-only). Strict by default (the first bad entry raises
    CorpusError). With `on_error`, a bad entry (unknown reference id, listed twice, missing file,
    sha256 mismatch, unreadable file) is passed to it and skipped, and the other entries still
    load; a broken manifest raises either way.
    """
    sources_dir = settings.resolved_sources_dir
    if not sources_dir.is_dir():
        return []
    manifest = read_manifest(sources_dir)
    if manifest is None:
        return []
    known = _known_ids(settings, references)
    seen_paths: set[str] = set()
    seen_refs: set[str] = set()
    docs: list[SourceDocument] = []
    for n, entry in enumerate(manifest.sources):
        try:
            if entry.reference_id not in known:
                raise CorpusError(
                    f"{manifest_path(sources_dir)}: sources[{n}] names unknown reference id {entry.reference_id!r} "
                    f"(see `pns corpus refs`)"
                )
            if entry.path in seen_paths:
                raise CorpusError(f"{manifest_path(sources_dir)}: file {entry.path!r} is listed twice")
            if entry.reference_id in seen_refs:
                raise CorpusError(f"{manifest_path(sources_dir)}: reference {entry.reference_id!r} has more than one file "
                                  f"(second: {entry.path!r}); remove one with `pns corpus remove`")
            seen_paths.add(entry.path)
            seen_refs.add(entry.reference_id)
            doc = load_entry(sources_dir, entry)
        except CorpusError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        if doc.text:
            docs.append(doc)
    return docs


def add_source(
    settings: Settings,
    reference_id: str,
    name: str,
    data: bytes,
    *,
    origin_url: str | None = None,
    retrieved_at: str | None = None,
    licence: str | None = DEFAULT_LICENCE,
    media_type: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    **provenance: object,
) -> ManifestEntry:
    """Store `data` as `name` and make it the reference's one file, replacing any earlier one atomically.

    Order: the new file is written first (under its own name), then the manifest switches to it in one
    atomic write, then an old file of another name is deleted. A crash in between leaves either the old
    state or the new one plus at most a stray file, never a manifest pointing at half a file.
    `provenance` sets the other ManifestEntry fields (coverage, user_supplied, original_name, ...).
    """
    sources_dir = settings.resolved_sources_dir
    if PurePosixPath(name).name != name or name in ("", ".", "..", MANIFEST) or name.startswith("."):
        raise CorpusError(f"cannot store a source as {name!r}: a plain file name is needed")
    media = media_type or media_type_for(name, data)
    manifest = read_manifest(sources_dir) or Manifest()
    entry = ManifestEntry(
        reference_id=reference_id, path=name, media_type=media, sha256=sha256_bytes(data), origin_url=origin_url,
        retrieved_at=retrieved_at, licence=licence, etag=etag, last_modified=last_modified, **provenance,  # type: ignore[arg-type]
    )
    old = [e for e in manifest.sources if e.reference_id == reference_id or e.path == name]
    atomic_write(sources_dir / name, data)
    manifest.sources = [e for e in manifest.sources if e not in old] + [entry]
    write_manifest(sources_dir, manifest)
    _delete_unlisted(sources_dir, [e.path for e in old], manifest)
    return entry


def remove_source(settings: Settings, reference_id: str) -> ManifestEntry:
    """Drop the reference's file from the manifest (one atomic write), then delete the file."""
    sources_dir = settings.resolved_sources_dir
    manifest = read_manifest(sources_dir) if sources_dir.is_dir() else None
    held = manifest.for_reference(reference_id) if manifest else []
    if not held or manifest is None:
        raise CorpusError(f"no source file is held for {reference_id!r} (see `pns corpus status`)")
    manifest.sources = [e for e in manifest.sources if e.reference_id != reference_id]
    write_manifest(sources_dir, manifest)
    _delete_unlisted(sources_dir, [e.path for e in held], manifest)
    return held[0]


def held_entry(settings: Settings, reference_id: str) -> ManifestEntry | None:
    """The manifest entry for a reference if its file is still intact (same sha256), else None."""
    sources_dir = settings.resolved_sources_dir
    manifest = read_manifest(sources_dir) if sources_dir.is_dir() else None
    for entry in manifest.for_reference(reference_id) if manifest else []:
        try:
            if sha256_bytes(resolve_path(sources_dir, entry.path).read_bytes()) == entry.sha256:
                return entry
        except (OSError, CorpusError):
            return None
    return None


def _delete_unlisted(sources_dir: Path, paths: list[str], manifest: Manifest) -> None:
    listed = {e.path for e in manifest.sources}
    for rel in paths:
        if rel not in listed:
            try:
                resolve_path(sources_dir, rel).unlink(missing_ok=True)
            except (OSError, CorpusError):
                pass  # a stray file is harmless: only manifest entries are ever loaded


__all__ = [
    "DEFAULT_LICENCE", "MANIFEST", "Manifest", "ManifestEntry", "USER_LICENCE", "add_source",
    "extract_document", "extract_text", "held_entry", "load_entry", "load_sources", "manifest_path", "media_type_for",
    "now_iso", "read_manifest", "remember_extraction", "remove_source", "sha256_bytes", "write_manifest",
]
