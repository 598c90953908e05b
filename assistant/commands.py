"""Register the assistant's own commands (`ask`, `serve`, `mcp`, `feedback`) on the root `pns` app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the assistant's own commands to the root app (assistant.cli calls it); the later stages add theirs
    through the `pns.commands` entry points instead, so that no import runs against the one-way order."""
    from assistant.ask_cli import ask
    from assistant.mcp_cli import mcp
    from assistant.ui.feedback_cli import app as feedback_app
    from assistant.ui.serve_cli import serve

    app.command("ask")(ask)
    app.command("serve")(serve)
    app.command("mcp")(mcp)
    app.add_typer(feedback_app, name="feedback")
