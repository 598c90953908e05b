"""A first turn's texts are embedded ahead in one batch (assistant/ask_vectors.py), and the steps then embed nothing.

Real parts: the session's warm Assistant (real index, bundled numpy encoder, triage with its learned checks); the
encoder's `encode` is wrapped only to record what it is asked.
"""

from __future__ import annotations

import pytest

from assistant.ask_vectors import first_turn_texts
from assistant.pipeline import understand

QUESTIONS = [
    "What is a paraneoplastic syndrome, in simple terms?",
    "how expensive is plasma exchange for lems",
    "what causes paraneoplastic cerebellar degeneration, is it genetic?",
]


@pytest.fixture
def encoded(warm_assistant, monkeypatch) -> list[list[str]]:
    """The batches the encoder encodes from now on (the embedder's kept vectors emptied first)."""
    embedder = warm_assistant.parts().index.embedder
    encoder = embedder.warm_up()
    batches: list[list[str]] = []
    encode = encoder.encode
    monkeypatch.setattr(encoder, "encode", lambda texts, *a, **k: batches.append(list(texts)) or encode(texts, *a, **k))
    monkeypatch.setattr(embedder, "_recent", type(embedder._recent)())
    return batches


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_first_turn_embeds_its_texts_in_one_batch(warm_assistant, encoded, question: str) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status in {"answered", "not_found"}
    assert len(encoded) == 1, encoded  # the learned checks, retrieval, head and figure words: one forward pass


def test_the_predicted_texts_are_the_ones_the_steps_embed(warm_assistant, encoded, monkeypatch) -> None:
    import assistant.ask_vectors as ask_vectors

    monkeypatch.setattr(ask_vectors, "embed_ahead", lambda *a, **k: None)  # the steps alone, one call each
    parts, triage = warm_assistant.parts(), warm_assistant.triage()
    for question in QUESTIONS:
        encoded.clear()
        warm_assistant.parts().index.embedder._recent.clear()
        understood = understand(warm_assistant.settings, question, None, lambda: triage)
        predicted = first_turn_texts(parts, understood, triage, warm_assistant.settings.index.embedding_model)
        warm_assistant.ask(question)
        embedded = [t.removeprefix(parts.index.embedder.query_prefix) for batch in encoded for t in batch]
        assert len(encoded) >= 2 and set(embedded) == set(predicted), (question, embedded, predicted)
