"""`ensure_index`: the one call a server makes to be sure an index exists (open it, or build it first)."""

from __future__ import annotations

from foundation.settings import Settings
from index.build import ensure_index
from index.store import POINTER_FILE, open_index


def test_a_missing_index_is_built_once_then_only_opened(settings: Settings, embedder) -> None:
    reasons: list[str] = []
    first = ensure_index(settings, progress=False, embedder=embedder, on_build=reasons.append)
    assert first["built"] is True and first["chunks"] > 0
    assert len(reasons) == 1 and "pns index build" in reasons[0]  # told why a build started
    again = ensure_index(settings, progress=False, embedder=embedder, on_build=reasons.append)
    assert again["built"] is False and again["build_hash"] == first["build_hash"]
    assert len(reasons) == 1
    assert open_index(settings).status()["build_hash"] == first["build_hash"]


def test_an_index_that_cannot_be_opened_is_rebuilt(settings: Settings, embedder) -> None:
    built = ensure_index(settings, progress=False, embedder=embedder)
    (settings.index_dir / POINTER_FILE).write_text("{not json", encoding="utf-8")
    repaired = ensure_index(settings, progress=False, embedder=embedder)
    assert repaired["built"] is True and repaired["chunks"] == built["chunks"]
    assert open_index(settings).status()["chunks"] == built["chunks"]


def test_a_down_chroma_server_fails_at_once_without_announcing_a_build(settings: Settings, embedder) -> None:
    """`pns serve` once said "building it now, this takes a minute" before failing with the same unreachable server."""
    import socket

    import pytest

    from index.errors import ChromaUnreachableError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    ensure_index(settings, progress=False, embedder=embedder)  # a valid pointer, then its server goes away
    down = settings.override(index={"chroma_url": f"http://127.0.0.1:{port}"})
    reasons: list[str] = []
    with pytest.raises(ChromaUnreachableError, match=r"cannot reach Chroma server .*unset PNS_CHROMA_URL"):
        ensure_index(down, progress=False, on_build=reasons.append)
    assert reasons == []
