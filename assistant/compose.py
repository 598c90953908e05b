"""The extractive answerer (the embedded default): answer with the passages' own sentences.

Why extractive: with no language model there is nothing to hallucinate. Every sentence shown is a
verbatim span of a retrieved passage, so each one can be traced to the exact characters it came from.
What this module decides is *which* sentences answer the question and in what order:

1. split each retrieved passage into sentences (assistant/sentences.py: bullet items count as sentences,
   offsets kept, vectors cached per chunk);
2. score each sentence by embedding similarity to the question (the sentence is embedded together
   with its section heading, which gives short bullets their topic) plus stemmed word overlap;
3. keep the best sentence and the ones close to it, skipping near-duplicates (the article's
   Key Takeaways repeat earlier sections) and lead-ins like "... several organ systems:";
   list questions ("Which cancers ...?", "How is it diagnosed?", see assistant/list_questions.py) take up to
   LIST_MAX_SENTENCES, favour bullet items whose heading or label names what is asked, keep the
   other items of a quoted list, and drop prose before items when over the limit;
4. order them section by section (best section first) and in the article's order inside a section,
   merge neighbouring sentences of one passage into one quote, and number the quotes [1], [2] ...
   by first appearance (assistant/quotes.py). The article's sentences come first; quotes from a cited
   source's own text follow under "From the cited sources:".

Bullets ("- Neurological: Muscle weakness, ...") are shown without the dash and with a full stop;
the citation keeps the exact characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.list_questions import asks_for_list
from assistant.question_intent import frame_family, says, with_frame
from assistant.quotes import Quote, arrange, render
from assistant.sentences import BULLET, Sentence, SentenceBank, content_terms
from index.models import ScoredChunk

# Weights and limits: a coarse grid on the evalset's answerable questions (overlap of the chosen quotes with the
# reference spans, recall vs precision) was flat around these values; they were not fine-tuned further.
SIMILARITY_WEIGHT = 0.6
OVERLAP_WEIGHT = 0.4
KEEP_RATIO = 0.82          # keep sentences scoring at least this share of the best one
MIN_SENTENCE_SCORE = 0.1  # never show a sentence scoring below this (abstention decides before this)
MAX_SENTENCES = 4
HEADING_SHARE = 1.0         # how much of the word overlap may come from the sentence's section heading
ASK_OVERLAP_SHARE = 0.5   # a follow-up's own words' share of the word overlap (assistant/followup.py)
REDUNDANT_SIMILARITY = 0.86
REDUNDANT_OVERLAP = 0.75
# Two sentences that share no word beyond the corpus's subject say different things however close their vectors:
# MiniLM put "While the exact cause ... varies" and "Some people may be genetically predisposed ..." at 0.87, and
# the risk-factor sentence was dropped as a repeat. A candidate that holds at least DISTINCT_ANSWER_OVERLAP of the
# question's words (its heading counts) is a vector repeat only if it also shares this much of its other words;
# one that holds fewer ("... are rare but serious conditions" for a long story question) stays a repeat: its
# vector is mostly the subject's.
REDUNDANT_VECTOR_OVERLAP = 0.25
DISTINCT_ANSWER_OVERLAP = 0.5
SUBJECT_TERMS = frozenset(content_terms("paraneoplastic syndromes"))

# List questions ("Which cancers ...?", "What symptoms ...?", "How is it diagnosed?") are answered by the
# items of a list, not by the sentence that announces it: they may take more sentences, keep more of
# the near-best ones, and bullet items score higher. Without this, a generic sentence that repeats the
# question's words ("can present with a wide range of symptoms") outscores every concrete item.
LIST_MAX_SENTENCES = 6
LIST_KEEP_RATIO = 0.7
LIST_FOCUS_SHARE = 0.8     # weight of the focused question vector in a list question's similarity (else 0.5)
LIST_SIBLING_RATIO = 0.6   # further items of a list already quoted are kept down to this share of the best score
LIST_BULLET_FACTOR = 1.1
LIST_TOPIC_BONUS = 0.3     # up to this much more for a bullet whose heading or label matches the question's words


def _label_terms(sentence: "Sentence") -> set[str]:
    """Terms of a bullet's label ('- Laboratory Tests: Autoantibody ...' -> laboratori, test), else none."""
    head, colon, _ = BULLET.sub("", sentence.text).partition(":")
    return content_terms(head) if colon and len(head) <= 60 else set()


# Framing sentences carry no facts ("This article comprehensively examines ...", "Imagine experiencing ...");
# they only win when the question is about the article itself, so they are down-weighted, not dropped.
FRAMING = re.compile(r"^\s*(?:this article|in this article|imagine)\b", re.IGNORECASE)
FRAMING_FACTOR = 0.8
_WORD = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    similarity: float
    overlap: float
    chunk_rank: int
    full_similarity: float = 0.0


@dataclass
class Composition:
    """An extractive answer body (with [n] markers), its quotes and the scores that chose them."""

    body: str
    quotes: list[Quote]
    scored: list[Scored] = field(default_factory=list)
    support_rank: int | None = None  # only sentences of passages ranked <= this count for the abstention signal
    probability: float | None = None  # the ranker's best top-k probability (enriched composition only)

    @property
    def best_similarity(self) -> float:
        return max((s.similarity for s in self.scored), default=0.0)

    @property
    def best_full_similarity(self) -> float:
        """How close the best top-k sentence is to the whole question: the abstention signal.

        Pool passages beyond the top-k (support_rank) are left out, so a deeper pool cannot talk the
        gate into answering a question the top passages do not support.
        """
        limit = self.support_rank
        return max((s.full_similarity for s in self.scored if limit is None or s.chunk_rank <= limit), default=0.0)


def question_terms(query: str) -> set[str]:
    """The question's content terms without the corpus's subject (all of them when nothing else is left)."""
    from assistant.retrieval import strip_subject
    from assistant.worded_frequency import HOW_OFTEN

    # "how often" asks how often, it names no topic: its "often" would lift every sentence that happens to hold the
    # word ("they are often influenced by ...") over the one that says how often ("... are rare")
    query = HOW_OFTEN.sub("how", query)
    return content_terms(strip_subject(query)) or content_terms(query)


@dataclass(frozen=True)
class Asked:
    """What a question asks, read once before its every candidate sentence is scored: its content words, a
    follow-up's own words, how much a sentence's heading counts, and its frame's family (question_intent.py)."""

    terms: set[str]
    ask_terms: set[str]
    heading_share: float
    frame: tuple[str, ...]
    weight: float        # the question's words' weight in all
    frame_weight: float  # the frame's weight as one more asked word: the question's weightiest word's

    def overlap(self, sentence: Sentence, terms: set[str], heading: set[str], bank: SentenceBank) -> float:
        """The sentence's share of the asked words (its heading counting `heading_share`), a follow-up's own words
        as much as the whole standalone question, the frame as one more word."""
        overlap = self._shared(self.terms, terms, heading, bank)
        if self.ask_terms:
            overlap = (1 - ASK_OVERLAP_SHARE) * overlap + ASK_OVERLAP_SHARE * self._shared(self.ask_terms, terms, heading, bank)
        if self.frame:
            overlap = with_frame(overlap, self.weight, self.frame_weight, says(self.frame, sentence.text))
        return overlap

    def _shared(self, words: set[str], terms: set[str], heading: set[str], bank: SentenceBank) -> float:
        # the heading counts half: "What are the main types?" should find the bullets under "Types of ..."
        share = self.heading_share
        return (1 - share) * bank.overlap(words, terms) + share * bank.overlap(words, terms | heading)


def asked_of(query: str, ask: str, bank: SentenceBank) -> Asked:
    """The question's scoring words (Asked). The corpus's subject ("paraneoplastic syndromes") is in nearly every
    sentence and says nothing about which one answers: the overlap counts the other question words, when there are
    any; and when the subject is all the question names ("what is a paraneoplastic syndrome"), a heading that names it
    ("Types of Paraneoplastic Syndromes") must not lift every bullet under it: words count in the sentence only. A
    first turn's frame ("why", "how fast", "where", "which doctor", "what tests") is one more asked word, said by a
    sentence saying that kind of thing (assistant/question_intent.py); a follow-up's rewrite carries earlier words."""
    from assistant.retrieval import strip_subject

    q_terms = question_terms(query)
    return Asked(terms=q_terms, ask_terms=content_terms(strip_subject(ask)) if ask else set(),
                 heading_share=HEADING_SHARE if content_terms(strip_subject(query)) else 0.0,
                 frame=() if ask else frame_family(query), weight=sum(bank.weight(t) for t in q_terms),
                 frame_weight=max((bank.weight(t) for t in q_terms), default=1.0))


def score_sentences(
    query: str, query_vector: Sequence[float], hits: Sequence[ScoredChunk], bank: SentenceBank,
    full_vector: Sequence[float] | None = None, listing: bool = False, ask: str = "",
) -> list[Scored]:
    """Every sentence of the retrieved chunks with its score, best first.

    `query_vector` is the focused question (subject phrase dropped), `full_vector` the whole question;
    a sentence's similarity is the mean of the two, so neither a generic sentence about the subject
    nor a sentence matching only a fragment of the question wins on its own. `ask`, a follow-up's own
    words, weighs as much in the word overlap as the whole standalone question: a sentence that only
    repeats the subject carried over from the previous turn must not outscore one answering the new ask.
    """
    import numpy as np

    bank.ensure([h.chunk for h in hits])
    q = np.asarray(query_vector, dtype=np.float32)
    qf = np.asarray(full_vector, dtype=np.float32) if full_vector is not None else q
    asked = asked_of(query, ask, bank)
    out: list[Scored] = []
    for hit in hits:
        sentences = bank.sentences(hit.chunk.id)
        if not sentences:
            continue
        vecs = bank.vectors(hit.chunk.id)
        full_sims = vecs @ qf
        # a list question's focused part ("which cancers are linked to") names the items wanted, so it leads
        focus_share = LIST_FOCUS_SHARE if listing else 0.5
        sims = focus_share * (vecs @ q) + (1 - focus_share) * full_sims
        # the second embedder (when on) re-scores: it decides which sentence answers, not whether one does
        blended = sims if bank.second is None else (
            (1 - bank.second_weight) * sims + bank.second_weight * bank.second.similarities(query, sentences))
        heading = bank.heading_terms(hit.chunk.id)
        for sentence, sim, mixed, full_sim, terms in zip(sentences, sims.tolist(), blended.tolist(), full_sims.tolist(),
                                                         bank.terms(hit.chunk.id)):
            overlap = asked.overlap(sentence, terms, heading, bank)
            score = _score(sentence, mixed, overlap, asked, heading, bank, listing)
            out.append(Scored(sentence, score, sim, overlap, hit.rank, full_sim))
    out.sort(key=lambda s: (-s.score, s.chunk_rank, s.sentence.index))
    return out


def _score(sentence: Sentence, similarity: float, overlap: float, asked: Asked, heading: set[str], bank: SentenceBank,
           listing: bool) -> float:
    """One sentence's score from its similarity and word overlap: a framing sentence down-weighted; in a list
    question, a list item under a heading (or with a label) that names what is asked lifted ("Common Symptoms",
    "Advanced Diagnostic Tests", "- Laboratory Tests: ...")."""
    score = SIMILARITY_WEIGHT * similarity + OVERLAP_WEIGHT * overlap
    if FRAMING.match(sentence.text):
        score *= FRAMING_FACTOR
    if listing and sentence.is_bullet:
        score *= LIST_BULLET_FACTOR + LIST_TOPIC_BONUS * bank.overlap(asked.terms, heading | _label_terms(sentence))
    return score


def redundant(candidate: Scored, chosen: Sequence[Scored], bank: SentenceBank) -> bool:
    """Does `candidate` repeat a sentence already `chosen`: close vectors (unless it answers with distinct words) or
    mostly the same terms? Shared by both composers, so an answer never quotes the same point twice."""
    import numpy as np

    c_vec = bank.vectors(candidate.sentence.chunk.id)[candidate.sentence.index]
    c_terms = bank.terms(candidate.sentence.chunk.id)[candidate.sentence.index]
    for other in chosen:
        o_terms = bank.terms(other.sentence.chunk.id)[other.sentence.index]
        o_vec = bank.vectors(other.sentence.chunk.id)[other.sentence.index]
        if float(np.dot(c_vec, o_vec)) >= REDUNDANT_SIMILARITY and (
                candidate.overlap < DISTINCT_ANSWER_OVERLAP or shares_content(c_terms, o_terms, REDUNDANT_VECTOR_OVERLAP)):
            return True
        if c_terms and o_terms and len(c_terms & o_terms) / min(len(c_terms), len(o_terms)) >= REDUNDANT_OVERLAP:
            return True
    return False


def shares_content(a: set[str], b: set[str], share: float) -> bool:
    """Do two sentences' terms, the corpus's subject words left out, overlap by at least `share` of the smaller?"""
    a, b = a - SUBJECT_TERMS, b - SUBJECT_TERMS
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= share


def select_sentences(scored: Sequence[Scored], bank: SentenceBank, max_sentences: int = MAX_SENTENCES,
                     keep_ratio: float = KEEP_RATIO, listing: bool = False) -> list[Scored]:
    """The best sentence plus those close to it, without repeats or list lead-ins.

    `listing` (a list question): the other items of a quoted list are kept down to LIST_SIBLING_RATIO,
    and when over `max_sentences` the weakest prose sentences go first.
    """
    candidates = [s for s in scored if not s.sentence.is_lead_in and len(_WORD.findall(s.sentence.text)) >= 4]
    if not candidates:
        return []
    best = candidates[0].score
    if best < MIN_SENTENCE_SCORE:
        return []
    floor = max(MIN_SENTENCE_SCORE, best * keep_ratio)
    chosen: list[Scored] = []
    for s in candidates:
        if (not listing and len(chosen) >= max_sentences) or s.score < floor:
            break
        if redundant(s, chosen, bank):
            continue
        chosen.append(s)
    if not listing:
        return chosen
    # a list answer shows the list: other items of a list already quoted stay down to a lower floor ...
    sections = {(s.sentence.chunk.source_id, s.sentence.chunk.section_id) for s in chosen if s.sentence.is_bullet}
    sibling_floor = max(MIN_SENTENCE_SCORE, best * LIST_SIBLING_RATIO)
    for s in candidates:
        if s.score < sibling_floor:
            break
        key = (s.sentence.chunk.source_id, s.sentence.chunk.section_id)
        if s.sentence.is_bullet and key in sections and s not in chosen and not redundant(s, chosen, bank):
            chosen.append(s)
    # ... and when there are too many, prose goes before list items (weakest first), except the best prose
    # sentence: it is the overview the items belong to ("Managing ... requires treating both the cancer and ...")
    chosen.sort(key=lambda s: -s.score)
    while len(chosen) > max_sentences:
        prose = [s for s in chosen if not s.sentence.is_bullet][1:]
        items = [s for s in chosen if s.sentence.is_bullet]
        chosen.remove(min(prose or items or chosen, key=lambda s: s.score))
    return chosen



def compose_answer(
    query: str,
    query_vector: Sequence[float],
    hits: Sequence[ScoredChunk],
    bank: SentenceBank,
    max_sentences: int | None = None,
    full_vector: Sequence[float] | None = None,
    support_rank: int | None = None,
    ask: str = "",
) -> Composition:
    """Select, order and mark the sentences of `hits` that answer `query` (empty body when none qualifies).

    `max_sentences=None` lets the question decide: a list question gets up to LIST_MAX_SENTENCES.
    """
    listing = asks_for_list(query)
    scored = score_sentences(query, query_vector, hits, bank, full_vector, listing=listing, ask=ask)
    limit = max_sentences if max_sentences is not None else (LIST_MAX_SENTENCES if listing else MAX_SENTENCES)
    quotes = arrange(select_sentences(scored, bank, limit, keep_ratio=LIST_KEEP_RATIO if listing else KEEP_RATIO,
                                      listing=listing))
    return Composition(body=render(quotes), quotes=quotes, scored=scored, support_rank=support_rank)
