"""The llama.cpp backend with a real GGUF (slow: loads a 1.1 GB model; opt in with `-m slow`).

The model: PNS_TEST_GGUF, else the bundled Qwen2.5-Coder-1.5B GGUF once reassembled under PNS_HOME or the
default home (`pns eval judge-model`). Skipped, with the reason, when llama-cpp-python or the file is missing.
"""

from __future__ import annotations

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from foundation.llm.base import yes_share
from foundation.model_parts import DEFAULT_GGUF
from foundation.settings import default_home

pytestmark = pytest.mark.slow

_CANDIDATES = [os.environ.get("PNS_TEST_GGUF"),
               os.environ.get("PNS_HOME") and str(Path(os.environ["PNS_HOME"]) / "models" / f"{DEFAULT_GGUF}.gguf"),
               str(default_home() / "models" / f"{DEFAULT_GGUF}.gguf")]
GGUF = next((Path(c) for c in _CANDIDATES if c and Path(c).is_file()), None)
PARIS = "Is Paris the capital of France? Answer yes or no."
BERLIN = "Is Berlin the capital of France? Answer yes or no."


@pytest.fixture(scope="module")
def llm():
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (pip install llama-cpp-python==0.3.36)")
    if GGUF is None:
        pytest.skip(f"no GGUF model found (set PNS_TEST_GGUF; looked at {[c for c in _CANDIDATES if c]})")
    from foundation.llm.llamacpp import LlamaCppLLM

    model = LlamaCppLLM(GGUF, threads=os.cpu_count() or 2, context=1024)
    yield model
    model.close()


def test_chat_and_completion_answer(llm) -> None:
    assert "paris" in llm.chat([{"role": "user", "content": "What is the capital of France? One word."}],
                               max_tokens=8).lower()
    assert llm.complete("1, 2, 3, 4,", max_tokens=3, stop=["\n"]).strip().startswith("5")


def test_yes_probability_tells_true_from_false(llm) -> None:
    assert llm.yes_probability(PARIS) > 0.8
    assert llm.yes_probability(BERLIN) < 0.2


def test_yes_probability_equals_llama_cpp_own_logprobs(llm) -> None:
    """Our last-position logits read gives what llama-cpp-python's logprobs (logits_all=True) report.

    Within 5e-3, not 1e-3: the backend reuses the prompt prefix it evaluated last (its KV cache), so after other
    prompts the same text is evaluated in other batches and the float sums differ; measured 0.9703 vs 0.9715 after
    the chat test, equal within 1e-3 when run alone. A wrong read (another token, another position) is far off."""
    from llama_cpp import Llama

    reference = Llama(model_path=str(GGUF), n_ctx=512, logits_all=True, n_threads=os.cpu_count() or 2, verbose=False)
    try:
        out = reference.create_chat_completion(messages=[{"role": "user", "content": PARIS}], max_tokens=1,
                                               temperature=0.0, logprobs=True, top_logprobs=20)
    finally:
        reference.close()
    top = out["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
    expected = yes_share(((t["token"], t["logprob"]) for t in top), "reference")
    assert llm.yes_probability(PARIS) == pytest.approx(expected, abs=5e-3)


def test_concurrent_callers_share_one_model_safely(llm) -> None:
    prompts = [PARIS, BERLIN, PARIS]
    sequential = [llm.yes_probability(p) for p in prompts]
    with ThreadPoolExecutor(max_workers=3) as pool:
        concurrent = list(pool.map(llm.yes_probability, prompts))
    assert concurrent == pytest.approx(sequential, abs=1e-6)
