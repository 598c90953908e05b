"""Helpers shared by the UI tests (a uniquely named module, so test files can import it directly)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foundation.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("PNS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class UIServer:
    url: str
    settings: Settings
    demo: Any
    feedback: Any
    assistant: Any


def launch(settings: Settings, assistant: Any, feedback_dir: Path, **launch_kwargs: Any) -> UIServer:
    """Build the real app and launch it in this process (threaded) on a free loopback port."""
    from assistant.ui.app import build_app, launch_app
    from assistant.ui.feedback import FeedbackStore

    store = FeedbackStore(feedback_dir / "feedback.sqlite3")
    demo = build_app(settings, assistant, feedback=store)
    port = free_port()
    launch_app(demo, settings, host="127.0.0.1", port=port, prevent_thread_lock=True, quiet=True, **launch_kwargs)
    return UIServer(f"http://127.0.0.1:{port}/", settings, demo, store, assistant)
