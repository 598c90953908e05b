"""Any OpenAI-compatible server (vLLM, llama.cpp's llama-server, LM Studio, OpenAI itself) over HTTP.

Settings: PNS_LLM_BASE_URL (the .../v1 URL), PNS_LLM_MODEL, PNS_LLM_API_KEY (optional).
`yes_probability` reads the first reply token's top_logprobs from /chat/completions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from foundation.errors import LLMError
from foundation.llm.base import DEFAULT_MAX_TOKENS, Message, user_message, yes_share
from foundation.llm.http import JSONEndpoint, dig

if TYPE_CHECKING:
    from pathlib import Path

    from foundation.settings import LLMSettings

TOP_LOGPROBS = 20  # OpenAI's maximum; enough for yes/no and their variants to appear when either is likely


class OpenAICompatibleLLM:
    """Chat, completion and yes/no probabilities from an OpenAI-compatible /v1 API."""

    backend = "openai"

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout_s: float = 120.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self._server = JSONEndpoint(base_url, "the OpenAI-compatible server", "start it, or set PNS_LLM_BASE_URL",
                                    timeout_s, headers)

    def _payload(self, temperature: float, max_tokens: int, stop: Sequence[str] | None) -> dict[str, Any]:
        payload: dict[str, Any] = {"model": self.model, "temperature": temperature, "max_tokens": max_tokens}
        if stop:
            payload["stop"] = list(stop)
        return payload

    def warm_up(self) -> None:
        """Nothing to load: the server holds the model."""

    def chat(self, messages: Sequence[Message], *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
             stop: Sequence[str] | None = None, json_mode: bool = False) -> str:
        payload = self._payload(temperature, max_tokens, stop) | {"messages": list(messages)}
        if json_mode:
            payload["response_format"] = {"type": "json_object"}
        reply = self._server.post("/chat/completions", payload)
        return str(dig(reply, "choices", 0, "message", "content", what=self._server.what) or "")

    def complete(self, prompt: str, *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
                 stop: Sequence[str] | None = None) -> str:
        reply = self._server.post("/completions", self._payload(temperature, max_tokens, stop) | {"prompt": prompt})
        return str(dig(reply, "choices", 0, "text", what=self._server.what) or "")

    def yes_probability(self, prompt: str) -> float:
        payload = self._payload(0.0, 1, None) | {"messages": user_message(prompt), "logprobs": True,
                                                 "top_logprobs": TOP_LOGPROBS}
        reply = self._server.post("/chat/completions", payload)
        logprobs = dig(reply, "choices", 0, "logprobs", what=self._server.what)
        if not logprobs or not logprobs.get("content"):
            raise LLMError(f"{self._server.what} at {self._server.base_url} returned no token logprobs for {self.model}")
        top = logprobs["content"][0].get("top_logprobs") or []
        return yes_share(((t["token"], float(t["logprob"])) for t in top), f"{self._server.what} ({self.model})")

    def close(self) -> None:
        self._server.close()


def load(settings: "LLMSettings", home: "Path | None" = None) -> OpenAICompatibleLLM:
    """Registered as 'openai' in foundation/llm/registry.py."""
    if not settings.base_url or not settings.model:
        raise LLMError("the openai LLM backend needs PNS_LLM_BASE_URL (an OpenAI-compatible .../v1 URL) and PNS_LLM_MODEL")
    return OpenAICompatibleLLM(settings.base_url, settings.model, settings.api_key, settings.timeout_s)
