"""A local Ollama server through its own API (/api/chat, /api/generate).

Settings: PNS_LLM_MODEL (e.g. llama3.2:3b), PNS_LLM_BASE_URL (default http://127.0.0.1:11434, the one
place that default is written). `yes_probability` needs an Ollama that returns logprobs (late-2025 or newer).
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

DEFAULT_URL = "http://127.0.0.1:11434"
TOP_LOGPROBS = 20


class OllamaLLM:
    """Chat, raw completion and yes/no probabilities from Ollama."""

    backend = "ollama"

    def __init__(self, model: str, base_url: str = DEFAULT_URL, timeout_s: float = 120.0, context: int | None = None) -> None:
        self.model = model
        self._context = context
        self._server = JSONEndpoint(base_url, "the Ollama server", "start it with `ollama serve`, or set PNS_LLM_BASE_URL",
                                    timeout_s)

    def _payload(self, temperature: float, max_tokens: int, stop: Sequence[str] | None) -> dict[str, Any]:
        options: dict[str, Any] = {"temperature": temperature, "num_predict": max_tokens}
        if stop:
            options["stop"] = list(stop)
        if self._context:
            options["num_ctx"] = self._context
        return {"model": self.model, "stream": False, "options": options}

    def warm_up(self) -> None:
        """Nothing to load: the server holds the model."""

    def chat(self, messages: Sequence[Message], *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
             stop: Sequence[str] | None = None, json_mode: bool = False) -> str:
        payload = self._payload(temperature, max_tokens, stop) | {"messages": list(messages)}
        if json_mode:
            payload["format"] = "json"
        reply = self._server.post("/api/chat", payload)
        return str(dig(reply, "message", "content", what=self._server.what) or "")

    def complete(self, prompt: str, *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
                 stop: Sequence[str] | None = None) -> str:
        payload = self._payload(temperature, max_tokens, stop) | {"prompt": prompt, "raw": True}
        return str(dig(self._server.post("/api/generate", payload), "response", what=self._server.what) or "")

    def yes_probability(self, prompt: str) -> float:
        payload = self._payload(0.0, 1, None) | {"messages": user_message(prompt), "logprobs": True,
                                                 "top_logprobs": TOP_LOGPROBS}
        logprobs = self._server.post("/api/chat", payload).get("logprobs")
        if not logprobs:
            raise LLMError(f"{self._server.what} at {self._server.base_url} returned no token logprobs "
                           "(Ollama releases from late 2025 on do): update Ollama, or use another backend")
        top = logprobs[0].get("top_logprobs") or []
        return yes_share(((t["token"], float(t["logprob"])) for t in top), f"{self._server.what} ({self.model})")

    def close(self) -> None:
        self._server.close()


def load(settings: "LLMSettings", home: "Path | None" = None) -> OllamaLLM:
    """Registered as 'ollama' in foundation/llm/registry.py."""
    if not settings.model:
        raise LLMError("the ollama LLM backend needs PNS_LLM_MODEL (e.g. llama3.2:3b)")
    return OllamaLLM(settings.model, settings.base_url or DEFAULT_URL, settings.timeout_s, settings.context)
