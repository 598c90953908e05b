"""Register the assistant's own commands (`ask`, `serve`) on the root `pns` app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from assistant.ask_cli import ask
    from assistant.ui.serve_cli import serve

    app.command("ask")(ask)
    app.command("serve")(serve)
