"""What kind of answer a question wants, and which shown sentences cannot stand: keeping answers on the question.

Why: answers were precise in what they cited but padded with sentences that do not answer (hand-judged precision
0.59 on the self-written audit bank, 0.53 on the precision check bank, benchmarks/results/precision_check.md).
Two classes here generalise beyond any one question:
  * a question that names only the subject ("whats a paraneoplastic syndrome", "pns in simple words pls",
    "explain it like im 5") asks for the definition, and the article's own "What is/are ...?" section is it;
    bullets and intro framing that score near it are not;
  * a sentence whose demonstrative ("these common cancers", "this procedure") names a thing the answer does not
    show, and that the sentence before it in the article does not name either, points at nothing a reader
    can see; shown alone it confuses more than it helps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.sentences import content_terms
from assistant.word_forms import same_family

# Words that ask how to phrase the answer, not what about: after the subject is removed, a question made only of
# these asks what the subject is. Stems, as content_terms gives them.
FRAMING_WORDS = frozenset(content_terms(
    "what whats mean meaning means meant define definition simple simply words word plain english explain explained "
    "explanation pls please plz like im i'm 5 five kid child basic basics terms term tell describe description "
    "exactly actually really short brief briefly quick quickly summary summarise summarize overview pns layman laymans "
    "eli5 again version even stand stands anyway called name named"))
DEMONSTRATIVE = re.compile(r"\b(?:these|this|those)\s+([a-z-]+(?:\s+[a-z-]+){0,2})", re.IGNORECASE)
_LABEL = re.compile(r"^[^:]{2,60}:\s")  # a bullet's label: "Lumbar Puncture (Spinal Tap): This procedure ..."
_PHRASE_END = re.compile(r"[,.;:()]|\b(?:of|in|from|with|and|or|to|for|by|is|are|was|were|can|may|will|while|that|which|"
                         r"result|results|should|could|would|has|have|help|helps)\b", re.IGNORECASE)


def asks_definition_only(question: str, subject_free: str) -> bool:
    """True when nothing but the subject and framing words is asked ('pns in simple words pls').

    `subject_free` is the question with the corpus's subject phrase removed (assistant.retrieval.strip_subject).
    """
    rest = content_terms(subject_free)
    return bool(content_terms(question)) and rest <= FRAMING_WORDS


EXPLAINS = re.compile(r"\b(?:why|how)\b", re.IGNORECASE)
EXPLANATION_SENTENCES = 4  # the plain composer's MAX_SENTENCES: a reason or a process takes several steps
FACT_SENTENCES = 3         # "can it ...?", "what does X do?", "is it genetic?": one point and what backs it


def answer_length(question: str) -> int:
    """How many sentences the relevance cut may choose for a question that asks for no list.

    Why: beyond the third sentence, answers to yes/no and what-questions were off-topic by hand more often than
    not (self-written audit bank); a why/how question needs its explanation, which often is the fourth sentence
    ("why is it so hard to diagnose?" -> "Diagnosing ... can be challenging because ...").
    """
    return EXPLANATION_SENTENCES if EXPLAINS.search(question) else FACT_SENTENCES


DISTINCTIVE_WEIGHT = 0.25  # IDF weight (scaled to 1) under which a word ("cancer" 0.18, "symptom" 0.16) names no one point


def names_distinctive(q_terms: set[str], terms: set[str], weights: dict[str, float]) -> bool:
    """Does a sentence share a question word that is not common across the corpus?

    Why: a guess at what the condition is ("is it when the cancer spreads to the brain?", "is it a type of
    cancer?") is answered by the definition; the other sentences that scored near it share only the corpus's
    common words ("cancer") and were off-topic by hand in 9 of 11 cases on the audit bank.
    """
    strong = {q for q in q_terms if weights.get(q, 1.0) >= DISTINCTIVE_WEIGHT}
    return any(same_family(q, t) for q in strong for t in terms)


def topic_terms(text: str, heading: set[str]) -> set[str]:
    """What a sentence is about, by the article's own structure: its section heading's terms and, for a bullet
    (`text`: the sentence's unit, "Imaging: Magnetic resonance ..."), its label's: every sentence of a bullet is about
    its label ("Some patients may have abnormal blood cell levels ..." under "Hematologic (blood-related):")."""
    label = _LABEL.match(text)
    return heading | (content_terms(label.group(0)) if label else set())


def about_distinctive(q_terms: set[str], terms: set[str], topic: set[str], weights: dict[str, float]) -> bool:
    """Does a sentence share a distinctive question word that is also its topic (`topic`: topic_terms)?

    Why: names_distinctive protects a sentence from the off-topic cut whatever else it says, and a word shared in
    passing is the commonest way an unhelpful sentence survives: "skin changes" inside "Healthcare providers will
    assess ...", "myasthenia" inside the differential list for "is lems a paraneoplastic thing" (precision banks'
    hand labels: 47 of 84 unhelpful blind sentences left by round 15 were protected that way). A word the sentence is
    about, its heading or its bullet's label, still protects ("Laboratory Tests: ..." for "advanced dx tests").
    Chosen on the studied labels of precision banks 2-10 (benchmarks/protection_rules.py).
    """
    strong = {q for q in q_terms if weights.get(q, 1.0) >= DISTINCTIVE_WEIGHT}
    return any(any(same_family(q, t) for t in terms) and any(same_family(q, h) for h in topic) for q in strong)


def demonstrative_phrases(text: str) -> list[tuple[int, set[str]]]:
    """Where 'these/this/those + words' stands inside a sentence, and the stems of the words it names.

    ('... with these common cancers, ...' -> (offset, {common, cancer})). A demonstrative that opens the sentence or
    follows a bullet's label ("These suppress ...", "This procedure ...") is the antecedent rule's job (the
    enrichment marks such units as needing their predecessor); only the ones later in the sentence are read.
    """
    from assistant.retrieval import strip_subject  # "these syndromes" names the corpus's subject: never dangling

    opening = _LABEL.match(text)
    start = opening.end() if opening else 0
    out = []
    for m in DEMONSTRATIVE.finditer(text):
        if not text[start : m.start()].strip(" •-\t"):
            continue
        phrase = _PHRASE_END.split(m.group(1))[0]
        terms = content_terms(strip_subject(f"these {phrase}"))
        if terms:
            out.append((m.start(), terms))
    return out


def unresolved(text: str, context: str = "", shown: tuple[str, ...] = ()) -> bool:
    """True when a demonstrative phrase of `text` names nothing said earlier in `text` or in `context`, and no
    other shown sentence names all of it.

    `context` is the sentence before it in the article; `shown` the answer's other sentences ("these common
    cancers" is answered by "Commonly associated cancers include ..." shown beside it).
    """
    seen = content_terms(context)
    others = [content_terms(t) for t in shown]
    return any(not (terms & (content_terms(text[:at]) | seen)) and not any(terms <= o for o in others)
               for at, terms in demonstrative_phrases(text))


def top_section(sentence: Any) -> str:
    """The top-level article section a sentence sits under ('diagnostic-procedures/...' -> 'diagnostic-procedures')."""
    return sentence.chunk.section_id.split("/")[0]


def keep_near_best(chosen: Sequence[Any], q_terms: set[str], bank: Any) -> list[Any]:
    """The relevance cut's choice (best first) less the sentences from another part of the article than the best one
    that share no distinctive word with the question (`bank`: each sentence's terms and the term weights).

    Why: scores sit close together on short hurried questions, and what passes beside the answer is often a sentence
    from elsewhere that matches only the question's common words ("symptoms", "cancer", "neuro"): the differential
    diagnosis beside "how fast do symptoms get worse", the risk factors beside "is nephrotic syndrome linked to cancer"
    (hand-labelled, precision_check3). A sentence from the best one's own section family continues its topic, and one
    naming a distinctive question word answers a part of the question, so both stay; so does the definition
    (`defines`). A summary section sentence is left to near_duplicates.prefer_body.
    """
    from assistant.near_duplicates import is_summary

    if len(chosen) < 2:
        return list(chosen)
    best = chosen[0]
    if is_summary(best.sentence.chunk):
        return list(chosen)
    home = top_section(best.sentence)
    return [s for s in chosen if s is best or is_summary(s.sentence.chunk) or top_section(s.sentence) == home
            or defines(s.sentence) or names_distinctive(q_terms, bank.terms(s.sentence.chunk.id)[s.sentence.index],
                                                        bank.weights)]


DEFINITION_SECTION = re.compile(r"what (?:is|are)\b", re.IGNORECASE)


def defines(sentence: Any) -> bool:
    """Is the sentence in the article's own 'What is/are ...?' section (the definition, which a long story ending in
    'what is this?' asks for whatever other words it uses)?"""
    path = sentence.chunk.section_path
    return bool(path) and bool(DEFINITION_SECTION.match(path[0]))
