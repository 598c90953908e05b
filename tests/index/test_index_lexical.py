"""BM25: stemmed, stopword-free tokens; persisted and reloaded; corrupt folders are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import IndexStoreError
from index.lexical import LexicalIndex, tokenize


def test_tokens_are_lowercased_stemmed_and_stopword_free() -> None:
    assert tokenize("What are the Syndromes?") == ["syndrom"]
    assert tokenize("treatments treating") == ["treatment", "treat"]
    assert tokenize("the of and a") == []


def test_build_save_load_and_search(tmp_path: Path) -> None:
    ids = ["a", "b", "c"]
    texts = ["Plasmapheresis removes antibodies.", "Lumbar puncture samples cerebrospinal fluid.",
             "Skin rashes and itching."]
    index = LexicalIndex.build(ids, texts)
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert loaded.search("What does a lumbar puncture sample?", 3)[0][0] == "b"
    assert loaded.search("antibody removal", 5)[0][0] == "a"  # stemming: antibody ~ antibodies
    assert loaded.search("zebra", 3) == [] and loaded.search("", 3) == []
    assert len(loaded.search("skin fluid antibodies", 10)) == 3  # k larger than the corpus is fine


def test_a_missing_or_corrupt_folder_is_an_index_error(tmp_path: Path) -> None:
    with pytest.raises(IndexStoreError, match="pns index build"):
        LexicalIndex.load(tmp_path / "nope")
    LexicalIndex.build(["a"], ["anemia"]).save(tmp_path / "bm25")
    (tmp_path / "bm25" / "chunk_ids.json").write_text('["a", "b"]')
    with pytest.raises(IndexStoreError, match="does not match"):
        LexicalIndex.load(tmp_path / "bm25")
