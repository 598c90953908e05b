"""A personal ask read with its conversation: the follow-ups whose personal part is in an earlier turn.

Why its own module: the safety rules (assistant/safety.py) read one message; a follow-up is often personal only with
its earlier turn ("and how often" after "how much ivig should my mum get", "and for my son?" after "what dose of
steroids is used"), which triage (assistant/triage.py) knows once it has made the question standalone. The rules are
run again on that standalone question, but only when this turn names a person or the last one was a personal ask,
so a general follow-up after a turn that named a relative stays general.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from assistant.conversation import last_exchange
from assistant.refused_turns import declined_as_personal
from assistant.safety import Verdict, classify, names_person


# A follow-up that says it asks generally, not for the person of the earlier turn.
IN_GENERAL = re.compile(r"\b(?:in general|generally|in general terms|general(?:ly)? speaking|not for me|not about me|"
                        r"for (?:most )?people in general|for patients in general|for anyone)\b", re.IGNORECASE)


def personal_in_context(verdict: Verdict, typed: str, standalone: str, after_personal: bool = False) -> Verdict:
    """`verdict`, or personal_advice when a follow-up is a personal ask once made standalone: one that names a
    person ("and for my son?" -> "what dose of steroids is used for my son": the decision may be in the earlier
    turn and the person in this one), or any follow-up of a personal ask (`after_personal`: "and how often" after
    "how much ivig should my mum get"; "what about plasma exchange instead" after "should i start ivig").
    Otherwise only a person named in this turn counts, so a general follow-up after a turn that named a relative
    ("what tests confirm it" after "my dad has lems, what is it") stays general; a follow-up of a personal ask
    whose standalone asks nothing personal ("what causes lems") stays general too."""
    if verdict.category != "none" or standalone == typed or not (after_personal or names_person(typed)):
        return verdict
    if IN_GENERAL.search(typed):  # 'ok in general what drugs are used': the turn itself says it is not personal
        return verdict
    read = classify(standalone)
    if read.category != "personal_advice":
        return verdict
    return replace(read, rule=f"{read.rule} (follow-up read whole)", deferred=verdict.deferred,
                   deferred_kind=verdict.deferred_kind)


def after_personal(turns: Sequence[Mapping[str, str]]) -> bool:
    """True when the last earlier user turn was a personal ask: the rules say so, or its reply was the referral."""
    exchange = last_exchange(turns)
    if exchange is None:
        return False
    return declined_as_personal(exchange.reply) or classify(exchange.question).category == "personal_advice"


# signs placed over time ("for months", "lately", "the past few weeks", "keeps getting dizzy", "has had a rough year")
_LASTING = re.compile(
    r"\b(?:for (?:\w+ )?(?:days|weeks|months|years|a while|ages)|(?:past|last|few|couple of|several) (?:few )?(?:days|weeks|months|years)|"
    r"lately|recently|on and off|over the (?:past|last)|since (?:then|last|her|his|my|the)|keeps? (?:getting|having|feeling)|"
    r"(?:has|have|'s|'ve|ive) had|been getting|getting (?:weaker|worse|slower)|(?:a|the) (?:rough|hard|tough|bad) (?:year|few months)|"
    # signs that recur rather than strike: "by the end of the day", "in the evenings", "most days", "when shes tired"
    r"by the end of (?:the|each|every) day|in the evenings|every (?:day|evening|night|morning)|most (?:days|evenings|nights)|"
    r"when (?:i'm|im|i am|he's|hes|he is|she's|shes|she is|they're|theyre) tired)\b")
# a word of the present moment or of a sudden change keeps the learned emergency check's verdict
_ACUTE = re.compile(
    r"\b(?:right now|just now|at the moment|currently|suddenly|sudden|all of a sudden|out of nowhere|tonight|today|"
    r"this (?:morning|evening|afternoon)|(?:minutes?|mins?|an hour|hours?) ago|since (?:this|last night)|help)\b")


def lasting_case_ask(verdict: Verdict, text: str) -> bool:
    """True when the rules read a message as a diagnosis ask about one person's illness ("is hers the cerebellar kind",
    "wondering if thats whats going on with him") that places the signs over weeks or months and names no present
    moment: the asker wants to know what a long illness is, so the learned emergency check's hit (it reads the signs,
    "dizzy when he stands up", not their time) gives way to the referral. A rule's emergency is never undone here."""
    return (verdict.category == "personal_advice" and verdict.rule == "self_diagnosis"
            and bool(_LASTING.search(text)) and not _ACUTE.search(text))


# "someone says <claim>, is that right": the claim reported, then the question whether it holds
_CHECKED_CLAIM = re.compile(
    r"\b(?:says?|said|told (?:me|us)|tells (?:me|us)|reckons|thinks|read|heard|claims?)\b(?P<claim>[^?]{3,120}?)[,.;]?\s*"
    r"(?:is|was|are) (?:he|she|they|that|this|it) (?:right|true|correct|wrong|accurate)\b")
# a claim about someone's own case ("says my antibodies are high", "said she has it") is no general claim
_CASE_WORD = re.compile(r"\b(?:i|me|my|mine|he|she|his|her|hers|him|we|our|us|you|your)\b|\b(?:im|ive|i'm|i've|hes|shes)\b")


# the message's last ask is a property of the condition itself, naming no one: "my nan had pns, is it hereditary"
_PROPERTY_ASK = re.compile(
    r"(?:(?:^|[,.;!?]|\b(?:and|but|so))\s*(?:(?:and|but|so|ok|also|just wondering|i wonder)\s+)?"
    r"(?:is|are) (?:it|they|pns|lems|this|that|these syndromes|paraneoplastic syndromes?) "
    r"(?:(?:something )?(?:hereditary|genetic|inherited|contagious|catching|infectious|passed on)|"
    r"(?:something )?(?:you|people) can (?:catch|inherit|pass on))|"
    # how common: of the condition only ("is that common" after one's own sign asks about the sign)
    r"(?:^|[,.;!?]|\b(?:and|but|so))\s*(?:is|are) (?:it|they|pns|lems|these syndromes|paraneoplastic syndromes?) (?:common|rare)|"
    r"(?:^|[,.;!?]|\b(?:and|but|so))\s*(?:does|do|can) (?:it|they|pns|this) (?:run in (?:the )?famil(?:y|ies)|be (?:inherited|passed on|caught|spread))"
    r")\s*\??\s*$")


def checks_a_general_claim(text: str) -> bool:
    """True when the message asks whether a reported claim about the condition holds ("my brother is a doctor and
    says pns is rare, is he right"): a question about what the article says, however personal its opening, so the
    learned personal-advice check (which reads "my brother ... is he") is not asked. A claim that names a person's
    own case ("says my antibodies are high, is she right") is left to it."""
    return any(not _CASE_WORD.search(m.group("claim")) for m in _CHECKED_CLAIM.finditer(text))


def asks_a_general_property(text: str) -> bool:
    """True when the message ends by asking a property of the condition itself (hereditary, contagious, rare), naming
    no one in that ask ("my nan had pns, is it hereditary", "my mum has lems, is it contagious"): what the article
    says of the condition, so the learned personal-advice check, which reads the relative, is not asked."""
    return bool(_PROPERTY_ASK.search(text.rstrip(" ?!.")))
