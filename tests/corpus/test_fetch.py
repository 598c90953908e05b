"""`pns corpus fetch` logic against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from corpus.bibliography import load_references
from corpus.fetch import USER_AGENT, fetch_reference, fetch_sources
from corpus.models import Reference
from foundation.settings import Settings
from corpus.sources import load_sources, read_manifest

from corpus_loopback import PAGE_ETAG, Served, serve_fixtures

REFS = {r.id: r for r in load_references(Settings())}


@pytest.fixture
def server() -> Iterator[Served]:
    with serve_fixtures() as served:
        yield served


def _fetch(settings: Settings, ref_id: str, url: str, **kw: object):
    kw.setdefault("retries", 0)
    kw.setdefault("timeout", 5.0)
    return fetch_reference(settings, REFS[ref_id], url, sleep=lambda s: None, **kw)


def test_boilerplate_page_keeps_article_text_only(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "jayarangaiah2020", server.url("/page.html"))
    assert result.outcome == "fetched" and result.http_status == 200 and result.path == "jayarangaiah2020.html"
    (doc,) = load_sources(settings)
    assert "voltage-gated calcium channels impair the release of acetylcholine" in doc.text
    for furniture in ("We use cookies", "Accept cookies", "Sign up", "Subscribe", "Shop our lab panels", "All rights reserved"):
        assert furniture not in doc.text
    assert doc.origin_url == server.url("/page.html") and doc.retrieved_at and doc.licence
    entry = read_manifest(settings.resolved_sources_dir).sources[0]
    assert entry.etag == PAGE_ETAG and entry.media_type == "text/html"
    path, headers = server.requests[-1]
    assert headers["User-Agent"] == USER_AGENT


def test_etag_makes_a_rerun_conditional(settings: Settings, server: Served) -> None:
    assert _fetch(settings, "jayarangaiah2020", server.url("/page.html")).outcome == "fetched"
    again = _fetch(settings, "jayarangaiah2020", server.url("/page.html"))
    assert (again.outcome, again.http_status) == ("unchanged", 304)
    assert server.requests[-1][1]["If-None-Match"] == PAGE_ETAG


def test_same_sha_is_unchanged_without_etag(settings: Settings, server: Served) -> None:
    assert _fetch(settings, "tapia2023", server.url("/notes.txt")).outcome == "fetched"
    again = _fetch(settings, "tapia2023", server.url("/notes.txt"))
    assert again.outcome == "unchanged" and "sha256" in again.detail
    assert "If-None-Match" not in server.requests[-1][1]


def test_tampered_copy_is_fetched_again(settings: Settings, server: Served) -> None:
    assert _fetch(settings, "tapia2023", server.url("/notes.txt")).outcome == "fetched"
    (settings.resolved_sources_dir / "tapia2023.txt").write_text("edited by hand", encoding="utf-8")
    assert _fetch(settings, "tapia2023", server.url("/notes.txt")).outcome == "fetched"
    assert load_sources(settings)[0].text == "Plain notes on nephrotic syndrome."


def test_pdf_text_is_extracted(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "varki2007", server.url("/paper.pdf"))
    assert result.outcome == "fetched" and result.path == "varki2007.pdf"
    (doc,) = load_sources(settings)
    assert doc.media_type == "application/pdf"
    assert "Trousseau syndrome links cancer with unexplained blood clots." in doc.text


def test_404_is_reported_failed_with_status(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "said2023", server.url("/missing"), retries=3)
    assert (result.outcome, result.http_status) == ("failed", 404)
    assert "HTTP 404" in result.detail
    assert server.hits["/missing"] == 1, "a 404 is not retried"
    assert load_sources(settings) == []


def test_slow_page_times_out(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "said2023", server.url("/slow"), timeout=0.3)
    assert result.outcome == "failed" and "timed out after 0.3s" in result.detail
    assert load_sources(settings) == []


def test_transient_error_is_retried_with_backoff(settings: Settings, server: Served) -> None:
    waits: list[float] = []
    result = fetch_reference(settings, REFS["said2023"], server.url("/flaky"), retries=2, backoff=0.5, sleep=waits.append)
    assert result.outcome == "fetched" and server.hits["/flaky"] == 2 and waits == [0.5]


def test_retries_are_bounded(settings: Settings, server: Served) -> None:
    waits: list[float] = []
    result = fetch_reference(settings, REFS["said2023"], server.url("/slow"), timeout=0.2, retries=2, backoff=0.1, sleep=waits.append)
    assert result.outcome == "failed" and "after 3 attempts" in result.detail
    assert waits == [0.1, 0.2]


def test_page_without_main_text_is_not_kept(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "said2023", server.url("/nav-only.html"))
    assert result.outcome == "failed" and "no main text" in result.detail
    assert read_manifest(settings.resolved_sources_dir) is None


def test_unsupported_type(settings: Settings, server: Served) -> None:
    result = _fetch(settings, "said2023", server.url("/image.png"))
    assert result.outcome == "failed" and "unsupported content type" in result.detail


def test_connection_refused(settings: Settings) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the request: nothing listens there
    result = _fetch(settings, "said2023", f"http://127.0.0.1:{port}/x")
    assert result.outcome == "failed" and "refused" in result.detail


def test_reference_without_url_is_metadata_only(settings: Settings) -> None:
    ref = Reference(id="x2020", authors=["X, Y."], year=2020, title="T", type="book_chapter", raw="r", line=1)
    assert fetch_reference(settings, ref, None).outcome == "metadata-only"
    assert fetch_reference(settings, ref, "ftp://example.org/x").outcome == "failed"
    bad = fetch_reference(settings, ref, "http://127.0.0.1:notaport/x", retries=0)
    assert bad.outcome == "failed" and "invalid URL" in bad.detail


def test_fetch_sources_reports_every_reference(settings: Settings, server: Served) -> None:
    refs = [REFS[i] for i in ("jayarangaiah2020", "varki2007", "said2023", "tapia2023")]
    url_map = {
        "jayarangaiah2020": server.url("/page.html"), "varki2007": server.url("/paper.pdf"),
        "said2023": server.url("/missing"), "tapia2023": server.url("/notes.txt"),
    }
    seen: list[str] = []
    results = fetch_sources(settings, refs, url_map=url_map, retries=0, timeout=5, on_result=lambda r: seen.append(r.reference_id))
    assert [(r.reference_id, r.outcome) for r in results] == [
        ("jayarangaiah2020", "fetched"), ("varki2007", "fetched"), ("said2023", "failed"), ("tapia2023", "fetched"),
    ]
    assert seen == [r.id for r in refs]
    assert {d.reference_id for d in load_sources(settings)} == {"jayarangaiah2020", "varki2007", "tapia2023"}
