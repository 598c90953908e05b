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
