"""'Copy answer with its references': the body, the cited passages, citeproc-formatted references, the disclaimer last."""

from __future__ import annotations

import pytest

from assistant.answer_text import answer_with_references, cited_reference_ids
from assistant.disclaimer import DISCLAIMER
from corpus.bibliography import load_references
from corpus.citation_styles import format_reference


@pytest.fixture(scope="module")
def references(warm_assistant):  # type: ignore[no-untyped-def]
    return load_references(warm_assistant.settings)


@pytest.mark.parametrize("style", ["vancouver", "ama", "apa"])
def test_answer_with_its_references(warm_assistant, references, style: str) -> None:  # type: ignore[no-untyped-def]
    answer = warm_assistant.ask("What is Trousseau syndrome?")
    text = answer_with_references(answer, references, style)
    assert text.startswith(answer.body) and text.endswith(DISCLAIMER) and text.count(DISCLAIMER) == 1
    for c in answer.citations:
        assert f'[{c.marker}] {c.section}: "{c.quote}"' in text
    assert cited_reference_ids(answer)[0] == "varki2007"
    varki = format_reference(next(r for r in references if r.id == "varki2007"), style)
    assert varki in text
    assert ("1. " + varki in text) == (style != "apa")  # numbered for the numeric styles only


def test_an_answer_without_citations_is_its_plain_text(warm_assistant, references) -> None:  # type: ignore[no-untyped-def]
    refusal = warm_assistant.ask("What is the capital of France?")
    assert answer_with_references(refusal, references) == refusal.answer
