"""A local GGUF behind llama-cpp-python as a LangChain chat model (the offline judge's adapter).

Why LangChain: ragas 0.4.3 accepts LangChain chat models through `LangchainLLMWrapper`, and the same
object serves the project's own yes/no judgements, so one cache and one lock cover both.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

from eval.errors import EvalError


class LlamaCppJudgeChat(BaseChatModel):
    """A local GGUF as a langchain chat model, answering in JSON (grammar-constrained).

    Why our own adapter instead of langchain-community's: every ragas and entailment prompt asks for
    JSON, so constraining decoding to JSON removes most parse failures of a small model; a lock makes
    the single llama.cpp context safe when ragas calls from worker threads; and the model's sha256 is
    part of the cache key.
    """

    model_path: str
    model_sha256: str = ""
    temperature: float = 0.0
    max_tokens: int = 768
    n_ctx: int = 8192
    n_threads: int | None = None
    seed: int = 0
    json_mode: bool = True

    _llama: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default_factory=threading.Lock)
    _timings: list = PrivateAttr(default_factory=list)

    @property
    def call_timings(self) -> list[float]:
        """Seconds of each real (uncached) generation, for the report's per-call timing."""
        return list(self._timings)

    @property
    def _llm_type(self) -> str:
        return "llamacpp-judge"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {
            "model": Path(self.model_path).name, "sha256": self.model_sha256, "temperature": self.temperature,
            "max_tokens": self.max_tokens, "seed": self.seed, "json_mode": self.json_mode,
        }

    def load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise EvalError(
                    "the offline judge needs llama-cpp-python: "
                    "CMAKE_ARGS='-DGGML_NATIVE=ON' pip install llama-cpp-python (builds from source)"
                ) from exc
            threads = self.n_threads or os.cpu_count() or 1  # llama.cpp's default (half the cores) idles one of two
            self._llama = Llama(
                model_path=self.model_path, n_ctx=self.n_ctx, n_threads=threads, n_threads_batch=threads,
                seed=self.seed, verbose=False,
            )
        return self._llama

    def close(self) -> None:
        """Free the llama.cpp context now (at interpreter exit its finaliser can fail noisily)."""
        with self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        roles = {"human": "user", "ai": "assistant", "system": "system"}
        chat = [{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages]
        with self._lock:
            llama = self.load()
            start = time.perf_counter()
            out = llama.create_chat_completion(
                messages=chat, temperature=self.temperature, max_tokens=self.max_tokens, stop=stop or None,
                seed=self.seed, response_format={"type": "json_object"} if self.json_mode else None,
            )
            self._timings.append(time.perf_counter() - start)
        choice = out["choices"][0]
        text = choice["message"]["content"] or ""
        info = {"finish_reason": choice.get("finish_reason") or "stop", "usage": out.get("usage", {})}
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text), generation_info=info)])
