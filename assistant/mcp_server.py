"""The Model Context Protocol server: the assistant's answers and its bibliography as four MCP tools.

Editors and chat clients reach tools through MCP, so the same grounded, cited answers are offered there
without the web page: `pns mcp` speaks MCP over stdio (a client starts it as a subprocess), and `pns serve`
also serves it as streamable HTTP at http://HOST:MCP_PORT/mcp (`pns mcp --http` does that alone).

Tools (built with the official `mcp` SDK's MCPServer; each returns structured content and its JSON text):
* `ask(question, history)` -> status, body, disclaimer, answer (body + disclaimer as plain text), citations.
  Every result carries the fixed disclaimer, refusals and errors included, as `ask` itself guarantees.
* `search_references(query)` -> the bibliography entries matching every word (authors, year, title,
  journal, volume, issue, pages, DOI, URL).
* `get_passage(chunk_id)` -> the exact passage a citation points at: text, section, offsets, references.
* `export_references(ids, format)` -> bibtex | ris | csl-json | vancouver | ama | apa text.

It uses only the Assistant API (assistant/api.py: ask, passage, corpus_view) and the corpus' read-only
functions (search, export, citation styles), never the index.
Failures become MCP tool errors (`isError`) with one clear sentence; no stack trace reaches a client.
HTTP follows the web app's rules: loopback by default, and any other interface only with
PNS_AUTH_USER / PNS_AUTH_PASSWORD, checked here as HTTP Basic credentials.
"""

from __future__ import annotations

import base64
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

from pydantic import BaseModel, Field

from assistant.models import Citation, Passage, Status
from corpus.export import ExportFormat
from foundation.errors import PNSError

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from assistant.api import Assistant
    from corpus.models import Reference
    from foundation.settings import Settings

logger = logging.getLogger("pns.mcp")
MCP_PATH = "/mcp"
SERVER_NAME = "pns"
INSTRUCTIONS = (
    "Answers questions about paraneoplastic syndromes from one article (Rupa Health, 2025) and its 21 cited "
    "references, quoting the article verbatim with [n] citations. Show every answer with its disclaimer. Use "
    "get_passage to open a citation's exact passage and export_references to cite the sources."
)
T = TypeVar("T")


# -- what the tools take and return ---------------------------------------------------------------
class Turn(BaseModel):
    """One earlier turn of the conversation."""

    role: Literal["user", "assistant"]
    content: str


class AskResult(BaseModel):
    """One answer: the body with its [n] markers, the fixed disclaimer, and what each marker cites."""

    status: Status = Field(description=" | ".join(get_args(Status)))
    body: str = Field(description="The answer without the disclaimer; [n] markers refer to `citations`.")
    disclaimer: str = Field(description="The fixed safety disclaimer; show it with every answer.")
    answer: str = Field(description="Plain text to show: the body, then the disclaimer.")
    citations: list[Citation] = Field(default_factory=list)
    standalone_question: str | None = Field(default=None, description="The question after follow-up rewriting.")


class ReferenceRecord(BaseModel):
    """One bibliography entry of the article."""

    id: str
    type: str
    authors: list[str]
    year: int | None
    title: str
    container: str | None = Field(default=None, description="Journal, book or site.")
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    printed: str = Field(description="The entry exactly as the article prints it.")


class ReferenceMatches(BaseModel):
    query: str
    count: int
    references: list[ReferenceRecord]


class ExportedReferences(BaseModel):
    format: str
    count: int
    text: str


def reference_record(ref: "Reference") -> ReferenceRecord:
    """A bibliography entry as the MCP tools return it: its parsed fields and the entry as printed."""
    return ReferenceRecord(
        id=ref.id, type=ref.type, authors=list(ref.authors), year=ref.year, title=ref.title, container=ref.container,
        volume=ref.volume, issue=ref.issue, pages=ref.pages, publisher=ref.publisher, doi=ref.doi, url=ref.url,
        printed=ref.raw,
    )


# -- the tools ------------------------------------------------------------------------------------
class PNSTools:
    """The four tools over one Assistant: answers and passages from it, the bibliography from its corpus view."""

    def __init__(self, settings: "Settings", assistant: "Assistant") -> None:
        self.settings = settings
        self.assistant = assistant

    def references(self) -> list["Reference"]:
        """The article's bibliography, from the corpus the Assistant loaded once (read-only)."""
        return list(self.assistant.corpus_view().references)

    def ask(self, question: str, history: list[Turn] | None = None) -> AskResult:
        """Answer a question about paraneoplastic syndromes from the article, with [n] citations to exact
        passages. Pass earlier turns as `history` for follow-ups. Always show `answer` (it ends with the
        disclaimer) or `body` followed by `disclaimer`."""
        answer = self.assistant.ask(question, [t.model_dump() for t in history or []])
        return AskResult(status=answer.status, body=answer.body, disclaimer=answer.disclaimer, answer=answer.answer,
                         citations=answer.citations, standalone_question=answer.standalone_question)

    def search_references(self, query: str = "") -> ReferenceMatches:
        """Find the article's bibliography entries by author, title words, journal, year or DOI (every word
        must match; small misspellings are tolerated). An empty query lists all 21."""
        from corpus.reference_search import search_references

        found = search_references(self.references(), query)
        return ReferenceMatches(query=query, count=len(found), references=[reference_record(r) for r in found])

    def get_passage(self, chunk_id: str) -> Passage:
        """Open the passage a citation points at (its `chunk_id`): exact text, section, character offsets
        in the cleaned article, and its related references."""
        return self.assistant.passage(chunk_id)

    def export_references(self, ids: list[str] | None = None, format: ExportFormat = "vancouver") -> ExportedReferences:
        """Export bibliography entries by id (all when `ids` is empty) as bibtex, ris or csl-json for a
        reference manager, or as a reference list in vancouver (NLM), ama or apa style."""
        from corpus.export import export_references

        chosen = self.assistant.corpus_view().choose(ids, listed_by="search_references")
        return ExportedReferences(format=format, count=len(chosen), text=export_references(chosen, format))


def tool_errors(name: str, fn: Callable[..., T]) -> Callable[..., T]:
    """Run a tool body so that any failure reaches the client as one clear sentence (an MCP tool error)."""
    import functools

    from mcp.server.mcpserver.exceptions import ToolError

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return fn(*args, **kwargs)
        except PNSError as exc:
            from index.errors import IndexStoreError

            if isinstance(exc, IndexStoreError):
                from assistant.api import index_error_message

                raise ToolError(index_error_message(exc)) from None
            raise ToolError(str(exc)) from None
        except Exception as exc:  # the MCP edge: a surprise is a message, never a trace
            if os.environ.get("PNS_DEBUG"):
                logger.exception("tool %s failed", name)
            else:
                logger.error("tool %s failed: %s: %s", name, type(exc).__name__, exc)
            raise ToolError(f"{name} failed unexpectedly ({type(exc).__name__}); please try again") from None

    return wrapper


def build_server(settings: "Settings", assistant: "Assistant | None" = None) -> "MCPServer":
    """An MCPServer offering the four tools (cheap: nothing is loaded until a tool is called)."""
    from mcp.server.mcpserver import MCPServer
    from mcp.types import ToolAnnotations

    from assistant.api import Assistant

    tools = PNSTools(settings, assistant or Assistant(settings))
    server = MCPServer(SERVER_NAME, title="Paraneoplastic syndromes: cited answers", instructions=INSTRUCTIONS,
                       version=_version(), log_level="WARNING")
    read_only = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    for name, title in (("ask", "Ask a question (cited answer + disclaimer)"),
                        ("search_references", "Search the article's references"),
                        ("get_passage", "Open a cited passage"),
                        ("export_references", "Export references (BibTeX, RIS, CSL-JSON, Vancouver, AMA, APA)")):
        server.add_tool(tool_errors(name, getattr(tools, name)), name=name, title=title, annotations=read_only)
    return server


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pns-assistant")
    except PackageNotFoundError:
        return "0"


# -- transports -----------------------------------------------------------------------------------
def run_stdio(settings: "Settings", assistant: "Assistant") -> None:
    """Serve MCP on stdin/stdout until the client closes them (stdout carries only protocol messages)."""
    build_server(settings, assistant).run("stdio")


class BasicAuthMiddleware:
    """Require the configured PNS_AUTH_USER / PNS_AUTH_PASSWORD as HTTP Basic credentials on every request."""

    def __init__(self, app: Any, credentials: tuple[str, str]) -> None:
        self.app = app
        user, password = credentials
        self._expected = base64.b64encode(f"{user}:{password}".encode()).decode()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            given = headers.get(b"authorization", b"").decode("latin-1")
            scheme, _, token = given.partition(" ")
            if scheme.lower() != "basic" or not secrets.compare_digest(token.strip(), self._expected):
                body = b'{"error":"login required: send PNS_AUTH_USER and PNS_AUTH_PASSWORD as HTTP Basic credentials"}'
                await send({"type": "http.response.start", "status": 401, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"www-authenticate", b'Basic realm="pns", charset="UTF-8"')]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class HTTPServer:
    """Streamable-HTTP MCP in a background thread (beside the web app in `pns serve`)."""

    def __init__(self, server: Any, thread: threading.Thread, url: str) -> None:
        self._server = server
        self._thread = thread
        self.url = url

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to exit and wait up to `timeout` seconds for its thread (a test's or `serve`'s shutdown)."""
        self._server.should_exit = True
        self._thread.join(timeout)

    def wait(self) -> None:
        """Block until the server stops (Ctrl-C stops it)."""
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()


def http_app(settings: "Settings", assistant: "Assistant", host: str, auth: tuple[str, str] | None) -> Any:
    """The ASGI app: MCP at /mcp, with the web app's request-size cap and, when configured, its login."""
    from assistant.ui.security import MAX_REQUEST_BYTES, BodyLimitMiddleware

    app: Any = build_server(settings, assistant).streamable_http_app(
        streamable_http_path=MCP_PATH, host=host, max_request_body_size=MAX_REQUEST_BYTES)
    app = BodyLimitMiddleware(app, max_bytes=MAX_REQUEST_BYTES)
    return BasicAuthMiddleware(app, auth) if auth else app


def start_http(settings: "Settings", assistant: "Assistant", *, host: str, port: int,
               auth: tuple[str, str] | None, ready_timeout: float = 30.0) -> HTTPServer:
    """Start streamable-HTTP MCP on host:port in a daemon thread; return once it accepts connections.

    `auth` comes from assistant.ui.security.auth_for, which already refused a non-loopback host without it.
    """
    import uvicorn

    from assistant.errors import AssistantError

    config = uvicorn.Config(http_app(settings, assistant, host, auth), host=host, port=port, log_level="warning",
                            lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="pns-mcp-http", daemon=True)
    thread.start()
    deadline = time.monotonic() + ready_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise AssistantError(f"the MCP server could not listen on {host}:{port} (port in use?); choose another --mcp-port")
        time.sleep(0.05)
    shown = f"[{host}]" if ":" in host else host
    return HTTPServer(server, thread, f"http://{shown}:{port}{MCP_PATH}")


__all__ = ["build_server", "run_stdio", "start_http", "http_app", "PNSTools", "AskResult", "MCP_PATH"]
