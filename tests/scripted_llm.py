"""ScriptedFakeLLM: a scripted stand-in for a foundation.llm backend, for wiring tests only.

It replies with a fixed script (or raises a given error) and records every prompt, so tests can check
the code around a model: prompts, parsing, support checks, error handling. No reported number ever
comes from it; real-model tests are marked slow (tests/foundation/test_llm_llamacpp_real.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from foundation.llm.base import DEFAULT_MAX_TOKENS, Message


class ScriptedFakeLLM:
    """Satisfies foundation.llm.base.LLM with scripted replies."""

    backend = "scripted-fake"
    model = "scripted-fake-llm"

    def __init__(self, script: str = "", yes: float = 0.5, failure: Exception | None = None) -> None:
        self.script = script
        self.yes = yes
        self.failure = failure
        self.prompts: list[str] = []
        self.calls: list[dict[str, object]] = []

    def _reply(self, prompt: str, **options: object) -> str:
        self.prompts.append(prompt)
        self.calls.append(options)
        if self.failure is not None:
            raise self.failure
        return self.script

    def warm_up(self) -> None:
        pass

    def chat(self, messages: Sequence[Message], *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
             stop: Sequence[str] | None = None, json_mode: bool = False) -> str:
        prompt = "\n".join(m["content"] for m in messages)
        return self._reply(prompt, temperature=temperature, max_tokens=max_tokens, stop=stop, json_mode=json_mode)

    def complete(self, prompt: str, *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
                 stop: Sequence[str] | None = None) -> str:
        return self._reply(prompt, temperature=temperature, max_tokens=max_tokens, stop=stop)

    def yes_probability(self, prompt: str) -> float:
        self._reply(prompt)
        return self.yes

    def close(self) -> None:
        pass
