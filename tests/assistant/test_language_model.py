"""py3langid's model kept unpacked under HOME (assistant/language_model.py): the same identifier, faster."""

from __future__ import annotations

from pathlib import Path

from assistant.language import LANGUAGE_NAMES
from assistant.language_model import load_identifier

PHRASES = ("whats trousseau syndrome", "Was ist PNS?", "does diet help", "tratamiento pns", "neuroblastoma opsoclonus")


def test_the_kept_copy_gives_the_packaged_models_ranks(tmp_path: Path) -> None:
    languages = list(LANGUAGE_NAMES)
    packaged = load_identifier(languages)
    first = load_identifier(languages, tmp_path)  # decompresses and keeps the copy
    copies = list(tmp_path.glob("py3langid-*.npz"))
    assert len(copies) == 1
    again = load_identifier(languages, tmp_path)  # reads the copy
    for phrase in PHRASES:
        assert first.rank(phrase) == again.rank(phrase) == packaged.rank(phrase)


def test_a_damaged_copy_is_unpacked_again(tmp_path: Path) -> None:
    languages = list(LANGUAGE_NAMES)
    load_identifier(languages, tmp_path)
    copy = next(tmp_path.glob("py3langid-*.npz"))
    copy.write_bytes(b"not a model")
    identifier = load_identifier(languages, tmp_path)
    assert identifier.rank("Was ist PNS?")[0][0] == "de"
    assert copy.stat().st_size > 1_000_000
