"""The speller's SymSpell dictionary, kept built under HOME/cache and keyed by everything it was built from.

Why: SymSpell precomputes every deletion of up to two letters of each dictionary word (the corpus's ~1,200
words and the safety rules' words), 0.1 s on an idle core and ~0.35 s of a cold `pns ask` on two busy ones,
and every process built the same dictionary again. The first process builds it and stores it with
symspellpy's own save_pickle (the library's format for exactly this); later processes load it in
milliseconds. The file name is a digest of the entries (word and count, in the order they are added), the
SymSpell settings and symspellpy's data version, so a changed article, a new safety word or another
symspellpy builds a new file. A missing, damaged or unwritable file is built again, as before. The file is
one this program wrote under its own HOME, like the index beside it.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

from symspellpy import SymSpell

from index.vector_cache import keep_derived

MAX_EDIT_DISTANCE = 2
PREFIX_LENGTH = 7


def create_symspell() -> SymSpell:
    """An empty SymSpell with the speller's settings."""
    return SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)


def locate_dictionary(cache_dir: Path, entries: Sequence[tuple[str, int]]) -> Path:
    """Where the dictionary built from `entries` is kept: other entries, settings or symspellpy, another file."""
    head = f"symspell {SymSpell.data_version} {MAX_EDIT_DISTANCE} {PREFIX_LENGTH}"
    digest = hashlib.sha256("\n".join([head, *(f"{w} {c}" for w, c in entries)]).encode()).hexdigest()[:24]
    return cache_dir / f"speller-{digest}.pkl"


def _stored(path: Path) -> SymSpell | None:
    """The dictionary kept at `path`, or None when it is missing, damaged or of another format."""
    if not path.is_file():
        return None
    symspell = create_symspell()
    try:
        return symspell if symspell.load_pickle(path, compressed=False) else None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError):
        return None  # damaged: built again


def _store(path: Path, symspell: SymSpell) -> None:
    """Keep `symspell` at `path` atomically; a read-only home is not an error (the next process builds it too)."""
    keep_derived(path, lambda tmp: symspell.save_pickle(tmp, compressed=False))


def load_or_build_symspell(entries: Sequence[tuple[str, int]], cache_dir: Path | None = None) -> SymSpell:
    """A SymSpell holding `entries` (word, count), added in order: read from `cache_dir` when kept there, else
    built (and kept there when given)."""
    path = locate_dictionary(cache_dir, entries) if cache_dir is not None else None
    if path is not None:
        stored = _stored(path)
        if stored is not None:
            return stored
    symspell = create_symspell()
    for word, count in entries:
        symspell.create_dictionary_entry(word, count)
    if path is not None:
        _store(path, symspell)
    return symspell
