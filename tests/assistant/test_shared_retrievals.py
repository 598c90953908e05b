"""A question's retrievals, shared by the steps that search the same text while it is answered
(assistant/shared_retrievals.py): a refused multi-part question's parts, asked alone and then composed together.

Checked on the real index and embedder (the warm assistant) for the end-to-end question; the copy rule with the real
retriever too.
"""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.api import Assistant
from assistant.shared_retrievals import SharedRetrievals, shared_for
from corpus.enrichment import PACKAGED_ENRICHMENT


def test_a_text_is_searched_once_and_each_caller_may_extend_its_own_copy(warm_assistant: Assistant) -> None:
    retriever = warm_assistant.parts().retriever
    shared = SharedRetrievals(retriever)
    first = shared.retrieve("how is lems treated", pool=True)
    first.pool = first.pool[:1]  # a composer replaces the pool of its copy
    second = shared.retrieve("how is lems treated", pool=True)
    alone = retriever.retrieve("how is lems treated", pool=True)
    assert len(shared.done) == 1 and second is not first
    assert [h.chunk.id for h in second.pool] == [h.chunk.id for h in alone.pool] and len(alone.pool) > 1
    assert shared.retrieve("how is lems treated", pool=False).pool == [] and len(shared.done) == 2


def test_a_part_shares_its_questions_retrievals_unless_the_build_changed(warm_assistant: Assistant) -> None:
    retriever = warm_assistant.parts().retriever
    shared = SharedRetrievals(retriever)
    assert shared_for(retriever, shared) is shared
    assert shared_for(retriever, None) is not shared
    assert shared_for(object(), shared) is not shared  # type: ignore[arg-type]  # another build's retriever


@pytest.mark.skipif(not PACKAGED_ENRICHMENT.is_file(), reason="no committed enrichment records")
def test_a_refused_multi_part_question_searches_each_text_once(warm_assistant: Assistant,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, each part was searched by the whole question's composition, again asked alone, and again when the
    supported parts were composed together."""
    retriever = warm_assistant.parts().retriever
    searched: Counter[str] = Counter()
    plain = retriever.retrieve

    def counted(question: str, *args, **kwargs):
        searched[question] += 1
        return plain(question, *args, **kwargs)

    monkeypatch.setattr(retriever, "retrieve", counted)
    answer = warm_assistant.ask("whats the outlook, can it be cured, and does early treatment help")
    assert answer.status == "answered" and any("parts answered alone" in f for f in answer.flags)
    assert len(searched) >= 4 and set(searched.values()) == {1}, searched
