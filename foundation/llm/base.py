"""The one interface every LLM backend implements, and what all of them share.

Why one small interface: answering (the generative and llm-select answerers) and the evaluation
judge need the same few things from a model, whichever runs it (llama.cpp in process, an
OpenAI-compatible server, Ollama): a chat reply, a raw completion, a yes/no probability read from
the model's token probabilities, and closing. Everything else (prompts, caching, parsing) belongs
to the caller.

Wrapping in LangChain (what the eval judge does): a `BaseChatModel` needs only `_generate` and
`_llm_type`; map LangChain messages to `Message` dicts and call `chat`:

    class BackendChat(BaseChatModel):
        llm: Any                                    # a foundation.llm LLM
        @property
        def _llm_type(self) -> str:
            return f"pns-{self.llm.backend}"
        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            roles = {"human": "user", "ai": "assistant", "system": "system"}
            text = self.llm.chat([{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages],
                                 stop=stop, json_mode=kwargs.get("json_mode", False))
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

(tests/foundation/test_llm.py checks exactly this wrapping.) A backend is thread-safe: the
llama.cpp one serialises calls with its own lock; the HTTP ones share one httpx client.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol, TypedDict

from foundation.errors import LLMError

DEFAULT_MAX_TOKENS = 512
# Reply openings counted as yes / no when reading token probabilities (compared stripped and lower-cased).
YES_WORDS = frozenset({"yes"})
NO_WORDS = frozenset({"no"})


class Message(TypedDict):
    """One chat turn, as OpenAI-style APIs and chat templates take it."""

    role: str  # 'system' | 'user' | 'assistant'
    content: str


class LLM(Protocol):
    """A loaded model. Every method raises foundation.errors.LLMError on failure, never a library exception."""

    backend: str  # the registry name: 'llamacpp', 'openai', 'ollama'
    model: str    # what reports name: a model id or a GGUF file name

    def warm_up(self) -> None:
        """Load the model now (in process) or do nothing (a server): the first question should not pay for it."""
        ...

    def chat(self, messages: Sequence[Message], *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
             stop: Sequence[str] | None = None, json_mode: bool = False) -> str:
        """The assistant reply to `messages` (the model's chat template applied); json_mode asks for one JSON object."""
        ...

    def complete(self, prompt: str, *, temperature: float = 0.0, max_tokens: int = DEFAULT_MAX_TOKENS,
                 stop: Sequence[str] | None = None) -> str:
        """The raw continuation of `prompt` (no chat template: the caller formats)."""
        ...

    def yes_probability(self, prompt: str) -> float:
        """P(the reply to `prompt`, sent as one user message, starts with yes) / P(yes or no), from token logprobs.

        Raises LLMError when the backend gives no token probabilities or neither word is among them.
        """
        ...

    def close(self) -> None:
        """Free the model or the connection now (a later call may not reopen it)."""
        ...


def user_message(prompt: str) -> list[Message]:
    return [{"role": "user", "content": prompt}]


def yes_share(candidates: Iterable[tuple[str, float]], where: str) -> float:
    """P(yes) / (P(yes) + P(no)) from (token, logprob) pairs of the reply's first token.

    Variants ('Yes', ' yes', 'YES') are summed; `where` names the backend in the error when neither appears.
    """
    yes = no = 0.0
    for token, logprob in candidates:
        word = token.strip().lower()
        if word in YES_WORDS:
            yes += math.exp(logprob)
        elif word in NO_WORDS:
            no += math.exp(logprob)
    if yes + no <= 0.0:
        raise LLMError(f"{where}: the reply does not start with yes or no (ask for a one-word yes/no answer)")
    return yes / (yes + no)


def missing_package(backend: str, pip: str) -> LLMError:
    """The error for a backend whose optional package is not installed, naming the exact install command."""
    return LLMError(f"the {backend} LLM backend needs an extra package: pip install {pip}")
