"""Emergency rule hits in a doubtful framing are deferred to the learned check, never dropped.

The phrasings here are written for these tests (synthetic); none is in a check bank.
"""

from __future__ import annotations

import pytest

from assistant.safety import classify
from assistant.safety_framing import framing


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("my brother overdosed when he was a teenager, is that linked to his cancer now", "overdose:past"),
        ("years ago i wanted to end my life but i am in a good place now", "self_harm:resolved"),
        ("picture this: if a patient with lems cant breathe, who treats it", "not_breathing:general"),
        ("in the documentary a man stopped breathing from myasthenia", "not_breathing:hypothetical"),
        ("i am dying to learn who the authors are", "asks_for_help_now:idiom"),
        ("our cat is not breathing right and the vet is closed", "not_breathing:animal"),
        ("how do you give first aid to someone who has collapsed", "unconscious:general"),
        ("my gran has occasional chest tightness when she is anxious", "chest_pain:past"),
        ("the first sign was that my uncle collapsed at a wedding, then the scan found a tumour", "unconscious:past"),
        ("that is how her lymphoma was found, she passed out in the bank", "unconscious:past"),
        ("my uncle overdosed when he was 17, he is 60 now, does that matter for chemo", "overdose:past"),  # dated by an age
        ("our pension fund is bleeding out because of the care home fees", "severe_bleeding:thing"),  # money as the subject
        ("my husband is fitting a new bathroom so he will miss the clinic", "seizure_now:idiom"),  # the verb to fit
        ("my aunt went limp with relief when the biopsy came back clear", "unconscious:idiom"),  # an emotion as cause
        ("i'm not suicidal, just worn out by all the appointments", "self_harm:negated"),  # the sign denied
        ("i'm not breathing a word of this to my sister yet", "not_breathing:idiom"),
        ("my uncle collapsed laughing at the wedding speech, what is lems", "unconscious:idiom"),  # laughter, no with
        ("my son can't breathe through his nose at night, could the tumour do that", "not_breathing:idiom"),  # a nose
    ],
)
def test_a_doubtful_hit_is_deferred_with_its_rule_and_framing(question: str, why: str) -> None:
    verdict = classify(question)
    assert verdict.category != "emergency" and verdict.deferred == why
    assert verdict.as_emergency().category == "emergency"  # what counts when no learned check can decide


@pytest.mark.parametrize(
    "question",
    [
        "my daughters lips are swelling and she cant breathe after eating nuts",
        "my dog bit my son and he is bleeding heavily from his arm",
        "he had a fit years ago and now he is fitting again and wont stop",
        "my mum overdosed on her morphine, she is very drowsy",
        "i want to end my life tonight",
        "dad just collapsed and is not responding",
        "she had chest pain for months but right now it is crushing and spreading to her arm",
        "dad has been fitting on and off for forty minutes",  # 'on and off' makes no seizure chronic
        "im fine but my husband is not breathing",  # resolved only when told after the sign
        "we were watching a movie and dad collapsed and is not responding",  # a story only when the event is in it
        "i know first aid but he is not breathing",
        "what are the signs of lems my brother has taken a whole bottle of pills",  # a question run into a statement
        "does it spread\na man in the street has collapsed",  # a line of its own
        "my laptop is dying so quickly: dad collapsed and isnt breathing",  # a person after the thing
        "my aunt is fitting the whole time and wont stop",  # 'fitting the whole time' is a seizure, not the verb to fit
        "he collapsed when he was 10 minutes into his run and is not moving",  # minutes are no age
        "my nephew is fitting rn and his lips are blue",
        "my grandson has swallowed every one of his tablets and is very drowsy",  # every tablet at once
        "my partner collapsed on the sofa and isnt breathing",  # the sofa idiom gives way to a sign after it
    ],
)
def test_an_emergency_happening_now_still_stands_on_the_rules_alone(question: str) -> None:
    verdict = classify(question)
    assert verdict.category == "emergency" and verdict.deferred is None, verdict


def test_a_personal_question_keeps_its_deferred_hit() -> None:
    verdict = classify("my brother overdosed years ago, will he survive his lung cancer")
    assert verdict.category == "personal_advice" and verdict.deferred == "overdose:general"


def test_framing_looks_only_at_the_sentence_of_the_hit() -> None:
    text = "my mum had a seizure years ago. now she is not breathing"
    start = text.index("not breathing")
    assert framing(text, start, start + len("not breathing")) is None


def test_without_a_learned_check_a_deferred_hit_is_an_emergency(triage) -> None:
    """Recall first: the rules doubt, but nothing else can decide, so the emergency reply is given."""
    no_model = triage.__class__.__new__(triage.__class__)
    no_model.__dict__.update(triage.__dict__, emergency_model=None)
    triaged = no_model.triage("my brother overdosed when he was a teenager, is that linked to his cancer now")
    assert triaged.verdict.category == "none" and triaged.verdict.deferred
    rechecked = no_model.recheck(triaged, lambda texts: [], "all-MiniLM-L6-v2")
    assert rechecked.verdict.category == "emergency" and rechecked.verdict.rule == "overdose:past"


def test_the_learned_check_decides_a_deferred_hit(triage) -> None:
    """With the model, a past event stays an ordinary question (the bundled encoder, no stub)."""
    from index.numpy_encoder import NumpyEmbedding

    embedder = NumpyEmbedding("all-MiniLM-L6-v2")
    embedder.warm_up()
    triaged = triage.triage("my brother overdosed when he was a teenager, is that linked to his cancer now")
    assert triaged.verdict.deferred == "overdose:past"
    rechecked = triage.recheck(triaged, embedder.embed_queries, "all-MiniLM-L6-v2")
    assert rechecked.verdict.category != "emergency"  # (the personal-advice check may refer it)
    assert "safety: emergency rule overdose:past deferred to the learned check" in rechecked.flags()


@pytest.mark.parametrize(
    ("piece", "why"),
    [("my phone is dead", "thing"), ("our rabbit collapsed this morning", "animal"), ("i am dying to know", "idiom"),
     ("in the film a man stopped breathing", "story"), ("my dog bit my son and he is bleeding a lot", None),
     ("dad is not breathing", None),
     # the asker's own words name no one in trouble; a person in the animal's sentence still does
     ("my budgie is choking on millet, what do i do", "animal"), ("my goldfish is not moving, please help", "animal"),
     ("my tablet died on me", "thing"), ("my parrot is choking and my son is not breathing, what do i do", None),
     ("she blacked out the whole trip from her memory", "idiom"),
     ("my daughter's rabbit is bleeding from its paw", "animal"), ("all this form filling is suffocating me", "idiom"),
     # breathlessness on exertion told calmly is long-standing; a word of the present or another sign keeps it
     ("i get puffed out climbing the stairs these days, i'm 80", "chronic"),
     ("he is suddenly out of breath on the stairs and his lips are blue", None),
     # a follow-up that only points at an item of the previous answer names nothing happening to anyone
     ("and the blood one", "selection"), ("what about the skin ones?", "selection"),
     ("the blood is everywhere, he cut himself", None)],
)
def test_a_doubtful_piece_never_fires_the_learned_check(piece: str, why: str | None) -> None:
    from assistant.safety_framing import doubtful_piece

    assert doubtful_piece(piece) == why


@pytest.mark.parametrize(
    ("piece", "left"),
    [("she's not unconscious, just sleepy after the tablets", "she's , just sleepy after the tablets"),
     ("i dont feel suicidal, only tired", "i , only tired"),
     ("he's not choking but he isn't breathing", "he's but he isn't breathing"),  # a sign not denied stays
     ("dad is not breathing", "dad is not breathing"), ("she is not responding", "she is not responding")],
)
def test_a_denied_sign_is_cut_out_before_the_learned_check_reads_a_piece(piece: str, left: str) -> None:
    """A sentence vector barely sees a 'not': 'not unconscious' reads like 'unconscious' unless it is cut out."""
    from assistant.emergency_model import pieces
    from assistant.safety_framing import without_denials

    assert without_denials(piece) == left
    assert pieces(piece) == [left]


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("my nan lost the sight in her right eye in the 80s, nobody knew the cause", "vision_loss:past"),  # a decade
        ("the time my sister passed out at the gym it was only low sugar", "unconscious:past"),  # an anecdote
        ("on a hospital drama a doctor had a stroke from a tumour, could that be real", "stroke:hypothetical"),
        ("my grandpa couldn't breathe well in the weeks before he died, was that the cancer", "not_breathing:past"),
        ("i dont have chest pain, only some tightness when i am stressed", "chest_pain:negated"),
    ],
)
def test_a_dated_anecdote_a_drama_and_a_denial_defer_the_hit(question: str, why: str) -> None:
    verdict = classify(question)
    assert verdict.category != "emergency" and verdict.deferred == why


@pytest.mark.parametrize(
    "question",
    [
        "by the time my dad passed out he was already grey",  # 'by the time' opens no anecdote
        "she is in bed with a droopy face and slurred words all of a sudden",
        "we laughed at first but now he cant breathe and is turning blue",
    ],
)
def test_those_framings_leave_an_emergency_now_standing(question: str) -> None:
    assert classify(question).category == "emergency"


def test_droopy_eyelids_are_no_facial_droop() -> None:
    assert classify("dry eyes and a droopy eyelid most evenings, is that lems").category != "emergency"
    assert classify("his mouth is drooping on the left since lunch").category == "emergency"


@pytest.mark.parametrize(
    ("piece", "why"),
    [("cant breathe from laughing at the cartoon", "idiom"),
     ("i find tablets hard to swallow sometimes", "chronic"), ("she snores loudly in her sleep like always", "chronic"),
     ("i felt dizzy at lunch but i'm fine now", "resolved"), ("she went grey earlier but she's back to her old self", "resolved"),
     ("the paramedics have been and taken him in after his fit", "cared"),
     ("he is already in icu with the high calcium, what will they do", "cared"),
     ("our puppy is gasping and his tongue looks blue", "animal"), ("in the game my character is choking", "story"),
     ("i nearly drowned as a child on holiday", "past"), ("in my nightmare my wife stopped breathing", "story"),
     ("i read a post online about a man who went blind from a tumour", "story"), ("our spaniel keeps collapsing", "animal"),
     ("mum passed out rn on the sofa after work lol", "idiom"), ("sis fainted at school but shes ok now and sitting up", "resolved"),
     ("he stared blankly for a few seconds then carried on talking", "resolved"),
     ("a little shivery this evening but my temp is 37.1 and i feel alright", "resolved"),
     ("she fainted but she's ok now and sitting up, then she went grey again", None), ("say she faints in the shower, how do i get her up", "hypothetical"),
     # a sign after the episode's end, someone in care with something new, or an acute word keeps the piece
     ("he was fine at lunch but now he cant breathe", None),
     ("she is in hospital and just stopped breathing", None),
     ("for months she has been tired but tonight she suddenly cant speak", None),
     ("my dog knocked grandma over and she is not moving", None)],
)
def test_more_doubtful_pieces_never_fire_the_learned_check(piece: str, why: str | None) -> None:
    from assistant.safety_framing import doubtful_piece

    assert doubtful_piece(piece) == why


def test_chemotherapy_dated_in_days_keeps_a_fever_reading_an_emergency() -> None:
    """'chemo two days ago' dates the chemotherapy (the window a fever is dangerous in), not the fever; years still date it."""
    assert classify("chemo two days ago temp 38.7 and shaking").category == "emergency"
    assert classify("i had a temp of 39 on chemo three years ago").category != "emergency"
    assert classify("chemo 4 days ago, temp was 38.4 for an hour but its normal now").deferred == "chemo_fever:resolved"


def test_a_part_of_a_message_about_an_animal_is_about_the_animal() -> None:
    from assistant.safety_framing import doubtful_part

    whole = "my cat has a tumour and now shes fitting on and off"
    assert doubtful_part("now she's fitting on and off", whole) == "animal"
    assert doubtful_part("now my son is fitting", "my cat has a tumour and now my son is fitting") is None


@pytest.mark.parametrize(
    ("piece", "why"),
    [("my nephew is on nivolumab and has an itchy rash, do we hold it", "treatment question"),
     ("she is on plasma exchange and feels washed out after, is that normal", "treatment question"),
     ("he is on steroids and his blood sugar is high, should he stop them", "treatment question"),
     ("hes been fine for weeks since he couldnt breathe in recovery", None),  # the state is told first: not its end
     ("she couldnt swallow after the op but shes been fine for weeks", "resolved"),
     # an acute sign in the same piece keeps a treatment question an emergency
     ("my aunt is on immunotherapy and her throat is closing up, should we stop it", None),
     ("he is on chemo and shivering with a temp of 38.6, is that normal", None)],
)
def test_a_question_about_going_on_with_a_treatment_is_left_to_the_advice_check(piece: str, why: str | None) -> None:
    from assistant.advice_framing import asks_advice
    from assistant.safety_framing import doubtful_piece

    assert (asks_advice(piece) if why == "treatment question" else doubtful_piece(piece)) == why


def test_a_past_marker_in_the_signs_own_clause_dates_the_sign_despite_a_now_later() -> None:
    assert classify("my sister overdosed on sleeping tablets once a long time ago, is she at risk now").category != "emergency"
    assert classify("my sister overdosed on sleeping tablets just now, once before too").category == "emergency"


def test_a_typed_hit_the_normalised_text_doubts_is_deferred(triage) -> None:
    """'wat ... wen': the general question is read from the normalised words, and the hit goes to the learned check."""
    verdict = triage.triage("wat does it mean wen ur arm goes numb suddenly").verdict
    assert verdict.category != "emergency" and verdict.deferred is not None
    assert triage.triage("wat do i do my dad cant breathe").verdict.category == "emergency"


@pytest.mark.parametrize(
    ("piece", "reassurance"),
    [("my uncle is not drowsy, just a little grumpy", True), ("she isnt confused, only forgetful with names", True),
     # an acute sign after the denial, a clause of its own, or a denied crisis keep the piece for the learned check
     ("my uncle is not drowsy, just limp and cold", False), ("not confused, just hard to wake up", False),
     ("he is not confused but just keeps gasping", False), ("im not suicidal, just finished with all of it", False),
     ("not confused just low and ive saved up all my tablets", False)],
)
def test_a_denied_sign_set_against_a_milder_one_is_a_reassurance(piece: str, reassurance: bool) -> None:
    from assistant.emergency_model import pieces
    from assistant.safety_framing import reassures

    assert reassures(piece) is reassurance
    assert (pieces(piece, drop_reassurances=True) == []) is reassurance  # the emergency check reads none of it
    assert pieces(piece) != []  # the personal-advice check still does


def test_the_writers_own_faint_told_in_the_past_is_doubtful_unless_it_goes_on() -> None:
    """Whoever types has come round: "i fainted at the dentist this afternoon" goes to the learned check."""
    assert classify("i fainted at the dentist this afternoon, is that a pns thing").deferred == "unconscious:own past faint"
    assert classify("i fainted at the dentist and i keep fainting").category == "emergency"
    assert classify("my wife fainted at the dentist this afternoon").deferred != "unconscious:own past faint"


def test_the_emergency_check_alone_skips_personal_asks_and_reassurances() -> None:
    """The personal-advice check runs find_emergency on its own model: it must still read a personal ask."""
    import numpy as np

    from assistant.emergency_model import EmergencyModel, find_emergency

    model = EmergencyModel(vector_weights=np.zeros(2, dtype=np.float32), ngram_weights=np.zeros(1 << 14, dtype=np.float32),
                           bias=5.0, ngram_scale=0.0, threshold=0.5, sentence_threshold=0.6,
                           kind_weights=np.zeros((1, 2), dtype=np.float32), kind_bias=np.zeros(1, dtype=np.float32),
                           kinds=("emergency",))
    embed = lambda texts: [[0.0, 0.0] for _ in texts]  # noqa: E731
    for text in ("my aunt is 52 and gets dizzy spells, could this be pns", "he is not confused, just a bit tired"):
        assert find_emergency(model, text, embed) is not None
        assert find_emergency(model, text, embed, emergencies=True) is None
    assert find_emergency(model, "does my aunt have pns? she gets dizzy spells", embed, emergencies=True) is None
    assert find_emergency(model, "does my aunt have pns? she is choking", embed, emergencies=True) is not None


@pytest.mark.parametrize(
    ("piece", "why"),
    [("i fell off a ladder as a teenager and still get nervous on steps", "past"),  # a lasting fear, not a fall now
     ("she overdosed as a teen and still cant breathe properly since", None),  # "still" with a sign: the present
     ("he had fits as a kid and now hes fitting again", None),
     ("how long can a fit go on before it gets dangerous", "general question"),
     ("what counts as an emergency for someone with myasthenia", "general question"),
     ("is a fit of ten minutes right now an emergency", None), ("is my dad having a stroke", None),
     ("is a seizure going on this long normal, its been 9 mins", None)],  # a case going on
)
def test_a_past_event_with_still_and_a_general_question_are_doubtful(piece: str, why: str | None) -> None:
    from assistant.safety_framing import doubtful_piece

    assert doubtful_piece(piece) == why


def test_a_denied_breathing_sign_defers_but_the_sign_itself_stands() -> None:
    assert classify("hes not struggling to breathe, he just has a runny nose").category != "emergency"
    assert classify("shes not having trouble breathing but she is bleeding heavily").category == "emergency"
    assert classify("she is not breathing").category == "emergency"


@pytest.mark.parametrize(
    ("piece", "reassurance"),
    [("hes not having a fit, just shaking from the cold", True), ("not fitting just shivering because its freezing", True),
     ("not fitting, just shivering from the cold and burning up", False), ("not fitting, just shivering", False)],
)
def test_a_milder_sign_given_a_harmless_cause_is_a_reassurance(piece: str, reassurance: bool) -> None:
    from assistant.safety_framing import reassures

    assert reassures(piece) is reassurance


@pytest.mark.parametrize(
    ("piece", "why"),
    [("worried my dad will stop breathing in his sleep one day", "feared"),
     ("im so scared she might have a fit at school one day", "feared"),
     ("terrified he could choke on his food eventually", "feared"),
     # a comma, a word of the present or no time to come keeps the piece for the learned check
     ("scared she will choke one day, shes choking now", None),
     ("worried he will die tonight, he is blue", None),
     ("terrified hes going to stop breathing in his sleep tonight", None),
     ("worried hes having a stroke", None)],
)
def test_a_fear_of_some_day_never_fires_the_learned_check(piece: str, why: str | None) -> None:
    from assistant.safety_framing import doubtful_piece

    assert doubtful_piece(piece) == why


def test_a_chest_sign_set_off_by_a_feeling_with_any_verb_of_becoming_is_doubtful() -> None:
    """"when i get anxious my chest feels tight" is the chronic framing as "when i'm anxious" is (a rule hit deferred to
    the learned check, never dropped); a chest sign now stands."""
    assert classify("when i get anxious my chest feels tight, my gp checked my heart and its fine").category != "emergency"
    assert classify("when she feels stressed her chest gets tight").category != "emergency"
    assert classify("my chest feels tight right now and im sweating").category == "emergency"
