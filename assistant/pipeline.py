"""The answering pipeline: the steps one question goes through, cheapest and safest first.

    understand (input check, history check, emergency rules on the text as typed, then triage:
               language, apostrophes, typos, abbreviations, safety, follow-up rewriting; assistant/triage.py)
      -> emergency?            answer at once: no retrieval, no delay
      -> another language?     unsupported_language, naming it
      -> learned emergency?    the emergency model over each sentence (assistant/emergency_model.py), with the
                               index's sentence model: answer at once, still before any retrieval; else the
                               learned personal-advice check (assistant/advice_model.py) on the same vectors
      -> bibliography?         answered from the parsed entries, citing them (assistant/triage_replies.py)
      -> gather evidence       hybrid retrieval into a composing pool, extractive composition
      -> support gate          not_found / out_of_scope when the passages do not answer it
      -> personal advice?      a referral, with short general cited information where supported
      -> the answerer          extractive | llm-select | generate (assistant/answerers/), then citations
                               validated; every reply gets the disclaimer (assistant/replies.py)

Why functions over a shared state: each step takes what it needs and returns a value, so a new
step (a new triage rule, a reranker) is one function and one line in `answer_question`, and each
step can be tested on its own. The Assistant (assistant/api.py) owns loading and error handling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from assistant.answerers.base import Evidence
from assistant.models import Answer, Status
from assistant.replies import reply
from assistant.support_gate import continues_topic, gate, off_subject_finding, unaddressed_of, uncovered_first_turn
from assistant.unnamed_subject import first_turn_of_unnamed_subject

if TYPE_CHECKING:
    from assistant.answerers.base import Answerer
    from assistant.followup import FollowUp
    from assistant.parts import Parts
    from assistant.safety import Verdict
    from assistant.shared_retrievals import SharedRetrievals
    from assistant.triage import Triage, Triaged
    from foundation.settings import Settings

PERSONAL_ADVICE_SENTENCES = 2


@dataclass(frozen=True)
class Understood:
    """A question as the pipeline understands it: cleaned, made standalone, triaged."""

    text: str
    standalone: str
    verdict: "Verdict"
    triaged: "Triaged | None" = None  # None when the typed text was already an emergency
    turns: tuple[Any, ...] = ()  # the checked earlier turns

    @property
    def query(self) -> str:
        """What is searched: the standalone question with its abbreviations expanded."""
        return self.triaged.query if self.triaged is not None else self.standalone

    @property
    def personal(self) -> bool:
        return self.verdict.category == "personal_advice"


def standalone_question(settings: "Settings", question: str, history: Sequence[Any] | None) -> tuple[str, str]:
    """(the cleaned question, the question made standalone by the earlier turns); raises InvalidQuestion."""
    from assistant.conversation import rewrite_followup
    from assistant.history import check_history
    from assistant.input import clean_question

    text = clean_question(question, settings.answer.max_question_chars)
    turns = check_history(history, settings.answer.max_question_chars, settings.answer.max_history_turns)
    return text, rewrite_followup(text, turns)


def understand(settings: "Settings", question: str, history: Sequence[Any] | None,
               load_triage: Callable[[], "Triage"] | None = None) -> Understood:
    """Input and history checks, the emergency rules on the text as typed, then triage (assistant/triage.py)."""
    from assistant.history import check_history
    from assistant.input import clean_question
    from assistant.safety import classify

    if load_triage is None:
        text, standalone = standalone_question(settings, question, history)
        return Understood(text=text, standalone=standalone, verdict=classify(text).as_emergency())  # no learned check here
    text = clean_question(question, settings.answer.max_question_chars)
    turns = check_history(history, settings.answer.max_question_chars, settings.answer.max_history_turns)
    verdict = classify(text)
    if verdict.category == "emergency":  # before loading anything
        return Understood(text=text, standalone=text, verdict=verdict)
    triaged = load_triage().triage(text, turns)
    return Understood(text=text, standalone=triaged.standalone, verdict=triaged.verdict, triaged=triaged,
                      turns=tuple(turns))


def follow_up_of(understood: Understood, load_triage: Callable[[], "Triage"] | None) -> "FollowUp | None":
    """What a follow-up turn brings besides its rewrite (assistant/followup.py); None for a first question."""
    from assistant.followup import follow_up

    triaged = understood.triaged
    if triaged is None or load_triage is None or not triaged.own_query:
        return None
    triage = load_triage()
    return follow_up(triaged.own_query, understood.turns, triage.rewrite, triage.widened)


def emergency_reply(understood: Understood) -> Answer:
    """The emergency instruction comes first: no retrieval, no delay."""
    from assistant.safety import emergency_message

    return reply("emergency", emergency_message(understood.verdict), standalone=understood.standalone,
                 flags=[f"safety: {understood.verdict.rule}"])


def gather(parts: "Parts", question: str, search_question: str, max_sentences: int | None = None,
           followup: "FollowUp | None" = None, shared: "SharedRetrievals | None" = None) -> Evidence:
    """Retrieve the composing pool for `search_question` and compose from it.

    Sentences come from the deeper pool (compose decides how many a question needs); the support gate
    still judges the top-k only (support_rank), so abstention is unchanged by the pool. A follow-up turn is
    searched with its own words and the previous turn's neighbourhood too (assistant/followup.py). `shared`: the
    question's retrievals so far (assistant/shared_retrievals.py), where a step searches a text searched before.
    """
    from assistant.compose import compose_answer
    from assistant.multi_part import compose_parts, split_question

    if parts.bank.second is not None:  # the second embedder reads the question while MiniLM retrieves
        parts.bank.second.prefetch(parts.retriever.search_text(search_question))  # what both retrievals' `query` will be
    if followup is not None:
        from assistant.followup import retrieve_followup
        from assistant.topics import topic_of

        retrieval = retrieve_followup(parts.retriever, search_question, followup, topic_of(followup.previous))
    else:
        retrieval = (shared or parts.retriever).retrieve(search_question, pool=True)
    focus = retrieval.query_vector or parts.index.embed_query(retrieval.query)
    if parts.enriched is not None and parts.levers is not None:
        head = question_head(parts, search_question) if followup is None and max_sentences is None else None
        composition = compose_with_enrichment(parts, retrieval, focus, max_sentences, head)
        pieces = split_question(search_question) if parts.levers.multi_part and max_sentences is None else [search_question]
        if len(pieces) > 1:
            composition = compose_parts(parts, retrieval, composition, pieces,
                                        lambda r, f, n: compose_with_enrichment(parts, r, f, n), shared)
        if parts.levers.relate_compared and max_sentences is None:
            from assistant.comparison import relate_compared

            composition = relate_compared(search_question, composition, parts.bank, parts.index.chunks())
        if parts.levers.family_signs and max_sentences is None:
            from assistant.family_signs import add_family_signs

            composition = add_family_signs(search_question, composition, parts.bank, parts.index.chunks())
        if parts.levers.set_aside_excluded and max_sentences is None:
            from assistant.exclusion import set_aside_excluded
            composition = set_aside_excluded(search_question, composition, parts.bank, parts.index.chunks())
        if parts.levers.claim_conclusions and max_sentences is None and followup is None:
            from assistant.claim_conclusions import add_conclusions  # a claim's correcting summary sentences
            composition = add_conclusions(search_question, focus, composition, parts.bank, parts.index.chunks(),
                                          parts.enriched, parts.levers.claim_summaries)
        composition = continued(parts, composition, followup, retrieval)
        if parts.levers.show_antecedents:
            composition = settled(parts, composition, followup.previous_answer if followup is not None else "")
        add_to_pool(retrieval, [q.chunk for q in composition.quotes])
    else:
        composition = compose_answer(retrieval.query, focus, retrieval.candidates, parts.bank, max_sentences=max_sentences,
                                     full_vector=retrieval.full_vector, support_rank=len(retrieval.hits), ask=retrieval.ask)
        composition = continued(parts, composition, followup, retrieval)
    return Evidence(question=question, search_question=search_question, retrieval=retrieval,
                    composition=composition, parts=parts)


def continued(parts: "Parts", composition: Any, followup: "FollowUp | None", retrieval: Any) -> Any:
    """A "tell me more" turn's composition: after one list item, the item's mention elsewhere
    (assistant/item_mentions.py), else the previous question's passages the conversation has not shown yet
    (assistant/next_passages.py); an "any others?" turn's: more of what the last answer showed
    (assistant/other_items.py); any other turn's unchanged."""
    from assistant.item_mentions import mention_composition
    from assistant.next_passages import next_composition
    from assistant.other_items import other_composition

    if followup is None or not (followup.wants_next or followup.wants_others):
        return composition
    if followup.wants_others:
        composition = other_composition(composition, followup, parts.article_units, parts.bank)
    else:
        composition = (mention_composition(composition, followup, parts.article_units, parts.bank)
                       or next_composition(composition, followup, parts.index.chunks()))
    add_to_pool(retrieval, [q.chunk for q in composition.quotes])
    return composition


def settled(parts: "Parts", composition: Any, previous_answer: str = "") -> Any:
    """The composition as shown, a follow-up's new passages before those the previous answer showed
    (answer_lead.new_first), with every opening reference's antecedent right before it
    (antecedents.settle_antecedents: the last step, whichever path built the answer)."""
    from assistant.answer_lead import new_first
    from assistant.antecedents import settle_antecedents
    from assistant.points_back import leans_back
    from assistant.unit_sentences import UnitSentences

    assert parts.enriched is not None
    before = [s for q in composition.quotes for s in q.sentences]
    shown = new_first(before, previous_answer)
    if not any(leans_back(s.text) for s in shown):  # nothing points back: no chunk table to build on this question
        return composition if shown == before else _requoted(composition, shown)
    ordered = settle_antecedents(shown, parts.enriched, UnitSentences(parts.index.chunks(), parts.bank))
    if [s.key for s in ordered] == [s.key for s in before]:
        return composition
    return _requoted(composition, ordered)


def _requoted(composition: Any, ordered: Sequence[Any]) -> Any:
    """The composition with its sentences shown in `ordered`'s order, requoted and renumbered."""
    from assistant.compose import Composition
    from assistant.quotes import join_quotes, render

    quotes = join_quotes(ordered)
    return Composition(body=render(quotes), quotes=quotes, scored=composition.scored,
                       support_rank=composition.support_rank, probability=composition.probability)


def add_to_pool(retrieval: Any, chunks: Sequence[Any]) -> None:
    """Chunks an answer cites that retrieval did not find join its pool (a cited passage must be one retrieved)."""
    from index.models import ScoredChunk

    pool = list(retrieval.pool or retrieval.candidates)
    known = {h.chunk.id for h in pool}
    for chunk in chunks:
        if chunk.id not in known:
            known.add(chunk.id)
            pool.append(ScoredChunk(chunk=chunk, score=0.0, rank=len(pool) + 1, retriever="context"))
    retrieval.pool = pool


def question_head(parts: "Parts", question: str) -> tuple[str, list[float]] | None:
    """A first question's head when it ends in a clarifying tail ("..., is it a blood test?"), as searched and focused,
    with its vector (assistant/clarifying_tail.py); None without a tail."""
    from assistant.clarifying_tail import split_tail
    from assistant.retrieval import focus_query

    split = split_tail(question)
    if split is None:
        return None
    head = focus_query(parts.retriever.search_text(split[0]))
    return head, parts.index.embed_query(head)


def compose_with_enrichment(parts: "Parts", retrieval: Any, focus: Sequence[float], max_sentences: int | None,
                            head: tuple[str, list[float]] | None = None) -> Any:
    """The enriched composer (assistant/enriched_compose.py); chunks it adds (antecedents, list items) join the pool;
    `head`: question_head."""
    from assistant.enriched_compose import Levers, compose_enriched, focus_levers

    levers = parts.levers
    assert parts.enriched is not None and levers is not None
    result = compose_enriched(
        retrieval.query, focus, retrieval.full_vector or focus, retrieval.candidates, parts.bank, parts.enriched,
        parts.ranker, parts.index.chunks(),
        Levers(ranker=levers.learned_ranker, antecedents=levers.show_antecedents, whole_lists=levers.whole_lists,
               keep_probability=levers.keep_probability, keep_margin=levers.keep_margin,
               max_sentences=levers.ranker_max_sentences, filter_only=levers.ranker_mode == "filter",
               paragraphs=levers.whole_paragraphs, learned_cut=levers.learned_cut,
               about_protects=levers.about_protects, sibling_gap=levers.sibling_gap,
               **focus_levers(levers.focused_answers)),
        max_sentences=max_sentences, support_rank=len(retrieval.hits), ask=retrieval.ask, head=head)
    from index.models import ScoredChunk

    base = len(retrieval.candidates)
    retrieval.pool = list(retrieval.candidates) + [ScoredChunk(chunk=c, score=0.0, rank=base + i, retriever="context")
                                                   for i, c in enumerate(result.extra_chunks, start=1)]
    return result.composition


def shown_contexts(evidence: Evidence) -> dict[str, list[str]]:
    """The top-k in rank order, then any pool passage the answer cites (every citation is a context)."""
    retrieval, quotes = evidence.retrieval, evidence.composition.quotes
    cited = {q.chunk.id for q in quotes}
    shown = retrieval.hits + [h for h in retrieval.candidates[len(retrieval.hits):] if h.chunk.id in cited]
    return {"contexts": [h.chunk.text for h in shown], "context_ids": [h.chunk.id for h in shown]}


def personal_advice_reply(evidence: Evidence, supported: bool, flags: list[str], common: dict[str, Any]) -> Answer:
    """A referral to the clinician, with short general, cited information when the passages support it."""
    from assistant.safety import PERSONAL_ADVICE_GENERAL_INTRO, PERSONAL_ADVICE_REFERRAL

    composition = evidence.composition
    if not supported or not composition.quotes:
        return reply("personal_advice", PERSONAL_ADVICE_REFERRAL, flags=flags, **common)
    retrieved = [h.chunk for h in evidence.retrieval.candidates]
    citations = evidence.parts.resolver.cite_composition(composition, retrieved, evidence.question)
    body = f"{PERSONAL_ADVICE_REFERRAL}\n\n{PERSONAL_ADVICE_GENERAL_INTRO}\n{composition.body}"
    return reply("personal_advice", body, citations=citations, flags=flags, **common)


def unsupported_reply(evidence: Evidence, flags: list[str], common: dict[str, Any], core_only: bool = False,
                      on_topic: bool = False) -> Answer:
    """not_found when the question is about the subject, out_of_scope when it is not (see mentions_topic)."""
    from assistant.safety import NOT_FOUND_MESSAGE, OUT_OF_SCOPE_MESSAGE, mentions_topic

    on_topic = on_topic or mentions_topic(evidence.search_question, evidence.parts.topic_terms, core_only=core_only)
    status: Status = "not_found" if on_topic else "out_of_scope"
    return reply(status, NOT_FOUND_MESSAGE if on_topic else OUT_OF_SCOPE_MESSAGE, flags=flags, **common)


def figure_free_reply(settings: "Settings", parts: "Parts", understood: Any, answerer: "Answerer", flags: list[str],
                      followup: "FollowUp | None", shared: "SharedRetrievals | None" = None) -> Answer | None:
    """The parts that ask for no figure, answered, with a line naming the figure the article does not give
    (multi_part.figure_free_parts); None when the question has no such parts or they are not supported either."""
    from assistant.multi_part import figure_free_parts, figures_not_given

    split = figure_free_parts(understood.query)
    if split is None:
        return None
    rest, figures = split
    evidence = gather(parts, understood.standalone, parts.with_author_topics(rest), followup=followup, shared=shared)
    if not gate(settings, evidence).supported or not evidence.composition.quotes:
        return None
    draft = answerer.draft(evidence)
    if not draft.citations:
        return None
    common: dict[str, Any] = {"standalone": understood.standalone, **shown_contexts(evidence)}
    return reply("answered", f"{figures_not_given(figures)}\n\n{draft.body}", citations=draft.citations,
                 flags=flags + draft.flags + ["multi-part: the parts asking for no figure answered"],
                 answerer=answerer.name, **common)


def drafted_reply(answerer: "Answerer", evidence: Evidence, flags: list[str], common: dict[str, Any]) -> Answer:
    """The answerer's draft as the answer; not_found when it could support nothing."""
    from assistant.safety import NOT_FOUND_MESSAGE

    draft = answerer.draft(evidence)
    flags = flags + draft.flags
    if not draft.citations:
        return reply("not_found", NOT_FOUND_MESSAGE, flags=flags, answerer=answerer.name, **common)
    return reply("answered", draft.body, citations=draft.citations, flags=flags, answerer=answerer.name, **common)


def answer_question(settings: "Settings", question: str, history: Sequence[Any] | None,
                    load_parts: Callable[[], "Parts"], answerer: "Answerer",
                    load_triage: Callable[[], "Triage"] | None = None, whole: bool = True,
                    shared: "SharedRetrievals | None" = None) -> Answer:
    """One question through every step (module docstring); raises what the steps raise (the Assistant turns it into an answer).
    `whole`: False for one part of a refused multi-part question, asked alone (never split again), with its question's
    retrievals (`shared`: a part searches what the whole question's composition searched already)."""
    from assistant.ask_vectors import embed_ahead
    from assistant.shared_retrievals import shared_for
    from assistant.triage_replies import bibliography_reply, triaged_reply

    understood = understand(settings, question, history, load_triage)
    triaged = understood.triaged
    if understood.verdict.category == "emergency" and triaged is None:
        return emergency_reply(understood)
    early = triaged_reply(triaged) if triaged is not None else None
    if early is not None:
        return early
    parts = load_parts()
    shared = shared_for(parts.retriever, shared)
    if triaged is not None and load_triage is not None:  # the learned check needs the index's sentence model
        embed_ahead(parts, understood, load_triage(), settings.index.embedding_model)  # one batch for the ask's texts
        triaged = load_triage().recheck(triaged, parts.index.embed_queries, settings.index.embedding_model)
        early = triaged_reply(triaged)
        if early is not None:
            return early
        understood = replace(understood, verdict=triaged.verdict, triaged=triaged)  # the learned checks may add personal advice
    if triaged is not None and triaged.bibliography is not None:
        return bibliography_reply(parts, triaged)
    followup = follow_up_of(understood, load_triage)
    evidence = gather(parts, understood.standalone, parts.with_author_topics(understood.query),
                      max_sentences=PERSONAL_ADVICE_SENTENCES if understood.personal else None, followup=followup,
                      shared=shared)
    known = load_triage().known_terms() if load_triage is not None else frozenset()
    unaddressed = unaddressed_of(evidence, triaged, followup, load_triage)
    support = gate(settings, evidence, require_figures=not understood.personal, triaged=triaged, known=known,
                   unaddressed=unaddressed)
    flags = (triaged.flags() if triaged is not None else []) + [f"support: {r}" for r in support.reasons]
    common: dict[str, Any] = {"standalone": understood.standalone, **shown_contexts(evidence)}
    if not support.supported and support.figure_only and not understood.personal:
        partial = figure_free_reply(settings, parts, understood, answerer, flags, followup, shared)
        if partial is not None:
            return partial
    if not support.supported and whole:  # the parts it answers alone (assistant/part_support.py)
        from assistant.part_support import supported_parts_reply

        partial = supported_parts_reply(parts, understood, answerer, flags, lambda part: answer_question(
            settings, part, None, load_parts, answerer, load_triage, whole=False, shared=shared), shared)
        if partial is not None:
            return partial
    if understood.personal and not off_subject_finding(understood, evidence, support.supported, bool(unaddressed)):
        return personal_advice_reply(evidence, support.supported, [f"safety: {understood.verdict.rule}", *flags], common)
    if not support.supported or not evidence.composition.quotes:
        core_only = triaged is not None and triaged.subject is not None
        corpus_word = load_triage().is_corpus_word if load_triage is not None else None
        on_topic = support.on_topic_restriction or continues_topic(triaged, followup, parts, unaddressed, corpus_word) or (
            triaged is not None and (triaged.about_condition or (support.figure_only and triaged.everyday))) or (
            first_turn_of_unnamed_subject(understood, parts, load_triage))
        return unsupported_reply(evidence, flags, common, core_only, on_topic=on_topic)
    gap = uncovered_first_turn(evidence, triaged, followup, load_triage)
    if gap is not None:  # it passed the gate, so it is on the subject: not_found (assistant/uncovered_asks.py)
        return unsupported_reply(evidence, [*flags, f"support: {gap}"], common, on_topic=True)
    return drafted_reply(answerer, evidence, flags, common)
