"""A multi-part first question the support gate refuses as a whole: each part judged on its own, the parts the article
supports answered, with a line naming the parts it does not.

Why: the gate reads the whole question, so one part the article never speaks of ("what are the side effects of ivig"
in "is there a cure and what are the side effects of ivig") refused the half it answers too, and a whole question's
vector, between its parts, could fall under the support threshold while every part alone clears it. The figure
parts had this already (multi_part.figure_free_parts, a figure no passage states); this is the same reading for any
part: each part is put through the whole pipeline as if asked alone, so no part is answered here that would not be
answered asked on its own (and a part refused alone is named as not answered).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answerers.base import Answerer
    from assistant.models import Answer
    from assistant.parts import Parts
    from assistant.shared_retrievals import SharedRetrievals


def compares(question: str) -> bool:
    """Is a clause of the question a comparison ("is it different in kids vs adults")? Its two sides are parts
    (multi_part._split_phrases) but no separate asks: one side answered is no answer to how they differ."""
    from assistant.multi_part import COMPARED, SPLIT

    return any(COMPARED.match(clause.strip(" ,;?")) for clause in SPLIT.split(question) if clause)


def parts_not_answered(asks: list[str]) -> str:
    """The line that says which parts the answer leaves out."""
    asked = "; ".join(f"“{a}”" for a in asks)
    return f"The article and its cited sources do not answer {asked}. What they say about the rest of the question:"


def supported_parts_reply(parts: "Parts", understood: Any, answerer: "Answerer", flags: list[str],
                          ask_alone: Callable[[str], "Answer"], shared: "SharedRetrievals | None" = None) -> "Answer | None":
    """The supported parts of a refused multi-part first question, answered; None when it is one part, a follow-up,
    a personal ask, or no part is answered asked alone (`ask_alone`: the whole pipeline on one part, no history).
    `shared`: the question's retrievals (assistant/shared_retrievals.py), which `ask_alone` shares too: each part and
    the supported parts composed together search what the whole question's composition searched already."""
    from assistant.multi_part import split_question
    from assistant.pipeline import gather, shown_contexts
    from assistant.replies import reply

    if understood.turns or understood.personal or not parts.levers or not parts.levers.multi_part:
        return None
    pieces = split_question(understood.query)
    if len(pieces) < 2 or compares(understood.query):
        return None
    alone = {p: ask_alone(p) for p in pieces}
    supported = [p for p in pieces if alone[p].status == "answered"]
    if not supported:
        return None
    missing = [p for p in pieces if p not in supported]
    note = [f"multi-part: {len(supported)} of {len(pieces)} parts answered alone"]
    if len(supported) == 1:  # the one part's own answer, as asked alone
        answer = alone[supported[0]]
        return answer.model_copy(update={"body": f"{parts_not_answered(missing)}\n\n{answer.body}",
                                         "flags": flags + answer.flags + note, "standalone_question": understood.standalone})
    evidence = gather(parts, understood.standalone, parts.with_author_topics(" and ".join(supported)), shared=shared)
    if not evidence.composition.quotes:
        return None
    draft = answerer.draft(evidence)
    if not draft.citations:
        return None
    body = f"{parts_not_answered(missing)}\n\n{draft.body}" if missing else draft.body
    return reply("answered", body, citations=draft.citations,
                 flags=flags + draft.flags + note,
                 answerer=answerer.name, standalone=understood.standalone, **shown_contexts(evidence))
