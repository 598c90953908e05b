"""Bind rules (loopback by default, auth required elsewhere) and the request-size cap."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.ui.security import BodyLimitMiddleware, InsecureBindError, auth_for, is_loopback
from foundation.settings import Settings


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_needs_no_login(host: str, settings: Settings) -> None:
    assert is_loopback(host) and auth_for(host, settings) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", ""])
def test_any_other_interface_is_refused_without_credentials(host: str, settings: Settings) -> None:
    with pytest.raises(InsecureBindError, match="PNS_AUTH_USER and PNS_AUTH_PASSWORD"):
        auth_for(host, settings)


def test_credentials_are_enforced_wherever_they_are_set(pns_home) -> None:  # type: ignore[no-untyped-def]
    s = Settings(home=pns_home, ui={"auth_user": "doc", "auth_password": "s3cret"})
    assert auth_for("0.0.0.0", s) == ("doc", "s3cret")
    assert auth_for("127.0.0.1", s) == ("doc", "s3cret")
    half = Settings(home=pns_home, ui={"auth_user": "doc"})
    with pytest.raises(InsecureBindError):
        auth_for("0.0.0.0", half)


def _call(middleware: BodyLimitMiddleware, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> list[dict]:
    sent: list[dict] = []
    queue = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def receive() -> dict:
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    # a thread of its own: Playwright's sync API may already run an event loop in the main thread
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, middleware({"type": "http", "headers": headers}, receive, send)).result()
    return sent


async def _echo_app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def test_declared_oversized_body_is_rejected_with_413() -> None:
    sent = _call(BodyLimitMiddleware(_echo_app, max_bytes=10), [(b"content-length", b"11")], [b"x" * 11])
    assert sent[0]["status"] == 413


def test_streamed_oversized_body_is_rejected_with_413() -> None:
    sent = _call(BodyLimitMiddleware(_echo_app, max_bytes=10), [], [b"x" * 6, b"x" * 6])
    assert sent[0]["status"] == 413


def test_small_body_passes() -> None:
    sent = _call(BodyLimitMiddleware(_echo_app, max_bytes=10), [(b"content-length", b"5")], [b"hello"])
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"hello"
