"""Comparison questions ("difference between X and Y", "X vs Y", "is X the same as / like Y", "distinguish X from Y"):
the article's sentences that relate the two lead the answer, and only what names the sides follows them.

Why: composed like any question, "how is pns different from ms" was split into "what does pns do" and "what does ms
do", and "wats the difference between pns and cancer spreading" was answered from the definition section: each side
got its own best sentences (the definition, the mechanism, the mimic sentence, prognosis bullets), up to seven quotes,
while the article's answer is the sentence that names both sides and sets them apart ("These syndromes are not
directly caused by the cancer cells themselves but rather by ...", "Conditions such as multiple sclerosis ... can
mimic paraneoplastic syndromes' ..."). A sentence relates the sides when it names both (the article's subject by
"paraneoplastic" / "these syndromes", another side by at least half its content words) and says how they differ or
meet (a contrast word: not, rather, instead, unlike, mimic, overlap, distinguish, differ from, similar, same). A "how
do they differ" ask also gets the next sentence when it names the subject and contrasts ("... is key to
distinguishing paraneoplastic syndromes from these conditions"); the composed sentences naming both sides follow.
Where the article relates the sides nowhere, the composed sentences that name neither side (beyond the composer's
best two) go, and a side named by none of them gets the article's first sentence naming it. A question with
several asks ("why is it hard to diagnose and what tells it apart ...") is left to the multi-part composer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from assistant.points_back import leans_back
from assistant.sentences import content_terms
from assistant.word_forms import same_family, stem

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.quotes import Quote
    from assistant.sentences import SentenceBank
    from index.chunk_sentences import Sentence
    from index.models import Chunk

_SIDE = r"(?P<{}>[\w\s()'-]+?)"
# "difference" as typed in a hurry too ("differnce", "diffrence", "differance"): the comparison is asked all the same.
COMPARED = re.compile(
    r"\bdif+e?r+[ae]?n(?:ce|t|se)s?\s+(?:between|btw|b/w)\s+" + _SIDE.format("a1") + r"\s+(?:and|&|n)\s+" + _SIDE.format("b1") + r"$"
    r"|^(?:how\s+(?:is|are|does|do)\s+|is\s+|are\s+)?" + _SIDE.format("a2")
    + r"\s+(?:any\s+)?(?:different|differ|diff)\s+(?:from|than|to)\s+" + _SIDE.format("b2") + r"$"
    r"|^" + _SIDE.format("a3") + r"\s+(?:vs\.?|versus|compared\s+(?:to|with))\s+" + _SIDE.format("b3") + r"$"
    r"|^(?:so\s+)?(?:is|are|isnt|isn't|arent|aren't)\s+" + _SIDE.format("a4")
    + r"\s+(?:the\s+same\s+(?:thing\s+)?as|same\s+as|just\s+like|like|similar\s+to)\s+" + _SIDE.format("b4") + r"$"
    r"|\bdistinguish(?:ing)?\s+" + _SIDE.format("a5") + r"\s+from\s+" + _SIDE.format("b5") + r"$",
    re.IGNORECASE)
SUBJECT_TEXT = re.compile(r"\bparaneoplastic\b|\bthese\s+syndromes\b|\bpns\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:not|rather|instead|unlike|mimic\w*|overlap\w*|distinguish\w*|differ\w*\s+from|similar\w*|same)\b",
                      re.IGNORECASE)
PLACE = re.compile(r"\s+(?:to|into|in|inside|on|at|throughout)\s+(?:the|your|my|a|an|his|her)\s+", re.IGNORECASE)
TAIL_ASK = re.compile(r"(?:which|what|whats|how|is|are|do|does|can|should|whos|who)\b", re.IGNORECASE)
CARRIED = re.compile(r"^(?P<asked>.*?)\s*\((?P<topic>[^()]*)\)$")
PRONOUNS = frozenset("it its this that they them these those".split())
# Words of the asking itself ("whats the diff", "for pns"), not of what is compared; "the nerve type" is compared by
# "nerve" ("types of cancer" does not name it).
WEAK = frozenset(stem(w) for w in "what whats wat diff difference different thing things same like tell apart doctors "
                 "distinguish how do does u you one ones type types kind kinds form forms sort".split())
SUBJECT_STEMS = frozenset(stem(w) for w in ("paraneoplastic", "syndrome", "syndromes", "pns"))
MAX_CORES = 2      # sentences naming both sides with a contrast word
MAX_RELATING = 3   # those and their neighbours
MAX_SHOWN = 4
FAMILY_PREFIX = 4  # letters a clipped side word needs ("chemo")
LONG_STEM = 6      # a sentence stem this long that starts a side's word names it ("myasthen")
TOP_KEPT = 2       # the composer's best sentences, kept where the article relates the sides nowhere      # all shown, the relating ones first


@dataclass(frozen=True)
class Side:
    """One compared thing: the article's subject itself, or the content words that name it."""

    subject: bool
    terms: frozenset[str]
    weights: Mapping[str, float] = field(default_factory=dict, compare=False)  # the corpus's term IDFs

    def named_in(self, sentence: Sentence) -> bool:
        """Does the sentence name this side: the subject by its name, another side by half its words or more, each
        word counted by its IDF (a common "multiple" alone does not name "multiple sclerosis"); a word the corpus
        never uses ("spreading") is left out of the count, as no sentence can name it."""
        if self.subject:
            return bool(SUBJECT_TEXT.search(sentence.text))
        words = content_terms(sentence.text)
        known = [t for t in self.terms if t in self.weights] or list(self.terms)
        weight = {t: self.weights.get(t, 1.0) for t in known}
        found = sum(weight[t] for t in known if any(_names(t, w) for w in words))
        return found > 0 and found >= sum(weight.values()) / 2


def _names(term: str, word: str) -> bool:
    """A sentence word names a side's term: the same stem, the term clipped ("chemo": "chemotherapy"), or a long shared
    stem ("myasthen": "myasthenia"); not a short word family ("immune" does not name "immunotherapy")."""
    if len(term) >= LONG_STEM and word.endswith(term):  # "corticosteroid" names "steroid"
        return True
    return same_family(term, word, FAMILY_PREFIX) and (word.startswith(term) or len(word) >= LONG_STEM)


def compared_sides(question: str) -> tuple[Side, Side] | None:
    """The two things a comparison question names, or None when it compares nothing.

    A follow-up arrives with the previous turn's topic in closing brackets ("is that the same as myasthenia (what is
    lambert eaton)"): a side that is only a pronoun is that topic.
    """
    text = question.strip(" ?.!,;")
    carried = CARRIED.match(text)
    if carried:
        text = carried["asked"]
        if len(carried["topic"].split()) < 2:  # "(ms)": the long form's abbreviation, not a carried topic
            carried = None
    match = COMPARED.search(text.strip(" ?.!,;")) or _before_tail(text)
    if not match:
        return None
    named = [g for g in match.groups() if g]
    if len(named) != 2:
        return None
    sides = tuple(_side(carried["topic"] if carried and _only_pronoun(t) else t) for t in named)
    if sides[0].subject and sides[1].subject:
        return None
    return sides[0], sides[1]


def _before_tail(text: str) -> re.Match[str] | None:
    """The comparison before a trailing ask ("conventional vs complementary treatment, which one do they use"), else
    None: the tail asks about what the comparison names, it is no side."""
    head, comma, tail = text.partition(",")
    return COMPARED.search(head.strip(" ?.!;")) if comma and TAIL_ASK.match(tail.strip()) else None


def asks_how_they_differ(question: str) -> bool:
    """Does the question ask how the two differ ("difference between", "vs", "different from", "distinguish"), not
    only whether they are the same ("is X the same as / like Y")?"""
    text = question.strip(" ?.!,;")
    match = COMPARED.search(text) or _before_tail(text)
    return bool(match) and not match["a4"]


def _only_pronoun(text: str) -> bool:
    return set(re.findall(r"[a-z']+", text.lower())) <= PRONOUNS | {"the", "a", "an"}


def _side(text: str) -> Side:
    """The side's terms, read from its head: "cancer spreading to the brain" compares the spread, not the brain (a
    place after it would make a sentence name the side only where it names the place too)."""
    head = PLACE.split(text, maxsplit=1)[0]
    text = head if content_terms(head) - SUBJECT_STEMS - WEAK else text
    terms = {t for t in content_terms(text) if t not in WEAK}
    own = terms - SUBJECT_STEMS
    if not own or _only_pronoun(text):
        return Side(True, frozenset())
    return Side(False, frozenset(own))


def relating_sentences(sides: tuple[Side, Side], sentences: Sequence[Sentence], rank: dict[str, float],
                       follow_on: bool) -> list[Sentence]:
    """Sentences naming both sides with a contrast word, the ones the question's own ranking scored best first (at most
    MAX_CORES); with `follow_on`, each brings the run of sentences after it in its section that name the subject and
    contrast too ("... can mimic paraneoplastic syndromes' ..." then "... is key to distinguishing paraneoplastic
    syndromes from these conditions"), the first core's run before the second core.

    Why the ranking: a side named by a common word ("cancer spreading") is named by sentences that only mention it;
    the question's similarity puts the one about it first. Why `follow_on` only for "how do they differ" asks: "is X
    the same as Y" is answered by the relating sentence itself ("... can mimic ..."); how to tell them apart is the
    sentence after it.
    """
    cores = [i for i, s in enumerate(sentences) if CONTRAST.search(s.text) and all(side.named_in(s) for side in sides)]
    cores = sorted(cores, key=lambda i: -rank.get(sentences[i].text, float("-inf")))[:MAX_CORES]
    cores.sort(key=lambda i: leans_back(sentences[i].text))  # one that reads alone leads ("These syndromes ..." after)
    chosen: list[Sentence] = []
    for i in cores:
        s = sentences[i]
        if s not in chosen:
            chosen.append(s)
        for x in sentences[i + 1:i + MAX_RELATING] if follow_on else ():  # a run of them: "... mimic ..." "... key to distinguishing"
            if x.chunk.section_id != s.chunk.section_id or not (
                    CONTRAST.search(x.text) and SUBJECT_TEXT.search(x.text) and any(y.subject for y in sides)):
                break
            if x not in chosen:
                chosen.append(x)
    return chosen[:MAX_RELATING]


def each_side(sides: tuple[Side, Side], composed: Sequence[Sentence], sentences: Sequence[Sentence],
              best: set[str], rank: Mapping[str, float] | None = None) -> list[Sentence]:
    """Where the article relates the sides nowhere: the composed sentences that name either side (in the composer's
    order; its `best` few stay whatever they name), and, for a side the composed ones miss, the sentence naming it
    that the question's `rank` scores best (the article's first one naming it when none is ranked); empty when a
    side is named nowhere. Why the ranking: the first sentence naming "hormone" is the introduction's "unexplained
    hormonal imbalances", while the question about "the hormone type" is answered by the endocrine bullet.

    Why: "is that the same as myasthenia" after a Lambert-Eaton turn was answered with the definition paragraph
    and both bullets (five quotes); what the article has is what names each side.
    """
    shown = [s for s in composed if s.text in best or any(side.named_in(s) for side in sides)]
    for side in sides:
        if not any(side.named_in(s) for s in shown):
            naming = [s for s in sentences if side.named_in(s)]
            ranked = [s for s in naming if s.text in (rank or {})]  # the question's own ranking first, then article order
            first = max(ranked, key=lambda s: (rank or {})[s.text]) if ranked else next(iter(naming), None)
            if first is None:
                return []
            shown.append(first)
    return shown


def article_sentence_rows(bank: SentenceBank, chunks: Sequence[Chunk]) -> list[tuple[Sentence, Any]]:
    """Every article sentence once, in article order, with its stored vector (overlapping chunks repeat sentences;
    the first copy is kept). One walk for every reader of the article's sentence list."""
    from corpus.corpus import ARTICLE_SOURCE_ID

    own = sorted((c for c in chunks if c.source_id == ARTICLE_SOURCE_ID), key=lambda c: c.position)
    bank.ensure(own)
    seen: set[str] = set()
    out: list[tuple[Sentence, Any]] = []
    for chunk in own:
        for s, v in zip(bank.sentences(chunk.id), bank.vectors(chunk.id), strict=True):
            if s.text not in seen:
                seen.add(s.text)
                out.append((s, v))
    return out


def article_sentences(bank: SentenceBank, chunks: Sequence[Chunk]) -> list[Sentence]:
    """Every article sentence once, in article order (overlapping chunks repeat sentences; the first copy is kept)."""
    return [s for s, _ in article_sentence_rows(bank, chunks)]


def relate_compared(question: str, composition: Composition, bank: SentenceBank, chunks: Sequence[Chunk]) -> Composition:
    """The composition led by the sentences relating the compared sides; only sentences naming both follow them."""
    from assistant.compose import Composition as Composed
    from assistant.quotes import render

    from assistant.multi_part import SPLIT

    sides = compared_sides(question)
    if sides is None or len([p for p in SPLIT.split(question) if p and p.strip(" ,;?")]) > 1:
        return composition
    sides = (replace(sides[0], weights=bank.weights), replace(sides[1], weights=bank.weights))
    sentences = article_sentences(bank, chunks)
    rank = {x.sentence.text: x.score for x in composition.scored}
    relating = relating_sentences(sides, sentences, rank, asks_how_they_differ(question))
    if not relating:
        best = sorted(composition.scored, key=lambda x: -x.score)[:TOP_KEPT]
        shown = each_side(sides, [s for q in composition.quotes for s in q.sentences], sentences,
                          {x.sentence.text for x in best}, rank)
        if not shown:
            return composition
    else:
        both = [s for q in composition.quotes for s in q.sentences if all(side.named_in(s) for side in sides)]
        shown = []
        for s in relating + both:
            if s.text not in {x.text for x in shown}:
                shown.append(s)
    shown = shown[:MAX_SHOWN]
    quotes = in_given_order(shown)
    return Composed(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                    probability=composition.probability)


def in_given_order(shown: Sequence[Sentence]) -> list[Quote]:
    """Quotes in the order given (the relating sentences lead, unlike quotes.arrange's section order)."""
    from assistant.quotes import join_quotes

    return join_quotes(shown)
