"""The one interface every answerer implements, and the values it receives and returns.

Why a protocol: the pipeline decides *whether* to answer (input, safety, retrieval, the support
gate) and an answerer decides only *what to say* from the evidence. So a new way of answering
(extractive, llm-select, generate) is one module with one `draft` method, and nothing in the
pipeline branches on which one is configured.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from assistant.models import Citation

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.parts import Parts
    from assistant.retrieval import Retrieval
    from foundation.llm import LLM
    from foundation.settings import Settings


@dataclass(frozen=True)
class Evidence:
    """What the pipeline found for one question that passed the support gate.

    `question` is the standalone question (follow-ups rewritten); `search_question` is what was
    searched (with authors' linked topics added); `composition` is the extractive selection the
    gate judged, which any answerer may reuse.
    """

    question: str
    search_question: str
    retrieval: "Retrieval"
    composition: "Composition"
    parts: "Parts"


@dataclass
class Draft:
    """An answerer's result: a body with [n] markers and the validated citations behind them.

    No citations means the answerer found nothing it can support: the pipeline answers not_found.
    `flags` say what the answerer removed or doubted (shown in the JSON result, never in the body).
    """

    body: str
    citations: list[Citation] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


class Answerer(Protocol):
    """Turns evidence into a drafted answer. `warm_up` loads anything slow (a model) ahead of the first question."""

    name: str

    def warm_up(self) -> None: ...

    def draft(self, evidence: Evidence) -> Draft: ...


class LazyLLM:
    """The settings' language model, loaded on first use, once, whichever thread asks first.

    Why here: every answerer that calls a model (llm-select, generate) holds it the same way; a model given at
    construction (a test's scripted one) is used as it is.
    """

    def __init__(self, settings: "Settings", llm: "LLM | None" = None) -> None:
        self._settings = settings
        self._llm = llm
        self._lock = threading.Lock()

    def __call__(self) -> "LLM":
        with self._lock:
            if self._llm is None:
                from foundation.llm import load_llm

                self._llm = load_llm(self._settings.llm, home=self._settings.home)
            return self._llm
