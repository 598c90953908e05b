"""Choosing answer sentences with the enrichment: ranker scores, antecedents shown, whole lists.

The plain composer (assistant/compose.py) scores sentences by word overlap and embedding similarity.
Here each candidate also gets its unit's evidence (generated-question and standalone-reading similarity)
and one probability from the distilled ranker (assistant/ranker.py). Then:
  * the ranker chooses: its best sentence, then those within settings.answer.keep_margin of it and at or above
    settings.answer.keep_probability (both chosen by grouped cross-validation on dev, benchmarks/train_ranker.py),
    redundant ones skipped (assistant/ranked_choice.py); without the ranker the plain composer's hand-weighted
    choice stands;
  * a kept sentence that points back ("These syndromes ...", or flagged by the model) brings the sentence
    before it, so nothing shown dangles (show_antecedents);
  * a list question whose kept sentences include two items of one list gets every item of that list, with
    its lead-in line (completion.whole_lists): a list is one unit with its heading;
  * the rest is the plain composer: article order inside a section, neighbours merged into one quote.
Chunks that must be shown but were not retrieved (an antecedent, a list's other items) are returned so
the pipeline adds them to the evidence: every citation still resolves to a passage of this answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.answer_focus import (DEFINITION_SECTION, about_distinctive, answer_length, asks_definition_only, defines,
                                   keep_near_best, names_distinctive, topic_terms)
from assistant.article_frame import drop_frame
from assistant.aspect_lists import with_aspect_list
from assistant.bullet_focus import drop_unasked_siblings
from assistant.antecedents import (drop_costly_dependents, lean_again, leaned_on, resolve_demonstratives,
                                   with_antecedents, with_list_remarks)
from assistant.label_focus import label_focus, label_lead
from assistant.lead_in import asks_lead_in, with_subsection_bests
from assistant.complements import add_complements
from assistant.completion import LIST_ITEMS_TO_EXPAND, add_missing, labelled, scored_or_zero, whole_lists, whole_units
from assistant.dense_best import specific, with_dense_best
from assistant.compose import KEEP_RATIO as KEEP_RATIO_PLAIN
from assistant.compose import (LIST_KEEP_RATIO, LIST_MAX_SENTENCES, MAX_SENTENCES, Composition, Scored, redundant,
                               question_terms, score_sentences, select_sentences)
from assistant.list_questions import WANTS_EVERY_ITEM, WANTS_OTHER_ITEMS, asks_for_list, hints_list
from assistant.named_sections import with_named_sections
from assistant.near_duplicates import prefer_body
from assistant.clarifying_tail import drop_tail_pulled
from assistant.off_topic import drop_far_blocks, focus_cosine
from assistant.paragraphs import relatedness, whole_paragraphs
from assistant.quotes import arrange, render
from assistant.ranked_choice import Extra, filter_ranked, rank_candidates, select_ranked
from assistant.ranker import Ranker
from assistant.relevance_cut import ArticleScale, cut_model, drop_unhelpful_blocks
from assistant.sentences import SentenceBank
from assistant.unit_sentences import UnitSentences

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnits
    from index.models import Chunk, ScoredChunk

# "the tumor itself" as what the question is about: at the clause's start ("so the tumour itself damages ..."), after
# a be/do/modal verb and its subject ("is it the tumor itself ...", "does the cancer itself ...") or after "by"/"from".
# After any other verb it is that verb's object and the ask is about what is done to the cancer ("do they still treat
# the cancer itself", "treating the tumor itself surgery chemo radiation?"), not about what the syndrome is.
ITSELF_AS_SUBJECT = (
    r"(?:^(?:(?:so|but|and|or)\s+)?|[,;]\s*|(?:\b(?:is|are|was|were|isnt|arent|wasnt|isn't|aren't|wasn't|does|doesnt|doesn't"
    r"|do|dont|don't|did|didnt|didn't|can|could|would|will|might|may|by|from|its|it's|thats|that's)|\w's?)\s+"
    r"(?:(?:it|this|that|they|pns|paraneoplastic(?:\s+syndromes?)?)\s+)?(?:(?:not|just|really)\s+)?)"
    r"(?:(?:the|a|my|their|his|her)\s+)?(?:tumou?r|cancer)\s+itself\b")
# A question about what the condition itself is, or a guess at it ("is it when the cancer spreads?", "is it a type
# of cancer?", "so the tumor itself attacks the nerves?", "what causes it?"): the answer, or the correction of the
# misconception, is the article's definition ("not directly caused by the cancer cells themselves ...").
ASKS_WHAT_IT_IS = re.compile(
    r"^(?:so\s+)?(?:is|are|isnt|arent|isn't|aren't)\s+(?:it|this|that|they|pns|paraneoplastic(?:\s+syndromes?)?)(?:\s*\([a-z ]+\))?\s+"
    r"(?:a|an|just|basically|really|actually|the same as|like|when|where|caused by|part of|from)\b"
    r"|^what\s+(?:causes|is the cause of|are the causes of)\s+(?:it|them|this|these|pns|paraneoplastic)\b"
    rf"|{ITSELF_AS_SUBJECT}|\bcancer\s+(?:spreads?|spreading|spread)\b|\bmetasta\w*", re.IGNORECASE)
ASKS_CAUSE = re.compile(r"^\s*what\b", re.IGNORECASE)  # "what causes it?" is answered by causes and risk factors too


@dataclass(frozen=True)
class Levers:
    ranker: bool = True
    antecedents: bool = True
    whole_lists: bool = True
    keep_probability: float = 0.5  # settings.answer.keep_probability, chosen on dev
    keep_margin: float = 0.25      # settings.answer.keep_margin: kept sentences score within this of the best one
    max_sentences: int = MAX_SENTENCES  # settings.answer.ranker_max_sentences (a list question: LIST_MAX_SENTENCES)
    filter_only: bool = False      # the hand-weighted choice stands and the ranker only drops sentences from it
    paragraphs: bool = False       # a kept sentence of a short paragraph brings the rest of it (paragraphs.whole_paragraphs)
    definition: bool = True        # "is it when ...?" / "what causes it?" shows the article's definition (_with_definition)
    label_focus: bool = True       # a question naming one bullet's label keeps that bullet, not its neighbours (label_focus.label_focus)
    labelled_lists: bool = True    # only a list whose items carry labels is expanded whole (_whole_lists)
    list_label_focus: bool = True  # ... also when it asks for a list ("list the neurologic symptoms"), unless it asks for the others
    demonstratives: bool = True    # "with these common cancers": show what it names, or drop it (antecedents.resolve_demonstratives)
    definition_only: bool = True   # a question naming only the subject ("pns in simple words") gets the definition
    typed_length: bool = True      # a why/how question may take MAX_SENTENCES, another one fewer (answer_focus.answer_length)
    costly_dependents: bool = True  # a weak sentence whose antecedent is weak too goes, instead of bringing it
    related_paragraphs: bool = True  # paragraph completion adds only continuations that relate to the question
    prefer_body: bool = True       # a summary sentence with a body twin shows the twin (near_duplicates.prefer_body)
    list_remarks: bool = True      # a shown list item brings the remark closing its list ("These strategies should ...")
    label_lead: bool = True        # a bullet whose label is the word asked about leads when nothing chosen carries it
    near_best: bool = True         # a chosen sentence from another part of the article must share a distinctive question word
    name_twins: bool = True        # any question, not only "what causes it?": a summary's twins stand in only if they name what was asked
    complements: bool = True       # a sentence naming a distinctive question word the chosen ones leave out joins (complements.py)
    far_blocks: bool = True        # blocks far under the best one's cosine with the question go (off_topic.drop_far_blocks)
    about_protects: bool = False   # opt-in: ... where a distinctive word protects a block only if it is the sentence's topic (answer_focus)
    learned_cut: bool = False      # opt-in: ... and blocks the learned relevance model judges unhelpful (relevance_cut.py)
    dense_best: bool = True        # the sentence closest in meaning joins when the words chose others (dense_best.py)
    lead_in: bool = True           # a section's one-line lead-in chosen alone brings each subsection's best (lead_in.py)
    named_sections: bool = True    # a short section whose heading the question names is shown whole (named_sections.py)
    article_frame: bool = True     # an answer shows the article's framing sentences only if asked about the article (article_frame.py)
    sibling_gap: float = 0.0       # a bullet's sentences this far under its closest go unless its label is asked (bullet_focus.py)


def focus_levers(on: bool) -> dict[str, bool]:
    """The Levers fields that settings.answer.focused_answers switches together (assistant/answer_focus.py)."""
    return {name: on for name in ("definition_only", "demonstratives", "typed_length", "related_paragraphs", "costly_dependents")}


@dataclass
class EnrichedComposition:
    composition: Composition
    extra_chunks: list["Chunk"] = field(default_factory=list)


def compose_enriched(query: str, focus_vec: Any, full_vec: Any, hits: Sequence["ScoredChunk"], bank: SentenceBank,
                     enriched: "EnrichedUnits", ranker: Ranker | None, all_chunks: Sequence["Chunk"], levers: Levers,
                     max_sentences: int | None = None, support_rank: int | None = None,
                     extra: Extra | None = None, ask: str = "", head: tuple[str, Any] | None = None) -> EnrichedComposition:
    """Select, complete (antecedents, lists), order and mark the sentences that answer `query` (`ask`: score_sentences;
    `head`: a first turn's question less its clarifying tail and its focused vector: assistant/clarifying_tail.py)."""
    # "is it a kind of cancer?" guesses at what it is; it asks for no list
    listing = (asks_for_list(query) or hints_list(query)) and not ASKS_WHAT_IT_IS.search(query)
    limit = max_sentences or (LIST_MAX_SENTENCES if listing else answer_length(query) if levers.typed_length else MAX_SENTENCES)
    plain = asks_for_list(query)
    q_terms = question_terms(query)
    first_turn = not (ask or max_sentences)  # a follow-up's rewrite carries earlier words
    scored = score_sentences(query, focus_vec, hits, bank, full_vec, listing=plain, ask=ask)
    chosen, probability = _choose(query, focus_vec, full_vec, hits, bank, enriched, ranker, levers, scored, listing, limit,
                                  max_sentences, support_rank, extra)
    chosen, announced = _widen(chosen, scored, q_terms, focus_vec, bank, enriched, levers, limit, listing, first_turn)
    chosen = _complete(chosen, query, q_terms, scored, full_vec, bank, enriched, all_chunks, levers, listing, limit,
                       ask, max_sentences)
    chosen = _on_topic(chosen, query, focus_vec, bank, enriched, q_terms, levers, first_turn, announced,
                       (full_vec, all_chunks))
    if levers.sibling_gap > 0 and first_turn and not listing:  # one detail of a bullet asked: not its siblings
        chosen = drop_unasked_siblings(chosen, query, focus_vec, bank, enriched, levers.sibling_gap)
    if levers.article_frame:
        chosen = drop_frame(chosen, query, enriched)
    if head is not None and first_turn and levers.far_blocks:
        chosen = _on_head(chosen, head, bank, enriched)
    quotes = arrange(chosen)
    retrieved = {h.chunk.id for h in hits}
    extra = list({s.sentence.chunk.id: s.sentence.chunk for s in chosen if s.sentence.chunk.id not in retrieved}.values())
    composition = Composition(body=render(quotes), quotes=quotes, scored=scored, support_rank=support_rank,
                              probability=probability)
    return EnrichedComposition(composition, extra)


def _widen(chosen: list[Scored], scored: Sequence[Scored], q_terms: set[str], focus_vec: Any, bank: SentenceBank,
           enriched: "EnrichedUnits", levers: Levers, limit: int, listing: bool,
           first_turn: bool) -> tuple[list[Scored], set[tuple[str, int]]]:
    """The first choice widened by what its words missed (the closest in meaning, a rare question word's sentence, a
    lead-in's subsection bests) and narrowed to what shares a distinctive word; with what a lead-in `announced`, which
    the off-topic cut leaves (it scores far under the lead-in by nature)."""
    if levers.dense_best:  # the sentence closest in meaning, when the words chose others (dense_best.py)
        chosen = with_dense_best(chosen, scored, lambda c, shown: redundant(c, shown, bank), limit, specific(enriched))
    before_complements = {(s.sentence.chunk.id, s.sentence.index) for s in chosen}
    chosen = add_complements(chosen, scored, q_terms, bank, limit, relevance=focus_cosine(focus_vec, bank)) \
        if levers.complements else chosen  # complements.py
    chosen = keep_near_best(chosen, q_terms, bank) if levers.near_best and not listing else chosen  # answer_focus
    # what a lead-in or a named heading brought, and a complement (chosen for the question word the others leave out,
    # wanted exactly where the cosine misses it): the off-topic cut leaves it
    announced: set[tuple[str, int]] = {(s.sentence.chunk.id, s.sentence.index) for s in chosen} - before_complements \
        if levers.about_protects else set()
    if levers.lead_in and first_turn:
        before_lead = {(s.sentence.chunk.id, s.sentence.index) for s in chosen}
        chosen = with_subsection_bests(chosen, scored, enriched, lambda s: asks_lead_in(q_terms, s.sentence, bank),
                                       listing)
        announced |= {(s.sentence.chunk.id, s.sentence.index) for s in chosen} - before_lead
    return chosen, announced


def _complete(chosen: list[Scored], query: str, q_terms: set[str], scored: Sequence[Scored], full_vec: Any,
              bank: SentenceBank, enriched: "EnrichedUnits", all_chunks: Sequence["Chunk"], levers: Levers, listing: bool,
              limit: int, ask: str, max_sentences: int | None) -> list[Scored]:
    """The choice completed so that it reads whole: whole lists, antecedents, whole units, named sections, what a
    demonstrative names, the asked bullet's label, the definition, whole paragraphs, a summary's body twin."""
    first_turn = not (ask or max_sentences)
    chunks = {c.id: c for c in all_chunks}
    units = UnitSentences(chunks.values(), bank)
    by_key = {(s.sentence.chunk.id, s.sentence.index): s for s in scored}
    expanded = False
    if levers.whole_lists and listing and first_turn:  # a plural aspect's own list (aspect_lists.py)
        chosen = with_aspect_list(chosen, query, enriched, units, by_key)
    if levers.whole_lists and listing and max_sentences is None:
        need = 1 if hints_list(query) else LIST_ITEMS_TO_EXPAND  # "all of them", "list them": one item names the list
        before = len(chosen)
        chosen = whole_lists(chosen, enriched, units, by_key, need, levers.labelled_lists)
        expanded = len(chosen) > before
    add = lambda out, sentences: add_missing(out, sentences, by_key)  # noqa: E731
    as_scored = lambda x: scored_or_zero(x, by_key)  # noqa: E731
    if levers.antecedents:
        if levers.costly_dependents:
            chosen = drop_costly_dependents(chosen, enriched, units, as_scored, names=lambda x: names_distinctive(
                q_terms, bank.terms(x.sentence.chunk.id)[x.sentence.index], bank.weights))
        chosen = with_antecedents(chosen, enriched, units, add)
        if levers.list_remarks:
            chosen = with_list_remarks(chosen, enriched, units, add)
    chosen = whole_units(chosen, enriched, units, by_key)
    if levers.named_sections and first_turn:  # a short section whose heading is asked, whole
        chosen = with_named_sections(chosen, q_terms, bank, enriched, units, add)  # (named_sections.py)
    if levers.demonstratives:
        chosen = resolve_demonstratives(chosen, enriched, units, add)
    every = WANTS_OTHER_ITEMS if levers.list_label_focus else WANTS_EVERY_ITEM
    if levers.label_focus and not every.search(query):
        if levers.label_lead and not listing and max_sentences is None:
            chosen = label_lead(chosen, scored, ask or query, enriched, bank.weights, limit, bank)
        chosen = label_focus(chosen, query, enriched, bank.weights)
    cause = bool(ASKS_WHAT_IT_IS.search(query) and ASKS_CAUSE.match(query))  # "what causes it?"
    if max_sentences is None:
        chosen = _definition_step(chosen, query, q_terms, cause, listing, bank, enriched, chunks, units, by_key, levers)
    if levers.paragraphs and not expanded:  # an answer that became a whole list is the list: no prose grows beside it
        # a first turn's list question too: its prose continuations are checked like any other ("what other diseases
        # can look like this" grew "Symptoms may be subtle ..."); a follow-up's list ask keeps the whole paragraph
        checked = levers.related_paragraphs and (not listing or first_turn)
        related = relatedness(q_terms, scored, bank, full_vec) if checked else None
        chosen = whole_paragraphs(chosen, enriched, units, add, as_scored, related)
    if levers.prefer_body:
        chosen = _body_step(chosen, q_terms, cause, bank, enriched, units, all_chunks, add, as_scored, levers)
    return chosen


def _choose(query: str, focus_vec: Any, full_vec: Any, hits: Sequence["ScoredChunk"], bank: SentenceBank,
            enriched: "EnrichedUnits", ranker: Ranker | None, levers: Levers, scored: Sequence[Scored], listing: bool,
            limit: int, max_sentences: int | None, support_rank: int | None,
            extra: Extra | None) -> tuple[list[Scored], float | None]:
    """The first choice of sentences, before any completion, and the ranker's best probability (None without it)."""
    plain = asks_for_list(query)
    probability: float | None = None
    if levers.ranker and ranker is not None:  # the ranker chooses: the best sentence and those close to it
        ranked, _ = rank_candidates(query, focus_vec, full_vec, hits, bank, enriched, ranker, extra)
        cap = max_sentences or (max(levers.max_sentences, LIST_MAX_SENTENCES) if listing else levers.max_sentences)
        if levers.filter_only:
            chosen = filter_ranked(select_sentences(scored, bank, limit, keep_ratio=LIST_KEEP_RATIO if plain else KEEP_RATIO_PLAIN,
                                              listing=plain), ranked, levers.keep_probability, levers.keep_margin)
        else:
            chosen = select_ranked(ranked, bank, cap, levers.keep_probability, levers.keep_margin)
        probability = max((s.score for s in ranked if support_rank is None or s.chunk_rank <= support_rank), default=0.0)
    else:  # the plain composer's hand-weighted choice
        chosen = select_sentences(scored, bank, limit, keep_ratio=LIST_KEEP_RATIO if plain else KEEP_RATIO_PLAIN,
                                  listing=plain)
    return chosen, probability


def _definition_step(chosen: list[Scored], query: str, q_terms: set[str], cause: bool, listing: bool, bank: SentenceBank,
                     enriched: "EnrichedUnits", chunks: dict[str, "Chunk"], units: UnitSentences,
                     by_key: dict[tuple[str, int], Scored], levers: Levers) -> list[Scored]:
    """A 'what is it' question gets the article's definition beside (or, asked alone, instead of) the chosen ones."""
    from assistant.retrieval import strip_subject

    if levers.definition and ASKS_WHAT_IT_IS.search(query):
        if levers.definition_only and not cause:  # a guess: beside the definition, only what names its distinctive words
            chosen = [s for s in chosen if names_distinctive(q_terms, bank.terms(s.sentence.chunk.id)[s.sentence.index],
                                                              bank.weights)]
        # "what causes it?": of the definition, the sentence that names the cause; the causes section keeps its place
        naming = (q_terms, bank.weights) if cause and levers.definition_only else None
        chosen = _with_definition(chosen, enriched, chunks, units, by_key, naming)
    elif levers.definition_only and not listing and asks_definition_only(query, strip_subject(query)):
        chosen = _with_definition([], enriched, chunks, units, by_key) or chosen  # the definition is the whole answer
    return chosen


def _body_step(chosen: list[Scored], q_terms: set[str], cause: bool, bank: SentenceBank, enriched: "EnrichedUnits",
               units: UnitSentences, all_chunks: Sequence["Chunk"], add: Callable[[list[Scored], Sequence[Any]], None],
               as_scored: Callable[[Any], Scored], levers: Levers) -> list[Scored]:
    """A summary sentence gives way to the body sentence it repeats (near_duplicates.prefer_body)."""
    naming = (lambda x: names_distinctive(q_terms, bank.terms(x.chunk.id)[x.index], bank.weights)) \
        if cause or levers.name_twins else None  # only the twins naming what was asked stand in for a summary
    leaned = leaned_on(chosen, enriched, units) if levers.antecedents else set()
    kept = prefer_body(chosen, bank, all_chunks, as_scored, naming,  # "what causes it?": the twin naming the cause
                       lambda x: (x.chunk.id, x.index) in leaned, naming_stays=cause)
    if levers.antecedents:  # a replaced summary sentence may be what a shown one leans on: bring it back
        kept = lean_again(kept, chosen, enriched, units, add)
    return kept


def _on_topic(chosen: list[Scored], query: str, focus_vec: Any, bank: SentenceBank, enriched: "EnrichedUnits",
              q_terms: set[str], levers: Levers, first_turn: bool,
              announced: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
              article: tuple[Any, Sequence["Chunk"]] | None = None) -> list[Scored]:
    """The answer less the blocks far under its best one's relevance (off_topic.drop_far_blocks), first turns only: a
    follow-up's focus vector is the rewrite's. A sentence naming a distinctive question word stays, and so does the
    definition that a guess at what the condition is, or a question naming only the subject, asks for, and what a
    shown lead-in `announced` (lead_in.py: the lead-in scores far above what it announces by nature). Then, with
    `article` (the whole question's vector, every chunk), the learned relevance cut under the same protections
    (relevance_cut.drop_unhelpful_blocks)."""
    if not (levers.far_blocks and first_turn):
        return chosen
    from assistant.retrieval import strip_subject

    defined = bool(levers.definition and ASKS_WHAT_IT_IS.search(query)) or asks_definition_only(query, strip_subject(query))
    distinctive = lambda s: names_distinctive(  # noqa: E731
        q_terms, bank.terms(s.sentence.chunk.id)[s.sentence.index], bank.weights)
    led = _led_headings(enriched, article[1] if article is not None else ()) if levers.about_protects else {}
    about = lambda s: about_distinctive(  # noqa: E731
        q_terms, bank.terms(s.sentence.chunk.id)[s.sentence.index], topic_terms(_unit_text(s, enriched), bank.heading_terms(
            s.sentence.chunk.id) | led.get(s.sentence.chunk.section_id, set())), bank.weights)
    shares = about if levers.about_protects else distinctive  # a distinctive word protects where it is the topic
    protected = lambda s: ((defined and defines(s.sentence))  # noqa: E731
                           or (s.sentence.chunk.id, s.sentence.index) in announced or shares(s))
    chosen = drop_far_blocks(chosen, focus_vec, bank, enriched, labelled, protected=protected)
    model = cut_model() if levers.learned_cut and article is not None else None
    if model is None or article is None:
        return chosen
    scale = ArticleScale(focus_vec, article[0], bank, article[1])
    return drop_unhelpful_blocks(chosen, model, scale, q_terms, enriched, labelled, distinctive, protected)


def _led_headings(enriched: "EnrichedUnits", chunks: Sequence["Chunk"]) -> dict[str, set[str]]:
    """A lead-in section's subsection headings' terms (lead_in.py): the one-line lead-in is about what it leads into
    ("The outlook ... depends on several factors" leads into "Factors Influencing Prognosis")."""
    from assistant.lead_in import lead_in_sections
    from assistant.sentences import content_terms

    out: dict[str, set[str]] = {}
    for section in lead_in_sections(enriched):
        for c in chunks:
            if c.source_id == "article" and c.section_id.startswith(f"{section}/"):
                out.setdefault(section, set()).update(content_terms(" ".join(c.section_path)))
    return out


def _unit_text(s: Scored, enriched: "EnrichedUnits") -> str:
    """The text of the unit (a bullet whole, label first) a chosen sentence belongs to, or the sentence's own."""
    item = enriched.for_sentence(s.sentence)
    return item.unit.text if item is not None else s.sentence.text


def _on_head(chosen: list[Scored], head: tuple[str, Any], bank: SentenceBank, enriched: "EnrichedUnits") -> list[Scored]:
    """The answer less the blocks far under its best one's cosine with the question's head (text, vector) that name no
    distinctive word of the head (clarifying_tail.drop_tail_pulled): what only the tail's guess pulled in."""
    head_terms = question_terms(head[0])
    return drop_tail_pulled(chosen, head[1], bank, enriched, labelled, lambda s: names_distinctive(
        head_terms, bank.terms(s.sentence.chunk.id)[s.sentence.index], bank.weights))


def _with_definition(chosen: list[Scored], enriched: "EnrichedUnits", chunks: dict[str, "Chunk"], units: UnitSentences,
                     by_key: dict[tuple[str, int], Scored],
                     naming: tuple[set[str], dict[str, float]] | None = None) -> list[Scored]:
    """The prose of the article's own 'What is/are ...?' section joins the answer (ASKS_WHAT_IT_IS).

    Why: a misconception ("is it when the cancer spreads to the brain?") shares few words with the sentence
    that corrects it, so similarity picks sentences about spreading or the brain; the definition is found by
    the section's title, from the corpus, not by a list of sentences.
    `naming` (question terms, IDF weights): only the definition's sentences that name a distinctive question
    word join ("what causes it?" -> "... not directly caused by the cancer cells themselves but rather by
    substances secreted by the tumor"); the whole definition in front of the cause sentences buried them.
    """
    sections = {c.section_id for c in chunks.values() if c.source_id == "article" and len(c.section_path) == 1
                and DEFINITION_SECTION.match(c.section_path[0])}
    definition = [u for u in enriched.units if u.unit.section_id in sections and not u.unit.is_bullet]
    out: list[Scored] = []
    for unit in definition:  # first: the definition is the answer, or the correction of the guess
        sentences = units(unit)
        if naming is not None:
            sentences = [x for x in sentences if names_distinctive(naming[0], units.bank.terms(x.chunk.id)[x.index], naming[1])]
        add_missing(out, sentences, by_key)
    have = {(s.sentence.chunk.id, s.sentence.index) for s in out}
    return out + [s for s in chosen if (s.sentence.chunk.id, s.sentence.index) not in have]
