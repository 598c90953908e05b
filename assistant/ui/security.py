"""Who may reach the server and how much they may send: the checks `pns serve` makes before binding.

Loopback-only by default. Binding any other interface exposes a medical Q&A service to a network,
so it is refused unless a username and password are configured (PNS_AUTH_USER / PNS_AUTH_PASSWORD).
Request bodies are capped by a small ASGI middleware, so an oversized POST is rejected before
gradio parses it; question length is checked again where the question is answered.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from assistant.errors import AssistantError
from foundation.settings import Settings

MAX_REQUEST_BYTES = 256 * 1024
MAX_UPLOAD = "1kb"  # the app has no upload widgets; anything posted to /upload is refused

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class InsecureBindError(AssistantError):
    """A non-loopback bind was requested without credentials."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; False for 0.0.0.0, :: and every other name."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def auth_for(host: str, settings: Settings) -> tuple[str, str] | None:
    """The (user, password) gradio must enforce, or None on loopback without credentials.

    Raises InsecureBindError when `host` is not loopback and no credentials are configured.
    Configured credentials are always enforced, on loopback too.
    """
    user, password = (settings.ui.auth_user or "").strip(), settings.ui.auth_password or ""
    if user and password:
        return user, password
    if not is_loopback(host):
        raise InsecureBindError(
            f"refusing to bind {host}: serving beyond this machine requires a login. "
            "Set PNS_AUTH_USER and PNS_AUTH_PASSWORD (or keep the default --host 127.0.0.1)."
        )
    return None


class BodyLimitMiddleware:
    """Reject HTTP requests whose body exceeds `max_bytes` with 413, declared or streamed."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int = MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _reject(self, send: Send) -> None:
        body = b'{"detail":"request too large"}'
        await send({"type": "http.response.start", "status": 413, "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers") or []:
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_bytes + 1
                if declared > self.max_bytes:
                    await self._reject(send)
                    return
        seen = 0
        started = False

        async def guarded_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message.get("type") == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message.get("type") == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, guarded_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(send)


class _TooLarge(Exception):
    pass
