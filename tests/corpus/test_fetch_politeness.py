"""The fetcher's manners and memory against the loopback web: who it says it is, robots.txt, per-host
delays, redirects, and resuming a run without asking again for what it already holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.bibliography import load_references
from corpus.fetch import fetch_reference, fetch_sources
from corpus.fetch_log import read_log
from corpus.http import PoliteClient, user_agent
from corpus.importing import add_files
from corpus.sources import load_sources, read_manifest
from foundation.settings import Settings

from web_loopback import CONTACT, Reply, Web, fixture, serve_web, web_settings

REFS = {r.id: r for r in load_references(Settings())}
PAGE = Reply(200, fixture("health_page.html"), headers={"ETag": '"v1"'})


@pytest.fixture
def web() -> Iterator[Web]:
    with serve_web() as served:
        yield served


@pytest.fixture
def settings(pns_home: Path, web: Web) -> Settings:
    return web_settings(pns_home, web)


def test_user_agent_names_the_contact_from_settings(settings: Settings, web: Web) -> None:
    web.route("/p", PAGE)
    fetch_reference(settings, REFS["cloyd2023"], web.url("/p"), client=PoliteClient(settings))
    assert {r.headers["User-Agent"] for r in web.requests} == {user_agent(CONTACT)}
    assert f"mailto:{CONTACT}" in user_agent(CONTACT) and "PNS_CONTACT_EMAIL" in user_agent(None)


def test_robots_txt_disallow_is_respected(settings: Settings, web: Web) -> None:
    for path in ("/private/page", "/not-for-us/page", "/open/page"):
        web.route(path, PAGE)
    web.robots = "User-agent: *\nDisallow: /private/\n"
    result = fetch_reference(settings, REFS["cloyd2023"], web.url("/private/page"), client=PoliteClient(settings))
    assert result.outcome == "blocked" and "robots.txt" in result.detail and "disallows /private/page" in result.detail
    # a group naming this crawler replaces the '*' group (here: everything else disallowed for other robots)
    web.robots = "User-agent: pns-assistant\nDisallow: /not-for-us/\n\nUser-agent: *\nDisallow: /\n"
    client = PoliteClient(settings)
    assert fetch_reference(settings, REFS["cloyd2023"], web.url("/not-for-us/page"), client=client).outcome == "blocked"
    assert fetch_reference(settings, REFS["cloyd2023"], web.url("/open/page"), client=client).outcome == "full_text"
    assert web.hits("/private/page") == web.hits("/not-for-us/page") == 0 and web.hits("/open/page") == 1
    assert web.hits("/robots.txt") == 2, "robots.txt is read once per host by each client (one per run)"
    assert read_manifest(settings.resolved_sources_dir).sources[0].origin_url == web.url("/open/page")


def test_robots_txt_server_error_means_disallow_and_404_means_allow(settings: Settings, web: Web) -> None:
    web.route("/p", PAGE)
    original = web.answer

    def robots_503(path: str) -> Reply:
        return Reply(503, b"down", "text/plain") if path == "/robots.txt" else original(path)

    web.answer = robots_503  # type: ignore[method-assign]
    result = fetch_reference(settings, REFS["cloyd2023"], web.url("/p"), client=PoliteClient(settings, retries=0))
    assert result.outcome == "blocked" and "RFC 9309" in result.detail and web.hits("/p") == 0

    def robots_404(path: str) -> Reply:
        return Reply(404, b"", "text/plain") if path == "/robots.txt" else original(path)

    web.answer = robots_404  # type: ignore[method-assign]
    assert fetch_reference(settings, REFS["cloyd2023"], web.url("/p"), client=PoliteClient(settings)).outcome == "full_text"


def test_requests_to_one_host_wait_the_configured_delay(settings: Settings, web: Web) -> None:
    web.route("/a", PAGE)
    web.route("/b", PAGE)
    waits: list[float] = []
    client = PoliteClient(settings, delay=5.0, sleep=waits.append)
    fetch_reference(settings, REFS["cloyd2023"], web.url("/a"), client=client)  # robots.txt, then /a: one wait
    other_host = web.url("/b").replace("127.0.0.1", "localhost")
    fetch_reference(settings, REFS["weinberg2023"], other_host, client=client)  # another host: robots.txt, /b
    assert len(waits) == 2 and all(4.0 < w <= 5.0 for w in waits)


def test_crawl_delay_from_robots_txt_is_honoured(settings: Settings, web: Web) -> None:
    web.robots = "User-agent: *\nCrawl-delay: 9\nAllow: /\n"
    web.route("/a", PAGE)
    web.route("/b", PAGE)
    waits: list[float] = []
    client = PoliteClient(settings, sleep=waits.append)
    fetch_reference(settings, REFS["cloyd2023"], web.url("/a"), client=client)
    fetch_reference(settings, REFS["weinberg2023"], web.url("/b"), client=client)
    assert len(waits) == 2 and all(8.0 < w <= 9.0 for w in waits)


def test_redirect_loop_is_an_error(settings: Settings, web: Web) -> None:
    web.route("/r1", Reply(302, headers={"Location": "/r2"}))
    web.route("/r2", Reply(302, headers={"Location": "/r1"}))
    result = fetch_reference(settings, REFS["cloyd2023"], web.url("/r1"), client=PoliteClient(settings))
    assert result.outcome == "error" and "redirect loop" in result.detail


def test_an_interrupted_run_resumes_without_asking_again(settings: Settings, web: Web) -> None:
    for path in ("/one", "/two", "/three"):
        web.route(path, PAGE)
    refs = [REFS[i] for i in ("cloyd2023", "weinberg2023", "yoshimura2023")]
    url_map = {"cloyd2023": web.url("/one"), "weinberg2023": web.url("/two"), "yoshimura2023": web.url("/three")}

    def stop_after_first(result: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_sources(settings, refs, url_map=url_map, on_result=stop_after_first)
    assert set(read_log(settings.resolved_sources_dir)) == {"cloyd2023"}
    results = fetch_sources(settings, refs, url_map=url_map)
    assert [(r.outcome, r.via) for r in results] == [("full_text", "held"), ("full_text", "web"), ("full_text", "web")]
    assert web.hits("/one") == 1 and web.hits("/two") == web.hits("/three") == 1
    assert len(load_sources(settings)) == 3


def test_refresh_is_conditional_and_unchanged_text_is_not_rewritten(settings: Settings, web: Web) -> None:
    web.route("/p", PAGE, Reply(304, headers={"ETag": '"v1"'}))
    first = fetch_reference(settings, REFS["cloyd2023"], web.url("/p"), client=PoliteClient(settings))
    assert first.outcome == "full_text" and first.changed
    again = fetch_reference(settings, REFS["cloyd2023"], web.url("/p"), client=PoliteClient(settings), refresh=True)
    assert (again.outcome, again.http_status, again.changed) == ("full_text", 304, False)
    assert web.requests[-1].headers["If-None-Match"] == '"v1"' and "not modified" in again.detail


def test_a_user_supplied_file_is_never_replaced_by_a_download(settings: Settings, web: Web, tmp_path: Path) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text("Plasmapheresis (Plasma Exchange): Therapy, Procedure & What It Is\n\nMy own copy.", encoding="utf-8")
    add_files(settings, [mine], "clevelandclinic2022")
    web.route("/p", PAGE)
    result = fetch_reference(settings, REFS["clevelandclinic2022"], web.url("/p"), client=PoliteClient(settings), refresh=True)
    assert result.via == "held" and "user-supplied" in result.detail and web.hits("/p") == 0
    (entry,) = read_manifest(settings.resolved_sources_dir).sources
    assert entry.user_supplied and entry.original_name == "mine.txt"


def test_a_transient_5xx_is_retried_with_backoff(settings: Settings, web: Web) -> None:
    web.route("/flaky", Reply(503, b"busy", "text/plain"), PAGE)
    waits: list[float] = []
    client = PoliteClient(settings, backoff=0.5, sleep=waits.append)
    assert fetch_reference(settings, REFS["cloyd2023"], web.url("/flaky"), client=client).outcome == "full_text"
    assert waits == [0.5] and web.hits("/flaky") == 2


def test_timeouts_are_retried_a_bounded_number_of_times(settings: Settings, web: Web) -> None:
    web.route("/slow", Reply(200, b"late", "text/plain", delay=1.0))
    waits: list[float] = []
    client = PoliteClient(settings, timeout=0.2, retries=2, backoff=0.1, sleep=waits.append)
    result = fetch_reference(settings, REFS["cloyd2023"], web.url("/slow"), client=client)
    assert result.outcome == "error" and "timed out after 0.2s (after 3 attempts)" in result.detail
    assert waits == [0.1, 0.2]


def test_unreachable_and_invalid_urls_are_errors(settings: Settings) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the request: nothing listens there
    client = PoliteClient(settings, retries=0)
    refused = fetch_reference(settings, REFS["cloyd2023"], f"http://127.0.0.1:{port}/x", client=client)
    assert refused.outcome == "error" and "refused" in refused.detail
    ftp = fetch_reference(settings, REFS["cloyd2023"], "ftp://example.org/x", client=client)
    assert ftp.outcome == "error" and "not an http(s) URL" in ftp.detail
