"""Retrieval for a follow-up turn: the rewritten question, the follow-up's own words and the previous turn's neighbourhood.

Why not the rewrite alone: a standalone rewrite carries the previous subject into the question ("would she recover
from them" -> "Would she recover from the blood related paraneoplastic syndromes"), and the subject's words then
dominate the search: the sentence that names the subject wins over the one that answers the new ask (recovery).
So a follow-up is searched three ways and the rankings are fused by reciprocal rank fusion, as the hybrid search
fuses dense and BM25 (llama-index's QueryFusionRetriever pattern: several queries, one fused list):

1. the standalone question (what a first turn would search);
2. the follow-up's own words with the previous subject ("test" + "lambert eaton syndrome"), so a passage matching
   the new ask ranks in two of the rankings and one matching only the old subject in one;
3. a prior from the previous turn: the passages of the chapters (top-level sections) the previous answer quoted (a
   chat's history carries the answer's verbatim sentences) or, when its text quotes nothing (a summary, an eval's hand-written reply), of
   the sections the previous question's BM25 search finds (no further question vector); ranked among themselves by the new ask's words, so the ask still
   decides within the neighbourhood, and leaving it is possible ("how is that treated" -> the treatment sections)
   because the other rankings outvote it.

The sentences shown are then scored with the follow-up's own words as half of the word overlap (`ask` in
assistant/compose.score_sentences) and against the standalone question's vector moved halfway to the ask's
(`composing_vector`). Measured on dev and the self-written banks (eval/data/README.md, followup_check2 held out).

The prior itself is assistant/previous_turn.py's; the support gate's checks of what a follow-up asks that nothing
answers are assistant/unaddressed_asks.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.clinical_shorthand import WORK_UP, expand_short_forms
from assistant.graded_aspects import graded_aspect
from assistant.more_asks import asks_for_next, asks_for_others
from assistant.next_passages import shown_so_far
from assistant.previous_turn import neighbourhood, neighbourhood_ranking
from assistant.yes_no import YES_NO_FOLLOWUP

if TYPE_CHECKING:
    from assistant.retrieval import Retrieval, Retriever

ASK_SHARE = 0.5          # weight of the ask's vector in the vector the answer's sentences are scored against
# Words of a follow-up that point back or carry no ask: pronouns, people, fillers, auxiliaries (no stopwords to BM25,
# so they would weigh as the rarest words of all).
POINTERS = re.compile(
    r"\b(?:is|are|was|were|be|been|does|do|did|can|could|should|would|will|may|might|must|has|have|had|"
    r"it|its|they|them|their|theirs|this|that|these|those|one|ones|he|she|him|her|his|hers|i|me|my|you|your|we|us|"
    r"our|someone|somebody|person|people|patients?|and|so|also|then|too|ok|okay|else|other|others)\b",
    re.IGNORECASE,
)
# "what causes it": the article's sentences with "causes" say what their own subject causes ("Trousseau syndrome causes
# blood clots"), the reverse of the ask, so the verb is no ask word; the subject's own sentence says its cause
# ("... due to excessive hormone production"), and the standalone question finds it as a first turn would.
_WORKUP_WORD = re.compile(r"\bwork[\s-]?ups?\b", re.IGNORECASE)
_CAUSE_VERB = re.compile(r"\b(?:causes?|caused|causing)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FollowUp:
    """What a follow-up turn brings besides its standalone rewrite."""

    ask: str               # its own words with the pointers dropped ('how do they test for it' -> 'how do test for')
    previous: str          # the previous question, made standalone by the turns before it
    previous_answer: str   # the previous assistant turn's text ('' when the history has none)
    widen: Callable[[str], str] | None = None  # a named member -> its group when an aspect of it is asked
    wants_next: bool = False  # "tell me more": the previous question's passages not shown yet (next_passages.py)
    wants_others: bool = False  # "any others?": more of what the last answer showed, not shown yet (other_items.py)
    shown: str = ""           # every earlier assistant turn, flattened (next_passages.shown_so_far)

    def ask_query(self, topic: str | None) -> str:
        """The follow-up's own words plus the previous subject: what ranking 2 searches. An aspect asked of a
        syndrome the article names only as an example ("curable" + "lems") is searched for its group, as a first
        turn's question is (assistant/members.py): the example's bullet would otherwise win ranking 2 too."""
        query = f"{self.ask} {topic}".strip() if topic else self.ask
        return self.widen(query) if self.widen is not None else query


def follow_up(own_words: str, turns: Sequence[Mapping[str, str]],
              rewrite: Callable[[str, list[Mapping[str, str]]], str],
              widen: Callable[[str], str] | None = None) -> FollowUp | None:
    """The follow-up context of a turn, or None for a first question (no earlier user turn).

    `rewrite(question, history)` is the conversation's rewriter (assistant/conversation.rewrite_followup with the
    triage's group labels), used to make the previous question standalone from the turns before it.
    """
    from assistant.conversation import last_exchange
    from assistant.refused_turns import without_refused

    turns = without_refused(turns, not_found_too=False)  # an off-topic turn is no previous subject
    exchange = last_exchange(turns)
    if exchange is None:
        return None
    previous = rewrite(exchange.question, list(turns[:exchange.index]))
    # the ask in the words the article would use; a workup is the tests that diagnose (clinical_shorthand.workup_of)
    own_words = _WORKUP_WORD.sub("tests", expand_short_forms(WORK_UP.sub("workup", own_words)))
    ask = re.sub(r"\s+", " ", _CAUSE_VERB.sub(" ", POINTERS.sub(" ", own_words))).strip(" ?.!,")
    # only a yes/no ask is widened ("is it curable"): the support gate then wants its own words among the sentences
    # shown, which the member's bullet never has; a what/how ask ("how is it treated") keeps the subject's words,
    # whose neighbourhood it answers from (follow-up banks 6 and 8 lost facts when those were widened too)
    yes_no = YES_NO_FOLLOWUP.match(own_words.strip()) is not None
    others = asks_for_others(own_words)
    ask = "" if others else ask  # "anything else?" asks nothing of its own: no word of it is for the gate to find
    graded = graded_aspect(own_words, previous)  # 'what makes it worse' after the outlook: the outlook is asked too
    ask = f"{ask} {graded}" if graded and ask else ask
    return FollowUp(ask=ask, previous=previous, previous_answer=exchange.reply, widen=widen if yes_no else None,
                    wants_next=asks_for_next(own_words) and not others, wants_others=others,
                    shown=shown_so_far(turns))


def composing_vector(standalone: Sequence[float] | None, ask: Sequence[float] | None) -> list[float] | None:
    """The standalone question's focused vector moved toward the ask's (unit length), for scoring the sentences shown."""
    import numpy as np

    from foundation.vectors import unit_rows

    if standalone is None or ask is None:
        return list(standalone) if standalone is not None else None
    mixed = (1 - ASK_SHARE) * np.asarray(standalone, dtype=np.float32) + ASK_SHARE * np.asarray(ask, dtype=np.float32)
    unit = unit_rows([mixed], np.float32)[0]
    return unit.tolist() if unit.any() else list(standalone)


def retrieve_followup(retriever: "Retriever", standalone: str, context: FollowUp, topic: str | None,
                      pool: bool = True) -> "Retrieval":
    """The standalone question's, the ask's and the neighbourhood's rankings fused (module docstring)."""
    from assistant.retrieval import Retrieval, distinct_top_k, reciprocal_rank_fusion, strip_subject
    from assistant.sentences import content_terms

    own = content_terms(strip_subject(context.ask))
    query = context.ask_query(topic)
    if not own or _same(context.previous, standalone):  # no new ask ('why', 'tell me more')
        return retriever.retrieve(standalone, pool=pool)
    # the ask with the subject may be the standalone question itself ('what symptoms go with it'): searched once,
    # its words still weigh in the sentences chosen
    same = _same(query, standalone)
    prefetch(retriever, [standalone] if same else [standalone, query])
    main = retriever.retrieve(standalone)
    ask = main if same else retriever.retrieve(query)
    near = neighbourhood_ranking(retriever, ask, neighbourhood(retriever, context))
    searched = (main.dense, main.lexical, main.extra) + (() if same else (ask.dense, ask.lexical, ask.extra))
    rankings = [r for r in (*searched, near) if r]
    ranked = reciprocal_rank_fusion(rankings)
    hits = distinct_top_k(ranked, retriever.top_k)
    candidates = retriever.build_pool(hits, rankings, ranked) if pool else []
    return Retrieval(query=main.query, hits=hits, dense_query=main.dense_query, dense=main.dense, lexical=main.lexical,
                     query_vector=composing_vector(main.query_vector, ask.query_vector), full_vector=main.full_vector,
                     pool=candidates, ask=context.ask)


def prefetch(retriever: "Retriever", questions: Sequence[str]) -> None:
    """Embed every question vector the follow-up's retrievals need in one forward pass, where the index's embedder
    keeps recent question vectors (the bundled numpy encoder does): each retrieval then reads them from there."""
    from assistant.retrieval import focus_query

    if not hasattr(getattr(retriever.index, "embedder", None), "cached_queries"):
        return
    texts: list[str] = []
    for question in questions:
        query = retriever.search_text(question)
        texts += dict.fromkeys([focus_query(query), query])
    retriever.embed_queries(texts)


def _same(a: str, b: str) -> bool:
    norm = lambda t: re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()  # noqa: E731
    return norm(a) == norm(b)
