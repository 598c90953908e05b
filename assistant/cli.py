"""`pns`: the command line. Each stage owns its command group; this module assembles them.

Heavy libraries (torch, chromadb, gradio) are imported inside commands, so `pns --help` and
the first answer start fast. Stages after the assistant (eval) plug in through the
`pns.commands` entry-point group instead of being imported here, keeping imports one-way.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Optional

import typer

from corpus.cli import app as corpus_app
from foundation.cli import PlainFlagsGroup
from foundation.settings import Settings, disable_telemetry
from index.cli import app as index_app

app = typer.Typer(
    name="pns",
    help="Grounded, cited answers about paraneoplastic syndromes from one article and its sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=PlainFlagsGroup,  # flags shown as `--json`, not `--json <bool>`, in every group below
)


@app.callback()
def root(
    ctx: typer.Context,
    home: Optional[Path] = typer.Option(None, "--home", help="Data folder (env PNS_HOME)."),
    chroma_url: Optional[str] = typer.Option(None, "--chroma-url", help="Use a Chroma server (env PNS_CHROMA_URL)."),
) -> None:
    """Build Settings once from env vars, then apply global flags."""
    disable_telemetry()
    overrides: dict[str, object] = {"home": home} if home is not None else {}
    if chroma_url is not None:
        overrides["index"] = {"chroma_url": chroma_url}
    ctx.obj = Settings(**overrides)


app.add_typer(corpus_app, name="corpus")
app.add_typer(index_app, name="index")

from assistant import commands as _commands  # noqa: E402  (registers ask/serve on `app`)

_commands.register(app)

for _ep in entry_points(group="pns.commands"):
    app.add_typer(_ep.load(), name=_ep.name)


def main() -> None:
    """The `pns` console script: the root app with every stage's commands."""
    app()
