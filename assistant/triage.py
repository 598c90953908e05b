"""Everything that reads a question before retrieval, built once per corpus: language, spelling,
abbreviations, safety and the bibliography router.

Why one object: the speller, the glossary and the language detector are all built from the same
corpus vocabulary (article + bibliography), and the Assistant must build them once, at load time,
from the Corpus it already holds (`Triage.from_corpus(assistant.corpus)`), never per question.

Order (cheapest and safest first): language -> normalise (apostrophes, typos, abbreviations) ->
safety rules on both the typed and the normalised text (an emergency found in either counts) ->
follow-up rewriting on the normalised question and turns -> the bibliography router.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.abstention import unknown_subject
from assistant.asking_clause import AskingClause, asking_clause, corpus_content, first_asked
from assistant.general_ask import Ask, the_ask
from assistant.unknown_claims import asks_a_property, unknown_claim
from assistant.claim_evidence import ClaimEvidence, WordFamily
from assistant.bibliography_query import BibliographyQuery, BibliographyQuestions
from assistant.source_asks import asks_for_sources
from assistant.conversation import listing_answers, resolve_first_turn, rewrite_followup
from assistant.references import name_listed_item
from assistant.personal_context import after_personal, personal_in_context
from assistant.advice_model import load_advice_model
from assistant.emergency_model import Embed, EmergencyModel, load_emergency_model
from assistant.everyday_wording import near_worded
from assistant.glossary import Glossary
from assistant.language import LanguageDetector, LanguageGuess
from assistant.members import group_members, widen_member
from assistant.lay_terms import lay_words, meanings_of
from assistant.normalise import CONTRACTIONS, Normalised, Normaliser, rephrase_idioms
from assistant.safety import Verdict, rule_words
from assistant.terse_question import terse_question
from assistant.spelling import Speller, corpus_word_counts, english_word_ranking
from assistant.triage_safety import learned_check_texts, learned_recheck, rules_verdict
from assistant.triage_vocabulary import reference_texts, COMMON, GENERIC, proper_names, group_labels, reference_names
from assistant.word_forms import in_vocabulary
from assistant.yes_no import YES_NO_OPENING

from index.lexical import is_stopword

if TYPE_CHECKING:
    from corpus.corpus import Corpus

# An everyday word ("fast") gets a search hint only from a near-synonym ("rapidly" 0.79), not a loose associate
# ("still" -> "however").
EVERYDAY_HINT = 0.75


@dataclass(frozen=True)
class Triaged:
    """One question after triage: its language, its normalised forms and the safety verdict."""

    language: LanguageGuess
    normalised: Normalised
    verdict: Verdict
    standalone: str = field(default="", metadata={"why": "normalised and made standalone from earlier turns"})
    query: str = field(default="", metadata={"why": "`standalone` with abbreviations expanded: what is searched"})
    bibliography: BibliographyQuery | None = None
    subject: str | None = field(default=None, metadata={"why": "the question's subject when the corpus never names it"})
    own_query: str = field(default="", metadata={"why": "a follow-up's own words, expanded, not rewritten (assistant/followup.py)"})
    about_condition: bool = field(default=False, metadata={"why": "`subject` is a cause or spread the condition is asked about"})
    everyday: bool = field(default=False, metadata={"why": "every word is the corpus's or everyday English: it names no other subject"})
    asked: AskingClause | None = field(default=None, metadata={"why": "a first turn's asking clause, chatter set aside"})
    ask: Ask | None = field(default=None, metadata={"why": "the typed turn's one asking clause, read by the personal-advice check"})

    def flags(self) -> list[str]:
        """What triage changed or decided, for Answer.flags; an emergency rule's hit that the learned check
        was left to decide (and did not confirm) is named, so a reviewer sees what the rules doubted."""
        doubted = self.verdict.deferred if self.verdict.category != "emergency" else None
        return self.normalised.flags() + ([f"safety: emergency rule {doubted} deferred to the learned check"] if doubted else [])


class Triage:
    """Language, normalisation and safety for one corpus (see the module docstring)."""

    def __init__(self, glossary: Glossary, speller: Speller, language: LanguageDetector,
                 reference_words: frozenset[str] = frozenset(), bibliography: BibliographyQuestions | None = None,
                 english: frozenset[str] = frozenset()) -> None:
        self.glossary = glossary
        self.normaliser = Normaliser(speller, glossary)
        self.language = language
        self.reference_words = reference_words
        self.bibliography = bibliography
        self.english = english
        self.vocabulary = frozenset(speller.corpus_counts) | self.known_terms()
        self.groups: dict[str, str] = {}
        self.members: dict[tuple[str, ...], str] = {}  # a types bullet's examples -> their group (assistant/members.py)
        self.generic: frozenset[str] = frozenset()  # the GENERIC most frequent English words (from_corpus)
        self.common: frozenset[str] = frozenset()  # the COMMON most frequent English words (from_corpus)
        self.emergency_model: EmergencyModel | None = None
        self.advice_model: EmergencyModel | None = None  # the learned personal-advice check (assistant/advice_model.py)
        self._embedder: Any = None  # the classifier's own encoder, only for an index built with another model
        # The pipeline's question embedder when its model is the learned checks' (set by the Assistant, which holds
        # it): the word families then load no second copy of the sentence model.
        self.embed: Embed | None = None
        self.evidence: ClaimEvidence | None = None  # the article's sentences as stems (assistant/claim_evidence.py)
        # Words a yes/no claim is checked against: the corpus's, the names and the glossary's abbreviations that
        # may be typed in lower case ("PET" is a scan, "pets" are animals).
        self.claim_vocabulary = self.vocabulary
        self._family: WordFamily | None = None
        # The article words' vectors kept beside the index (index/word_vectors.py), given the encoder that would
        # embed them when none are stored; set by the Assistant, which knows the home.
        self.word_vectors: Callable[[Sequence[str], Embed], Any] | None = None

    @classmethod
    def from_corpus(cls, corpus: "Corpus", english: frozenset[str] | None = None,
                    cache_dir: Path | None = None) -> "Triage":
        """Build the glossary, speller and language detector from the corpus vocabulary (milliseconds);
        `cache_dir` (under HOME) keeps the language model unpacked and the speller's dictionary built for the
        next process."""
        glossary = Glossary.from_corpus(corpus)
        texts = [corpus.article.text, *reference_texts(corpus.references),
                 *(e.long for e in glossary.entries.values())]
        ranking = english_word_ranking()
        common = frozenset(ranking[:COMMON])
        english = frozenset(ranking) if english is None else english
        speller = Speller.build(texts, targets=rule_words(english), known=glossary.terms(), english=english,
                                cache_dir=cache_dir, ranking=ranking, unmended=lay_words())
        names = proper_names(" ".join([corpus.article.text, *reference_texts(corpus.references)]), common)
        neutral = (frozenset(corpus_word_counts(texts)) - english) | glossary.terms() | names
        surnames = {a.split(",")[0].lower() for r in corpus.references for a in r.authors if "," in a}
        detector = LanguageDetector(english | frozenset(CONTRACTIONS), neutral, name_words=surnames, model_cache=cache_dir)
        bibliography = BibliographyQuestions(corpus.references, corpus.links, corpus.article.sections,
                                             common)
        meta = corpus.article.metadata
        years = frozenset(re.findall(r"(?:19|20)\d\d", f"{meta.published} {meta.updated} {corpus.article.text}"))
        triage = cls(glossary, speller, detector, reference_names(corpus.references) | years, bibliography, english)
        triage.groups = group_labels(corpus.article.sections)
        triage.members = group_members(triage.groups)
        triage.generic = frozenset(ranking[:GENERIC])
        triage.common = common
        triage.emergency_model = load_emergency_model()
        triage.advice_model = load_advice_model()
        triage.evidence = ClaimEvidence(corpus.article.text)
        cased = {k.lower() for k, e in glossary.entries.items() if not e.lowercase}
        triage.claim_vocabulary = triage.vocabulary - (cased - frozenset(speller.corpus_counts))
        return triage

    def family_of(self, word: str) -> tuple[str, ...]:
        """The article's words of `word`'s family that it uses of the condition (assistant/claim_evidence.WordFamily)."""
        family = self.load_word_family()
        return family.of(word) if family is not None else ()

    def _near(self, word: str, threshold: float | None = None) -> tuple[str, ...]:
        family = self.load_word_family()
        return family.near(word, threshold) if family is not None else ()

    def load_word_family(self) -> WordFamily | None:
        """The claim check's word-family finder, built on first use with the learned checks' sentence model (the
        pipeline's embedder when it is that model, `embed`); none without that model or the article. Public because
        the claim-evidence tests read the very family the triage uses."""
        if self._family is None and self.evidence is not None and self.emergency_model is not None \
                and self.emergency_model.embedding_model:
            embed = self.embed or self._own_embedder(self.emergency_model.embedding_model)
            stored = self.word_vectors
            self._family = WordFamily(self.evidence, embed,
                                      stored=(lambda words: stored(words, embed)) if stored is not None else None)
        return self._family

    def _first_turn_word(self, question: str, everyday: bool = False) -> Callable[[str], bool]:
        """`is_corpus_word`, and in a yes/no question an English word of a family the article words otherwise
        ("can you inherit it": "genetically predisposed"), so the question is read as about the article's subject."""
        if not YES_NO_OPENING.match(question):
            if everyday:  # "how fast does it come on" (assistant/everyday_wording.py)
                return lambda w: self.is_corpus_word(w) or w in self.common
            return self.is_corpus_word
        return lambda w: self.is_corpus_word(w) or (len(w) >= 4 and w in self.english and bool(self.family_of(w)))

    def with_family(self, question: str, query: str, everyday: Mapping[str, str] | None = None) -> str:
        """`query` with the article's family words after each word of a yes/no question the corpus never uses
        ("inherit" -> "inherit (genetics)", "reversable" -> "(reverse)"), so the sentence that words it otherwise
        is found. Everyday words ("still", "husband") and other forms of the article's words get none."""
        if self.evidence is None:
            return query
        if not YES_NO_OPENING.match(question):  # only a first turn's everyday near-synonyms ("fast (rapidly)")
            for word, synonym in (everyday or {}).items():
                query = re.sub(rf"\b{word}\b", f"{word} ({synonym})", query, count=1, flags=re.IGNORECASE)
            return query
        for word in sorted(set(re.findall(r"[a-z]+", question.lower()))):
            if len(word) >= 4 and not in_vocabulary(word, self.claim_vocabulary) and not is_stopword(word) \
                    and not (word in self.english and self.evidence.uses_stem(word)):
                # the closest only (more pull in other sentences); an everyday word only for a near-synonym
                family = self._near(word, EVERYDAY_HINT if word in self.common else None)[:1]
                if family:
                    query = re.sub(rf"\b{word}\b", f"{word} ({family[0]})", query, count=1, flags=re.IGNORECASE)
        return query

    def near_worded(self, question: str) -> dict[str, str]:
        """A pronoun-subject question's everyday words that are near-synonyms of article words (everyday_wording)."""
        return near_worded(question, self.is_corpus_word, self.common, self.near_synonym)

    def near_synonym(self, word: str) -> tuple[str, ...]:
        """The article's one word for `word` when it is a near-synonym under the sentence model ("fast": "rapidly"),
        else (). Why only a near-synonym (the threshold `with_family` keeps for everyday words): the follow-up gate
        (assistant/unaddressed_asks.py) counts it as the ask said, and a wider family word names a neighbouring
        thing, not the one asked ("biopsy" is no "diagnosis")."""
        return self._near(word, EVERYDAY_HINT)[:1]

    def widened(self, text: str) -> str:
        """`text` with a named member searched as its group when it asks an aspect of it (assistant/members.py);
        `text` unchanged otherwise (not glossary-expanded: retrieval expands it itself)."""
        expanded = self.glossary.expand(text)[0]
        widened = widen_member(expanded, self.members)
        return text if widened == expanded else widened

    def group_of(self, topic: str) -> str | None:
        """The article's group for `topic` ('neurological paraneoplastic syndromes' for cerebellar degeneration)."""
        words = topic.lower().replace("-", " ").strip()
        words = re.sub(r"^(?:the|a|an)\s+", "", words)
        for label, text in self.groups.items():
            if len(words) > 3 and words in text:
                return f"{label.lower()} paraneoplastic syndromes"
        return None

    def warm_up(self) -> None:
        self.language.warm_up()

    def normalise(self, question: str) -> Normalised:
        return self.normaliser.normalise(question)

    def is_corpus_word(self, word: str) -> bool:
        """A word the corpus uses, or one too common to name a subject (a function word, "get", "last")."""
        return word in self.vocabulary or word in self.generic or is_stopword(word)

    def long_form(self, word: str) -> str | None:
        """The long form of a short form the glossary knows ("pns" -> "paraneoplastic syndromes"), else None."""
        entry = self.glossary.lookup(word)
        return entry.long if entry is not None else None

    def known_terms(self) -> frozenset[str]:
        """Words that are never 'terms the article never mentions': abbreviations, reference names, contractions."""
        contractions = frozenset(v.lower() for v in CONTRACTIONS.values())
        return self.glossary.terms() | self.reference_words | contractions

    def triage(self, question: str, history: Sequence[Mapping[str, str]] = ()) -> Triaged:
        """Language first (a foreign question is not spell-corrected), then normalise, then the safety rules,
        then the follow-up rewrite and (when the question is not personal) the bibliography router."""
        from assistant.subject_switch import new_subject_question

        fresh = new_subject_question(question) if history else None
        question, history = (fresh, ()) if fresh is not None else (question, history)  # 'unrelated but ...': a first turn
        guess = self.language.detect(question)
        if not guess.english:
            plain = Normalised(question, question, question)  # no learned check for another language: a doubted hit counts
            return Triaged(guess, plain, self.classify(plain).as_emergency(), question, question)
        normalised = self.normalise(question)
        verdict = self.classify(normalised)
        turns = self._normalised_turns(history)
        standalone = rewrite_followup(normalised.text, turns, self.group_of, self.is_corpus_word)
        asked = None if turns else self.asking(standalone)
        everyday: dict[str, str] = {}
        if not turns:  # a first turn is read as the clause that asks (assistant/asking_clause.py)
            standalone = asked.text if asked is not None else standalone
            everyday = {} if YES_NO_OPENING.match(standalone) else self.near_worded(standalone)
            resolved = resolve_first_turn(standalone, self._first_turn_word(standalone, bool(everyday)))
            everyday = everyday if resolved != standalone else {}  # the hint only for a question read as the subject's
            standalone = resolved
            standalone = terse_question(standalone, self.long_form) or standalone
        verdict = personal_in_context(verdict, normalised.text, standalone, after_personal(turns))
        query = widen_member(rephrase_idioms(self.glossary.expand(standalone)[0]), self.members)
        query = self.with_family(standalone, query, everyday)
        bibliography = None
        if self.bibliography is not None and verdict.category == "none":
            bibliography = self.bibliography.parse(query, typed=normalised.original)
            if bibliography is not None and standalone != normalised.text:
                # A follow-up is a bibliography question only when it names a reference itself ("its DOI?"),
                # not because the earlier turn's topic (a therapy an entry's title names) was carried into it.
                typed = rephrase_idioms(self.glossary.expand(normalised.text)[0])
                # a bare source ask ("refs?", "source for that") asks for the previous subject's entries (source_asks.py)
                named = self.bibliography.parse(typed) is not None or asks_for_sources(normalised.text)
                bibliography = bibliography if named else None
        subject, about = self.subject_of(standalone, first_turn=not turns) if bibliography is None else (None, False)
        own = name_listed_item(rephrase_idioms(self.glossary.expand(normalised.text)[0]), listing_answers(turns)[-1][0]) if turns else ""
        ask = the_ask(normalised.text, corpus_content(self.vocabulary, self.generic))
        return Triaged(guess, normalised, verdict, standalone, query, bibliography, subject, own, about,
                       self.names_nothing_else(standalone), asked, ask)

    def names_nothing_else(self, question: str) -> bool:
        """Every word is the corpus's own or everyday English ("how long do people live with it"), so nothing
        in it names another subject ("my puppy ate some chocolate, how much is dangerous" does)."""
        words = [w for w in re.findall(r"[a-z]+", question.lower()) if len(w) >= 3]
        return all(self.is_corpus_word(w) or w in self.common for w in words)

    def subject_of(self, question: str, first_turn: bool = False) -> tuple[str | None, bool]:
        """What the question is about when the corpus never names it ("what is asthma", "is pns contagious",
        "does stress cause it"), and whether that is a cause or spread of the condition (on topic though unnamed).
        On a `first_turn` "is it contagious" is judged as "is pns contagious" (nothing earlier for "it" to name): a
        property of the condition the lay map words as the article does ("is it fatal": "outlook"; "is it sudden":
        "rapidly") is judged by `unknown_claim`, not refused as an unknown subject ("is it asthma" still is). A
        common verb's -ing form ("whats going on in the body") is no subject either: it names nothing the article
        could be silent on."""
        subject = unknown_subject(question, self.vocabulary, self.english, self.common)
        lay_property = first_turn and subject is not None and asks_a_property(question) and bool(meanings_of(subject))
        if subject is not None and not lay_property and not (subject.endswith("ing") and subject in self.common):
            return subject, False
        claim = unknown_claim(question, self.claim_vocabulary, self.english, self.generic, self.evidence,
                             self.property_family, self.common, first_turn=first_turn)
        if claim is not None:
            return claim
        unlisted = self.unlisted_effect(question, first_turn)
        return (unlisted, True) if unlisted is not None else (None, False)

    def unlisted_effect(self, question: str, first_turn: bool) -> str | None:
        """An effect of, or agent on, the condition that no article sentence says (assistant/unlisted_claims)."""
        from assistant.lay_terms import medical_words
        from assistant.unlisted_claims import EFFECT_SIMILARITY, unlisted_word

        evidence = self.evidence
        return None if evidence is None else unlisted_word(
            question, first_turn, known=lambda w: in_vocabulary(w, self.claim_vocabulary) or evidence.uses_stem(w),
            near=lambda w: self._near(w, EFFECT_SIMILARITY), lay=medical_words, generic=self.generic,
            is_stopword=is_stopword, evidence=evidence, long_form=lambda w: dict(self.glossary.expand(w)[1]).get(w),
            english=self.english)

    def property_family(self, word: str) -> tuple[str, ...]:
        """The article's words in `word`'s family that it says of something other than the diseases PNS is
        mistaken for ("permanent": "lasting", "dangerous": "harmful"; not "contagious": "infectious"), and the
        article's words the lay map gives for it ("terminal": "outlook", assistant/lay_terms.meanings_of).

        Why wider than `family_of` (words of sentences naming the condition): a property the article words
        otherwise is often said in a sentence about the patients or the symptoms ("may result in lasting
        impairment"), and a claim refused although the article answers it in other words is the worse error."""
        from assistant.lay_terms import meanings_of

        if self.evidence is None:
            return ()
        return tuple(w for w in (*self._near(word), *meanings_of(word)) if self.evidence.predicated(w))

    def asking(self, text: str) -> AskingClause | None:
        """A first turn's asking clause (assistant/asking_clause.py); a bibliography question is read whole."""
        return asking_clause(text, corpus_content(self.vocabulary, self.generic), lambda t: (
            self.bibliography is not None and self.bibliography.parse(self.glossary.expand(t)[0]) is not None))

    def _normalised_turns(self, history: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
        return first_asked([{"role": t["role"], "content": self.normalise(t["content"]).text if t["role"] == "user"
                             else t["content"]} for t in history], self.asking)

    def rewrite(self, question: str, history: Sequence[Mapping[str, str]] = ()) -> str:
        """An earlier question made standalone as triage made it then (normalised, rewritten from the turns before it)."""
        text = self.normalise(question).text
        if not any(t["role"] == "user" for t in history):
            text = getattr(self.asking(text), "text", text)  # read then as its asking clause
            return resolve_first_turn(text, self.is_corpus_word)
        return rewrite_followup(text, self._normalised_turns(history), self.group_of, self.is_corpus_word)

    def recheck(self, triaged: Triaged, embed: Embed, embedding_model: str) -> Triaged:
        """The learned checks (assistant/emergency_model.py, then assistant/advice_model.py) on an English
        question the rules let through.

        Run after the rules because they need the sentence model: `embed` is the index's own question
        embedder (`embedding_model`), so the checks cost one batch of vectors (shared by both) and load nothing
        new; an index built with another model gets the classifier's own encoder instead.
        A rule hit the rules doubted (`verdict.deferred`: past, hypothetical, story, animal, idiom) is decided
        here by the emergency model; without a model it counts as an emergency. The personal-advice model runs
        only when no emergency was found (an emergency always wins) and only adds personal_advice.
        """
        return learned_recheck(triaged, embed, embedding_model, self.emergency_model, self.advice_model, self._own_embedder)

    def recheck_texts(self, triaged: Triaged, embedding_model: str) -> list[str]:
        """What recheck will embed with `embed` (assistant/triage_safety.learned_check_texts)."""
        return learned_check_texts(triaged, embedding_model, self.emergency_model, self.advice_model)

    def _own_embedder(self, name: str) -> Embed:
        if self._embedder is None:
            from index.numpy_encoder import NumpyEmbedding

            self._embedder = NumpyEmbedding(name)
        return self._embedder.embed_queries

    @staticmethod
    def classify(normalised: Normalised) -> Verdict:
        """The rules' safety verdict on the typed and the normalised text (assistant/triage_safety.rules_verdict)."""
        return rules_verdict(normalised)
