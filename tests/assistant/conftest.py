"""Assistant fixtures: one warmed-up Assistant over the session's real built index."""

from __future__ import annotations

import pytest

from foundation.settings import Settings


@pytest.fixture(scope="session")
def warm_assistant(built_index_home: Settings):
    """A real Assistant (real Chroma, BM25, bundled model) on the shared index; treat as read-only."""
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assistant.warm_up()
    return assistant


@pytest.fixture(scope="session")
def search_index(warm_assistant):
    """The SearchIndex the shared Assistant opened."""
    return warm_assistant.parts().index


@pytest.fixture(scope="session")
def parts(warm_assistant):
    """The shared Assistant's parts with its sentence bank filled for every chunk (sentence-level tests read it)."""
    parts = warm_assistant.parts()
    parts.bank.ensure(parts.index.chunks())
    return parts


@pytest.fixture(scope="session")
def packaged_corpus():
    """The packaged article and bibliography, loaded once (no index needed)."""
    from corpus.corpus import Corpus

    return Corpus.load(Settings())


@pytest.fixture(scope="session")
def triage(packaged_corpus):
    """Triage built from the packaged corpus, as the Assistant builds it at load time."""
    from assistant.triage import Triage

    return Triage.from_corpus(packaged_corpus)


@pytest.fixture(scope="session")
def phrasings():
    """Reads tests/assistant/phrasings/<name> (synthetic test phrasings), comments and blanks skipped."""
    from pathlib import Path

    def read(name: str) -> list[str]:
        path = Path(__file__).parent / "phrasings" / name
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]

    return read


@pytest.fixture(scope="session")
def embed():
    """The query path's encoder of the bundled model (the one the index and the learned triage checks use)."""
    from index.numpy_encoder import NumpyEmbedding

    embedder = NumpyEmbedding("all-MiniLM-L6-v2")
    embedder.warm_up()
    return embedder.embed_queries
