"""The yes/no claim check (assistant/unknown_claims.py): a cause, a way of spreading or a property of the condition
that the article does not speak of."""

from __future__ import annotations

import pytest

from assistant.abstention import vocabulary
from assistant.claim_evidence import ClaimEvidence
from assistant.unknown_claims import unknown_claim

CLAIM_ENGLISH = frozenset({"pollen", "parasite", "catch", "painful", "smoking", "permanent", "cancer", "kiss", "partner",
                           "get", "toxins", "fatal", "rare", "stress", "virus"})
CLAIM_VOCAB = vocabulary(["Paraneoplastic syndromes are rare; smoking or exposure to toxins; cancer; the types"])


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("does pollen cause paraneoplastic syndromes", ("pollen", True)),
        ("is it caused by a parasite?", ("parasite", True)),
        ("can you catch it from your partner", ("catch", True)),  # spreading, not one of the corpus's words
        ("is pns painful", ("painful", False)),  # a property of the condition, named
        ("does smoking cause it", None),  # the corpus names smoking: the gate and the answer decide
        ("pns is caused by the cancer spreading right", None),  # one word the corpus uses: it may say so
        ("can toxins trigger pns", None),
        ("is it permanent", None),  # "it" may be anything: a property is only read of the named condition
        ("is it possible to catch", None),  # "is it X to": no spread asked of the condition
        ("is pns rare", None),
        ("can you get it from cancer", None),  # 'get' is too common to hinge on
        ("what is pollen", None),  # not a yes/no question about the condition (unknown_subject's business)
        ("can pollen cause sneezing", None),  # a cause of something else: not the condition's
        ("can stress bring it on", ("stress", True)),  # the phrasal verb split by its object is still a cause ask
        ("could a virus set pns off", ("virus", True)),
        ("can smoking bring it on", None),  # the corpus names smoking
    ],
)
def test_unknown_claim(question: str, claim: tuple[str, bool] | None) -> None:
    assert unknown_claim(question, CLAIM_VOCAB, CLAIM_ENGLISH, common=frozenset({"get"})) == claim


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("is it painful", ("painful", True)),  # nothing earlier: "it" is the condition, judged as "is pns painful"
        ("is pns painful", ("painful", False)),  # named: on topic by its own words
        ("is this rare", None),
        ("is it possible to catch", None),
        ("is it raining", None),  # a progressive verb, not a property: left to the other checks (out of scope)
    ],
)
def test_a_first_turn_pronoun_is_the_condition(question: str, claim: tuple[str, bool] | None) -> None:
    assert unknown_claim(question, CLAIM_VOCAB, CLAIM_ENGLISH, common=frozenset({"get"}), first_turn=True) == claim


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("is it always from cancer", None),  # an adverb, not a way of spreading: the article may answer it
        ("is it mostly by smoking", None),
        ("is it passed by kissing", ("passed", True)),  # a participle: a way of spreading the corpus never names
    ],
)
def test_the_passive_spread_ask_needs_a_participle(question: str, claim: tuple[str, bool] | None) -> None:
    english = CLAIM_ENGLISH | {"always", "mostly", "passed", "kissing"}
    assert unknown_claim(question, CLAIM_VOCAB, english, common=frozenset({"get"})) == claim


# Synthetic sentences (not corpus content) for the article-aware claim checks (assistant/claim_evidence.py).
CLAIM_EVIDENCE = ClaimEvidence("Irregular blood sugar levels are a sign. Some people may be genetically predisposed to "
                               "developing paraneoplastic syndromes. Symptoms overlap with many other autoimmune and "
                               "infectious diseases. Smoking may play a role in cancer.")
EVIDENCE_VOCAB = vocabulary(["blood sugar levels genetically predisposed autoimmune infectious "
                             "diseases smoking paraneoplastic syndromes cancer"])
EVIDENCE_ENGLISH = frozenset({"eating", "sugar", "blood", "transfusion", "infectious", "caffeine", "inherit", "catch",
                              "smoking", "cancer", "bad", "std", "hereditary", "sneezing"})


def scripted_family(word: str) -> tuple[str, ...]:
    """A scripted stand-in for the sentence model's family (wiring only; tests/assistant/test_claim_evidence.py
    checks the real one): 'inherit' and 'hereditary' belong to 'genetically'."""
    return ("genetically",) if word in ("inherit", "hereditary") else ()


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("can eating sugar cause it", ("eating", True)),  # "sugar" is there, only as "blood sugar"
        ("can blood sugar cause it", None),  # together in one sentence
        ("can you get pns from a blood transfusion", ("transfusion", True)),
        ("does caffeine make pns worse", ("caffeine", True)),
        ("does smoking make pns worse", None),
        ("is pns infectious", ("infectious", False)),  # only the other diseases are
        ("is pns an infectious disease", None),  # a kind of disease it is mistaken for: the article says it is not
        ("is pns an std", ("std", False)),  # an abbreviation the corpus never uses
        ("is pns a form of std", ("std", False)),
        ("is pns bad", None),  # an everyday word, not an abbreviation
        ("can you inherit it", None),  # the article says "genetically predisposed"
        ("is pns hereditary", None),
        ("can you catch it", ("catch", True)),  # no family: a way of getting it the article never names
        ("can you get it from cancer", None),
    ],
)
def test_unknown_claim_with_the_articles_sentences(question: str, claim: tuple[str, bool] | None) -> None:
    assert unknown_claim(question, EVIDENCE_VOCAB, EVIDENCE_ENGLISH, frozenset({"get"}), CLAIM_EVIDENCE,
                         scripted_family, everyday=frozenset({"bad"})) == claim


ACT_ENGLISH = frozenset({"spread", "spreading", "worsen", "worsening", "heal", "healing", "brain"})
ACT_VOCAB = vocabulary(["Symptoms may worsen; paraneoplastic syndromes affect the brain."])
ACT_FAMILY = {"heal": ("recovery",)}


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("does it spread", ("spread", True)),  # an act of the condition the article never words
        ("does pns spread like an infection does", ("spread", True)),  # with a comparison
        ("can pns spread to other people", ("spread", True)),  # towards people: contagion
        ("can it spread to the brain", None),  # towards a place: which organs it affects is the article's
        ("does it worsen", None),  # the article uses the verb
        ("can it heal", None),  # worded otherwise by the article ("recovery"), through its word family
    ],
)
def test_an_act_of_the_condition_by_a_verb_the_article_never_words(question: str, claim: tuple[str, bool] | None) -> None:
    family = lambda w: ACT_FAMILY.get(w, ())  # noqa: E731
    assert unknown_claim(question, ACT_VOCAB, ACT_ENGLISH, family=family) == claim


def test_without_word_families_no_act_is_judged() -> None:
    """A verb cannot be told unknown from worded otherwise without the article's word families."""
    assert unknown_claim("does it spread", ACT_VOCAB, ACT_ENGLISH) is None
