"""What answering needs from a built index, loaded once per index and replaced after a rebuild.

Why one value: the retriever, the sentence bank, the citation resolver and the vocabulary all
describe the same build. Holding them together means a rebuild (`pns index build` switching the
live index) swaps them all at once, so an answer never mixes chunk ids of two builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.citations import CitationResolver
    from assistant.enriched import EnrichedUnits
    from assistant.ranker import Ranker
    from assistant.second_signal import SecondSignal
    from assistant.sentences import SentenceBank
    from assistant.shown_units import ArticleUnits
    from assistant.unprinted_names import ArticleText
    from assistant.retrieval import Retriever, SearchBackend
    from corpus.corpus import Corpus
    from index.numpy_encoder import Embedder
    from foundation.settings import AnswerSettings
    from foundation.settings import Settings

# Words for asking about the bibliography itself: known to the corpus even where the article never prints them.
BIBLIOGRAPHY_WORDS = ("DOI URL PMID ISBN link links reference references source sources citation citations author authors "
                      "journal publisher bibliography")


@dataclass(frozen=True)
class Parts:
    """The loaded parts of one index build (see the module docstring for why they travel together)."""

    index: "SearchBackend"
    retriever: "Retriever"
    bank: "SentenceBank"
    resolver: "CitationResolver"
    vocab: frozenset[str]
    author_terms: dict[str, str] = field(default_factory=dict)
    build_hash: str | None = None
    enriched: "EnrichedUnits | None" = None  # the build-time enrichment, when any lever uses it
    ranker: "Ranker | None" = None
    levers: "AnswerSettings | None" = None

    @cached_property
    def article_units(self) -> "ArticleUnits":
        """The article's units with their vectors (assistant/shown_units.py), built on the first follow-up that reads
        them and kept with this build: they depend on nothing but the build, and a conversation's every "any others?"
        or "tell me more" turn rebuilt them (walking every article chunk, stacking and normalising every vector)."""
        from assistant.shown_units import article_units

        return article_units(self.bank, self.index.chunks(), self.enriched)

    @cached_property
    def article_text(self) -> "ArticleText":
        """The article's words and sentence vectors for the unprinted-name check (assistant/unprinted_names.py), built
        on the first first turn that reaches it and kept with this build: every such turn rebuilt them (joining every
        article chunk's text, stacking every sentence vector)."""
        import numpy as np

        from assistant.unprinted_names import ArticleText
        from index.sentence_vectors import article_chunks

        chunks = article_chunks(self.index.chunks())
        self.bank.ensure(chunks)
        return ArticleText.of(" ".join(c.text for c in chunks), np.vstack([self.bank.vectors(c.id) for c in chunks]))

    @property
    def topic_terms(self) -> frozenset[str]:
        """Words that make a question on-topic beyond the subject itself: the bibliography's first authors."""
        return frozenset(self.author_terms)

    def with_author_topics(self, question: str) -> str:
        """'Which journal published the Varki paper?' -> also search for what Varki's reference is linked by (trousseau)."""
        words = set(re.findall(r"[a-z][a-z'-]+", question.lower()))
        extra = [terms for author, terms in self.author_terms.items() if author in words and terms]
        return f"{question} ({'; '.join(extra)})" if extra else question


def load_parts(settings: "Settings", index: "SearchBackend | None", corpus: "Corpus",
               resolver: "CitationResolver | None" = None, embedder: "Embedder | None" = None) -> Parts:
    """Open the live index (unless one is given) and derive everything answering reads from it and the corpus;
    `embedder` is the caller's loaded sentence model, shared with the index it opens (index.store.open_index)."""
    from assistant.abstention import vocabulary
    from assistant.citations import CitationResolver
    from assistant.sentence_vectors import load_article_sentences
    from index.sentence_vectors import encoder_key
    from assistant.sentences import SentenceBank, term_weights
    from assistant.retrieval import Retriever

    if index is None:
        from index.store import open_index

        index = open_index(settings, embedder)
    resolver = resolver or CitationResolver.from_corpus(corpus)
    enriched, ranker = load_enrichment_parts(settings, corpus, index)
    if enriched is not None and settings.answer.sentence_links:
        resolver = resolver.with_span_links(enriched.links_for_span)
    chunks = index.chunks()
    bibliography = [" ".join([*r.authors, r.title, r.container or "", r.publisher or ""])
                    for r in resolver.references.values()]
    vocab = vocabulary([resolver.article.text, *(c.text for c in chunks), *bibliography, BIBLIOGRAPHY_WORDS])
    extra = None
    if enriched is not None and settings.answer.enriched_retrieval:
        extra = lambda vector, k: enriched.rank_chunks(chunks, vector, k)  # noqa: E731
    bank = SentenceBank(index.embed_passages, term_weights(chunks), load_second_signal(settings, corpus),
                        settings.answer.second_weight)
    model = index.pointer.get("embedding_model")
    if model:  # kept per model and encoder (the numpy one, or an injected build model: their vectors differ slightly)
        encoder = type(getattr(index, "embedder", None)).__name__
        load_article_sentences(settings, bank, chunks, encoder_key(model, encoder))
    return Parts(
        index=index, retriever=Retriever(index, settings.answer.top_k, extra_ranking=extra),
        bank=bank, resolver=resolver, vocab=vocab,
        author_terms=author_terms(resolver),
        build_hash=index.pointer.get("build_hash"),
        enriched=enriched, ranker=ranker, levers=settings.answer,
    )


def load_second_signal(settings: "Settings", corpus: "Corpus") -> "SecondSignal | None":
    """The second embedder's sentence similarity, when PNS_SECOND_EMBEDDER is on (assistant/second_signal.py)."""
    if not settings.answer.second_embedder:
        return None
    import logging

    from assistant.second_signal import SecondSignal
    from foundation.errors import ModelUnavailableError

    try:
        return SecondSignal.load(settings, corpus.article)
    except ModelUnavailableError as exc:  # a broken install answers as before (MiniLM only) rather than not at all
        logging.getLogger(__name__).warning("second embedder off: %s", exc)
        return None


ENRICHMENT_LEVERS = ("enriched_retrieval", "learned_ranker", "show_antecedents", "whole_lists", "whole_paragraphs",
                     "multi_part", "sentence_links", "calibrated_abstention")


def load_enrichment_parts(settings: "Settings", corpus: "Corpus", index: "SearchBackend") -> tuple["EnrichedUnits | None", "Ranker | None"]:
    """The enrichment and the ranker, when any lever is on and the records exist (else the plain composer)."""
    if not any(getattr(settings.answer, lever) for lever in ENRICHMENT_LEVERS):
        return None, None
    from assistant.enriched import EnrichedUnits
    from assistant.ranker import load_ranker

    enriched = EnrichedUnits.load(settings, corpus.article, index.embed_queries)
    if enriched.enriched == 0:
        return None, None
    return enriched, load_ranker() if settings.answer.learned_ranker else None


def live_build_changed(settings: "Settings", build_hash: str | None) -> bool:
    """True when `pns index build` switched the live index away from `build_hash` (re-open, don't serve stale ids)."""
    if build_hash is None:
        return False
    from index.store import read_pointer

    pointer = read_pointer(settings)
    return pointer is None or pointer.get("build_hash") != build_hash


def author_terms(resolver: "CitationResolver") -> dict[str, str]:
    """First-author surname (lower case) -> the terms that link that reference to the article (or its title)."""
    by_ref: dict[str, list[str]] = {}
    for links in resolver.links.values():
        for link in links:
            by_ref.setdefault(link.reference_id, []).extend(link.terms)
    out: dict[str, str] = {}
    for ref in resolver.references.values():
        if not ref.authors:
            continue
        surname = ref.authors[0].split(",")[0].strip().lower()
        if not surname or " " in surname:  # organisations ("Cleveland Clinic") are matched by their terms instead
            continue
        terms = list(dict.fromkeys(by_ref.get(ref.id, []))) or [ref.title]
        out[surname] = " ".join(terms[:3])
    return out
