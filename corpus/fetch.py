"""`pns corpus fetch`: download the cited sources, politely and verifiably.

Full text lets answers quote the sources themselves, not only the article's summary of them.
Each reference's URL is requested with a clear User-Agent, a timeout and bounded retries with
exponential backoff (timeouts, connection resets, 429 and 5xx only: a 404 or an unknown host will
not get better by asking again). Re-runs are cheap: the stored ETag/Last-Modified make the request
conditional, and a body whose sha256 matches the stored file is reported unchanged. A page is
kept only when a main text can be extracted (trafilatura for HTML, pypdf for PDF); otherwise the
reference stays metadata-only and the report says why. Nothing is ever made up: a failure is
reported as a failure.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from email.message import Message
from typing import Literal

from corpus.errors import CorpusError
from corpus.models import Reference
from foundation.settings import Settings
from corpus.sources import (
    DEFAULT_LICENCE,
    EXTENSIONS,
    ManifestEntry,
    add_source,
    extract_text,
    read_manifest,
    sha256_bytes,
)

USER_AGENT = "pns-assistant/0.1 (+research; contact via project README)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 1.0
MAX_BYTES = 25 * 1024 * 1024
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})

Outcome = Literal["fetched", "unchanged", "failed", "metadata-only"]


@dataclass(frozen=True)
class FetchResult:
    """What happened to one reference."""

    reference_id: str
    outcome: Outcome
    detail: str
    url: str | None = None
    http_status: int | None = None
    path: str | None = None
    chars: int | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Response:
    status: int
    body: bytes
    headers: Message
    url: str


class _Failure(Exception):
    """A request that failed for good; `retry` says whether asking again could help."""

    def __init__(self, why: str, status: int | None = None, retry: bool = False) -> None:
        super().__init__(why)
        self.status = status
        self.retry = retry


def _request(url: str, headers: Mapping[str, str], timeout: float, max_bytes: int) -> _Response:
    req = urllib.request.Request(url, headers=dict(headers), method="GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http/https only, checked by caller)
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise _Failure(f"response larger than {max_bytes // (1024 * 1024)} MiB")
            return _Response(resp.status, body, resp.headers, resp.geturl())
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return _Response(304, b"", exc.headers, url)
        raise _Failure(f"HTTP {exc.code} {exc.reason}", status=exc.code, retry=exc.code in RETRY_STATUS) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise _Failure(f"network unreachable (cannot resolve host: {reason.strerror or reason})") from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise _Failure(f"timed out after {timeout:g}s", retry=True) from None
        if isinstance(reason, ssl.SSLError):
            raise _Failure(f"TLS error: {reason}") from None
        if isinstance(reason, ConnectionRefusedError):
            raise _Failure("connection refused", retry=True) from None
        if isinstance(reason, OSError):
            raise _Failure(f"network unreachable ({reason.strerror or reason})", retry=True) from None
        raise _Failure(f"request failed: {reason}") from None
    except (TimeoutError, socket.timeout):
        raise _Failure(f"timed out after {timeout:g}s", retry=True) from None
    except (ValueError, http.client.InvalidURL) as exc:  # a URL urllib cannot even send
        raise _Failure(f"invalid URL: {exc}") from None
    except (ConnectionError, OSError, http.client.HTTPException) as exc:
        raise _Failure(f"connection error: {type(exc).__name__}: {exc}", retry=True) from None


def _get_with_retries(
    url: str, headers: Mapping[str, str], timeout: float, retries: int, backoff: float,
    max_bytes: int, sleep: Callable[[float], None],
) -> _Response:
    attempt = 0
    while True:
        try:
            return _request(url, headers, timeout, max_bytes)
        except _Failure as exc:
            if not exc.retry or attempt >= retries:
                if attempt:
                    raise _Failure(f"{exc} (after {attempt + 1} attempts)", exc.status) from None
                raise
            sleep(backoff * (2**attempt))
            attempt += 1


def _media_type(headers: Message, body: bytes, url: str) -> str | None:
    """From Content-Type, falling back to the bytes (servers often say octet-stream for PDFs)."""
    declared = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""
    if declared in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if declared in ("application/pdf", "text/plain", "text/markdown"):
        return declared
    head = body[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "text/html"
    if declared in ("", "application/octet-stream") and url.lower().endswith(".md"):
        return "text/markdown"
    return None


def _conditional_headers(existing: ManifestEntry | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5"}
    if existing and existing.etag:
        headers["If-None-Match"] = existing.etag
    if existing and existing.last_modified:
        headers["If-Modified-Since"] = existing.last_modified
    return headers


def _stored_entry(settings: Settings, ref: Reference, url: str) -> ManifestEntry | None:
    """The manifest entry fetched from `url` for `ref`, if its file is still intact."""
    sources_dir = settings.resolved_sources_dir
    manifest = read_manifest(sources_dir)
    if manifest is None:
        return None
    for entry in manifest.for_reference(ref.id):
        path = sources_dir / entry.path
        if entry.origin_url == url and path.is_file() and sha256_bytes(path.read_bytes()) == entry.sha256:
            return entry
    return None


def fetch_reference(
    settings: Settings,
    ref: Reference,
    url: str | None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    max_bytes: int = MAX_BYTES,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    """Fetch one reference's URL into the sources folder and say what happened."""
    if not url:
        return FetchResult(ref.id, "metadata-only", "the bibliography entry has no URL")
    if not url.lower().startswith(("http://", "https://")):
        return FetchResult(ref.id, "failed", f"not an http(s) URL: {url}", url)
    existing = _stored_entry(settings, ref, url)
    try:
        resp = _get_with_retries(url, _conditional_headers(existing), timeout, retries, backoff, max_bytes, sleep)
    except _Failure as exc:
        return FetchResult(ref.id, "failed", str(exc), url, exc.status)

    if resp.status == 304 and existing:
        return FetchResult(ref.id, "unchanged", "not modified (ETag/Last-Modified)", url, 304, existing.path)
    if resp.status == 304:
        return FetchResult(ref.id, "failed", "server answered 304 but no stored copy exists", url, 304)
    digest = sha256_bytes(resp.body)
    if existing and existing.sha256 == digest:
        return FetchResult(ref.id, "unchanged", "same content (sha256)", url, resp.status, existing.path)

    media = _media_type(resp.headers, resp.body, resp.url)
    if media is None:
        return FetchResult(ref.id, "failed", f"unsupported content type {resp.headers.get('Content-Type')!r}", url, resp.status)
    try:
        text = extract_text(resp.body, media, url)
    except CorpusError as exc:
        return FetchResult(ref.id, "failed", f"could not extract text: {exc}", url, resp.status)
    if not text:
        return FetchResult(
            ref.id, "failed", "no main text could be extracted (the page may need JavaScript or be a login wall)",
            url, resp.status,
        )
    name = f"{ref.id}{EXTENSIONS[media]}"
    entry = add_source(
        settings, ref.id, name, resp.body, origin_url=url,
        retrieved_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), licence=DEFAULT_LICENCE,
        media_type=media, etag=resp.headers.get("ETag"), last_modified=resp.headers.get("Last-Modified"),
    )
    return FetchResult(ref.id, "fetched", f"{media}, {len(text)} characters of main text", url, resp.status, entry.path, len(text))


def fetch_sources(
    settings: Settings,
    refs: list[Reference] | None = None,
    *,
    url_map: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    max_bytes: int = MAX_BYTES,
    sleep: Callable[[float], None] = time.sleep,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every reference (default: the whole bibliography) and report one result each.

    `url_map` maps reference id -> URL to use instead of the printed one (tests point it at a
    loopback server; a mirror could be used the same way).
    """
    if refs is None:
        from corpus.bibliography import load_references

        refs = load_references(settings)
    url_map = url_map or {}
    results = []
    for ref in refs:
        result = fetch_reference(
            settings, ref, url_map.get(ref.id, ref.url), timeout=timeout, retries=retries,
            backoff=backoff, max_bytes=max_bytes, sleep=sleep,
        )
        results.append(result)
        if on_result:
            on_result(result)
    return results
