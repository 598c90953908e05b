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
