"""A real HTTP server on 127.0.0.1 serving the fetch fixtures (used by the fetch and CLI tests).

Routes: /page.html (boilerplate page, ETag), /paper.pdf, /notes.txt (no ETag), /nav-only.html
(no main text), /missing (404), /slow (answers after SLOW_SECONDS), /flaky (503 once, then text),
/image.png (unsupported type). Every request's headers are recorded for assertions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SLOW_SECONDS = 2.0
PAGE_ETAG = '"page-v1"'


@dataclass
class Served:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(state: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            return

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            state.requests.append((self.path, dict(self.headers.items())))
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            if self.path == "/page.html":
                if self.headers.get("If-None-Match") == PAGE_ETAG:
                    self.send_response(304)
                    self.send_header("ETag", PAGE_ETAG)
                    self.end_headers()
                    return
                self._send(200, (FIXTURES / "boilerplate.html").read_bytes(), "text/html; charset=utf-8", {"ETag": PAGE_ETAG})
            elif self.path == "/paper.pdf":
                self._send(200, (FIXTURES / "paper.pdf").read_bytes(), "application/pdf")
            elif self.path == "/notes.txt":
                self._send(200, b"Plain notes on nephrotic syndrome.\n", "text/plain; charset=utf-8")
            elif self.path == "/nav-only.html":
                self._send(200, (FIXTURES / "nav_only.html").read_bytes(), "text/html")
            elif self.path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, b"too late", "text/plain")
            elif self.path == "/flaky":
                if state.hits[self.path] == 1:
                    self._send(503, b"busy", "text/plain")
                else:
                    self._send(200, b"Recovered text about encephalitis.", "text/plain")
            elif self.path == "/image.png":
                self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
            else:
                self._send(404, b"not here", "text/plain")

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that timed out on /slow leaves a broken pipe behind: expected, not news."""


@contextmanager
def serve_fixtures() -> Iterator[Served]:
    """Start the server on an ephemeral loopback port; stop it afterwards."""
    state = Served(base="")
    server = _QuietServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fixture-http", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
