"""Judge: a chat model plus what every report must say about it, asked one yes/no question at a time.

Why yes/no verdicts of our own beside ragas: ALCE citation metrics need entailment per sentence and
answer precision needs "does this sentence help?" per sentence; both are cheap, cacheable calls whose
failures are counted (a timeout or an unreadable reply after the retries is None, never a pass).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from langchain_core.language_models.chat_models import BaseChatModel

from eval.judge.prompts import ENTAILMENT_PROMPT, RELEVANCE_VERSION, parse_helps, parse_supported, relevance_prompt

if TYPE_CHECKING:
    from ragas.llms import LangchainLLMWrapper
    from ragas.run_config import RunConfig


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
            "max_retries": self.max_retries, "relevance_prompt": RELEVANCE_VERSION,
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
        """ragas' LLM: a copy of the chat model (same model, same cache) that ragas may reconfigure.

        Why a copy: ragas sets `temperature` on the model it is given for each call and resets it after; a
        call cancelled by its timeout never resets it, which left the judge's own verdicts decoding at
        ragas' temperature (and missing their cache) for the rest of a run.
        """
        import warnings

        from ragas.llms import LangchainLLMWrapper

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return LangchainLLMWrapper(self.chat.model_copy(), run_config=self.run_config())

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

    def verdict(self, prompt: str, parse: Callable[[str], bool | None]) -> bool | None:
        """True/False when the judge answered parseably; None when every retry failed (a recorded failure)."""
        for _ in range(self.max_retries + 1):
            try:
                verdict = parse(self.complete(prompt))
            except (FutureTimeout, TimeoutError):
                verdict = None
            except Exception:  # a backend error on one sample must not end the run
                verdict = None
            if verdict is not None:
                return verdict
        self.stats.failures += 1
        return None

    def entails(self, premise: str, hypothesis: str) -> bool | None:
        """Does the premise support every fact of the hypothesis? (ALCE citation recall/precision)"""
        return self.verdict(ENTAILMENT_PROMPT.format(premise=premise.strip(), hypothesis=hypothesis.strip()),
                            parse_supported)

    def helps(self, question: str, sentence: str, earlier_questions: Sequence[str] = ()) -> bool | None:
        """Does this answer sentence help answer the question? (answer precision, one sentence at a time)"""
        return self.verdict(relevance_prompt(question, sentence, earlier_questions), parse_helps)
