"""The clause of a first-turn message that asks, read apart from the chatter and context wrapped around it.

Why: people wrap a plain question in greetings, apologies, who-told-me clauses and who-is-asking clauses ("hi
there, how do they treat pns", "what is paraneoplastic syndrome, the doctor mentioned it", "how is it diagnosed?
asking for my mum"), or name the thing first and point back at it ("my oncologist said something about
paraneoplastic syndrome, what is that"). Read whole, those clauses steer retrieval to sentences sharing their words
("doctor" -> the specialists sentence), make the abstention checks read "mentioned" as the subject, and make the
learned personal-advice check read "my mum" as a personal case.

How, with no phrase list: the message is cut into clauses at sentence ends, clause punctuation (", ", " - ", ": ",
brackets) and a "but"/"so" opening a question; the one clause that asks (it opens with a question word or an
auxiliary, or ends with "?") is kept. Every other clause either names something the article speaks of (a word of
the corpus vocabulary that is not one of the most frequent English words: `content_word`) or is chatter. Chatter is
set aside; a clause naming one thing that the asking clause points back at ("what is that", "what causes it") gives
the pointer its words (assistant/references.resolve_references, the follow-up rewrite's own resolver) and is set
aside too; any other clause with content is kept, as it may narrow the question ("..., especially the skin ones").
Words before a question word inside the asking clause ("hey so what is it") are chatter when none is content, and
an embedded question ("my husband wants to know if pns is genetic") is asked directly ("is pns genetic").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.question_words import WH_SPELLINGS, WH_WORDS, alternation
from assistant.references import CLASS_RE, needs_context, resolve_references
from assistant.word_forms import inflections
from assistant.topics import AUX
from corpus.sentence_split import rough_sentences
from index.lexical import is_stopword

_WH = alternation(WH_WORDS, WH_SPELLINGS)
# A question opening a clause: a question word, or an auxiliary followed by a word ("can pns cause seizures").
_ASK_OPENING = re.compile(rf"^(?:{_WH}|{AUX}|am|tell|explain|describe|define|list|give|name)\b", re.IGNORECASE)
# An inverted auxiliary and its subject ("like can my husband get it"): a clause asking a question is no chatter.
_INVERTED = re.compile(r"\b(?:can|could|should|would|will|do|does|did|is|are)\s+(?:i|you|he|she|we|they|it|my|your|his|"
                       r"her|our|their)\b", re.IGNORECASE)
# "that"/"this"/"those"/"these" standing for a thing said, not before a noun phrase ("what is that", not "that test").
_POINTS_BACK = re.compile(rf"\b(?:that|this|those|these)\b(?!\s+(?:{CLASS_RE}|the|a|an)\b)", re.IGNORECASE)
# Where one clause ends and the next begins: clause punctuation (not a comma inside a number or a drug name: "2,000",
# "3,4-dap"), a spaced dash, brackets, and "but"/"so" opening a question ("sorry if this is silly but what is lems").
_CLAUSE_BREAK = re.compile(rf"\s*(?:(?<!\d),|,(?!\d)|[;:()])\s*|\s+[-–—]+\s+|\s+(?:but|so)\s+(?={_WH}\b|(?:{AUX})\s+\w)", re.IGNORECASE)
_QUESTION_WORD = re.compile(rf"\b{_WH}\b", re.IGNORECASE)
# An embedded yes/no question: "(wants to know) if/whether <subject> <aux> <rest>".
_EMBEDDED = re.compile(r"^(?:if|whether)\s+(?P<subject>.+?)\s+(?P<aux>is|are|was|were|can|could|should|would|will|may|might)\b"
                       r"\s*(?P<rest>.*)$", re.IGNORECASE)
_EMBEDDING_VERB = r"(?:know|wondering|wonder|wondered|asking|ask|asked|question is|tell me)"
_EMBEDDING_LEAD = re.compile(rf"\b{_EMBEDDING_VERB}\s+(?=(?:if|whether)\b)", re.IGNORECASE)
_EMBEDS = re.compile(rf"\b{_EMBEDDING_VERB}$", re.IGNORECASE)  # a lead that only says who wants to know
# An adverb right after a question word other than "how" ("what exactly", "why actually"): it hedges the question
# ("how quickly" asks a rate, so "how" is left alone).
_HEDGED_WH = alternation(WH_WORDS, ["what's"], without=["how"])
_HEDGE = re.compile(rf"^{_HEDGED_WH}\s+(?P<adverb>[a-z]+ly)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'-]*", re.IGNORECASE)
_ABLE = re.compile(r"\b\w{3,}(?:able|ible)$", re.IGNORECASE)  # a property asked of the condition: "curable", "treatable"
# A clause opening with a preposition narrows the question to a group, a time or a case: never chatter.
_RESTRICTION = re.compile(r"^(?:in|at|on|for|after|before|during|with|without|from|since|under|over|among|while|when|if|"
                          r"unless|once|because|although|though|"
                          r"besides|except|apart|unlike|instead|within|through|throughout)\b", re.IGNORECASE)
# Someone other than the asker; after "for" or "of" ("asking for my mum", "on behalf of my grandma") the one asked
# for, elsewhere perhaps the one whose case it is ("my neighbour has it", "my mum is really sick").
_THIRD_PERSON = re.compile(r"\b(?:my|our|his|her|their|he|she|him|hes|shes|he's|she's)\b", re.IGNORECASE)
_ASKED_FOR = re.compile(r"\b(?:for|of)\s+(?:(?:a|an|my|our|his|her|their)\s+)?[a-z]+(?:\s+member)?\b", re.IGNORECASE)
_FOR_SOMEONE = re.compile(r"for\s+(?:my|our|his|her|their)\s+[a-z]+", re.IGNORECASE)
# A clause that only says who passed the question on ("my mum asked me", "my husband keeps asking"): a person and a
# reporting verb, nothing of their case, so the person is the one asking, not the one the question is about.
_REPORTS = re.compile(r"^(?:my|our)\s+[a-z]+(?:\s+in\s+law)?\s+(?:keeps\s+|just\s+|also\s+)?"
                      r"(?:asked|asks|asking|wants\s+to\s+know|wanted\s+to\s+know|wonders|was\s+wondering)(?:\s+(?:me|us))?$",
                      re.IGNORECASE)
# An agent noun ("oncologist", "physician"): who told, never what a pointer in the ask stands for.
_AGENT = re.compile(r"(?:ist|cian)s?$", re.IGNORECASE)  # not "ovarian"
# A word naming the asker's own person or someone close: an ask holding one may be about a person's case.
PERSONAL_WORD = re.compile(r"\b(?:i|i'm|im|me|my|we|our|us|he|she|him|her|his|hers|he's|she's|hes|shes)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AskingClause:
    """What a message asks once its chatter is set aside: `text` (the asking clause, a pointer in it resolved, with
    the content clauses kept in their places), the clauses `set_aside`, and whether every one of them was chatter."""

    text: str
    set_aside: tuple[str, ...]
    only_chatter: bool
    told: tuple[str, ...] = ()  # the set-aside clauses that are not an embedded question's lead ("my husband wants to know")
    #                             nor only say who passed the question on ("my mum asked me")

    @property
    def general(self) -> bool:
        """The message asks a general question wrapped in chatter ("how is it diagnosed? asking for my mum"): only
        chatter was set aside and the asking clause names no person, so no personal case is asked about. A yes/no ask
        about "it" ("for my dad: is it pns") may ask about the case the chatter's person has, so it is not general."""
        yes_no_of_pointer = (not _QUESTION_WORD.match(self.text) and needs_context(self.text)
                             and not _ABLE.search(self.text.rstrip(" ?!.")))  # "is it curable": the condition's
        return (self.only_chatter and bool(self.set_aside) and not PERSONAL_WORD.search(self.text) and not yes_no_of_pointer
                and not any(_THIRD_PERSON.search(_ASKED_FOR.sub(" ", c)) for c in self.told))


def clauses_of(message: str) -> list[str]:
    """The message's clauses in order: its rough sentences, each cut at clause punctuation and a question opening
    after "but"/"so"; blank pieces dropped."""
    out: list[str] = []
    for sentence in rough_sentences(message.strip()) or [message]:
        out.extend(piece.strip(" ,;:-–—") for piece in _CLAUSE_BREAK.split(sentence) if piece and piece.strip(" ,;:-–—?.!"))
    return out


def asks(clause: str) -> bool:
    """The clause asks: it opens with a question (`opens_a_question`), or ends with "?"."""
    return opens_a_question(clause) or clause.rstrip().endswith("?")


def opens_a_question(clause: str) -> bool:
    """The clause opens with a question word or an auxiliary ("what is it", "can pns ..."): a whole question, not a
    fragment that only a "?" makes one ("too much?", "pns?")."""
    return bool(_ASK_OPENING.match(clause))


def corpus_content(vocabulary: frozenset[str], generic: frozenset[str]) -> Callable[[str], bool]:
    """Whether a word names something the article speaks of: a word of the corpus vocabulary (its abbreviations and
    names included) that is none of the most frequent English words (`generic`), no stopword and no contraction
    ("there's" is in the vocabulary so that it is never an unknown term, but names nothing)."""
    return lambda word: (word.isalpha() and word not in generic and not is_stopword(word)
                         and any(form in vocabulary for form in inflections(word)))


def _content(clause: str, content_word: Callable[[str], bool]) -> list[str]:
    return [w for w in _WORD.findall(clause.lower()) if content_word(w)]


def content_spans(clause: str, content_word: Callable[[str], bool]) -> list[str]:
    """The runs of content words in `clause` ("the nurse said they might do a lumbar puncture" -> ["lumbar
    puncture"]); "and"/"or" between two content words joins them ("EMG and nerve conduction studies")."""
    spans: list[list[str]] = []
    current: list[str] = []
    words = clause.split()
    for i, raw in enumerate(words):
        word = raw.strip("?.!,;:()\"")
        bare = word.lower().strip("'")
        joins = bare in {"and", "or"} and current and i + 1 < len(words) and content_word(words[i + 1].strip("?.!,;:()\"").lower())
        if (content_word(bare) and not _AGENT.search(bare)) or joins:
            current.append(word)
        elif current:
            spans.append(current)
            current = []
    if current:
        spans.append(current)
    return [" ".join(s) for s in spans]


def direct(clause: str, content_word: Callable[[str], bool]) -> tuple[str, str]:
    """(`clause` from its question on, the chatter before it): chatter words before a question word dropped ("hey so
    what is it" -> "what is it"), an embedded yes/no question asked directly ("my husband wants to know if pns is
    genetic" -> "is pns genetic"), a hedging adverb after the question word dropped when the corpus uses its stem but not
    it ("what exactly is it" -> "what is it": "exactly" only steers retrieval to "exact"); unchanged when the words
    before it carry content or open with a preposition ("in simple words why does it happen")."""
    lead = _EMBEDDING_LEAD.search(clause)
    if lead is not None and not _content(clause[: lead.start()], content_word):
        m = _EMBEDDED.match(re.sub(r"\bit'?s\b", "it is", clause[lead.end():], flags=re.IGNORECASE))
        if m is not None:
            return f"{m.group('aux')} {m.group('subject')} {m.group('rest')}".strip(), clause[: lead.end()].strip()
    chatter = ""
    m = _QUESTION_WORD.search(clause)
    if (not _ASK_OPENING.match(clause) and m is not None and m.start() > 0 and not _RESTRICTION.match(clause)
            and not _content(clause[: m.start()], content_word)):  # "in simple words why ..." keeps its framing
        clause, chatter = clause[m.start():], clause[: m.start()].strip()
    hedge = _HEDGE.match(clause)
    adverb = hedge.group("adverb").lower() if hedge is not None else ""
    if hedge is not None and not content_word(adverb) and content_word(adverb[:-2]):
        clause = clause[: hedge.start("adverb")] + clause[hedge.end("adverb"):].lstrip()
    return clause, chatter


def _chatter(clause: str, at: int, ask: str, content_word: Callable[[str], bool]) -> bool:
    """A clause to set aside: it names nothing the article speaks of, is no lone word inside a list ("volume, issue
    and pages": only a first clause may be one word, "hey, ..."), and tells no case of the person a personal ask is
    about ("do i have pns? i have numbness and a lump"). A clause opening with a preposition restricts the question
    ("in kids, ...", "after chemo, ...", "in my case, ...") and is kept, unless it only names whom the asker asks for
    ("for my uncle, ...")."""
    restricts = _RESTRICTION.match(clause) and not _FOR_SOMEONE.fullmatch(clause)
    if _content(clause, content_word) or (at > 0 and len(clause.split()) < 2) or restricts or _INVERTED.search(clause):
        return False
    return not (PERSONAL_WORD.search(ask) and PERSONAL_WORD.search(clause))


def asking_clause(message: str, content_word: Callable[[str], bool],
                  keep_whole: Callable[[str], bool] = lambda _: False) -> AskingClause | None:
    """The message read as its one asking clause (module docstring); None when nothing is set aside, when not
    exactly one clause asks (a list of asks is the multi-part reader's), when the ask points back with "that" or
    "this" at a clause it does not name ("he had a seizure last year, is that related?"), or when `keep_whole` says
    the message is read whole (a bibliography question: its clauses are the fields it asks)."""
    if keep_whole(message):
        return None
    clauses = clauses_of(message)
    read = [direct(c, content_word) for c in clauses]
    asking = [i for i, (c, _) in enumerate(read) if asks(c)]
    if len(asking) != 1:
        return None
    at = asking[0]
    ask, lead = read[at]
    others = [c for i, c in enumerate(clauses) if i != at]
    with_content = [c for i, c in enumerate(clauses) if i != at and not _chatter(c, i, ask, content_word)]
    kept = list(with_content)
    if with_content and needs_context(ask) and _QUESTION_WORD.match(ask):  # not "is it pns" after a person's case
        spans = [s for c in with_content for s in content_spans(c, content_word)]
        if len(spans) == 1:  # one thing named: the pointer's antecedent
            resolved = resolve_references(ask, spans[0])
            if resolved != ask:
                ask, kept = resolved, []
    set_aside = tuple(x for x in (lead, *(c for c in others if c not in kept)) if x)
    if (not set_aside and ask == clauses[at]) or ((others or lead) and _POINTS_BACK.search(ask)):
        return None
    text = ", ".join(ask if i == at else c for i, c in enumerate(clauses) if i == at or c in kept)
    return AskingClause(text=text, set_aside=set_aside, only_chatter=not with_content,
                        told=tuple(x for x in (lead, *others) if x and x not in kept and not (x == lead and _EMBEDS.search(x))
                                   and not _REPORTS.match(x)))


def first_asked(turns: list[dict[str, str]], read: Callable[[str], AskingClause | None]) -> list[dict[str, str]]:
    """`turns` with the first user turn read as its asking clause (`read`), as triage read it when it was asked: a
    follow-up to "hi there, what is trousseau syndrome" is about trousseau syndrome, not about "hi there"."""
    for i, turn in enumerate(turns):
        if turn["role"] == "user":
            asked = read(turn["content"])
            return turns if asked is None else [*turns[:i], {**turn, "content": asked.text}, *turns[i + 1:]]
    return turns
