"""`pns serve`: start the web UI on 127.0.0.1 (the default), building the index first if there is none.

The index is the index stage's business: one call (`index.build.ensure_index`) opens it or builds it; this
module only reports what happened. The web app itself (app.py) imports nothing from the index stage.

Order matters: the bind/auth check runs before anything slow, so a refused `--host 0.0.0.0` fails
in milliseconds; then the index is built if missing (with progress), the assistant is warmed up
so the first visitor does not wait for model loading, and only then does the server start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

import typer

from foundation.cli import handles_errors, settings_from
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from foundation.settings import Settings


def make_sure_an_index_exists(settings: "Settings") -> dict[str, Any]:
    """Ask the index stage for a usable index (it builds one when there is none) and say what happened."""
    from index.build import ensure_index

    def building(reason: str) -> None:
        typer.echo(f"index not ready ({reason}); building it now, this takes a minute the first time…", err=True)

    status = ensure_index(settings, on_build=building)
    if status.get("built"):
        typer.echo(f"index ready: {status.get('chunks', '?')} chunks", err=True)
    return status


def check_port_free(host: str, port: int) -> None:
    """Raise AssistantError when `host:port` cannot be bound right now (in use, or not an address here)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise AssistantError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port") from None


def mcp_port_for(host: str, web_port: int, flag: int | None, settings: "Settings") -> int:
    """The MCP port, checked now: a chosen port must be free; the default (web port + 1) is skipped if taken."""
    chosen = flag if flag is not None else settings.ui.mcp_port
    if chosen is not None:
        if chosen:
            check_port_free(host, chosen)
        return chosen
    try:
        check_port_free(host, web_port + 1)
    except AssistantError:
        typer.echo(f"note: port {web_port + 1} is taken, so MCP is not served; choose one with --mcp-port", err=True)
        return 0
    return web_port + 1


@handles_errors
def serve(
    ctx: typer.Context,
    host: Optional[str] = typer.Option(None, "--host", help="Interface to bind (default 127.0.0.1; env PNS_HOST). Any non-loopback address requires PNS_AUTH_USER/PNS_AUTH_PASSWORD."),
    port: Optional[int] = typer.Option(None, "--port", help="Port (default 7860; env PNS_PORT).", min=1, max=65535),
    mcp_port: Optional[int] = typer.Option(None, "--mcp-port", help="Also serve MCP (streamable HTTP) at http://HOST:PORT/mcp (default: the web port + 1; env PNS_MCP_PORT; 0 = off).", min=0, max=65535),
) -> None:
    """Start the chat and reference-explorer web app (Gradio) and its JSON API."""
    from assistant.ui.security import auth_for

    settings = settings_from(ctx)
    bind_host = host or settings.ui.host
    bind_port = port if port is not None else settings.ui.port
    auth = auth_for(bind_host, settings)  # refuses non-loopback without credentials, before any heavy work
    check_port_free(bind_host, bind_port)  # a taken port fails now, not after a minute of loading
    mcp_port = mcp_port_for(bind_host, bind_port, mcp_port, settings)

    settings.ensure_home()
    make_sure_an_index_exists(settings)

    from assistant.api import Assistant
    from assistant.ui.app import build_app, launch_app

    typer.echo("loading the assistant (embedding model, index)…", err=True)
    assistant = Assistant(settings)
    assistant.warm_up()
    demo = build_app(settings, assistant)
    try:
        launch_app(demo, settings, host=bind_host, port=bind_port, auth=auth, quiet=True, prevent_thread_lock=True)
    except OSError as exc:  # port taken since the early check, address not on this machine
        raise AssistantError(f"cannot listen on {bind_host}:{bind_port}: {exc}") from None
    mcp_http = None
    if mcp_port:  # the same Assistant and the same login rules, on its own port (see assistant/mcp_server.py)
        from assistant.mcp_server import start_http

        mcp_http = start_http(settings, assistant, host=bind_host, port=mcp_port, auth=auth)
        typer.echo(f"MCP (streamable HTTP) on {mcp_http.url}", err=True)
    typer.echo(
        f"serving on http://{bind_host}:{bind_port}/ ({'login required' if auth else 'loopback only, no login'}); Ctrl-C stops",
        err=True,
    )
    try:
        demo.block_thread()
    finally:
        if mcp_http is not None:
            mcp_http.stop()
        demo.close()
