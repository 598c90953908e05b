"""Effects and agents the article never names are not_found; the effects and treatments it lists in lay words are
answered (assistant/unlisted_claims.py through the real triage and pipeline).

Why both directions: the check refuses an answer, and refusing an answerable question ("does pns cause fits": the
article says seizures) costs more than answering an unanswerable one.
"""

from __future__ import annotations

import pytest

from assistant.claim_evidence import ClaimEvidence
from assistant.unlisted_claims import asked_match, closest_family, phrase_words, qualifiers, word_choices
from foundation.settings import Settings
from index.lexical import is_stopword


def asked_phrase(question: str, first_turn: bool) -> str | None:
    """The phrase `asked_match` reads as the asked effect or agent (its group "x"), or None."""
    m = asked_match(question, first_turn)
    return m.group("x") if m is not None else None


def test_the_asked_effect_or_agent_is_read_from_the_question() -> None:
    assert asked_phrase("can pns give you hiccups?", first_turn=True) == "you hiccups"
    assert asked_phrase("does drinking milk help pns", first_turn=True) == "drinking milk"
    assert asked_phrase("is green tea bad for pns", first_turn=True) == "green tea"
    assert asked_phrase("does caffeine make the symptoms worse", first_turn=True) == "caffeine"
    assert asked_phrase("can it give you hiccups", first_turn=False) is None  # "it" may be the previous treatment
    # a part or function of the body is asked too; the article answers it when a sentence names it ("speech")
    assert asked_phrase("does it affect the way you talk", first_turn=True) == "the way you talk"
    assert asked_phrase("is it ok to ask", first_turn=True) is None
    assert phrase_words("drinking milk", frozenset(), is_stopword) == ["milk"]
    assert asked_phrase("is azathioprine used to treat pns", first_turn=True) == "azathioprine"
    assert asked_phrase("does tylenol help the joint pain from pns", first_turn=True) == "tylenol"
    assert asked_phrase("does obesity raise the risk of getting pns", first_turn=True) == "obesity"
    assert asked_phrase("is limbic encephalitis a kind of pns", first_turn=True) == "limbic encephalitis"
    assert asked_phrase("can pns affect your bladder", first_turn=True) == "your bladder"
    assert phrase_words("breathing problems", frozenset(), is_stopword) == ["breathing"]  # what is wrong with it
    assert phrase_words("renal involvement", frozenset(), is_stopword) == ["renal"]  # the clinician's "affected"
    assert phrase_words("skin manifestations", frozenset(), is_stopword) == ["skin"]
    # a hurried ask with no verb: the symptom, then the condition
    assert asked_phrase("ringing in the ears from pns", first_turn=True) == "ringing in the ears"
    assert asked_phrase("whats the outlook with pns", first_turn=True) is None
    assert asked_phrase("so its basically cancer in pns", first_turn=True) is None
    # a fragment naming an aspect of the condition asks about that aspect, not whether the condition causes it
    assert asked_phrase("treatment principle re the immune response in pns", first_turn=True) is None
    assert asked_phrase("skin symptoms with pns", first_turn=True) is None
    # a whole question with its own verb is no fragment, though it ends "from pns"
    assert asked_phrase("if they catch the cancer early do people get better from pns", first_turn=True) is None
    assert asked_phrase("stiff neck with pns", first_turn=True) == "stiff neck"
    # the body part first, the condition after it
    assert asked_phrase("do your nails change with pns", first_turn=True) == "your nails change"
    # the condition's adjective alone names it before the verb ("can paraneoplastic cause X"), never before a noun
    assert asked_phrase("can paraneoplastic cause blurry vision", first_turn=True) == "blurry vision"
    assert asked_phrase("is there a blood test for paraneoplastic antibodies", first_turn=True) is None
    # a word saying how much names nothing ("super thirsty": thirst)
    assert phrase_words("u super thirsty", frozenset(), is_stopword) == ["thirsty"]


def test_only_the_closest_family_word_stands_for_an_asked_word_and_not_a_broad_one() -> None:
    evidence = ClaimEvidence("Severe damage to endocrine organs. Organ systems. Organ involvement. Organs and organ "
                             "systems. Kidney diseases. Making diagnosis difficult. Difficulty walking.")
    assert closest_family(("organs", "organ", "kidney"), evidence) == []  # 'liver': a broader word, then a sibling
    assert closest_family(("difficult", "difficulty", "challenging"), evidence) == ["difficult", "difficulty"]
    assert closest_family((), evidence) == []


def test_a_kind_whose_members_the_article_lists_does_not_stand_for_an_unlisted_member() -> None:
    evidence = ClaimEvidence("Some patients experience unusual symptoms such as chronic fatigue, gastrointestinal "
                             "disturbances (nausea, vomiting, diarrhea), or persistent fevers. Substances secreted by "
                             "the tumor (e.g., cytokines, hormones) matter.")
    assert evidence.lists_members("gastrointestinal") and evidence.lists_members("disturbances")
    assert closest_family(("gastrointestinal",), evidence) == []  # 'constipation' is of that kind, but not listed
    assert closest_family(("fatigue",), evidence) == ["fatigue"]
    assert not evidence.lists_members("tumor")  # "e.g." gives examples, not the whole membership


def test_a_lay_phrase_brings_its_medical_word_to_its_own_words_only() -> None:
    lay = {"throw up": ["vomiting"], "skin": ["dermatologic"], "skin turn": ["dermatologic"]}.get
    choices = word_choices("throw up yellow", ["throw", "yellow"], lambda w: False, lambda w: (),
                           lambda text: lay(text, []))
    assert frozenset({"vomit"}) in choices[0] and choices[1] == [frozenset({"yellow"})]
    choices = word_choices("skin turn", ["skin", "turn"], lambda w: w == "skin", lambda w: (), lambda t: lay(t, []))
    assert choices == [[frozenset({"skin"})], [frozenset({"turn"})]]  # 'turn' gets nothing from 'skin'


def test_words_saying_when_or_where_a_symptom_comes_are_read_apart_from_it() -> None:
    english = frozenset({"quick", "sudden", "day", "fam"})
    assert qualifiers("u weak in the legs", ["weak", "legs"], english) == (set(), {"legs"})
    assert qualifiers("your arms weak", ["arms", "weak"], english) == (set(), {"arms"})
    assert qualifiers("weight loss quickly", ["weight", "quickly"], english) == ({"quickly"}, set())
    assert qualifiers("your skin itch at night", ["skin", "itch", "night"], english) == ({"night"}, {"skin"})
    assert qualifiers("your family sick daily", ["family", "sick", "daily"], english) == ({"daily"}, {"family"})
    assert qualifiers("you a sense of smell", ["sense", "smell"], english) == (set(), set())  # 'of' places nothing
    assert qualifiers("u a fever every night", ["fever", "every", "night"], english) == ({"every", "night"}, set())
    assert qualifiers("it hard to breathe", ["hard", "breathe"], english) == ({"hard"}, set())


def test_a_sentence_places_a_symptom_everywhere_when_it_names_the_body_or_the_tissue_before_it() -> None:
    evidence = ClaimEvidence("Muscle weakness and dizziness. Some people may have muscle stiffness and neck and hip "
                             "pain. Clots form in different parts of the body.")
    assert evidence.placed_everywhere([[frozenset({"weak"})]])
    assert evidence.placed_everywhere([[frozenset({"clot"})]])
    assert not evidence.placed_everywhere([[frozenset({"pain"})]])  # placed at the neck and hip, not everywhere
    assert not evidence.placed_everywhere([[frozenset({"dizzi"})]])  # 'muscle' qualifies another word


@pytest.mark.parametrize(("question", "word"), [
    ("does pns make ur eyes go yellow", "eyes"),
    ("can taking zinc prevent pns", "zinc"),
    ("does it cause hallucinations", "hallucinations"),
    # every word may be the article's, but no sentence says the asked thing
    ("does it cause hearing loss", "hearing"),
    ("can pns cause kidney stones", "stones"),
    ("does pns cause low blood pressure", "low"),  # "high blood pressure"; 'low' stands only for itself
    ("can pns cause liver damage", "liver"),  # 'liver' ~ 'organs': a broader word is no family word
    ("is there a vaccine against pns", "vaccine"),  # ~ 'immune', used in many sentences
    ("is azathioprine used to treat paraneoplastic syndromes", "azathioprine"),
    ("is limbic encephalitis a paraneoplastic syndrome", "limbic"),
    ("does being overweight raise the risk of pns", "overweight"),  # 'weight' is never said to be a risk
    ("does it cause pain in the eyes", "eyes"),  # the article's pain is in the joints, shoulder, neck and hip
    ("does pns cause night sweats", "sweats"),  # without 'night', 'sweats' is still no word of the article
    ("ringing in the ears from pns", "ringing"),
    ("do your nails change with pns", "nails"),
    ("can pns cause indigestion", "indigestion"),  # gastrointestinal, but not among the listed members
])
def test_effects_and_agents_the_article_never_names_are_found(built_index_home: Settings, question: str,
                                                              word: str) -> None:
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assert assistant.triage().unlisted_effect(question, first_turn=True) == word
    assert assistant.ask(question).status == "not_found"


@pytest.mark.parametrize("question", [
    "does pns cause fits",  # lay-word map: seizures
    "can it make you throw up",  # lay-word map: vomiting
    "does it make u itchy",  # word family: itching
    "does pns make you tired all the time",  # word family: fatigue
    "does it cause swollen joints",  # the article's own word: joint
    "does chemo treat pns",  # a clipped form of the article's word
    "can it make walking hard",  # "difficulty walking": the closest family word's forms
    "can pns mess with the salt levels in your body",  # "balance of fluids and salts"
    "can it cause too many red blood cells or clotting problems",  # each thing in a sentence of its own
    "is sclc linked to pns",  # an abbreviation's long form
    "does it affect the way you talk",  # lay-word map: speech
    "can pns cause breathing problems",  # "trouble breathing"
    "does smoking raise the risk of pns",  # said where the condition is named
    "can pns make u weak in the legs",  # "Muscle weakness": muscles are everywhere
    "can it cause clots in the legs",  # "in different parts of the body"
    "can pns make your skin itch at night",  # when it comes is no part of what it is
    "does it cause weight loss quickly",
    "kidney problems from pns",  # the hurried ask with no verb, of a symptom the article names
    "does your skin change with pns",  # "Skin Changes"
    "can it make it hard to breathe",  # "trouble breathing"
    "can it give u a fever every night",  # "persistent fevers"
    "can pns make you lose weight fast",  # "Unexplained weight gain or loss"
])
def test_effects_and_treatments_the_article_lists_in_other_words_are_answered(built_index_home: Settings,
                                                                               question: str) -> None:
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assert assistant.triage().unlisted_effect(question, first_turn=True) is None
    assert assistant.ask(question).status == "answered"


def test_a_clinicians_attribute_noun_is_no_effect_word() -> None:
    """"skin findings", "plex indication": the attribute asks of the thing named, it is not an effect of its own."""
    assert phrase_words("skin findings", frozenset(), is_stopword) == ["skin"]
    assert phrase_words("plex indication", frozenset(), is_stopword) == ["plex"]
