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

The support gate then asks one more thing of a yes/no follow-up (`unaddressed_ask`): whether the article words
its ask at all ("does it hurt", "is it contagious", "can my dog get it"); the rewrite carries the subject, so the
subject's passages look well supported although nothing answers the ask (follow-up bank 4).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.clinical_shorthand import WORK_UP, expand_short_forms
from assistant.yes_no import YES_NO_FOLLOWUP, YES_NO_FOLLOWUP_SUBJECT

if TYPE_CHECKING:
    from assistant.retrieval import Retrieval, Retriever
    from index.models import Chunk, ScoredChunk

ASK_SHARE = 0.5          # weight of the ask's vector in the vector the answer's sentences are scored against
NEIGHBOURHOOD_HITS = 3   # the previous question's best passages whose sections make the prior
MIN_QUOTED_CHARS = 25    # a previous answer's sentence shorter than this is not matched to the article
# Words of a follow-up that point back or carry no ask: pronouns, people, fillers, auxiliaries (no stopwords to BM25,
# so they would weigh as the rarest words of all).
_POINTERS = re.compile(
    r"\b(?:is|are|was|were|be|been|does|do|did|can|could|should|would|will|may|might|must|has|have|had|"
    r"it|its|they|them|their|theirs|this|that|these|those|one|ones|he|she|him|her|his|hers|i|me|my|you|your|we|us|"
    r"our|someone|somebody|person|people|patients?|and|so|also|then|too|ok|okay|else|other|others)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\s*\[\d+\]")
# "what causes it": the article's sentences with "causes" say what their own subject causes ("Trousseau syndrome causes
# blood clots"), the reverse of the ask, so the verb is no ask word; the subject's own sentence says its cause
# ("... due to excessive hormone production"), and the standalone question finds it as a first turn would.
_WORKUP_WORD = re.compile(r"\bwork[\s-]?ups?\b", re.IGNORECASE)
_CAUSE_VERB = re.compile(r"\b(?:causes?|caused|causing)\b", re.IGNORECASE)
# Harms asked of a test or a treatment, and the words that name the condition itself (harm_unaddressed).
_HARM = re.compile(r"\b(?:risks?|risky|dangers?|dangerous|downsides?|complications?|side[\s-]?effects?|adverse|harmful)\b")
_OF_A_TREATMENT = re.compile(r"side[\s-]?effects?|adverse")  # harms only a treatment or a test has
_CONDITION = re.compile(r"\b(?:pns|paraneoplastic|syndromes?|disease|disorders?|condition|cancers?|tumou?rs?)\b", re.IGNORECASE)
# Verbs that relate the subject to the ask ("does it cause hair loss", "does it affect the eyes"): the ask is their object.
_RELATIONS = frozenset("cause causes affect affects lead leads give gives make makes help helps mean means involve "
                       "involves".split())
_LEAD = r"^(?:(?:and|so|but|ok|okay|n)[,\s]+)?"
_POINTER_WORDS = r"(?:it|its|that|this|they|them|those|these|he|she|him|her|you|i|we|one|ones|there)\b"
# "what is the X ...", "whats the X", "what X ...": X is the aspect (after a figure: "whats the 5yr survival"); an
# auxiliary or pronoun next ("what does that
# do", "what would she notice") leaves the aspect to the verb, and "what about/if" is an ellipsis, not an aspect.
_WH_ASPECT = re.compile(_LEAD + r"(?:what|which)(?:\s+(?:is|are|was|were|r)\b|'s|s\b)?\s+(?!(?:about|if|else|do|does|did|"
                        r"can|could|would|will|should|may|might|is|are|was|were|has|have|had)\b|" + _POINTER_WORDS +
                        r")(?:(?:the|a|an|other|kind of|kinds of|type of|types of|sort of|\d[a-z0-9]*)\s+)*(?P<rest>[a-z][a-z\s-]*)")
# "how is X done", "how do steroids help": X is a new subject unless a pronoun stands there ("how does that happen").
_HOW_SUBJECT = re.compile(_LEAD + r"how\s+(?:is|are|was|were|do|does|did|can|could|would|will|r)\s+(?!" + _POINTER_WORDS +
                          r")(?:(?:the|a|an)\s+)?(?P<rest>[a-z][a-z\s-]*)")
# "any side effects", "are there any risks": the words after "any" are the aspect asked for.
_ANY_ASPECT = re.compile(_LEAD + r"(?:(?:are|is|r)\s+there\s+)?any\s+(?:(?:other|more)\s+)?(?P<rest>[a-z][a-z\s-]*)")
# "how much does it cost", "how fast do they work": the words after the measure say what is measured.
_HOW_MUCH = re.compile(_LEAD + r"how\s+(?P<rest>(?:much|many|long|often|fast|soon|quickly)\b.*)")
# Words that sit where an aspect would but ask for instances, people or the measure itself.
_NOT_AN_ASPECT = frozenset("examples example kinds kind types type sorts sort things thing ways options ones doctors doctor "
                           "docs physicians nurses people patients person someone much many long often".split())
SHARED_STEM = 5  # stems sharing this many leading letters are one word ('physio' ~ 'physical', 'genes' ~ 'genetic')


@dataclass(frozen=True)
class FollowUp:
    """What a follow-up turn brings besides its standalone rewrite."""

    ask: str               # its own words with the pointers dropped ('how do they test for it' -> 'how do test for')
    previous: str          # the previous question, made standalone by the turns before it
    previous_answer: str   # the previous assistant turn's text ('' when the history has none)
    widen: Callable[[str], str] | None = None  # a named member -> its group when an aspect of it is asked

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
    ask = re.sub(r"\s+", " ", _CAUSE_VERB.sub(" ", _POINTERS.sub(" ", own_words))).strip(" ?.!,")
    # only a yes/no ask is widened ("is it curable"): the support gate then wants its own words among the sentences
    # shown, which the member's bullet never has; a what/how ask ("how is it treated") keeps the subject's words,
    # whose neighbourhood it answers from (follow-up banks 6 and 8 lost facts when those were widened too)
    yes_no = YES_NO_FOLLOWUP.match(own_words.strip()) is not None
    return FollowUp(ask=ask, previous=previous, previous_answer=exchange.reply, widen=widen if yes_no else None)


def unaddressed_ask(own_words: str, context: FollowUp, vocab: frozenset[str], stems: Iterable[str],
                    generic: frozenset[str], shown: str = "") -> list[str]:
    """The words of a yes/no follow-up's ask when the corpus, or the sentences `shown` for it, use none of them.

    Why: "does it hurt" after "what is lambert eaton syndrome" is rewritten to "does lambert eaton syndrome hurt";
    every word but "hurt" is on topic, so the passages about the subject score as well supported and the answer
    shows them, although nothing in the article says whether it hurts. The ask ('hurt', 'contagious', 'dog') is
    what the turn adds, so words the previous turn already asked or showed ('itching' after the skin bullet) are
    the carried subject, not the ask. When the article, its sources and its bibliography never use any of its words (in any
    inflection: stems compared by their leading letters), the article cannot answer it; when they do but none of
    the sentences chosen for the answer does ("is it painful" after the spinal tap: 'pain' is only in the joint
    bullet), those sentences answer the subject, not the ask. A what/which/how follow-up is judged by its asked
    aspect alone (`aspect_unaddressed`): its other words are often verbs that name nothing ("how does that happen",
    "what decides that"), while a yes/no ask is a property of the subject. `generic` (the most frequent English words: "get", "have") and stopwords name
    nothing and are skipped.
    """
    from assistant.fragment_asks import fragment_unaddressed
    from assistant.lay_terms import medical_words
    from index.lexical import is_stopword, tokenize

    harm = harm_unaddressed(own_words, context, shown) or prevention_unaddressed(own_words, context, shown)
    if harm:
        return harm
    fragment = fragment_unaddressed(own_words, f"{context.previous} {context.previous_answer}", shown, stems, generic,
                                    _same_stem)
    if fragment:  # 'dialysis?': a bare noun phrase the article never words (assistant/fragment_asks.py)
        return fragment
    if not YES_NO_FOLLOWUP.match(own_words.strip()):
        return aspect_unaddressed(own_words, vocab, stems, generic)
    words = [w for w in re.findall(r"[a-z]+", context.ask.lower())
             if len(w) > 2 and w not in generic and not is_stopword(w)]
    words = [w for w in words if w not in _RELATIONS] or words  # 'cause hair loss': the ask is the hair loss
    carried = set(re.findall(r"[a-z]+", f"{context.previous} {context.previous_answer}".lower()))
    words = [w for w in words if w not in carried] or words  # 'is the itching contagious': the itching was shown
    if not words:
        return []
    words = [m for w in words for m in (medical_words(w) or [w])]  # 'is it curable': the article says 'recovery'
    stems = tuple(stems)
    unknown = [w for w in words if w not in vocab and not any(_same_stem(t, stems) for t in tokenize(w))]
    if len(unknown) == len(words):
        return unknown
    subject = YES_NO_FOLLOWUP_SUBJECT.match(own_words.strip().lower())
    if subject is not None and subject.group("subject") in unknown and not _acts_on_pointer(subject, own_words):
        return [subject.group("subject")]  # a new subject the corpus never names: nothing says whether it is needed
    said = tuple(tokenize(shown))
    return words if said and not any(_same_stem(t, said, inside=True) for w in words for t in tokenize(w)) else []


def _acts_on_pointer(subject: re.Match[str], own_words: str) -> bool:
    """The yes/no ask's subject is a verb's -ing form whose object points back ("does catching it early help",
    "would treating them help"): an action on the carried subject, not a new subject the article must name."""
    rest = own_words.strip().lower()[subject.end():]
    return subject.group("subject").endswith("ing") and re.match(r"\s+(?:it|them|that|this|those|these|him|her)\b", rest) is not None


def harm_unaddressed(own_words: str, context: FollowUp, shown: str) -> list[str]:
    """The harm asked of the previous turn's test or treatment ("what are the risks of it" after plasmapheresis)
    when no sentence shown names both the harm and that subject, else [].

    Why apart from the aspect check: the article words 'risk' (risk factors, "increased risk of blood clots") and
    'effects', so the harm looks addressed, but only of the condition; it never says what a test or a treatment
    risks. A harm asked of the condition itself ("what are the risks of it" after "what is pns") is a risk-factor
    question the article answers, so a subject that names the condition is left to the other checks.
    """
    from assistant.topics import topic_of

    harm = _HARM.search(own_words.lower())
    topic = topic_of(context.previous)
    if harm is not None and _OF_A_TREATMENT.fullmatch(harm.group(0)) and topic is not None:
        topic = re.sub(_CONDITION, " ", topic).strip() or "treatment"  # side effects are a treatment's, never the condition's
    if harm is None or topic is None or _CONDITION.search(topic) or _CONDITION.search(own_words):
        return []
    head = re.sub(r"^(?:the|a|an)\s+", "", topic.lower()).split()[0]
    asked = harm.group(0)[:4]  # the same harm: 'risk' ~ 'risks', not 'harmful antibodies' for 'side effects'
    for sentence in re.split(r"(?<=[.!?])\s+", shown.lower()):
        if head in sentence and any(m.group(0)[:4] == asked for m in _HARM.finditer(sentence)):
            return []
    return [harm.group(0)]


_PREVENT = re.compile(r"\b(?:prevent\w*|avoid\w*|stop(?:ped|ping)? (?:it|them|that) from)\b")
_PREVENTION_WORD = re.compile(r"\b(?:prevent\w*|avoid\w*)\b")


def prevention_unaddressed(own_words: str, context: FollowUp, shown: str) -> list[str]:
    """The prevention asked of the subject ("can it be prevented", "how is it prevented") when no sentence shown
    prevents or avoids that subject, else [].

    Why: the article words 'prevent' of other things ("prevent immune attacks on healthy tissues", "avoid
    misdiagnosis"), so a prevention ask looks addressed while nothing says how the subject itself is prevented.
    The prevented thing is what follows the verb; it must be the ask's own words or the carried subject.
    """
    from assistant.topics import topic_of
    from index.lexical import is_stopword

    ask = _PREVENT.search(own_words.lower())
    if ask is None:
        return []
    named = {w for w in re.findall(r"[a-z]{3,}", _PREVENT.sub(" ", own_words.lower())) if not is_stopword(w)}
    topic = topic_of(context.previous) or ""
    named |= {w for w in re.findall(r"[a-z]{3,}", topic.lower()) if not is_stopword(w)}
    named |= {"paraneoplastic", "syndrome", "syndromes", "pns"} if not topic or _CONDITION.search(topic) else set()
    for sentence in re.split(r"(?<=[.!?])\s+", shown.lower()):
        for verb in _PREVENTION_WORD.finditer(sentence):
            after = re.findall(r"[a-z]+", sentence[verb.end():])[:4]
            if any(w[:5] == n[:5] for w in after for n in named):
                return []
    return [ask.group(0)]


def aspect_unaddressed(own_words: str, vocab: frozenset[str], stems: Iterable[str], generic: frozenset[str]) -> list[str]:
    """The asked aspect of a what/which/how follow-up when the corpus never words it, else [].

    Why not every word, as for a yes/no ask: a what/how follow-up's words are often a verb that names nothing
    ("how does that happen", "what would she notice first") or a word for instances ("what are examples of that"),
    and the article answers those. What such a follow-up asks for is a noun in a fixed place: the aspect after
    "what is the" / "what" / "any" ("whats the dose", "what are the side effects of them", "any side effects"),
    the thing measured after "how much/long/often" ("how much does it cost"), or a new subject between "how is"
    and its verb ("how is dialysis done for it"). When the article, its sources and bibliography never use that
    noun (stems compared as in `unaddressed_ask`), nothing in them answers the turn, however on topic the carried
    subject makes the passages look. A pronoun in the subject's place ("how does that happen") leaves no aspect.
    """
    from index.lexical import is_stopword, tokenize

    text = own_words.strip().lower()
    picked: list[str] = []
    for pattern, first_only in ((_WH_ASPECT, True), (_HOW_SUBJECT, True), (_HOW_MUCH, False), (_ANY_ASPECT, True)):
        m = pattern.match(text)
        if m is None:
            continue
        if pattern is _WH_ASPECT and re.match(r"[a-z]+\s+" + _POINTER_WORDS, m.group("rest")):
            break  # 'what decides that', 'what helps it': the word is a verb whose object points back
        # a frequent English word the corpus uses names its thing ('any research going on'); others name nothing
        words = [w for w in re.findall(r"[a-z]+", m.group("rest")) if len(w) > 2 and (w not in generic or w in vocab)
                 and not is_stopword(w) and not _POINTERS.fullmatch(w)]
        if first_only:  # 'how do doctors confirm it', 'what are examples of that': no aspect in the aspect's place
            picked = words[:1] if words and words[0] not in _NOT_AN_ASPECT else []
        else:
            picked = [w for w in words if w not in _NOT_AN_ASPECT]
        break
    if not picked:
        return []
    stems = tuple(stems)
    unknown = [w for w in picked if w not in vocab and not any(_same_stem(t, stems) for t in tokenize(w))]
    return unknown if len(unknown) == len(picked) else []


def _same_stem(stem: str, stems: Sequence[str], inside: bool = False) -> bool:
    """`stem` is one of `stems`, shares SHARED_STEM leading letters with one, or one of 4+ letters starts the other
    (`inside`: or lies inside it, 'steroid' in 'corticosteroid')."""
    for other in stems:
        shared = len(os.path.commonprefix([stem, other]))
        if shared >= SHARED_STEM or (shared >= 4 and shared == min(len(stem), len(other))) or stem == other:
            return True
        if inside and len(stem) >= 4 and stem in other:
            return True
    return False


def quoted_chunks(answer: str, chunks: Sequence["Chunk"]) -> list["Chunk"]:
    """The article chunks whose sentences the previous answer shows verbatim (a chat's own answer does; a summary does not)."""
    text = re.sub(r"\s+", " ", _MARKER.sub("", answer)).lower()
    if len(text) < MIN_QUOTED_CHARS:
        return []
    found = []
    for chunk in chunks:
        pieces = [p.strip(" -") for p in re.split(r"(?<=[.!?])\s+|\n", chunk.text)]
        if any(len(p) >= MIN_QUOTED_CHARS and re.sub(r"\s+", " ", p).lower().rstrip(".") in text for p in pieces):
            found.append(chunk)
    return found


def neighbourhood(retriever: "Retriever", context: FollowUp) -> set[str]:
    """Chapter keys ('source\\ntop-level section id', `_area`) the previous turn stood in: quoted by its answer, else
    retrieved by its question."""
    chunks = quoted_chunks(context.previous_answer, retriever.index.chunks()) if context.previous_answer else []
    if not chunks and context.previous:
        # BM25 alone: the prior needs only the previous question's neighbourhood, not another question vector
        chunks = [h.chunk for h in retriever.retrieve(context.previous, mode="bm25").hits[:NEIGHBOURHOOD_HITS]]
    return {_area(c) for c in chunks}


def _area(chunk: "Chunk") -> str:
    """The part of its source a chunk stands in: its top-level section, subsections included.

    Why the whole chapter: a follow-up often asks the next thing the same chapter answers, in a sibling subsection
    ("what affects that" after the long-term outcomes: the factors influencing prognosis), which the quoted
    subsection alone left out of the prior (follow-up content bank; bank 6 studied key-fact recall 0.822 -> 0.839).
    """
    return f"{chunk.source_id}\n{chunk.section_id.split('/')[0]}"


def neighbourhood_ranking(retriever: "Retriever", ask: "Retrieval", sections: set[str]) -> list["ScoredChunk"]:
    """The neighbourhood's passages, ordered by the ask's fused rankings, then the rest of them in document order."""
    from assistant.retrieval import reciprocal_rank_fusion
    from index.models import ScoredChunk

    inside = lambda c: _area(c) in sections  # noqa: E731
    ranked = [h for h in reciprocal_rank_fusion([ask.dense, ask.lexical]) if inside(h.chunk)]
    seen = {h.chunk.id for h in ranked}
    rest = [c for c in sorted(retriever.index.chunks(), key=lambda c: (c.source_id, c.position))
            if inside(c) and c.id not in seen]
    ordered = [h.chunk for h in ranked] + rest
    return [ScoredChunk(chunk=c, score=0.0, rank=i, retriever="previous-turn") for i, c in enumerate(ordered, start=1)]


def composing_vector(standalone: Sequence[float] | None, ask: Sequence[float] | None) -> list[float] | None:
    """The standalone question's focused vector moved toward the ask's (unit length), for scoring the sentences shown."""
    import numpy as np

    if standalone is None or ask is None:
        return list(standalone) if standalone is not None else None
    mixed = (1 - ASK_SHARE) * np.asarray(standalone, dtype=np.float32) + ASK_SHARE * np.asarray(ask, dtype=np.float32)
    norm = float(np.linalg.norm(mixed))
    return (mixed / norm).tolist() if norm > 0 else list(standalone)


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
