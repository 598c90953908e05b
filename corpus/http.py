"""A polite HTTP client for fetching cited sources: who we are, what robots.txt allows, and no hurry.

- Identifies itself: a User-Agent naming the project and, when settings.corpus.contact_email is set,
  a mailto: contact (what Crossref, NCBI and Europe PMC ask of scripts).
- Respects robots.txt for pages (urllib.robotparser; per RFC 9309 a 4xx robots.txt allows all and a
  5xx one disallows all), including its Crawl-delay. The documented APIs (DOI content negotiation,
  Europe PMC REST) are called without it, as their terms intend.
- Waits between requests to one host (settings.corpus.fetch_delay_s or the Crawl-delay, whichever is
  longer); honours Retry-After on 429/503 up to max_retry_after_s, else gives up on that host for now.
- Follows redirects itself (at most MAX_REDIRECTS, no loops), so robots.txt is checked at every hop
  and the chain can be reported.
- Retries only what may succeed later (timeouts, resets, 429, 5xx), with exponential backoff.
Error statuses come back as responses (the body of a 403 says whether it is a captcha); only
transport failures raise HttpFailure.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from foundation.settings import Settings

PRODUCT = "pns-assistant/0.2"
MAX_REDIRECTS = 10
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_BYTES = 25 * 1024 * 1024
MAX_CRAWL_DELAY_S = 30.0


def user_agent(contact_email: str | None) -> str:
    """'pns-assistant/0.2 (+research; mailto:me@example.org)': who is asking and how to reach them."""
    contact = f"mailto:{contact_email}" if contact_email else "no contact configured: set PNS_CONTACT_EMAIL"
    return f"{PRODUCT} (+research use; {contact})"


@dataclass(frozen=True)
class HttpResponse:
    status: int
    body: bytes
    headers: Message
    url: str  # the final URL, after redirects
    chain: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return (self.headers.get_content_type() or "").lower() if self.headers.get("Content-Type") else ""


class HttpFailure(Exception):
    """A request that failed for good. `kind`: timeout, network, robots, redirects, too_large, invalid."""

    def __init__(self, why: str, kind: str, retry: bool = False, status: int | None = None) -> None:
        super().__init__(why)
        self.kind = kind
        self.retry = retry
        self.status = status


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None  # we follow redirects ourselves (robots.txt at every hop)


class PoliteClient:
    """One per fetch run: remembers robots.txt per origin and the last request time per host."""

    def __init__(self, settings: Settings, *, timeout: float | None = None, retries: int | None = None,
                 backoff: float = 1.0, delay: float | None = None, max_bytes: int = MAX_BYTES,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        c = settings.corpus
        self.user_agent = user_agent(c.contact_email)
        self.timeout = c.fetch_timeout_s if timeout is None else timeout
        self.retries = c.fetch_retries if retries is None else retries
        self.delay = c.fetch_delay_s if delay is None else delay
        self.max_retry_after = c.max_retry_after_s
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.clock = clock
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str] = {}

    # -- public ----------------------------------------------------------------------------------
    def get(self, url: str, accept: str, *, robots: bool = True, headers: Mapping[str, str] | None = None) -> HttpResponse:
        """GET `url`, following redirects; robots=False only for documented APIs."""
        chain: list[str] = []
        current = url
        while True:
            _check_url(current)
            if robots:
                self._check_robots(current)
            chain.append(current)
            resp = self._with_retries(current, {"Accept": accept, **(headers or {})})
            location = resp.headers.get("Location")
            if resp.status not in REDIRECTS or not location:
                return HttpResponse(resp.status, resp.body, resp.headers, current, tuple(chain))
            nxt = urljoin(current, location)
            if nxt in chain:
                raise HttpFailure(f"redirect loop: {' -> '.join(chain + [nxt])}", "redirects")
            if len(chain) > MAX_REDIRECTS:
                raise HttpFailure(f"more than {MAX_REDIRECTS} redirects from {url}", "redirects")
            current = nxt

    # -- politeness ------------------------------------------------------------------------------
    def _wait_turn(self, url: str, extra_delay: float = 0.0) -> None:
        host = urlsplit(url).netloc.lower()
        gap = max(self.delay, extra_delay)
        last = self._last.get(host)
        if last is not None and gap > 0:
            waited = self.clock() - last
            if waited < gap:
                self.sleep(gap - waited)
        self._last[host] = self.clock()

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._load_robots(origin)
        if isinstance(rules, str):
            raise HttpFailure(rules, "robots")
        if not rules.can_fetch(self.user_agent, url):
            raise HttpFailure(f"robots.txt of {origin} disallows {parts.path or '/'} for this crawler", "robots")

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        rp = RobotFileParser(f"{origin}/robots.txt")
        try:
            resp = self._request(f"{origin}/robots.txt", {"Accept": "text/plain"})
        except HttpFailure as exc:
            if exc.kind in ("network", "timeout"):
                raise
            resp = None
        if resp is None or resp.status >= 500:
            return f"robots.txt of {origin} is unavailable ({resp.status if resp else 'no answer'}): treated as disallow all (RFC 9309)"
        rp.parse(resp.body.decode("utf-8", "replace").splitlines() if resp.status == 200 else [])
        return rp

    def _crawl_delay(self, url: str) -> float:
        parts = urlsplit(url)
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        if isinstance(rules, RobotFileParser):
            value = rules.crawl_delay(self.user_agent)
            return min(float(value), MAX_CRAWL_DELAY_S) if value else 0.0
        return 0.0

    # -- transport -------------------------------------------------------------------------------
    def _with_retries(self, url: str, headers: dict[str, str]) -> HttpResponse:
        attempt = 0
        while True:
            try:
                resp = self._request(url, headers)
            except HttpFailure as exc:
                if not exc.retry or attempt >= self.retries:
                    if attempt:
                        raise HttpFailure(f"{exc} (after {attempt + 1} attempts)", exc.kind, status=exc.status) from None
                    raise
                self.sleep(self.backoff * (2**attempt))
                attempt += 1
                continue
            if resp.status not in RETRY_STATUS or attempt >= self.retries:
                return resp
            wait = retry_after_seconds(resp.headers.get("Retry-After"))
            if wait is not None and wait > self.max_retry_after:
                return resp  # asks for longer than we wait: report it, a later run resumes
            self.sleep(wait if wait is not None else self.backoff * (2**attempt))
            attempt += 1

    def _request(self, url: str, headers: dict[str, str]) -> HttpResponse:
        self._wait_turn(url, self._crawl_delay(url))
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers}, method="GET")
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return HttpResponse(resp.status, self._read(resp), resp.headers, url)
        except urllib.error.HTTPError as exc:
            body = self._read(exc) if exc.fp is not None else b""
            return HttpResponse(exc.code, body, exc.headers, url)
        except urllib.error.URLError as exc:
            raise _transport_failure(exc.reason, self.timeout) from None
        except (TimeoutError, socket.timeout):
            raise HttpFailure(f"timed out after {self.timeout:g}s", "timeout", retry=True) from None
        except (ValueError, http.client.InvalidURL) as exc:
            raise HttpFailure(f"invalid URL: {exc}", "invalid") from None
        except (ConnectionError, OSError, http.client.HTTPException) as exc:
            raise HttpFailure(f"connection error: {type(exc).__name__}: {exc}", "network", retry=True) from None

    def _read(self, resp: object) -> bytes:
        try:
            body = resp.read(self.max_bytes + 1)  # type: ignore[attr-defined]
        except (TimeoutError, socket.timeout):
            raise HttpFailure(f"timed out after {self.timeout:g}s", "timeout", retry=True) from None
        if len(body) > self.max_bytes:
            raise HttpFailure(f"response larger than {self.max_bytes // (1024 * 1024)} MiB", "too_large")
        return body


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HttpFailure(f"not an http(s) URL: {url}", "invalid")


def _transport_failure(reason: object, timeout: float) -> HttpFailure:
    if isinstance(reason, socket.gaierror):
        return HttpFailure(f"network unreachable (cannot resolve host: {reason.strerror or reason})", "network")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return HttpFailure(f"timed out after {timeout:g}s", "timeout", retry=True)
    if isinstance(reason, ssl.SSLError):
        return HttpFailure(f"TLS error: {reason}", "network")
    if isinstance(reason, ConnectionRefusedError):
        return HttpFailure("connection refused", "network", retry=True)
    if isinstance(reason, OSError):
        return HttpFailure(f"network unreachable ({reason.strerror or reason})", "network", retry=True)
    return HttpFailure(f"request failed: {reason}", "network")


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: '120' or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    from datetime import datetime, timezone

    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
