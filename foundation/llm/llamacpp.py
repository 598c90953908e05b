"""A local GGUF model run in this process by llama-cpp-python (optional: `pip install llama-cpp-python==0.3.36`).

Settings: PNS_LLM_MODEL_PATH (a .gguf file), or nothing: the bundled Qwen2.5-Coder GGUF, once reassembled
under PNS_HOME/models (see foundation/model_parts.py); PNS_LLM_THREADS, PNS_LLM_CONTEXT.

Why a lock: one llama.cpp context holds one conversation's state (its KV cache); two threads using it
at once corrupt each other's answers or crash. Calls are therefore serialised, and the registry keeps
one instance per model per process (a 1.5B model is ~1 GB of memory).

Why yes_probability reads the last position's logits instead of `create_completion(logprobs=...)`:
llama-cpp-python only returns logprobs from a context made with logits_all=True, which keeps a
float per vocabulary entry per context position (152k x 4096 x 4 bytes = 2.5 GB for Qwen2.5). The next
token's distribution needs only the last position, which llama.cpp always keeps; it is the same
distribution `logprobs` would report for the first generated token.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foundation.errors import LLMError
from foundation.llm.base import DEFAULT_MAX_TOKENS, Message, missing_package, user_message, yes_share

if TYPE_CHECKING:
    from foundation.settings import LLMSettings

PIP = "llama-cpp-python==0.3.36"
YES_NO_VARIANTS = ("Yes", "yes", "YES", " Yes", " yes", "No", "no", "NO", " No", " no")


class LlamaCppLLM:
    """A GGUF model in process; thread-safe (calls are serialised), loaded on first use."""

    backend = "llamacpp"

    def __init__(self, model_path: Path, threads: int = 2, context: int = 4096, seed: int = 0) -> None:
        self.model_path = Path(model_path)
        self.model = self.model_path.stem
        self._threads, self._context, self._seed = threads, context, seed
        self._llama: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        """The llama_cpp.Llama (called with the lock held)."""
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise missing_package(self.backend, PIP) from exc
            if not self.model_path.is_file():
                raise LLMError(f"the GGUF model {self.model_path} does not exist: set PNS_LLM_MODEL_PATH to a .gguf file")
            try:
                self._llama = Llama(model_path=str(self.model_path), n_ctx=self._context, n_threads=self._threads,
                                    n_threads_batch=self._threads, seed=self._seed, verbose=False)
            except (ValueError, RuntimeError, OSError) as exc:
                raise LLMError(f"llama.cpp could not load {self.model_path}: {exc}") from exc
        return self._llama

    def warm_up(self) -> None:
        with self._lock:
            self._load()

    def chat(self, messages: Sequence[Message], *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
             stop: Sequence[str] | None = None, json_mode: bool = False) -> str:
        with self._lock:
            out = self._run(lambda llama: llama.create_chat_completion(
                messages=list(messages), temperature=temperature, max_tokens=max_tokens, stop=list(stop or []) or None,
                seed=self._seed, response_format={"type": "json_object"} if json_mode else None))
        return str(out["choices"][0]["message"]["content"] or "")

    def complete(self, prompt: str, *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
                 stop: Sequence[str] | None = None) -> str:
        with self._lock:
            out = self._run(lambda llama: llama.create_completion(
                prompt, temperature=temperature, max_tokens=max_tokens, stop=list(stop or []) or None, seed=self._seed))
        return str(out["choices"][0]["text"] or "")

    def yes_probability(self, prompt: str) -> float:
        import numpy as np

        with self._lock:
            llama = self._load()
            tokens = self._run(lambda llama: self._chat_prompt_tokens(llama, user_message(prompt)))
            logits = self._run(lambda llama: _next_token_logits(llama, tokens))
            variants = {v: llama.tokenize(v.encode("utf-8"), add_bos=False, special=False) for v in YES_NO_VARIANTS}
        log_probs = logits - (logits.max() + np.log(np.exp(logits - logits.max()).sum()))
        firsts = {ids[0]: text for text, ids in variants.items() if len(ids) == 1}  # one-token spellings only
        return yes_share(((text, float(log_probs[i])) for i, text in firsts.items()), f"llama.cpp ({self.model})")

    def _chat_prompt_tokens(self, llama: Any, messages: list[Message]) -> list[int]:
        """`messages` rendered by the model's own chat template, ready for the assistant's first token."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = llama.metadata.get("tokenizer.chat_template")
        if not template:
            raise LLMError(f"{self.model_path.name} carries no chat template: yes_probability needs one")
        special = [llama.detokenize([t], special=True).decode("utf-8", "replace") if t != -1 else ""
                   for t in (llama.token_eos(), llama.token_bos())]
        formatted = Jinja2ChatFormatter(template=template, eos_token=special[0], bos_token=special[1])(messages=messages)
        return llama.tokenize(formatted.prompt.encode("utf-8"), add_bos=not formatted.added_special, special=True)

    def _run(self, call: Any) -> Any:
        """Run `call(llama)` (lock held by the caller), turning llama.cpp failures into LLMError."""
        llama = self._load()
        try:
            return call(llama)
        except LLMError:
            raise
        except (ValueError, RuntimeError) as exc:  # e.g. a prompt longer than the context window
            raise LLMError(f"llama.cpp failed on {self.model_path.name}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None


def _next_token_logits(llama: Any, tokens: list[int]) -> Any:
    """Evaluate the prompt and copy the logits of its last position (the next token's distribution).

    The part of the prompt already in the KV cache (the same system text and question asked about many
    sentences) is kept and only the rest evaluated: llm-select asks about one question's candidates in a
    row, so each call costs only its sentence's tokens. At least one token is always evaluated afresh.
    """
    import llama_cpp
    import numpy as np

    cached = llama.input_ids[: llama.n_tokens].tolist()
    common = 0
    for a, b in zip(cached, tokens):
        if a != b:
            break
        common += 1
    llama.n_tokens = min(common, len(tokens) - 1)  # eval() drops the KV cache past n_tokens
    llama.eval(tokens[llama.n_tokens:])
    row = llama_cpp.llama_get_logits_ith(llama.ctx, -1)
    return np.ctypeslib.as_array(row, shape=(llama.n_vocab(),)).astype(np.float64)


def load(settings: "LLMSettings", home: Path | None = None) -> LlamaCppLLM:
    """Registered as 'llamacpp' in foundation/llm/registry.py: PNS_LLM_MODEL_PATH, else the bundled GGUF under HOME."""
    import importlib.util

    path = settings.model_path
    if path is not None and not path.is_file():
        raise LLMError(f"PNS_LLM_MODEL_PATH={path} is not a file: point it at a .gguf model")
    if importlib.util.find_spec("llama_cpp") is None:
        raise missing_package("llamacpp", PIP)
    if path is None:
        if home is None:
            raise LLMError("the llamacpp LLM backend needs a local GGUF file: set PNS_LLM_MODEL_PATH=/path/to/model.gguf")
        from foundation.model_parts import assemble_gguf

        path = assemble_gguf(home, settings.model)
    return LlamaCppLLM(path, threads=settings.threads, context=settings.context)
