"""The texts one question's steps will embed, encoded ahead in one forward pass.

Why: a warm first turn embedded its texts in two to four separate calls: the learned emergency and personal-advice
checks' pieces, the retrieval's focused and whole question, a clarifying tail's head, the figure check's unknown
words. Each call of the numpy encoder streams every weight matrix of the model through the cache (about 10 ms on the
2-core box, more than a short question's tokens cost), so the calls, not the texts, were most of a warm ask's time.

Nothing here decides anything: each step still embeds what it embeds, through the embedder's kept question vectors
(index/numpy_encoder.NumpyEmbedding.embed_queries), and finds it kept. The encoder gives a text the same vector
whatever it is batched with (index/numpy_encoder.BertMeanPoolEncoder._forward), so encoding ahead changes no vector
and no answer. The texts are said by the steps' own functions (Triage.recheck_texts, Retriever.dense_queries,
figure_words.figure_texts), so a step that changes what it embeds changes the prediction too; a text predicted and
not used costs its tokens only, one missed is embedded where it is needed, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.parts import Parts
    from assistant.pipeline import Understood
    from assistant.triage import Triage


def first_turn_texts(parts: "Parts", understood: "Understood", triage: "Triage", embedding_model: str) -> list[str]:
    """What a triaged first turn will embed with the index's model, in the order the steps ask for it: the learned
    checks' pieces, the retrieval's texts, a clarifying tail's head, the figure check's words. A follow-up (its
    retrieval is fused from several searches, assistant/followup.py) gets the learned checks' pieces only."""
    from assistant.abstention import NUMBER_ASK
    from assistant.asked_words import asked_in
    from assistant.clarifying_tail import split_tail
    from assistant.figure_words import figure_texts
    from assistant.retrieval import dense_texts, focus_query
    from index.lexical import is_stopword

    triaged = understood.triaged
    if triaged is None:
        return []
    texts = triage.recheck_texts(triaged, embedding_model)
    if triaged.own_query or triaged.bibliography is not None:
        return texts
    question = parts.with_author_topics(understood.query)
    query, dense_query = parts.retriever.dense_queries(question)
    texts += dense_texts(query, dense_query)
    if understood.personal:  # a personal ask's answer reads no head and no figure (pipeline.gather, support_gate.gate)
        return list(dict.fromkeys(texts))
    split = split_tail(question)
    if split is not None:
        texts.append(focus_query(parts.retriever.search_text(split[0])))
    figures = asked_in(query, triaged).figures
    if not NUMBER_ASK.search(figures):
        texts += figure_texts(figures, parts.vocab, is_stopword)
    return list(dict.fromkeys(texts))


def embed_ahead(parts: "Parts", understood: "Understood", triage: "Triage", embedding_model: str) -> None:
    """Encode first_turn_texts in one batch; the steps then read their vectors from the embedder's kept ones."""
    keeps = getattr(getattr(parts.index, "embedder", None), "query_cache", 0)  # an embedder keeping no vectors: skip
    texts = first_turn_texts(parts, understood, triage, embedding_model) if keeps else []
    if texts and len(texts) <= keeps:
        parts.index.embed_queries(texts)
