"""Any foundation.llm backend as a LangChain chat model: what ragas and the judge's own verdicts call.

Why LangChain here: ragas 0.4.3 takes LangChain chat models through `LangchainLLMWrapper`, and the same
object carries the disk cache (`cache=`) for the project's own yes/no questions. The model itself —
llama.cpp in process, an OpenAI-compatible server or Ollama — is the one `foundation.llm` loads for
answering too (one instance per model per process), so the judge has no backend code of its own.
"""

from __future__ import annotations

import time
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

ROLES = {"human": "user", "ai": "assistant", "system": "system"}


class BackendChat(BaseChatModel):
    """A foundation.llm `LLM` answering in JSON (grammar-constrained where the backend can).

    `model_name` and `model_sha256` name the model in the cache key (with the decoding settings), so a
    different model or setting never reuses another's verdicts; `_llm_type` keeps the name the offline
    judge's cache has always used, so earlier verdicts of the same GGUF stay valid.
    """

    llm: Any
    model_name: str
    model_sha256: str = ""
    temperature: float = 0.0
    max_tokens: int = 768
    seed: int = 0
    json_mode: bool = True

    _timings: list = PrivateAttr(default_factory=list)

    @property
    def call_timings(self) -> list[float]:
        """Seconds of each real (uncached) generation, for the report's per-call timing."""
        return list(self._timings)

    @property
    def _llm_type(self) -> str:
        return "llamacpp-judge" if self.llm.backend == "llamacpp" else f"{self.llm.backend}-judge"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": self.model_name, "sha256": self.model_sha256, "temperature": self.temperature,
                "max_tokens": self.max_tokens, "seed": self.seed, "json_mode": self.json_mode}

    def close(self) -> None:
        """Free the model now (at interpreter exit llama.cpp's finaliser can fail noisily)."""
        self.llm.close()

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        chat = [{"role": ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]
        start = time.perf_counter()
        text = self.llm.chat(chat, temperature=self.temperature, max_tokens=self.max_tokens, stop=stop,
                             json_mode=self.json_mode)
        self._timings.append(time.perf_counter() - start)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text),
                                                      generation_info={"finish_reason": "stop"})])
