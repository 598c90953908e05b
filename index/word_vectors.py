"""Vectors of the article's words (corpus/vocabulary.py), embedded once and kept on disk beside the index.

Why: a yes/no question hinging on a word the article never uses ("can you inherit it") is read through the
article's words closest in meaning to it (assistant/claim_evidence.WordFamily); embedding the ~500 article words
took about 2 s on the first such question, which pushed a cold `pns ask` past 4 s. `pns index build` embeds them
with the index's model and stores one .npy per distinct (model, words) under HOME/index/words/.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from index.vector_cache import load_or_embed

if TYPE_CHECKING:
    from foundation.settings import Settings

Embed = Callable[[Sequence[str]], Any]


def word_vectors(settings: "Settings", words: Sequence[str], embed: Embed) -> Any:
    """A (len(words), dim) array for `words`: from disk when stored, else embedded with `embed` and stored."""
    return load_or_embed(settings.index_dir / "words", settings.index.embedding_model, words, embed)


def ensure_for_build(settings: "Settings", embed: Embed) -> dict[str, int]:
    """Embed the article's words for the index (called by `pns index build`); returns how many there are."""
    from corpus.article import load_article
    from corpus.paths import article_path
    from corpus.vocabulary import article_words

    words = article_words(load_article(article_path(settings)).text)
    word_vectors(settings, words, embed)
    return {"words": len(words)}
