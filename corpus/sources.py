"""Cited source documents on disk: a manifest with provenance, and main-text extraction.

Answers may quote a cited source only when we hold its text and can say where it came from.
Files live in `settings.resolved_sources_dir` next to `manifest.json`, which ties each file to a
reference id and records origin URL, retrieval date, sha256, licence note and media type. We
keep the file exactly as served (HTML, PDF, text, Markdown) and extract the main text on load,
so the stored bytes stay verifiable against their sha256 and extraction can improve later.

Loading is strict by default: a changed file (sha256 mismatch), a reference id the bibliography does
not know, or a broken manifest raises CorpusError naming the problem, because quoting unverified
text as a citation would be worse than quoting nothing. No folder or no manifest simply means
every reference is metadata-only. The index build loads leniently (`on_error=`): a bad entry is
left out and reported, so one corrupt download does not keep every other source out of the index;
a broken manifest still fails, since then no entry can be verified.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.errors import CorpusError
from corpus.models import Reference, SourceDocument
from foundation.settings import Settings

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
MEDIA_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}
EXTENSIONS = {"text/html": ".html", "application/pdf": ".pdf", "text/plain": ".txt", "text/markdown": ".md"}
DEFAULT_LICENCE = "not determined: retrieved for private research use; check the publisher's terms before redistributing"


class ManifestEntry(BaseModel):
    """One stored file and where it came from."""

    model_config = ConfigDict(extra="forbid")

    reference_id: str
    path: str = Field(description="Relative to the sources folder, POSIX separators.")
    media_type: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    origin_url: str | None = None
    retrieved_at: str | None = None
    licence: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = MANIFEST_VERSION
    sources: list[ManifestEntry] = Field(default_factory=list)

    def for_reference(self, reference_id: str) -> list[ManifestEntry]:
        return [e for e in self.sources if e.reference_id == reference_id]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def media_type_for(path: str) -> str:
    """Media type from the file extension; CorpusError for a kind we cannot extract text from."""
    suffix = PurePosixPath(path).suffix.lower()
    try:
        return MEDIA_TYPES[suffix]
    except KeyError:
        raise CorpusError(f"source {path}: unsupported file type {suffix or '(none)'!r}; use HTML, PDF, .txt or .md") from None


def manifest_path(sources_dir: Path) -> Path:
    return sources_dir / MANIFEST


def read_manifest(sources_dir: Path) -> Manifest | None:
    """The manifest, or None when there is none yet; CorpusError naming what is wrong otherwise."""
    path = manifest_path(sources_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise CorpusError(f"{path}: invalid manifest at {where}: {first['msg']}") from None
    if manifest.version != MANIFEST_VERSION:
        raise CorpusError(f"{path}: manifest version {manifest.version} is not supported (expected {MANIFEST_VERSION})")
    return manifest


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder + rename: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_manifest(sources_dir: Path, manifest: Manifest) -> Path:
    path = manifest_path(sources_dir)
    body = json.dumps(manifest.model_dump(exclude_none=True), indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, body.encode("utf-8"))
    return path


def store_file(sources_dir: Path, name: str, data: bytes) -> Path:
    """Write a source file atomically under the sources folder."""
    path = sources_dir / name
    atomic_write(path, data)
    return path


def extract_html(html: str) -> str:
    """The page's main text (trafilatura drops navigation, cookie banners, sign-up forms, footers)."""
    import trafilatura

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, include_images=False,
        include_links=False, favor_precision=True, deduplicate=False,
    )
    return (text or "").strip()


def extract_pdf(data: bytes, name: str = "PDF") -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"{name}: unreadable PDF ({exc})") from None
    return "\n\n".join(p for p in pages if p).strip()


def extract_text(data: bytes, media_type: str, name: str = "source") -> str:
    """Main text of a stored file by media type; never invents text (empty when none is found)."""
    if media_type == "application/pdf":
        return extract_pdf(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorpusError(f"{name}: not UTF-8 text") from None
    if media_type == "text/html":
        return extract_html(text)
    if media_type in ("text/plain", "text/markdown"):
        return text.strip()
    raise CorpusError(f"{name}: unsupported media type {media_type!r}")


def _resolve(sources_dir: Path, rel: str) -> Path:
    """Manifest paths must stay inside the sources folder (no '../', no absolute paths)."""
    path = (sources_dir / rel).resolve()
    root = sources_dir.resolve()
    if PurePosixPath(rel).is_absolute() or root not in path.parents:
        raise CorpusError(f"{manifest_path(sources_dir)}: path {rel!r} points outside the sources folder")
    return path


def load_entry(sources_dir: Path, entry: ManifestEntry) -> SourceDocument:
    """Verify one manifest entry's file and extract its text."""
    path = _resolve(sources_dir, entry.path)
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
    text = extract_text(data, entry.media_type, str(path))
    return SourceDocument(
        reference_id=entry.reference_id, path=entry.path, text=text, origin_url=entry.origin_url,
        retrieved_at=entry.retrieved_at, sha256=entry.sha256, licence=entry.licence, media_type=entry.media_type,
    )


def load_sources(settings: Settings, references: list[Reference] | None = None,
                 on_error: Callable[[CorpusError], None] | None = None) -> list[SourceDocument]:
    """Every verified source document with extractable text; [] when there is no folder or manifest.

    `references` defaults to the article's bibliography; a manifest entry naming any other id is
    an error. Files whose extraction yields no text are left out (their reference stays metadata-only).
    Strict by default (the first bad entry raises CorpusError). With `on_error`, a bad entry (unknown
    reference id, listed twice, missing file, sha256 mismatch, unreadable file) is passed to it and
    skipped, and the other entries still load; a broken manifest raises either way.
    """
    sources_dir = settings.resolved_sources_dir
    if not sources_dir.is_dir():
        return []
    manifest = read_manifest(sources_dir)
    if manifest is None:
        return []
    if references is None:
        from corpus.bibliography import load_references

        references = load_references(settings)
    known = {r.id for r in references}
    seen_paths: set[str] = set()
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
            seen_paths.add(entry.path)
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
) -> ManifestEntry:
    """Store `data` as `name` and record it in the manifest (replacing an entry for the same file)."""
    sources_dir = settings.resolved_sources_dir
    media = media_type or media_type_for(name)
    manifest = read_manifest(sources_dir) or Manifest()
    store_file(sources_dir, name, data)
    entry = ManifestEntry(
        reference_id=reference_id, path=name, media_type=media, sha256=sha256_bytes(data), origin_url=origin_url,
        retrieved_at=retrieved_at, licence=licence, etag=etag, last_modified=last_modified,
    )
    manifest.sources = [e for e in manifest.sources if e.path != name] + [entry]
    manifest.sources.sort(key=lambda e: (e.reference_id, e.path))
    write_manifest(sources_dir, manifest)
    return entry


def coverage(settings: Settings, references: list[Reference]) -> list[dict[str, Any]]:
    """Per reference: does the corpus hold its full text, or only the bibliography entry?"""
    docs = load_sources(settings, references)
    by_ref: dict[str, list[SourceDocument]] = {}
    for doc in docs:
        by_ref.setdefault(doc.reference_id, []).append(doc)
    rows = []
    for ref in references:
        held = by_ref.get(ref.id, [])
        rows.append({
            "reference_id": ref.id,
            "short": ref.short,
            "type": ref.type,
            "coverage": "full-text" if held else "metadata-only",
            "files": [d.path for d in held],
            "media_types": sorted({d.media_type for d in held}),
            "chars": sum(len(d.text) for d in held),
            "origin_url": held[0].origin_url if held else ref.url,
            "retrieved_at": held[0].retrieved_at if held else None,
        })
    return rows
