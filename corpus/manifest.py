"""The sources manifest: which file holds which reference's text, and where it came from.

`manifest.json` in the sources folder ties each stored file to one reference id and records its
provenance: origin URL or a user-supplied file's original name, when it was fetched or added,
sha256, licence note, media type, the extractor that read it, its pages and characters, and
whether it is the full text or only an abstract. One reference has at most one file: a new file
for a reference replaces the old one in a single manifest write, so readers see one or the other.
Written atomically (temp file + rename); read strictly, naming the field that is wrong.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.errors import CorpusError
from foundation.atomic_files import atomic_write_json
from foundation.errors import first_problem

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


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
    coverage: Literal["full_text", "abstract"] = "full_text"
    user_supplied: bool = False
    original_name: str | None = Field(default=None, description="The file name the user gave (`pns corpus add`).")
    added_at: str | None = None
    extractor: str | None = None
    pages: int | None = None
    characters: int | None = None


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = MANIFEST_VERSION
    sources: list[ManifestEntry] = Field(default_factory=list)

    def for_reference(self, reference_id: str) -> list[ManifestEntry]:
        return [e for e in self.sources if e.reference_id == reference_id]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
        where, problem = first_problem(exc, "(top level)")
        raise CorpusError(f"{path}: invalid manifest at {where}: {problem}") from None
    if manifest.version != MANIFEST_VERSION:
        raise CorpusError(f"{path}: manifest version {manifest.version} is not supported (expected {MANIFEST_VERSION})")
    return manifest


def write_manifest(sources_dir: Path, manifest: Manifest) -> Path:
    path = manifest_path(sources_dir)
    manifest.sources.sort(key=lambda e: (e.reference_id, e.path))
    atomic_write_json(path, manifest.model_dump(exclude_none=True, exclude_defaults=False))
    return path


def resolve_path(sources_dir: Path, rel: str) -> Path:
    """Manifest paths must stay inside the sources folder (no '../', no absolute paths)."""
    path = (sources_dir / rel).resolve()
    root = sources_dir.resolve()
    if PurePosixPath(rel).is_absolute() or root not in path.parents:
        raise CorpusError(f"{manifest_path(sources_dir)}: path {rel!r} points outside the sources folder")
    return path
