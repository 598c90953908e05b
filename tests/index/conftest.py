"""Index-test fixtures: one loaded embedding model per session, and a real `chroma run` server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chroma_server import ChromaServer, free_port

from foundation.settings import Settings


@pytest.fixture(scope="session")
def embedder():
    """The real bundled model, loaded once and memoising passage vectors by text.

    Builds in these tests share it, so each test does not reload the model or re-embed the same
    45 passages (the build's own accounting of what needed embedding is unaffected).
    """
    from pydantic import PrivateAttr

    from index.embedding import BundledEmbedding

    class MemoisingEmbedding(BundledEmbedding):
        _memo: dict = PrivateAttr(default_factory=dict)

        def embed(self, texts, batch_size=None, progress=False):
            missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
            for text, vector in zip(missing, super().embed(missing, batch_size, progress)):
                self._memo[text] = vector
            return [list(self._memo[t]) for t in texts]

    model = MemoisingEmbedding(Settings().index.embedding_model)
    model.warm_up()
    return model


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (for 'server is down' tests)."""
    return free_port()


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A real Chroma server for one test, stopped afterwards (tests may stop it earlier)."""
    server = ChromaServer(tmp_path / "chroma-server", tmp_path).start()
    try:
        yield server
    finally:
        server.stop()
