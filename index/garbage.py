"""Which Chroma collections this HOME created, and dropping what the live index no longer names.

Why apart from the build: the record (owned.json) is what keeps garbage collection from touching anyone else's
collections on a shared Chroma server, and a collection is noted there before it is created, so a hard kill
cannot leave one behind that the next build's collection does not know about.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from foundation.atomic_files import atomic_write_json, is_leftover
from index.store import OWNED_FILE


def record_owned(index_dir: Path, name: str) -> None:
    """Note a collection before creating it, so a hard kill cannot leave one GC does not know about."""
    owned = read_owned(index_dir)
    if name not in owned:
        atomic_write_json(index_dir / OWNED_FILE, [*owned, name], indent=1)


def read_owned(index_dir: Path) -> list[str]:
    try:
        data = json.loads((index_dir / OWNED_FILE).read_text(encoding="utf-8"))
        return [str(x) for x in data] if isinstance(data, list) else []
    except (OSError, ValueError):
        return []


def drop_collection(client: Any, name: str) -> None:
    """Best effort: what cannot be dropped now stays in owned.json for the next build's collection."""
    try:
        client.delete_collection(name)
    except Exception:
        pass


def collect_garbage(client: Any, index_dir: Path, pointer: dict[str, Any]) -> None:
    """Drop collections, chunk tables, BM25 folders and temp files that the live pointer no longer names."""
    live = pointer["collection"]
    keep: list[str] = [live]
    try:
        existing = {c.name for c in client.list_collections()}
    except Exception:
        existing = None  # cannot list: keep every record and retry after the next build
    for name in read_owned(index_dir):
        if name == live or (existing is not None and name not in existing):
            continue
        try:
            client.delete_collection(name)
        except Exception:
            keep.append(name)  # retry next time
    atomic_write_json(index_dir / OWNED_FILE, keep, indent=1)
    for path in index_dir.iterdir():
        if path.name in (pointer["manifest"], pointer["lexical"]):
            continue
        if path.name.startswith(("chunks-", "bm25-")) or is_leftover(path.name):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
