"""One question's retrievals, shared by every step that searches the same text while the question is answered.

Why: a multi-part question the support gate refuses as a whole is answered part by part, each part put through the
whole pipeline as if asked alone (assistant/part_support.py), and the parts it supports are then composed together
(assistant/multi_part.compose_parts searching each part again); the whole question's own composition had searched
each part already, so one part's passages were searched for up to three times within one answer. A retrieval depends
only on the searched text and the loaded build, so the first one is kept for the rest of the question (never longer:
the next question may follow a rebuild) and each caller gets its own copy, since callers extend a retrieval's pool.
So is a part's own composition, which depends only on the part's retrieval and the build.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from assistant.retrieval import Retrieval, Retriever

T = TypeVar("T")


@dataclass
class SharedRetrievals:
    """`retriever`'s retrievals for one question, each text searched once (module docstring), and what the steps
    derive from one alone (a multi-part question's part composition: assistant/multi_part.part_composition)."""

    retriever: "Retriever"
    done: dict[Hashable, Any] = field(default_factory=dict)

    def retrieve(self, question: str, mode: str = "hybrid", top_k: int | None = None, focus: bool = True,
                 pool: bool = False) -> "Retrieval":
        """Retriever.retrieve, searched once per question and arguments; a copy the caller may extend."""
        key = ("retrieval", question, mode, top_k, focus, pool)
        return copy_of(self.kept(key, lambda: self.retriever.retrieve(question, mode, top_k, focus, pool)))

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`'s value, made once per question under `key`: the caller reads it, never changes it."""
        if key not in self.done:
            self.done[key] = make()
        return self.done[key]


def shared_for(retriever: "Retriever", shared: SharedRetrievals | None) -> SharedRetrievals:
    """The question's shared retrievals: `shared` when it searches with `retriever` (a part asked alone within its
    question), a new one otherwise (a new question, or a build that changed meanwhile)."""
    return shared if shared is not None and shared.retriever is retriever else SharedRetrievals(retriever)


def copy_of(retrieval: "Retrieval") -> "Retrieval":
    """A retrieval whose lists are its own: the composers replace and extend its pool."""
    return replace(retrieval, hits=list(retrieval.hits), dense=list(retrieval.dense), lexical=list(retrieval.lexical),
                   pool=list(retrieval.pool), extra=list(retrieval.extra))
