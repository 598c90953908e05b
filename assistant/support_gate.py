"""The support gate: whether the evidence gathered for a question lets the article answer it.

Why its own module: the gate's inputs (the ranker's probability or best cosine, the asked words of a follow-up, the
previous turn's subject) are read from several triage and follow-up results; keeping them here leaves
assistant/pipeline.py the order of the steps, and gives a new support check one obvious place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.answerers.base import Evidence

if TYPE_CHECKING:
    from assistant.abstention import Support
    from assistant.asked_words import Asked
    from assistant.followup import FollowUp
    from assistant.parts import Parts
    from assistant.pipeline import Understood
    from assistant.quotes import Quote
    from assistant.triage import Triage, Triaged
    from assistant.unprinted_names import Lexicon
    from foundation.settings import Settings


def gate(settings: "Settings", evidence: Evidence, require_figures: bool = True,
         triaged: "Triaged | None" = None, known: frozenset[str] = frozenset(),
         unaddressed: Sequence[str] = ()) -> "Support":
    """The support gate's verdict on the top-k passages (see assistant/abstention.py).

    With calibrated abstention the signal is the ranker's best top-k probability against
    settings.answer.abstain_probability (chosen on dev); otherwise the best sentence's cosine.
    """
    from assistant.abstention import check_support
    from assistant.asked_words import asked_in
    from assistant.worded_frequency import without_worded_frequency

    composition = evidence.composition
    if settings.answer.calibrated_abstention and composition.probability is not None:
        signal, threshold = composition.probability, settings.answer.abstain_probability
    else:
        signal, threshold = max(composition.best_full_similarity, lay_similarity(evidence)), settings.answer.abstain_threshold
    asked = without_worded_frequency(asked_in(evidence.retrieval.query, triaged), composition)
    return check_support(evidence.retrieval.query, evidence.retrieval.hits, signal, threshold,
                         evidence.parts.vocab, require_figures=require_figures,
                         known=known, subject=triaged.subject if triaged is not None else None,
                         unaddressed=unaddressed, asked=with_figure_family(asked, evidence) if require_figures else asked)


def with_figure_family(asked: "Asked", evidence: Evidence) -> "Asked":
    """What is asked, with the figure noun its figure-family word stands for ("how expensive is ..." asks a cost,
    assistant/figure_words.py) added to the text the figure check reads, when the figure pattern finds none itself."""
    from dataclasses import replace

    from assistant.abstention import NUMBER_ASK
    from assistant.figure_words import figure_word
    from index.lexical import is_stopword

    if NUMBER_ASK.search(asked.figures):
        return asked
    noun = figure_word(asked.figures, evidence.parts.vocab, is_stopword, evidence.parts.index.embed_queries)
    return asked if noun is None else replace(asked, figures=f"{asked.figures} ({noun})")


def lay_similarity(evidence: Evidence) -> float:
    """The best top-k sentence's cosine with the article's words for a question asked wholly in lay words, said of
    the subject ("is it terminal" -> "paraneoplastic syndromes outlook"), else 0.

    Why: retrieval already searches the lay words' medical words (assistant/lay_terms.with_medical_words), but the
    whole question's vector stays far from the sentence that answers it when the subject goes unnamed and the lay
    word is one the article never prints ("is it terminal": 0.13 against the outlook sentence, 0.80 for
    "paraneoplastic syndromes outlook"). Only where the lay phrases are all the question asks
    (lay_terms.spoken_meanings): a question that asks anything more is judged by its own words."""
    import numpy as np

    from assistant.lay_terms import spoken_meanings
    from assistant.retrieval import strip_subject
    from assistant.topics import DEFAULT_TOPIC

    meanings = spoken_meanings(strip_subject(evidence.question))
    composition, bank = evidence.composition, evidence.parts.bank
    limit = composition.support_rank
    scored = [s for s in composition.scored if limit is None or s.chunk_rank <= limit]
    if not meanings or not scored:
        return 0.0
    vector = np.asarray(evidence.parts.index.embed_query(f"{DEFAULT_TOPIC} {' '.join(meanings)}"), dtype=np.float32)
    return max(float(bank.vectors(s.sentence.chunk.id)[s.sentence.index] @ vector) for s in scored)


def unaddressed_of(evidence: Evidence, triaged: "Triaged | None", followup: "FollowUp | None",
                   load_triage: Callable[[], "Triage"] | None) -> list[str]:
    """A yes/no follow-up's ask words that the corpus, or the sentences chosen, never use (unaddressed_asks.unaddressed_ask); on a
    first turn, a treatment's harm or a "which X" pick that no sentence chosen says (assistant/first_turn_asks.py)."""
    from assistant.unaddressed_asks import unaddressed_ask

    shown = " ".join(q.text for q in evidence.composition.quotes)
    if followup is None and triaged is not None:  # a first turn: a treatment's harm or a pick the sentences leave unsaid
        from assistant.first_turn_asks import first_turn_unaddressed
        from index.lexical import is_stopword

        asked, shown = kept_ask(triaged.query or triaged.standalone, evidence.composition.quotes, shown)
        return first_turn_unaddressed(asked, shown, is_stopword, word_similarity(evidence.parts.index.embed_query))
    if followup is None or triaged is None or load_triage is None:
        return []
    triage, parts = load_triage(), evidence.parts
    return unaddressed_ask(triaged.own_query, followup, parts.vocab | triage.vocabulary, parts.bank.weights,
                           triage.generic, shown, family=triage.near_synonym)


def word_similarity(embed: Callable[[str], Sequence[float]]) -> Callable[[str, str], float]:
    """Two words' cosine under the index's encoder (its cache keeps a repeated word's vector): how close a profession
    the article names is to the kind of person a "which X" pick asks for (assistant/first_turn_asks.py)."""
    from foundation.vectors import cosine

    return lambda a, b: cosine(embed(a), embed(b))


def kept_ask(question: str, quotes: Sequence["Quote"], shown: str) -> tuple[str, str]:
    """A question that sets something aside (assistant/exclusion.py) as what it keeps, against the shown bullets read
    with their headings; any other question and `shown` as they are. Why: "which symptoms arent neurological" is
    answered by the other symptom bullets, whose own words never say "symptoms" (their heading does), and a right
    answer to "pns types except neurological" never says "neurological"."""
    from assistant.exclusion import without_excluded

    kept = without_excluded(question)
    return (question, shown) if kept is None else (kept, " ".join(shown_units(quotes)))


def shown_units(quotes: Sequence["Quote"]) -> list[str]:
    """The shown sentences as the statements they make: a bullet read with its heading ("common symptoms:
    Neurological: Muscle weakness ...") and a type bullet with the family's symptoms bullet right after it (the pair
    assistant/family_signs.py shows) as one. Why: "what are the signs of lambert eaton" is answered by the type
    bullet that names the syndrome and the symptoms bullet of its family, neither of which says both on its own."""
    from assistant.family_signs import SYMPTOMS_SECTION, TYPES_SECTION, under_heading

    sentences = [s for q in quotes for s in q.sentences]
    units: list[str] = []
    for i, s in enumerate(sentences):
        text = f"{s.chunk.section_id.rsplit('/', 1)[-1].replace('-', ' ')}: {s.text}" if s.is_bullet else s.text
        before = sentences[i - 1] if i else None
        if (before is not None and s.is_bullet and before.is_bullet and under_heading(s, SYMPTOMS_SECTION)
                and under_heading(before, TYPES_SECTION)):
            units[-1] = f"{units[-1]} {text}"
        else:
            units.append(text)
    return units


def uncovered_first_turn(evidence: Evidence, triaged: "Triaged | None", followup: "FollowUp | None",
                         load_triage: Callable[[], "Triage"] | None) -> str | None:
    """Why a first turn the gate passed is still not answered by the sentences chosen (assistant/uncovered_asks.py):
    a bare phrase none of whose words they use, an abbreviation's meaning they never spell out, an aspect of another
    named thing none of them says, or an activity asked whether fine that they never name; else None."""
    from assistant.topics import DEFAULT_TOPIC
    from assistant.uncovered_asks import (activity_uncovered, aspect_uncovered, bare_phrase_uncovered,
                                          expansion_uncovered)
    from assistant.unprinted_names import unprinted_names
    from index.lexical import is_stopword

    if followup is not None or triaged is None or load_triage is None or not evidence.composition.quotes:
        return None
    asked, shown = kept_ask(triaged.standalone or triaged.normalised.text, evidence.composition.quotes,
                            " ".join(q.text for q in evidence.composition.quotes))
    glossary = load_triage().glossary
    subject = frozenset({"pns", *DEFAULT_TOPIC.split(), "syndrome"})
    words = bare_phrase_uncovered(asked, evidence.retrieval.query, shown, subject, is_stopword)
    if words:
        return f"a bare phrase whose words no chosen sentence uses: {', '.join(words)}"
    abbr = expansion_uncovered(asked, lambda a: [e.long for e in [glossary.lookup(a.upper())] if e],
                               shown)
    if abbr:
        return f"asks what {abbr!r} stands for, which no chosen sentence spells out"
    # read with abbreviations expanded: "how is lems treated" names a syndrome of the subject, as its long form says
    named = aspect_uncovered(triaged.query or asked, shown_units(evidence.composition.quotes), subject, is_stopword)
    if named:
        return f"asks an aspect of {named!r} that no chosen sentence says of it"
    activity = activity_uncovered(asked, shown, is_stopword)
    if activity:
        return f"asks whether {' '.join(activity)!r} is fine, which no chosen sentence names"
    names = unprinted_names(asked, evidence.parts.article_text, lexicon(evidence.parts, load_triage()),
                            evidence.parts.index.embed_queries)
    if names:
        return f"names what the article never prints: {', '.join(names)}"
    return None


def lexicon(parts: "Parts", triage: "Triage") -> "Lexicon":
    """The words a name check leaves alone: the corpus's, the known names, everyday English (unprinted_names.Lexicon)."""
    from assistant.unprinted_names import Lexicon
    from index.lexical import is_stopword

    return Lexicon(parts.vocab, triage.known_terms(), triage.common, is_stopword, triage.long_form)


def off_subject_finding(understood: Understood, evidence: Evidence, supported: bool, unaddressed: bool = False) -> bool:
    """A personal ask only the learned check found, in a question with no word of the subject that retrieval
    cannot support either ("should i buy a new car or a used one"): off topic, as any such question is (the
    rules' own hits are kept: they name the decision). Likewise a follow-up whose ask the corpus never words
    ("can my dog get it"): the article has nothing on it, general or personal, so it is not_found, not a referral.
    A follow-up that names a medical subject in its own words ("whats a safe prednisone dose for my 9 year old",
    "so whats my husbands outlook, hes got sclc") keeps its referral, though: its unaddressed word is the personal ask
    itself ('safe', 'husbands'), and sending it to not_found answered a personal ask with the article's silence."""
    from assistant.advice_model import LEARNED_RULE
    from assistant.safety import mentions_topic

    terms = evidence.parts.topic_terms
    return (str(understood.verdict.rule).startswith(LEARNED_RULE) and not supported
            and ((unaddressed and not mentions_topic(understood.text, terms))
                 or not mentions_topic(evidence.search_question, terms)))


def continues_topic(triaged: "Triaged | None", followup: "FollowUp | None", parts: "Parts",
                    unaddressed: Sequence[str] = (), is_corpus_word: Callable[[str], bool] | None = None) -> bool:
    """A follow-up read with the previous turn (its rewrite differs from what was typed) when that turn was about the
    subject: 'and for the caregivers?' after 'how is pns treated' is a question the article leaves open (not_found),
    not one about something else, even though its rewrite ('how is the caregivers treated') names no subject word.

    A follow-up whose ask the article never words (`unaddressed`: "whats the dose" after "can steroids treat pns")
    continues the previous subject too, although nothing in it was rewritten, when it names nothing else the
    corpus does not use (`is_corpus_word`): an ask with no subject of its own inherits the previous one, while
    "whats the best pizza in town" names its own ('pizza', 'town') and stays off topic. A previous turn that named no subject at all ("what is the outlook") is about
    the article's subject, as the rewriter reads it (topics.DEFAULT_TOPIC), and so is one whose answer quoted the
    article ('and physio?' answered with the rehabilitation bullet: 'is that ok for kids' is then left open, not off topic)."""
    from assistant.previous_turn import quoted_chunks
    from assistant.safety import mentions_topic
    from assistant.topics import topic_of

    if triaged is None or followup is None:
        return False
    previous_on_topic = mentions_topic(followup.previous, parts.topic_terms) or (
        is_corpus_word is not None and _in_corpus_words(followup.previous, parts.vocab, is_corpus_word)) or (
        bool(quoted_chunks(followup.previous_answer, parts.index.chunks())))  # it was answered from the article
    if triaged.standalone != triaged.normalised.text and previous_on_topic:
        return True
    if not unaddressed or is_corpus_word is None:
        return False
    # a token with a digit ('5yr', '50mg') is a figure asked for, not a subject of its own
    others = [w for w in re.findall(r"[a-z0-9]+", followup.ask.lower()) if w not in unaddressed and not re.search(r"\d", w)]
    return all(is_corpus_word(w) for w in others) and (previous_on_topic or topic_of(followup.previous) is None)


def _in_corpus_words(question: str, vocab: frozenset[str], is_corpus_word: Callable[[str], bool]) -> bool:
    """A previous question typed wholly in the corpus's words, at least one of them a content word of the article
    ('what is long term care like'), was about the article's subject though it names no subject term."""
    from index.lexical import is_stopword

    words = re.findall(r"[a-z]+", question.lower())
    return all(is_corpus_word(w) for w in words) and any(len(w) > 3 and w in vocab and not is_stopword(w) for w in words)
