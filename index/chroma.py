"""Chroma, embedded or as a server: connecting, collections, and its failures said plainly.

Why its own module: every way Chroma can fail (a server that is down, a collection deleted behind our
back, a full disk that embedded Chroma reports as a "compaction" error) becomes an IndexStoreError
here that names where and what, so the build and the search index above stay about their own logic.
Telemetry is off in every client; collections are created with no embedding function, so Chroma can
never fetch or run a model of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from index.errors import BUILD_HINT, ChromaUnreachableError, IndexStoreError, not_writable

if TYPE_CHECKING:
    from foundation.settings import Settings


def unreachable(url: str, exc: BaseException) -> ChromaUnreachableError:
    """The one message for a Chroma server that does not answer, naming the step that fixes it."""
    reason = str(exc).strip().rstrip(".") or type(exc).__name__
    return ChromaUnreachableError(
        f"cannot reach Chroma server at {url} ({reason}): start it (`chroma run --host 127.0.0.1 --port PORT "
        "--path DIR`) or unset PNS_CHROMA_URL"
    )


def chroma_location(settings: "Settings") -> str:
    """Where vectors live, for messages and the pointer: the server URL or the embedded folder."""
    return settings.index.chroma_url or f"embedded:{settings.index_dir / 'chroma'}"


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """'http://127.0.0.1:8000' -> ('127.0.0.1', 8000, False)."""
    parsed = urlparse(url if "://" in url else f"http://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IndexStoreError(f"PNS_CHROMA_URL {url!r} is not a URL like http://127.0.0.1:8000")
    ssl = parsed.scheme == "https"
    try:
        port = parsed.port or (443 if ssl else 8000)
    except ValueError as exc:
        raise IndexStoreError(f"PNS_CHROMA_URL {url!r} has an invalid port") from exc
    return parsed.hostname, port, ssl


def connect(settings: "Settings") -> Any:
    """A Chroma client: embedded PersistentClient under HOME, or HttpClient when chroma_url is set.

    Telemetry is off in both. A server that does not answer becomes an IndexStoreError, not a trace.
    """
    from foundation.settings import disable_telemetry

    disable_telemetry()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.index.chroma_url:
        host, port, ssl = parse_chroma_url(settings.index.chroma_url)
        try:
            client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:
            raise unreachable(settings.index.chroma_url, exc) from exc
        return client
    path = settings.index_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        if is_read_only(exc):
            raise not_writable(settings.index_dir, exc) from exc
        raise IndexStoreError(f"cannot open the Chroma database at {path}: {exc}") from exc


def is_read_only(exc: BaseException) -> bool:
    """Whether a failure is a folder or disk we may not write (embedded Chroma's SQLite says 'readonly database')."""
    import errno

    chain = list(_chain(exc))
    return (any(getattr(e, "errno", None) in (errno.EROFS, errno.EACCES, errno.EPERM) for e in chain)
            or any("readonly database" in str(e).lower() or "read-only file system" in str(e).lower() for e in chain))


@contextmanager
def chroma_errors(settings: "Settings", doing: str) -> Iterator[None]:
    """Turn Chroma/transport failures into IndexStoreError naming where and what."""
    try:
        yield
    except IndexStoreError:
        raise
    except Exception as exc:
        if settings.index.chroma_url and _looks_like_connection_error(exc):
            raise unreachable(settings.index.chroma_url, exc) from exc
        if not settings.index.chroma_url and is_read_only(exc):
            raise not_writable(settings.index_dir, exc) from exc
        raise IndexStoreError(
            f"Chroma failed while {doing} at {chroma_location(settings)}: {exc}{_disk_full_hint(exc, settings)}"
        ) from exc


DISK_NEARLY_FULL_BYTES = 1 << 20  # below this much free space, a failed Chroma write is most likely a full disk


def _disk_full_hint(exc: BaseException, settings: "Settings") -> str:
    """A hint when a local Chroma failure is really a full disk.

    Embedded Chroma reports a full disk as e.g. 'Error in compaction: Failed to apply logs to the
    metadata segment', which names no disk at all; so for such errors (or an ENOSPC/EDQUOT anywhere
    in the chain) we look at the free space on the index folder. A remote server's disk is not ours to check.
    """
    import errno
    import shutil

    if settings.index.chroma_url:
        return ""
    chain = list(_chain(exc))
    text = " ".join(str(e) for e in chain).lower()
    no_space = any(getattr(e, "errno", None) in (errno.ENOSPC, errno.EDQUOT) for e in chain) or "no space left" in text
    if not no_space and not any(k in text for k in ("compaction", "apply logs", "apply_logs", "disk", "database or disk is full")):
        return ""
    where = Path(settings.index_dir)
    while not where.exists() and where != where.parent:
        where = where.parent
    try:
        free = shutil.disk_usage(where).free
    except OSError:
        free = None
    if not no_space and (free is None or free >= DISK_NEARLY_FULL_BYTES):
        return ""
    left = f" ({free // 1024} KiB free)" if free is not None else ""
    return (f" — the disk is full: no space left on the disk holding {settings.index_dir}{left}; "
            "free some space and try again")


def _looks_like_connection_error(exc: BaseException) -> bool:
    names = {type(e).__name__ for e in _chain(exc)}
    text = str(exc).lower()
    return bool(names & {"ConnectError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError", "ConnectionError",
                         "ConnectionRefusedError"}) or "could not connect" in text or "connection refused" in text


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__


def get_collection(client: Any, name: str, settings: "Settings") -> Any:
    """An existing collection, opened without an embedding function (we always pass vectors)."""
    try:
        return client.get_collection(name=name, embedding_function=None)
    except Exception as exc:
        if settings.index.chroma_url and _looks_like_connection_error(exc):
            raise unreachable(settings.index.chroma_url, exc) from exc
        raise IndexStoreError(
            f"the index's Chroma collection {name!r} is missing from {chroma_location(settings)} "
            f"(deleted, or PNS_CHROMA_URL changed since the build): {BUILD_HINT}"
        ) from exc


def create_collection(client: Any, name: str, metadata: dict[str, Any]) -> Any:
    """A fresh cosine-distance collection with no embedding function (Chroma must never embed for us)."""
    return client.create_collection(
        name=name, embedding_function=None, metadata={"hnsw:space": "cosine", **metadata},
    )


def vector_store(collection: Any) -> Any:
    """llama-index's view of a collection (for writes, and for callers that want llama-index retrievers)."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)
