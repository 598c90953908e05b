"""JSON over HTTP for the server backends (OpenAI-compatible, Ollama), with failures said plainly.

Why httpx directly rather than each vendor's SDK or llama-index's LLM classes: the three backends
need exactly one POST each, token logprobs (which the llama-index adapters do not expose), and
one error vocabulary. httpx is already a dependency; three optional SDKs would be three more.
"""

from __future__ import annotations

from typing import Any

from foundation.errors import LLMError


class JSONEndpoint:
    """One server: POST JSON, get JSON, or an LLMError naming the server, the cause and the fix."""

    def __init__(self, base_url: str, what: str, fix: str, timeout_s: float, headers: dict[str, str] | None = None) -> None:
        import httpx

        self.base_url = base_url.rstrip("/")
        self.what = what  # e.g. "the OpenAI-compatible server"
        self.fix = fix    # e.g. "start it, or set PNS_LLM_BASE_URL"
        self._client = httpx.Client(base_url=self.base_url, timeout=httpx.Timeout(timeout_s, connect=10.0),
                                    headers=headers or {}, trust_env=False)

    def post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """The decoded JSON reply of POST base_url + path."""
        import httpx

        url = f"{self.base_url}{path}"
        try:
            response = self._client.post(path, json=payload)
        except httpx.TimeoutException as exc:
            raise LLMError(f"{self.what} at {url} did not answer in time ({type(exc).__name__}); "
                           "a large prompt on a slow machine may need PNS_LLM_TIMEOUT_S raised") from exc
        except httpx.HTTPError as exc:  # connection refused, DNS, TLS: the server is down or the URL is wrong
            raise LLMError(f"cannot reach {self.what} at {url} ({type(exc).__name__}: {exc}): {self.fix}") from exc
        if response.status_code >= 400:
            raise LLMError(f"{self.what} at {url} answered HTTP {response.status_code}: {_excerpt(response.text)}")
        try:
            data = response.json()
        except ValueError as exc:
            raise LLMError(f"{self.what} at {url} answered with something that is not JSON: {_excerpt(response.text)}") from exc
        if not isinstance(data, dict):
            raise LLMError(f"{self.what} at {url} answered with unexpected JSON: {_excerpt(response.text)}")
        return data

    def close(self) -> None:
        self._client.close()


def dig(data: dict[str, Any], *path: str | int, what: str) -> Any:
    """data[path[0]][path[1]]..., or an LLMError saying which field the reply lacked."""
    node: Any = data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            shown = "".join(f"[{k!r}]" for k in path)
            raise LLMError(f"{what}: the reply has no {shown} ({_excerpt(str(data))})") from None
    return node


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
