"""A loopback web that answers like the real one does to a fetcher: APIs, publishers, Bookshelf, walls.

Routes are registered per test (`web.route(path, Reply(...), ...)`: replies are served in order and
the last one repeats), so each test states exactly what "the web" says. Built in: /robots.txt (allow
all unless a test sets `robots`), Europe PMC's search (`/epmc/search?query=DOI:"..."`, answered from
`web.epmc[doi]`, else an empty result list, as the real API does) and 404 for anything unknown.
Every request is recorded with its headers and time, for politeness assertions.

Point Settings at it with `web_settings(home, web)`: doi_url, europepmc_url and ncbi_url all go to
this server (under /doi, /epmc and /ncbi). The page bodies come from tests/corpus/fixtures/web/,
written for these tests and labelled synthetic in their text; none of it is corpus content.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from foundation.settings import Settings

WEB = Path(__file__).parent / "fixtures" / "web"
CONTACT = "fetch-tests@example.org"


def fixture(name: str) -> bytes:
    return (WEB / name).read_bytes()


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Web:
    base: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    epmc: dict[str, dict] = field(default_factory=dict)
    robots: str = "User-agent: *\nAllow: /\n"
    requests: list[Request] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def answer(self, path: str) -> Reply:
        if path == "/robots.txt":
            return Reply(200, self.robots.encode(), "text/plain")
        parts = urlsplit(path)
        if parts.path == "/epmc/search":
            query = unquote(parse_qs(parts.query).get("query", [""])[0])
            m = re.fullmatch(r'DOI:"(.+)"', query)
            record = self.epmc.get(m.group(1)) if m else None
            body = {"version": "6.9", "hitCount": int(record is not None), "resultList": {"result": [record] if record else []}}
            return Reply(200, json.dumps(body).encode(), "application/json")
        replies = self.routes.get(path)
        if not replies:
            return Reply(404, b"<html><body><h1>Not Found</h1></body></html>")
        return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(web: Web) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            web.requests.append(Request(self.path, dict(self.headers.items()), time.monotonic()))
            reply = web.answer(self.path)
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.ctype)
            self.send_header("Content-Length", str(len(reply.body)))
            for k, v in reply.headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(reply.body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (timeout tests) leaves a broken pipe: expected."""


@contextmanager
def serve_web() -> Iterator[Web]:
    web = Web()
    server = _QuietServer(("127.0.0.1", 0), _handler(web))
    web.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name="web-loopback")
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def web_settings(home: Path, web: Web, **corpus: object) -> Settings:
    """Settings whose DOI resolver, Europe PMC and NCBI are the loopback web; no delay unless asked."""
    return Settings(home=home, corpus={
        "doi_url": web.url("/doi"), "europepmc_url": web.url("/epmc"), "ncbi_url": web.url("/ncbi"),
        "fetch_delay_s": 0.0, "fetch_retries": 2, "fetch_timeout_s": 5.0, "contact_email": CONTACT, **corpus,
    })


def csl(doi: str, title: str) -> Reply:
    """A DOI resolver's CSL-JSON answer (as from content negotiation)."""
    body = {"type": "article-journal", "DOI": doi, "title": title, "note": "SYNTHETIC TEST FIXTURE"}
    return Reply(200, json.dumps(body).encode(), "application/vnd.citationstyles.csl+json")


def epmc_record(doi: str, *, pmcid: str | None = None, open_access: bool = False, abstract: str | None = None,
                pdf_url: str | None = None) -> dict:
    """One Europe PMC search result (resultType=core), with the fields the fetcher reads."""
    record: dict = {"doi": doi, "source": "MED", "isOpenAccess": "Y" if open_access else "N",
                    "inPMC": "Y" if pmcid else "N", "title": "SYNTHETIC TEST FIXTURE record"}
    if pmcid:
        record["pmcid"] = pmcid
    if abstract:
        record["abstractText"] = abstract
    if pdf_url:
        record["fullTextUrlList"] = {"fullTextUrl": [
            {"availability": "Open access", "availabilityCode": "OA", "documentStyle": "pdf", "site": "Europe_PMC",
             "url": pdf_url},
        ]}
    return record
