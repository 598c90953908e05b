"""`pns mcp`: serve the MCP tools on stdio (a client starts this command), or alone over HTTP with --http.

The index is built first if there is none and the assistant is warmed up before the first message is
read, so a client's first `ask` is as fast as the next. If the index cannot be opened (a Chroma server
that is down), the server still starts and each tool says what is wrong and what to do.
"""

from __future__ import annotations

from typing import Optional

import typer

from foundation.cli import handles_errors, settings_from

DEFAULT_HTTP_PORT = 7861  # beside the web app's 7860, where `pns serve` puts it too


@handles_errors
def mcp(
    ctx: typer.Context,
    http: bool = typer.Option(False, "--http", help="Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio."),
    host: Optional[str] = typer.Option(None, "--host", help="With --http: interface (default 127.0.0.1; env PNS_HOST). Non-loopback requires PNS_AUTH_USER/PNS_AUTH_PASSWORD."),
    port: Optional[int] = typer.Option(None, "--port", help="With --http: port (default 7861, or PNS_MCP_PORT).", min=1, max=65535),
) -> None:
    """Serve the assistant as MCP tools (ask, search_references, get_passage, export_references)."""
    from assistant.api import Assistant
    from assistant.mcp_server import run_stdio, start_http
    from assistant.ui.security import auth_for
    from assistant.ui.serve_cli import check_port_free, make_sure_an_index_exists
    from foundation.errors import PNSError

    settings = settings_from(ctx)
    if http:
        bind_host, bind_port = host or settings.ui.host, port or settings.ui.mcp_port or DEFAULT_HTTP_PORT
        auth = auth_for(bind_host, settings)  # refuses a public interface without a login, before loading anything
        check_port_free(bind_host, bind_port)
    settings.ensure_home()
    assistant = Assistant(settings)
    try:
        make_sure_an_index_exists(settings)
        assistant.warm_up()
    except PNSError as exc:  # serve anyway: every tool call then names the problem and its fix
        typer.echo(f"warning: the index is not ready ({exc}); tools will say so until it is", err=True)
    if not http:
        run_stdio(settings, assistant)
        return
    server = start_http(settings, assistant, host=bind_host, port=bind_port, auth=auth)
    typer.echo(f"MCP (streamable HTTP) on {server.url} ({'login required' if auth else 'loopback only, no login'}); "
               "Ctrl-C stops", err=True)
    server.wait()
