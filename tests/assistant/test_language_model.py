"""py3langid's model kept unpacked under HOME (assistant/language_model.py): the same identifier, faster."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.language import LANGUAGE_NAMES
from assistant.language_model import load_identifier

PHRASES = ("whats trousseau syndrome", "Was ist PNS?", "does diet help", "tratamiento pns", "neuroblastoma opsoclonus",
           "¿qué es el síndrome paraneoplásico?", "pns ne demek", "что такое pns")


def test_the_kept_copy_gives_the_packaged_models_ranks(tmp_path: Path) -> None:
    languages = list(LANGUAGE_NAMES)
    packaged = load_identifier(languages)
    first = load_identifier(languages, tmp_path)  # decompresses and keeps the copy
    copies = list(tmp_path.glob("py3langid-*"))
    assert len(copies) == 1 and copies[0].is_dir()
    again = load_identifier(languages, tmp_path)  # reads the copy
    assert np.array_equal(again.nb_ptc, packaged.nb_ptc) and np.array_equal(again.nb_pc, packaged.nb_pc)
    assert again.nb_classes == packaged.nb_classes
    for phrase in PHRASES:
        assert first.rank(phrase) == again.rank(phrase) == packaged.rank(phrase)


def test_another_language_list_keeps_its_own_copy(tmp_path: Path) -> None:
    few = ["en", "de", "fr"]
    load_identifier(list(LANGUAGE_NAMES), tmp_path)
    identifier = load_identifier(few, tmp_path)
    assert len(list(tmp_path.glob("py3langid-*"))) == 2
    assert identifier.rank("Was ist PNS?") == load_identifier(few).rank("Was ist PNS?")


def test_a_damaged_copy_is_unpacked_again(tmp_path: Path) -> None:
    languages = list(LANGUAGE_NAMES)
    load_identifier(languages, tmp_path)
    table = next(tmp_path.glob("py3langid-*")) / "ptc.npy"
    table.write_bytes(b"not a model")
    identifier = load_identifier(languages, tmp_path)
    assert identifier.rank("Was ist PNS?")[0][0] == "de"
    assert table.stat().st_size > 1_000_000
