"""What one loaded index build holds (assistant/parts.py): the article's units are built once per build, not on every
follow-up turn that reads them.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.parts import Parts
from assistant.sentences import SentenceBank
from corpus.corpus import ARTICLE_SOURCE_ID
from index.models import Chunk

TEXT = "Signs are these:\n- Blood: Tiredness and pale skin.\n- Kidney: Swelling of the legs."


class _Index:
    """An index of one article chunk that counts how often its chunks are read."""

    def __init__(self) -> None:
        self.reads = 0

    def chunks(self) -> list[Chunk]:
        self.reads += 1
        return [Chunk(id="c0", source_id=ARTICLE_SOURCE_ID, section_id="signs", section_path=["signs"], position=0,
                      text=TEXT, start=0, end=len(TEXT))]


def test_the_article_units_are_built_once_per_loaded_build_and_kept_with_it() -> None:
    index = _Index()
    parts = Parts(index=index, retriever=None, bank=SentenceBank(lambda texts: [[1.0, 0.0] for _ in texts]),
                  resolver=None, vocab=frozenset())
    first = parts.article_units
    assert [s.text.lstrip("- ") for s in first.sentences][-1] == "Kidney: Swelling of the legs."
    assert parts.article_units is first and index.reads == 1
    again = Parts(index=index, retriever=None, bank=parts.bank, resolver=None, vocab=frozenset())
    assert again.article_units is not first  # another build (a rebuild's new Parts) has its own
