"""The previous turn's neighbourhood (assistant/previous_turn.py): the chapters its answer quoted, else those its
question retrieves.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from assistant.followup import FollowUp
from assistant.previous_turn import neighbourhood, quoted_chunks


def test_a_chat_answer_quoted_verbatim_gives_the_neighbourhood(warm_assistant) -> None:
    """The chat sends the previous answer's body: its sentences are found in the article, not guessed again."""
    first = warm_assistant.ask("what does a lumbar puncture look for")
    assert first.status == "answered"
    retriever = warm_assistant.parts().retriever
    chunks = {c.id: c for c in retriever.index.chunks()}
    cited = {f"{chunks[c.chunk_id].source_id}\n{chunks[c.chunk_id].section_id.split('/')[0]}" for c in first.citations}
    # the previous question given here retrieves elsewhere: only the quoted sentences can name these chapters
    context = FollowUp(ask="unrelated words", previous="how common is it in other countries", previous_answer=first.body)
    assert neighbourhood(retriever, context) == cited


def test_a_summarised_answer_falls_back_to_what_the_previous_question_retrieves(warm_assistant) -> None:
    """An eval's recorded reply (or any reply quoting nothing) names no passage: the previous question's best do."""
    retriever = warm_assistant.parts().retriever
    assert quoted_chunks("It helps find markers.", retriever.index.chunks()) == []
    context = FollowUp(ask="hurt", previous="what does a lumbar puncture look for", previous_answer="It helps find markers.")
    expected = {f"{h.chunk.source_id}\n{h.chunk.section_id.split('/')[0]}"  # the chapters they stand in
                for h in retriever.retrieve(context.previous, mode="bm25").hits[:3]}
    assert neighbourhood(retriever, context) == expected
