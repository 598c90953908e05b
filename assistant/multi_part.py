"""Multi-part questions: each part is answered on its own, and the answer shows every part's sentences.

Why: "what does ivig do and can people recover completely" has two answers in two sections; one search
for the whole question finds passages for whichever half dominates its vector, and the composer then
shows only that half. Splitting at a conjunction or question mark that starts a new question ("and can",
"and what", "? how ...") and composing each part separately (a few sentences each) answers both halves.
The whole question still decides the support gate, so splitting never makes an unsupported question answerable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant.question_words import ASK_AUXILIARIES, WH_WORDS, alternation

if TYPE_CHECKING:
    from assistant.parts import Parts
    from assistant.shared_retrievals import SharedRetrievals

QUESTION_WORDS = alternation(WH_WORDS, ASK_AUXILIARIES, ("did",))
SPLIT = re.compile(rf"(?:\s+(?:and|n|&)\s+(?={QUESTION_WORDS}\b)|\?\s+(?={QUESTION_WORDS}\b)|\s+also\s+(?={QUESTION_WORDS}\b))",
                   re.IGNORECASE)
PART_SENTENCES = 3
MIN_PART_WORDS = 3
PART_TOP = 5
LIST_ITEMS = 3  # bullets of one section that make a part's answer a list


# "the joint symptoms and the kidney ones", "all the symptoms including the unusual ones": a second noun phrase whose
# head is left out ("ones") names a second thing of the first part's kind.
ONES = re.compile(r"^(?P<first>.*\b(?P<head>[a-z]+s))\s+(?:and|n|&|plus|including|as\s+well\s+as)\s+(?:also\s+)?"
                  r"(?:the\s+)?(?P<kind>(?:[\w-]+\s+){0,2}?[\w-]+)\s+ones\b(?P<rest>.*)$", re.IGNORECASE)
# "how is ivig different from steroids", "ivig vs steroids", "difference between x and y": two things, each its own part
COMPARED = re.compile(r"^(?:how\s+(?:is|are|does|do)\s+|is\s+|are\s+)?(?P<a>[\w\s()-]+?)\s+(?:different\s+(?:from|than|to)|"
                      r"vs\.?|versus|compared\s+(?:to|with))\s+(?P<b>[\w\s()-]+?)$"
                      r"|^(?:what(?:'?s|\s+is)\s+)?(?:the\s+)?difference\s+between\s+(?P<c>[\w\s()-]+?)\s+and\s+(?P<d>[\w\s()-]+?)$",
                      re.IGNORECASE)


def split_question(question: str) -> list[str]:
    """The question's parts (one part when it is not a multi-part question)."""
    from assistant.coordinated_asks import as_asks, comma_questions

    listed = as_asks(question)  # "which cancers, which symptoms and which tests": one ask per listed thing
    if len(listed) >= 2:
        return listed
    parts = [p.strip(" ,;?") for p in SPLIT.split(question) if p and p.strip(" ,;?")]
    series = sum(len(p.split()) >= MIN_PART_WORDS for p in parts) > 1
    parts = [clause for p in parts for clause in comma_questions(p, series=series)]
    parts = [ask for p in parts for piece in _split_phrases(p) for ask in as_asks(piece)]
    parts = [p for p in parts if len(p.split()) >= MIN_PART_WORDS]
    return parts if len(parts) >= 2 else [question]


def _split_phrases(part: str) -> list[str]:
    """One question that names two things: "the X symptoms and the Y ones", "X different from Y".

    Why: a single search for "joint symptoms and the kidney ones" finds the joint bullet and the composer shows
    it alone; as two parts each thing gets its own search. "ones" takes the first part's head noun
    ("the kidney symptoms"); a compared thing is asked about on its own ("what does steroids do").
    """
    ones = ONES.match(part.strip(" ,;?"))
    if ones:
        return [ones["first"], f"the {ones['kind']} {ones['head']}{ones['rest']}".strip()]
    compared = COMPARED.match(part.strip(" ,;?"))
    if compared:
        things = [compared["a"] or compared["c"], compared["b"] or compared["d"]]
        return [f"what does {t.strip()} do" for t in things]
    return [part]


PRONOUN = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.IGNORECASE)
OPENING = re.compile(rf"^\s*(?:{QUESTION_WORDS}\b\s*)(?:(?:is|are|does|do|can|the|a|an|s)\b\s*)*", re.IGNORECASE)


# "is pns contagious and what causes it", "which cancers cause it n what tests find it": "it" is the syndrome
# itself, which every search already assumes;
# "what are the symptoms and how is it treated": a plural aspect is not what a singular "it" points at.
ARTICLE_SUBJECT = re.compile(r"\b(?:pns|paraneoplastic)\b", re.IGNORECASE)
PLURAL_ASPECT = re.compile(r"^(?:(?:all|the|main|common|different|usual|first)\s+)*(?:[\w-]+\s+)?"
                           r"(?:symptoms|signs|types|kinds|tests|treatments|causes|factors|cancers|options|problems)$",
                           re.IGNORECASE)


def carry_subject(question_parts: list[str]) -> list[str]:
    """Later parts that point back ("... and when is it used") carry the first part's words.

    Why: "how does plasma exchange work and when is it used" splits into two searches, and "when is it
    used" alone finds whatever "it" means most often in the corpus (the syndrome), not plasma exchange.
    The first part less its question opening ("how does") names what the pronoun points at.
    """
    if len(question_parts) < 2:
        return question_parts
    subject = OPENING.sub("", question_parts[0]).strip()
    if not subject or ARTICLE_SUBJECT.search(subject) or PLURAL_ASPECT.match(subject) or PRONOUN.search(subject):
        return question_parts
    return [question_parts[0]] + [f"{p} ({subject})" if PRONOUN.search(p) else p for p in question_parts[1:]]


def part_length(part: str) -> int | None:
    """How many sentences a part may take: PART_SENTENCES, or None (the composer decides) for a definition, a
    "what causes it" / "is it a kind of cancer" (the composer answers those from the definition) or a list part.

    Why: "what is paraneoplastic syndrome and how is it treated" has a part that names only the subject; with a
    fixed count the composer scores sentences by similarity and shows the article's opening framing ("Imagine
    experiencing ...", "This article ..."); left to decide, it answers such a part with the definition section.
    """
    from assistant.answer_focus import asks_definition_only
    from assistant.retrieval import strip_subject

    from assistant.enriched_compose import ASKS_WHAT_IT_IS

    if asks_definition_only(part, strip_subject(part)) or ASKS_WHAT_IT_IS.search(part) or asks_list(part):
        return None
    return PART_SENTENCES


# "what are the complementary treatments": a plural noun phrase asked for whole is a list, though the composer's own
# list pattern knows only its usual nouns ("what are the treatments"); as "list the ..." it is composed as one.
PLURAL_ASK = re.compile(r"^\s*(?:what|which)\s+(?:are|r|were)\s+(?:the\s+)?(?P<phrase>(?:[\w-]+\s+){0,2}[\w-]+[^s\W]s)\s*$",
                        re.IGNORECASE)


def as_list_ask(part: str) -> str:
    """The part as a list request when it asks for a plural noun phrase whole ("what are the X treatments")."""
    match = PLURAL_ASK.match(part)
    return f"list the {match['phrase']}" if match and not asks_list(part) else part


def asks_list(part: str) -> bool:
    """Does the part ask for a list ("what are the symptoms", "how is it treated", "what tests find it")?

    Why: with a fixed count the composer never shows a whole list (whole_lists needs the composer to decide
    the length), so "what are the symptoms and how is it treated" showed five of seven symptom bullets and one
    of three treatments; a list part gets the list as one unit with its heading, as a one-part list question does.
    """
    from assistant.enriched_compose import ASKS_WHAT_IT_IS
    from assistant.list_questions import asks_for_list, hints_list

    return (asks_for_list(part) or hints_list(part)) and not ASKS_WHAT_IT_IS.search(part)


def compose_parts(parts: "Parts", retrieval: Any, composition: Any, question_parts: list[str], compose: Any,
                  shared: "SharedRetrievals | None" = None) -> Any:
    """The whole question's composition with every part's sentences merged in (and their passages pooled).

    `compose(retrieval, focus, max_sentences)` is the enriched composer for one retrieval; `shared`, the question's
    retrievals so far (assistant/shared_retrievals.py: a refused question's parts are searched again, asked alone).
    """
    from assistant.compose import Composition
    from assistant.quotes import arrange, render
    from index.models import ScoredChunk

    whole = [s for q in composition.quotes for s in q.sentences]
    chosen: dict[tuple[str, int], Any] = {}
    pool = {h.chunk.id: h for h in retrieval.candidates}
    near_a_part: set[tuple[str, int]] = set()
    for part in map(as_list_ask, carry_subject(question_parts)):
        sub_composition, candidates = part_composition(parts, part, compose, shared)
        near_a_part |= {x.sentence.key for x in sub_composition.scored[:PART_TOP]}
        for h in candidates:
            pool.setdefault(h.chunk.id, h)
        keep_all = part_length(part) is None and (shows_a_list(sub_composition) or not asks_list(part))  # a list, or what it is
        for s in part_sentences(sub_composition, None if keep_all else PART_SENTENCES):
            chosen.setdefault(s.key, s)
    kept = [s for i, s in enumerate(whole) if i == 0 or s.key in near_a_part]
    chosen = {**{s.key: s for s in kept}, **chosen}
    by_key = {s.sentence.key: s for s in composition.scored}
    from assistant.compose import Scored

    scored = [by_key.get(k) or Scored(s, 0.0, 0.0, 0.0, 99, 0.0) for k, s in chosen.items()]
    quotes = arrange(scored)
    base = len(retrieval.candidates)
    extra = [h for cid, h in pool.items() if cid not in {x.chunk.id for x in retrieval.candidates}]
    retrieval.pool = list(retrieval.candidates) + [
        ScoredChunk(chunk=h.chunk, score=h.score, rank=base + i, retriever="part") for i, h in enumerate(extra, start=1)]
    return Composition(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                       probability=composition.probability)


def part_composition(parts: "Parts", part: str, compose: Any, shared: "SharedRetrievals | None") -> tuple[Any, list[Any]]:
    """One part's own composition and the passages it was composed from (compose_parts' `compose`): at the composer's
    length where a list may answer it, a part's few sentences where none does. Composed once per question (`shared`):
    a refused question composes its supported parts again, together."""
    def composed() -> tuple[Any, list[Any]]:
        sub = (shared or parts.retriever).retrieve(part, pool=True)
        focus = sub.query_vector or parts.index.embed_query(sub.query)
        length = part_length(part)
        sub_composition = compose(sub, focus, length)
        if length is None and asks_list(part) and not shows_a_list(sub_composition):
            sub_composition = compose(sub, focus, PART_SENTENCES)  # no list to show: a part's usual few sentences
        return sub_composition, list(sub.candidates)

    return composed() if shared is None else shared.kept(("part composition", part), composed)


def part_sentences(composition: Any, limit: int | None) -> list[Any]:
    """The part's shown sentences: all of a list answer, else its `limit` best (by the part's own ranking) and the
    sentence each of those follows in its passage when that was shown too (what it may lean on).

    Why: the composer grows a short answer (the definition beside "what organs does it affect", whole paragraphs,
    antecedents) to read well on its own; merged with other parts, that growth is what buries the other part.
    """
    shown = [s for q in composition.quotes for s in q.sentences]
    if limit is None or len(shown) <= limit:
        return shown
    rank = {x.sentence.key: i for i, x in enumerate(composition.scored)}
    best = sorted(shown, key=lambda s: rank.get(s.key, len(rank)))[:limit]
    keys = {s.key for s in best}
    keys |= {(s.chunk.id, s.index - 1) for s in best}
    return [s for s in shown if s.key in keys]


def shows_a_list(composition: Any) -> bool:
    """Does the composition show a list: LIST_ITEMS bullets of one section?

    Why: a list part is composed at the composer's own length so that a whole list can be shown; where no list
    answers it ("which cancers cause it", "what organs does it affect") that length let definitions and whole
    paragraphs grow around one sentence (eight sentences for one part), so such a part takes PART_SENTENCES.
    """
    sections: dict[str, int] = {}
    for quote in composition.quotes:
        for sentence in quote.sentences:
            if sentence.is_bullet:
                sections[sentence.chunk.section_id] = sections.get(sentence.chunk.section_id, 0) + 1
    return max(sections.values(), default=0) >= LIST_ITEMS


def figure_free_parts(question: str) -> tuple[str, list[str]] | None:
    """(the parts asking for no figure, joined; the parts asking for one) when only some parts ask for a figure.

    Why: the support gate refuses a question that asks for a figure no passage states ("survival rate", "what
    calcium level is dangerous"); for "which cancers are linked to it and whats the survival rate" that refused
    the half the article answers too. The other parts are answered, and the answer says the figure is not given.
    """
    from assistant.abstention import NUMBER_ASK

    pieces = split_question(question)
    figures = [p for p in pieces if NUMBER_ASK.search(p)]
    rest = [p for p in pieces if not NUMBER_ASK.search(p)]
    return (" and ".join(rest), figures) if len(pieces) >= 2 and figures and rest else None


def figures_not_given(figures: list[str]) -> str:
    """The line that says which part the answer leaves out, and why."""
    asked = "; ".join(f"“{f}”" for f in figures)
    return f"The article and its cited sources give no figure for {asked}. What they say about the rest of the question:"
