"""The clause of a message that asks, and whether it asks about a person's case or asks generally.

Why: the learned personal-advice check (assistant/advice_model.py) scores the whole message and each of its
sentences, and what it learned a personal ask looks like is a person and their story: "my doctor said i should read
up on this", "im a smoker and my doc brought up pns at my checkup", "my mum is on steroids for pns". A general
question told after such a preamble ("..., what even is a paraneoplastic syndrome", "..., is smoking a risk factor",
"..., what dose do doctors normally use") then reads as personal and is declined. Whether the asker wants a judgement
of one person's case is said by the clause that asks, not by the story before it: "is that lems" or "does that mean
i have cancer" ask about the case, "what is it actually" does not. So the check's verdict is kept only when the
asking clause itself names the case (a person, the assistant's own opinion, or a yes/no pointing back at what the
story told) or, read alone, still looks like a personal ask to the same model ("how much ivig", "which is better");
a message with no single asking clause is read whole, as before.

How, with no phrase list: the clauses and the asking clause are assistant/asking_clause.py's (`clauses_of`, the
clause opening with a question word or an auxiliary or ending with "?", chatter before its question word dropped);
the person words are its `PERSONAL_WORD` pattern plus the second person, the pointer test is the follow-up
rewriter's (assistant/references.needs_context) and "in general" is the follow-up reader's
(assistant/personal_context.IN_GENERAL).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.asking_clause import PERSONAL_WORD, asks, clauses_of, content_spans, direct, opens_a_question
from assistant.personal_context import IN_GENERAL
from assistant.question_words import WH_SPELLINGS, WH_WORDS, alternation
from assistant.references import needs_context, resolve_references
from index.lexical import tokenize

# The assistant asked for its own judgement ("what would u do", "do you think", "can u look at my results").
_SECOND_PERSON = re.compile(r"\b(?:you|u|ya|your|ur|yours)\b", re.IGNORECASE)
# An ask opening with a question word asks for a fact ("what is it", "how do they test"), not whether a case is so.
# The shared question words (assistant/question_words.py) less the fast-typing "wat"/"wats", which this reader never
# had: kept out so that the published round-16 answers stand; whether "wat" opens a fact ask here is untested.
_WH_OPENING = re.compile(r"^" + alternation(WH_WORDS, WH_SPELLINGS, without=("wat", "wats")) + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class Ask:
    """The one clause of a message that asks (`clause`), and whether it names the case asked about (`names_case`)."""

    clause: str
    names_case: bool


def the_ask(message: str, content_word: Callable[[str], bool]) -> Ask | None:
    """The message's one asking clause and whether it names a case: a person ("is my calcium ...", "should we ..."),
    the assistant's opinion ("what would u do"), a pointer back at what was told ("is that lems", "what does that
    mean": the story's result or sign, which only the story names; not when the clause says it asks in general), an
    ellipsis of it (a fragment that only its "?" makes a question: "my mum is on 60mg pred, too much?"), or a yes/no
    naming again what the story told ("... and now weak legs, is weakness a sign of pns"). None when not exactly one
    clause asks (a list of asks, or no question at all): nothing then says where the ask is, and the message is read
    whole."""
    read = [direct(c, content_word)[0] for c in clauses_of(message)]
    asking = [c for c in read if asks(c)]
    if len(asking) != 1:
        return None
    clause = asking[0]
    story = [c for c in read if c != clause]
    points_back = (needs_context(clause) and not IN_GENERAL.search(clause)  # not "how do they test for it in general"
                   and not _points_at_a_named_thing(clause, story, content_word))
    elliptical = not opens_a_question(clause)  # "too much?", "pns?", "worth trying ivig?": of the story's case
    names_case = bool(PERSONAL_WORD.search(clause) or _SECOND_PERSON.search(clause)) or points_back or elliptical
    return Ask(clause, names_case or _restates_the_story(clause, story))


def _points_at_a_named_thing(clause: str, story: list[str], content_word: Callable[[str], bool]) -> bool:
    """A question-word ask whose pointer stands for the one thing the story names ("my oncologist mentioned
    paraneoplastic something, what is it actually", "im 60kg and on pred for my pns, what do steroids do for it": the
    pointer is the condition or term, resolved as the asking clause reader resolves it, assistant/asking_clause.py)
    asks a fact about that thing, not a judgement of the case; "what could that be" after a person's signs names
    several things or is a yes/no and stays a pointer at the case."""
    if not _WH_OPENING.match(clause):
        return False
    spans = [s for c in story for s in content_spans(c, content_word)]
    if len(set(s.lower() for s in spans)) != 1:
        return False
    resolved = resolve_references(clause, spans[0])
    return resolved != clause and not needs_context(resolved)


def _restates_the_story(clause: str, story: list[str]) -> bool:
    """A yes/no ask that names again what the story told ("my husband has sclc and now weak legs, is weakness a sign
    of pns"): whether the told sign is the condition, i.e. whether that person has it. Compared by the index's
    stemmed words (index/lexical.tokenize: "weak" and "weakness" are one); a question-word ask ("what dose do doctors
    use for steroids" after "my mum is on steroids") asks a fact and is not this."""
    if _WH_OPENING.match(clause):
        return False
    return bool(set(tokenize(clause)) & set(tokenize(" ".join(story))))
