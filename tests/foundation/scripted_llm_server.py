"""ScriptedLLMServer: a real HTTP server on 127.0.0.1 that answers LLM API calls from a script (wiring tests only).

It speaks just enough of the OpenAI-compatible (/v1/chat/completions, /v1/completions) and Ollama
(/api/chat, /api/generate) APIs for the HTTP backends' request building, reply parsing and error
handling to be exercised over a real socket. Each request body is recorded; each reply is the next
scripted (status, body) for its path. No reported number ever comes from it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class ScriptedLLMServer:
    base: str = ""
    replies: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def script(self, path: str, body: Any, status: int = 200) -> None:
        """Queue a reply for `path`: a dict is sent as JSON, a str as-is."""
        self.replies.setdefault(path, []).append((status, body))


def _handler(state: ScriptedLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            state.requests.append((self.path, payload | {"_auth": self.headers.get("Authorization")}))
            queue = state.replies.get(self.path) or [(404, {"error": f"no scripted reply for {self.path}"})]
            status, body = queue.pop(0) if len(queue) > 1 else queue[0]
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def scripted_llm_server() -> Iterator[ScriptedLLMServer]:
    state = ScriptedLLMServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
