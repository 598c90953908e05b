"""LLM backends on the ground floor: one interface (base.LLM), one registry (registry.load_llm).

    from foundation.llm import load_llm
    llm = load_llm(settings.llm, home=settings.home)     # PNS_LLM_BACKEND = llamacpp | openai | ollama
    llm.chat([{"role": "user", "content": "..."}], temperature=0.0, max_tokens=256, stop=None)
    llm.complete("raw prompt", max_tokens=64)
    llm.yes_probability("Is the claim supported by the text? Answer yes or no.")   # from token logprobs

Every failure is a foundation.errors.LLMError: a missing package names its pip command, a server that
is down names its URL and the setting that changes it.
"""

from foundation.llm.base import LLM, Message
from foundation.llm.registry import backend_names, close_all, load_llm

__all__ = ["LLM", "Message", "backend_names", "close_all", "load_llm"]
