"""One loaded sentence model per Assistant: the index and the triage's yes/no word families share it."""

from __future__ import annotations

from foundation.settings import Settings


def test_word_families_use_the_index_embedder_and_load_no_copy(built_index_home: Settings) -> None:
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    answer = assistant.ask("Can you inherit it?")  # a word the article never uses: its family is looked up
    triage = assistant.triage()
    assert answer.status == "answered"
    assert triage.family_of("inherit"), "the word family was not looked up"
    assert triage._embedder is None, "the triage loaded its own copy of the sentence model"
    assert assistant.parts().index.embedder is assistant.embedder()
    assert triage.embed == assistant.embedder().embed_queries
