"""UI fixtures: the real app on a free 127.0.0.1 port (real index, real assistant), and headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from ui_support import CHROMIUM, CHROMIUM_ARGS, UIServer, home_with_source, launch

from foundation.settings import Settings


@pytest.fixture(scope="session")
def ui_assistant(built_index_home: Settings) -> Any:
    """One warmed-up real Assistant over the real built index, shared by every UI test."""
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assistant.warm_up()
    return assistant


@pytest.fixture(scope="session")
def ui_server(built_index_home: Settings, ui_assistant: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[UIServer]:
    """The real Gradio server (threaded launch) on 127.0.0.1; feedback goes to its own temp database."""
    server = launch(built_index_home, ui_assistant, tmp_path_factory.mktemp("ui-feedback"))
    yield server
    server.demo.close()


@pytest.fixture(scope="session")
def source_home(built_index_home: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A home whose corpus holds one cited source's text (a synthetic PDF for varki2007; see ui_support)."""
    return home_with_source(built_index_home, tmp_path_factory.mktemp("ui-source-home"))


@pytest.fixture(scope="session")
def source_assistant(source_home: Settings) -> Any:
    from assistant.api import Assistant

    assistant = Assistant(source_home)
    assistant.warm_up()
    return assistant


@pytest.fixture(scope="session")
def source_server(source_home: Settings, source_assistant: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[UIServer]:
    """The real Gradio server over the home with a cited source's text."""
    server = launch(source_home, source_assistant, tmp_path_factory.mktemp("ui-source-feedback"))
    yield server
    server.demo.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (`make browser`) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
