"""Which LLM backend `settings.llm.backend` names, and the one loaded instance of each model per process.

Adding a backend: write `foundation/llm/<name>.py` with a class satisfying `LLM` (foundation/llm/base.py)
and a `load(settings: LLMSettings, home: Path | None) -> LLM` function, then add one line to BACKENDS.

Why one instance per process: a local model costs about a gigabyte and seconds to load, and the
answerers and the judge may ask for the same one; each instance is itself thread-safe. The
instances are held here, keyed by everything that makes a model different, and `close_all` frees them.
"""

from __future__ import annotations

import importlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foundation.errors import LLMError

if TYPE_CHECKING:
    from foundation.llm.base import LLM
    from foundation.settings import LLMSettings

# name in settings.llm.backend (PNS_LLM_BACKEND) -> module holding its `load(settings, home)`
BACKENDS: dict[str, str] = {
    "llamacpp": "foundation.llm.llamacpp",
    "openai": "foundation.llm.openai_compat",
    "ollama": "foundation.llm.ollama",
}

_loaded: dict[tuple[Any, ...], "LLM"] = {}
_loading = threading.Lock()


def backend_names() -> tuple[str, ...]:
    return tuple(BACKENDS)


def load_llm(settings: "LLMSettings", home: Path | None = None) -> "LLM":
    """The model `settings` describe, loaded once per process (cheap for servers; the GGUF loads on first use).

    `home` lets the llamacpp backend find the bundled GGUF under HOME/models when no model path is set.
    Raises LLMError naming the missing package (with its pip command) or setting.
    """
    module_name = BACKENDS.get(settings.backend)
    if module_name is None:
        raise LLMError(f"unknown LLM backend {settings.backend!r}: set PNS_LLM_BACKEND to one of {', '.join(BACKENDS)}")
    key = (settings.backend, settings.model_path, settings.base_url, settings.model, settings.api_key,
           settings.threads, settings.context, settings.timeout_s, home if settings.model_path is None else None)
    with _loading:
        if key not in _loaded:
            _loaded[key] = importlib.import_module(module_name).load(settings, home)
        return _loaded[key]


def close_all() -> None:
    """Free every loaded model (tests, and processes that switch models)."""
    with _loading:
        for llm in _loaded.values():
            llm.close()
        _loaded.clear()
