"""BM25 over the same chunk ids as the vector store, for hybrid retrieval.

Why: dense vectors from a small model blur rare exact terms (drug names, 'Lambert-Eaton',
'SIADH', antibody names) that a patient or clinician types verbatim; BM25 catches those.
bm25s is pure numpy and persists to a folder; tokens are lower-cased words, English stopwords
(bm25s' bundled list) removed, Snowball-stemmed with PyStemmer (the C Snowball stemmers; no data
download, no heavy imports), so 'syndromes' matches 'syndrome'.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from index.errors import IndexStoreError

TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")
IDS_FILE = "chunk_ids.json"


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS)


def is_stopword(word: str) -> bool:
    """Whether BM25 ignores `word` (lower-case): function words carry no subject of their own."""
    return word in _stopwords()


# Part of the index's build hash: BM25 stores stemmed terms, so a new tokenizer means a rebuild.
TOKENIZER_VERSION = "snowball-english/pystemmer-3"


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # PyStemmer (the C Snowball stemmers) rather than nltk: importing nltk pulls in scipy.stats and cost
    # ~2.6 s of a cold `pns ask`; the English Snowball stems agree on the corpus and eval vocabulary except
    # neurologist/oncologist, which now share a stem with neurology/oncology.
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The Snowball stem of one lower-case word, as BM25 stores it (answering compares words by it too)."""
    return str(_stemmer().stemWord(word))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stopword-free, stemmed word tokens (the same for passages and queries)."""
    stop = _stopwords()
    return [stem_word(w) for w in TOKEN_RE.findall(text.lower()) if w not in stop]


class LexicalIndex:
    """A BM25 index whose document i is chunk ids[i]."""

    def __init__(self, retriever: Any, ids: Sequence[str]) -> None:
        self._retriever = retriever
        self.ids = list(ids)

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> "LexicalIndex":
        import bm25s

        if len(ids) != len(texts) or not ids:
            raise IndexStoreError("lexical index: need one text per chunk id, and at least one chunk")
        retriever = bm25s.BM25()
        retriever.index([tokenize(t) for t in texts], show_progress=False)
        return cls(retriever, ids)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._retriever.save(str(folder), show_progress=False)
        (folder / IDS_FILE).write_text(json.dumps(self.ids), encoding="utf-8")

    @staticmethod
    def check(folder: Path) -> None:
        """Raise IndexStoreError if the saved folder is missing or damaged, without loading bm25s.

        Opening an index must find a broken BM25 folder (so `pns index status` fails and a plain build repairs it),
        but loading bm25s pulls in scipy, which a cold question path never needs until it searches."""
        import numpy as np

        try:
            ids = json.loads((folder / IDS_FILE).read_text(encoding="utf-8"))
            params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
            json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
            for name in ("data", "indices", "indptr"):
                np.load(folder / f"{name}.csc.index.npy", mmap_mode="r", allow_pickle=False)  # header check, no read
        except (OSError, ValueError, TypeError) as exc:
            raise _damaged(folder, exc) from exc
        if not isinstance(params, dict) or params.get("num_docs") != len(ids):
            raise _mismatched(folder)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        import bm25s

        try:
            ids = json.loads((folder / IDS_FILE).read_text(encoding="utf-8"))
            retriever = bm25s.BM25.load(str(folder), show_progress=False)
        except (OSError, ValueError) as exc:
            raise _damaged(folder, exc) from exc
        if retriever.scores.get("num_docs") != len(ids):
            raise _mismatched(folder)
        return cls(retriever, ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Up to k (chunk id, BM25 score) pairs, best first; chunks sharing no term are left out."""
        tokens = tokenize(query)
        if not tokens or k <= 0:
            return []
        k = min(k, len(self.ids))
        docs, scores = self._retriever.retrieve([tokens], k=k, show_progress=False, n_threads=0)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]


def _damaged(folder: Path, exc: Exception) -> IndexStoreError:
    """One message for a BM25 folder that cannot be read, whether checked on open or loaded for a search."""
    return IndexStoreError(f"lexical index at {folder} is missing or corrupt ({exc}): run `pns index build`")


def _mismatched(folder: Path) -> IndexStoreError:
    """One message for a BM25 folder built over other chunks than its id list says."""
    return IndexStoreError(f"lexical index at {folder} does not match its chunk ids: run `pns index build`")
