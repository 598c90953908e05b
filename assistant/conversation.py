"""Turn a follow-up question into a standalone one, using the user's earlier turns.

Why rules and not a model: retrieval only sees one query, so "How is it treated?" must become
"How is Trousseau syndrome treated?" before searching. The embedded default has no language model,
and a deterministic rewrite is testable and explainable (the result is shown as
Answer.standalone_question). The rules cover the follow-ups people actually type:

- pronouns: it / its / they / them / their / this / that / these / those ("Which cancers is it seen with?"),
  but never a person ("would she recover from them": she stays, them is resolved) and never "they"
  doing something ("how do they treat it");
- demonstrative phrases: "those scans", "these symptoms", "that group";
- ellipsis: "What about the kidneys?", "And the skin?", "How about treatment?", "what about the skin
  ones" (narrows the previous question's class noun), "and in children?" (narrows it to a group),
  "and for dermatomyositis?" (the same question about another subject): assistant/ellipsis.py;
  "why?" / "tell me more" (the previous question again);
- a short follow-up that names no topic of its own ("what kind of ongoing care"), or whose 'that' stands for the
  previous question's whole claim, is searched together with the previous question, in brackets, so retrieval
  keeps the conversation's subject (assistant/previous_question.py).

The topic of a turn comes from assistant/topics.py; earlier turns are resolved first, so a chain of
follow-ups keeps its subject. Assistant turns are ignored: what the user asked defines the topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.asked_words import without_carried_figure
from assistant.clinical_shorthand import copula, names_an_attribute, work_up_question
from assistant.ellipsis import elliptical_fragment, head_noun, resolve_ellipsis
from assistant.graded_aspects import graded_subject
from assistant.more_asks import asks_only_for_more
from assistant.normalise import restore_apostrophes
from assistant.previous_question import (asks_for_more, leans_on_previous, names_a_proposition, strip_connective,
                                        with_previous)
from assistant.refused_turns import without_refused
from assistant.source_asks import asks_for_sources, source_question
from assistant.subject_switch import repeats_subject, switched_subject
from assistant.references import (CLASS_RE, CLASS_GROUPS, GroupOf, agree, agree_plural, first_pronoun, listed_labels,
                                   name_listed_item, needs_context, resolve_references)
from assistant.aspects import ASPECT_RE, ASPECTS
from assistant.topics import AUX, DEFAULT_TOPIC, keyword_topic, topic_of
from corpus.sentence_split import rough_sentences

MAX_TURNS = 6  # only the most recent user turns can be referred to

# Chat fillers before the question ('ok', 'lol ok thx', 'cool.'): they are no part of it and no subject.
_FILLER = re.compile(r"^(?:(?:ok(?:ay)?|k|kk|lol|hmm+|thx|thanks|thank you|ty|cool|alright|i see|got it|oh)"
                     r"(?:[,.!]+\s*|\s+))+", re.IGNORECASE)


def user_turns(history: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The user's earlier questions, oldest first (assistant turns and malformed entries skipped)."""
    turns: list[str] = []
    for turn in history or []:
        if not isinstance(turn, Mapping):
            continue
        content = turn.get("content")
        if turn.get("role") == "user" and isinstance(content, str) and content.strip():
            turns.append(re.sub(r"\s+", " ", content).strip())
    return turns[-MAX_TURNS:]


def listing_answers(history: Iterable[Mapping[str, Any]] | None) -> list[tuple[str, str]]:
    """For each user turn that user_turns keeps, then for the question after them: the latest assistant answer before
    it that showed a list (two labelled items or more) and the question it answered, ('', '') when none did.

    Why the latest list and not the latest answer: "and the last one?" after "how does the second one work" still
    counts in the list both point into, although the answer between them showed one item.
    """
    out: list[tuple[str, str]] = []
    latest, asked = ("", ""), ""
    for turn in history or []:
        if not isinstance(turn, Mapping) or not isinstance(turn.get("content"), str):
            continue
        if turn.get("role") == "assistant" and len(listed_labels(turn["content"])) >= 2:
            latest = (turn["content"], asked)
        elif turn.get("role") == "user" and turn["content"].strip():
            out.append(latest)
            asked = turn["content"]
    return out[-MAX_TURNS:] + [latest]


@dataclass(frozen=True)
class Exchange:
    """The last user turn of a conversation and the assistant's reply to it."""

    index: int      # the user turn's position in the turns it was read from
    question: str   # its text as the history has it
    reply: str      # the first assistant turn after it ('' when none)


def last_exchange(turns: Sequence[Mapping[str, Any]]) -> Exchange | None:
    """The last user turn and its reply, or None when no turn is the user's.

    Why one owner: the personal-advice context (personal_context.after_personal: was the last ask personal, or
    declined as such?) and the follow-up context (followup.follow_up: the previous question and the answer it got)
    both read the previous exchange. In a checked history (assistant/history.py: user and assistant turns only)
    every turn after the last user turn is the assistant's, so its reply is the turn right after it.
    """
    users = [i for i, t in enumerate(turns) if t.get("role") == "user"]
    if not users:
        return None
    last = users[-1]
    reply = next((str(t.get("content", "")) for t in turns[last + 1:] if t.get("role") == "assistant"), "")
    return Exchange(index=last, question=str(turns[last].get("content", "")), reply=reply)


def _named_item(question: str, listing: str, asked: str) -> str:
    """`question` with "the second one" named from the list `listing` showed (a one-word label takes the class noun
    of `asked`, the question the list answered: 'Endocrine' -> 'endocrine syndromes')."""
    head = head_noun(restore_apostrophes(asked)[0].rstrip("?.! "))
    return name_listed_item(question, listing, head.group(0).lower() if head else None)


def resolve_first_turn(question: str, known_word: Callable[[str], bool]) -> str:
    """A first question with an unnamed subject ("whats the outlook", "can u get better from it") is about the one
    subject this assistant covers, the article's, and is searched as such; unchanged otherwise.

    Why the vocabulary check: only a question whose every word (of three letters or more) the corpus itself uses is
    read as being about the article's subject, so "is it raining in paris" or "tell me a joke about it" stay as typed
    and are judged out of scope, not answered about paraneoplastic syndromes.
    """
    restored = restore_apostrophes(question)[0]
    if topic_of(restored) is not None or asks_only_for_more(restored.strip()):
        return question
    words = [w for w in re.findall(r"[a-z][a-z']+", restored.lower()) if len(w) >= 3]
    if not words or not all(known_word(w) for w in words):
        return question
    aspect = _aspect_question(restored, DEFAULT_TOPIC)
    if aspect is not None:
        return aspect
    if needs_context(restored):
        return agree_plural(agree(strip_connective(resolve_references(restored, DEFAULT_TOPIC)), DEFAULT_TOPIC),
                             DEFAULT_TOPIC)
    return question


def rewrite_followup(question: str, history: Iterable[Mapping[str, Any]] | None, group_of: GroupOf | None = None,
                     known_word: Callable[[str], bool] | None = None) -> str:
    """The standalone form of `question` given the earlier turns (refused ones left out as
    assistant/refused_turns.py says); unchanged when it needs no context. `known_word`: whether the corpus uses a
    word (a one-word fragment it never uses does not become the subject: `made_an_unknown_word_the_subject`)."""
    stripped = _FILLER.sub("", restore_apostrophes(question)[0])
    asked = one_question(stripped or question)
    history = without_refused(history, not_found_too=_reads_past_refusals(asked), reads_past=_reads_past_refusals)
    previous_questions = [one_question(restore_apostrophes(t)[0]) for t in user_turns(history)]
    if not previous_questions:
        return question
    lists = listing_answers(history)  # the list each turn's "the second one" counts in
    typed = question
    base = _FILLER.sub("", restore_apostrophes(question)[0]) or question  # 'ok what affects it then'
    question = one_question(base)
    previous, carried = previous_questions[0], topic_of(previous_questions[0]) or keyword_topic(previous_questions[0])
    origin = carried  # the subject the conversation opened with
    chain: tuple[str, ...] = ()
    kept = False  # the previous turn's subject is a word the corpus never uses: the carried one stays
    for earlier, listing in zip(previous_questions[1:], lists[1:]):
        if asks_for_sources(earlier):  # 'refs?' named no subject: the next turn continues the question before it
            continue
        chain += (previous,)
        previous = _rewrite_one(_named_item(earlier, *listing), previous, carried, group_of, chain[:-1], origin, kept)
        kept = made_an_unknown_word_the_subject(earlier, previous, known_word)
        carried = carried if kept else topic_of(previous) or carried
    question = _named_item(question, *lists[-1])
    rewritten = _rewrite_one(question, previous, carried, group_of, chain, origin, kept)
    if rewritten == base:
        return typed
    return without_carried_figure(rewritten, question, reasks_previous(question) or _reads_past_refusals(question))


def made_an_unknown_word_the_subject(asked: str, standalone: str, known_word: Callable[[str], bool] | None) -> bool:
    """The turn was a one-word fragment the corpus never uses ("rehab?", "dialysis?") and its rewrite made that word
    the subject ("what are the symptoms of rehab"): the conversation's subject stays the one carried before it.
    Why: carried on, the word became the subject of every later ask ("outlook" -> "what is the outlook of rehab"),
    although the user asked it of the subject under discussion; the turn itself is left as rewritten, so a word the
    article never names is still left open there."""
    fragment = elliptical_fragment(one_question(asked))
    words = re.findall(r"[a-z]+", (fragment or "").lower())
    own = topic_of(standalone)
    return (known_word is not None and len(words) == 1 and not known_word(words[0])
            and own is not None and own.lower() == words[0])


def _reads_past_refusals(text: str) -> bool:
    """An ellipsis, or a short ask leaning on the previous turn without a pointer, is read with the last answered
    question, past any not-found turn (assistant/refused_turns.py)."""
    asked = one_question(_FILLER.sub("", restore_apostrophes(text)[0]) or text)
    return elliptical_fragment(asked) is not None or (leans_on_previous(asked) and not needs_context(asked))


def reasks_previous(question: str) -> bool:
    """The follow-up asks the previous question again, of the same or another subject ("and in kids?", "what about
    the mri", "why?", "tell me more"): what that question asked (a figure, say) is asked again."""
    asked = one_question(_FILLER.sub("", restore_apostrophes(question)[0]) or question).strip()
    return bool(asks_only_for_more(asked)) or elliptical_fragment(asked) is not None


# 'that' / 'this' standing for a thing said, not before a noun ('could that be related', not 'that test').
_POINTS_BACK = re.compile(rf"\b(?:that|this)\b(?!\s+(?:{CLASS_RE}|the|a|an)\b)", re.IGNORECASE)


def one_question(message: str) -> str:
    """A message of several sentences read as the one question it asks.

    Why: people write around their question ("That's good to hear. How many people fully recover?", "History and
    exam. What do they look for?"), and a leading remark read as part of it names a false subject or is carried
    into the next turn. A remark is dropped unless the question points back at it ("My dad smokes. Does that make
    it more likely?"). An elliptical lead-in before a question with a pronoun ("and for the family? shud they get
    tested") names the pronoun's subject, so it is joined as one "<subject>, <question>" turn.
    """
    sentences = rough_sentences(message.strip())
    if len(sentences) < 2:
        return message
    while len(sentences) > 1 and not sentences[0].endswith("?") and not _POINTS_BACK.search(" ".join(sentences[1:])):
        sentences = sentences[1:]  # a remark the question does not point back at
    if len(sentences) == 2 and elliptical_fragment(sentences[0]) is not None and first_pronoun(sentences[1]) is not None:
        return f"{sentences[0].rstrip('?.! ')}, {sentences[1]}"
    own = topic_of(sentences[0]) if sentences[0].endswith("?") else None
    if own is not None:  # 'What is nephrotic syndrome? Is it serious?': 'it' is the subject the message just named
        sentences = [sentences[0]] + [agree(resolve_references(x, own), own) for x in sentences[1:]]
    return " ".join(sentences)


def _rewrite_one(question: str, previous: str, carried: str | None = None, group_of: GroupOf | None = None,
                 earlier: tuple[str, ...] = (), origin: str | None = None, keep_carried: bool = False) -> str:
    """`question` made standalone from the (already standalone) previous question and the topic carried so far
    (`earlier`: the standalone questions before the previous one, oldest first; `origin`: the first turn's subject;
    `keep_carried`: the previous question's own subject is not the conversation's, see
    `made_an_unknown_word_the_subject`)."""
    topic = (None if keep_carried else topic_of(previous)) or carried or DEFAULT_TOPIC
    if asks_only_for_more(question.strip()):
        return previous
    sourced = source_question(question, previous)  # 'refs?': the sources of what was just asked (assistant/source_asks.py)
    if sourced is not None:
        return sourced
    switched = switched_subject(question)  # 'and IVIG, how does it work': the pronoun is IVIG (assistant/subject_switch.py)
    if switched is not None:
        return switched
    work_up = work_up_question(question, topic)  # 'how would you work that up': the workup, as "workup?" asks it
    if work_up is not None:
        return work_up
    fragment = elliptical_fragment(question)
    if fragment is not None:
        if names_an_attribute(fragment):  # 'long term?': an attribute of the subject, not of the previous ask's words
            topic = opened_subject(topic, origin)
        return resolve_ellipsis(fragment, previous, topic, earlier)
    one = re.search(r"\b(which|what|that|this|the (?:first|second|last|main|most common)) (ones?)\b", question, re.IGNORECASE)
    head = head_noun(previous.rstrip("?.! "))
    if one and head is not None:
        question = question[: one.start(2)] + head.group(0) + question[one.end(2):]
    bare_which = re.match(r"^(?:and\s+|so\s+)?(which)\s+(?:of them\s+)?(?=(?:is|are|works?|helps?|one)\b)", question, re.IGNORECASE)
    if bare_which and head is not None and not one:  # 'which is best' after 'what are the treatment options'
        question = f"{bare_which.group(1)} {head.group(0)} {question[bare_which.end():]}"
    bare = re.fullmatch(r"(?:and\s+|so\s+)?((?:which|what)\s+[\w-]+(?:\s+[\w-]+){0,2})\s*[?.!]*", question.strip(), re.IGNORECASE)
    last = bare.group(1).split()[-1].lower() if bare else ""
    verbless = bare and not re.search(rf"\b(?:{AUX}|it|its|they|them|their|that|this|those|these|about)\b", bare.group(1), re.IGNORECASE)
    if verbless and (last in CLASS_GROUPS or last in ASPECTS) and CLASS_GROUPS.get(last) != "generic":
        phrase = bare.group(1)  # 'which cancers' after 'what is trousseau syndrome'
        return f"{phrase[:1].upper()}{phrase[1:]} does {topic} involve?"
    aspect = _aspect_question(question, topic)  # 'and what's the cause' after 'what's lambert eaton'
    if aspect is not None:
        return aspect
    if names_a_proposition(question, previous):  # 'how does that happen' after 'can pns affect the kidneys': that = the whole claim
        return with_previous(question, previous)
    if needs_context(question):
        clauses = re.split(r",\s+(?=(?:what|which|who|how|why|when|where|" + AUX + r")\b)", question, flags=re.IGNORECASE)
        # 'what makes it worse' after 'prognosis' or 'whats the outlook for pns': it = the prognosis, the outlook of pns
        topic = graded_subject(question, previous, _aspect_subject(previous, topic, earlier))
        resolved = [resolve_references(c, topic, group_of) for c in clauses]  # 'whats the risk of it, who gets it'
        return agree(strip_connective(", ".join(resolved)), topic)
    if asks_for_more(question) and not needs_context(question):  # 'what else is used' after 'how does ivig work'
        return with_previous(question, previous)
    if leans_on_previous(question) and not repeats_subject(question, previous):  # 'what kind of ongoing care' after
        return with_previous(question, previous)  # 'do the symptoms go away after treatment'; not 'lems treatment'
    return question


_ASPECT_ONLY = re.compile(rf"^(?:and\s+|so\s+)?(?:what|how)(?:'s|\s+is|\s+are|\s+about)\s+the\s+({ASPECT_RE})\s*[?.!]*$",
                          re.IGNORECASE)


def _aspect_question(question: str, topic: str) -> str | None:
    """'whats the outlook' / 'and how about the causes' -> 'What is the outlook of <topic>?'; None for other questions."""
    aspect = _ASPECT_ONLY.match(question)
    if aspect is None:
        return None
    noun = aspect.group(1).lower()
    return f"What {copula(noun)} the {noun} of {topic}?"


def _aspect_subject(previous: str, topic: str, earlier: tuple[str, ...]) -> str:
    """The aspect a conversation opened with when its first turn was that one word ("prognosis", "treatment") and named
    no subject: a pronoun next stands for it, not for the article's subject ("what makes it worse" asks what worsens the
    prognosis, which the article says; "what makes paraneoplastic syndromes worse" finds other sentences)."""
    word = previous.strip(" ?.!").lower()
    return word if not earlier and topic == DEFAULT_TOPIC and " " not in word and word in ASPECTS else topic


def opened_subject(topic: str, origin: str | None) -> str:
    """The subject the conversation opened with when the previous turn's topic phrase merely extends it ('cerebellar
    degeneration walk again' after 'cerebellar degeneration': a verb the phrase rules did not stop at, or 'the rehab
    of <origin>'); else `topic`. An attribute asked next ("long term?") is the subject's, not that phrase's."""
    if not origin or origin == DEFAULT_TOPIC:
        return topic
    low, start = topic.lower(), re.sub(r"^(?:the|a|an)\s+", "", topic.lower())
    subject = origin.lower()
    if low != subject and (start.startswith(subject + " ") or re.search(rf"\b(?:of|for|in)\s+{re.escape(subject)}$", low)):
        return origin
    return topic
