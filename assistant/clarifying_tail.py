"""A question with a clarifying tail ("how do they test for it, is it a blood test?"): the head asks, the tail guesses.

Why: the tail's words weigh in the question's vector as much as the head's, so a sentence matching only a generic
word of the guess ("blood") from another section of the article scores near the answer and passes the relevance
floor (off_topic.drop_far_blocks): "how do they test for pns, is it a blood test?" showed the Hematologic symptom
bullet's three sentences beside the tests. The head alone says what is asked. So a first turn whose question ends in
a short comma-separated tail is cut a second time against the head: a block far under the best block's cosine with
the head goes, unless one of its sentences names a distinctive word of the head (then it answers the head in words,
whatever MiniLM makes of it: "which cancers is it linked to, lung maybe?" keeps "... small-cell lung cancer, which is
closely linked to ..."). Hand labels (eval/data/precision_check6_labels.json, studied part): of the shown sentences
more than HEAD_GAP under the best one's cosine with the head, the ones naming no head word were all off-topic; the
helping ones far under it named a head word or sat in a block with the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.off_topic import drop_far_blocks

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import SentenceBank

# A block whose best cosine with the head is more than this under the best block's goes (when it names no head word).
# On the studied part's hand labels: off-topic at 0.199-0.294 under the best, helping ones naming no head word at
# 0.155-0.170 (each in a block with the answer anyway).
HEAD_GAP = 0.19
MAX_TAIL_WORDS = 7
MIN_HEAD_WORDS = 3
# A tail that is a question of its own ("..., what about the treatment?") or a second ask ("..., and how is it
# treated") is no guess at the head's answer: multi_part and the follow-up rules own those.
_OWN_QUESTION = re.compile(r"^(?:and|but|also|plus|then|what|whats|how|why|when|where|who|which|can|could|should|do|does)\b",
                           re.IGNORECASE)
_TAIL = re.compile(r"^(?P<head>.+?)\s*(?:,|\s-\s)\s*(?P<tail>[^,]+?)\s*[?.!]*\s*$", re.DOTALL)


def split_tail(question: str) -> tuple[str, str] | None:
    """(head, tail) when the question ends in a short clarifying tail after a comma or a dash, else None.

    The head needs MIN_HEAD_WORDS words and the tail at most MAX_TAIL_WORDS; a tail opening like a question of its
    own is not a clarification. "is it a blood test" (a guess opening with "is") counts: it asks nothing new.
    """
    m = _TAIL.match(question.strip())
    if m is None:
        return None
    head, tail = m.group("head").strip(), m.group("tail").strip()
    if len(head.split()) < MIN_HEAD_WORDS or not 1 <= len(tail.split()) <= MAX_TAIL_WORDS or _OWN_QUESTION.match(tail):
        return None
    return head, tail


def drop_tail_pulled(chosen: Sequence["Scored"], head_vec: Any, bank: "SentenceBank", enriched: "EnrichedUnits",
                     labelled: Callable[[Sequence["EnrichedUnit"]], bool],
                     names_head_word: Callable[["Scored"], bool], gap: float = HEAD_GAP) -> list["Scored"]:
    """`chosen` less the blocks far under the best block's cosine with the question's head that name no head word."""
    return drop_far_blocks(chosen, head_vec, bank, enriched, labelled, protected=names_head_word, gap=gap)
