"""A first turn's harm of a treatment or "which X" pick is unaddressed unless a shown sentence says it."""

from __future__ import annotations

from assistant.first_turn_asks import first_turn_unaddressed, named_harm_unaddressed, names_as_pick, pick_unaddressed
from index.lexical import is_stopword

PLEX = ("Plasmapheresis and Intravenous Immunoglobulin (IVIG): These therapies help remove harmful antibodies from the "
        "bloodstream and can be effective for severe neurological symptoms.")
ACCESS = "Access to advanced diagnostic technologies and cancer care plays a significant role."


def test_a_treatments_harm_needs_a_sentence_naming_both() -> None:
    assert named_harm_unaddressed("side effects of plasmapheresis", PLEX) == ["side effects"]
    assert named_harm_unaddressed("ivig side effects", PLEX) == ["side effects"]
    assert named_harm_unaddressed("Intravenous Immunoglobulin (ivig) side effects", PLEX) == ["side effects"]  # as expanded
    assert named_harm_unaddressed("what are the risks of plasmapheresis", "Plasmapheresis carries a small risk of bleeding.") == []


def test_a_harm_of_the_condition_is_a_risk_factor_question_left_to_other_checks() -> None:
    assert named_harm_unaddressed("what are the risks of pns", PLEX) == []
    assert named_harm_unaddressed("complications of the cancer", PLEX) == []
    assert first_turn_unaddressed("does smoking raise the risk", ACCESS, is_stopword) == []  # "the" names no treatment


def test_a_pick_needs_its_kind_of_thing_in_a_shown_sentence() -> None:
    assert pick_unaddressed("which hospital is best for pns", ACCESS, is_stopword) == ["hospital"]
    assert pick_unaddressed("which cancers cause it", "Commonly associated cancers include breast cancer.", is_stopword) == []
    assert pick_unaddressed("which is worse", ACCESS, is_stopword) == []


def test_a_pick_of_a_part_of_something_is_a_pick_inside_it() -> None:
    # "which part of the nervous system": the parts are those of what follows "of", which the shown sentence names
    nervous = "- Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves."
    assert pick_unaddressed("which part of the nervous system does it affect", nervous, is_stopword) == []
    assert pick_unaddressed("which part does it affect", nervous, is_stopword) == ["part"]


def test_a_compound_kind_is_addressed_by_a_shown_label_naming_its_head() -> None:
    panels = "- Laboratory Tests: Autoantibody panels to detect specific immune system markers."
    assert pick_unaddressed("which blood test shows the antibodies", panels, is_stopword) == []
    assert pick_unaddressed("which hospital treats pns", ACCESS, is_stopword) == ["hospital"]


def test_a_pick_among_the_bibliographys_entries_is_answered_by_the_citations() -> None:
    lumbar = "Lumbar Puncture: Analyzing cerebrospinal fluid can reveal inflammation."
    for question in ("which source supports the lumbar puncture statement", "which reference backs this",
                     "which papers cover lumbar puncture", "which study says that"):
        assert pick_unaddressed(question, lumbar, is_stopword) == [], question


def test_nothing_shown_is_left_to_the_other_checks() -> None:
    assert first_turn_unaddressed("which hospital is best", "", is_stopword) == []


def test_a_deed_needs_a_shown_sentence_saying_its_verb() -> None:
    outlook = "Some patients experience partial or full recovery, particularly if the cancer is successfully treated early."
    assert first_turn_unaddressed("who first discovered paraneoplastic syndromes", outlook, is_stopword) == ["discovered"]
    assert first_turn_unaddressed("who gets pns", outlook, is_stopword) == []  # a group, not a deed
    assert first_turn_unaddressed("who described it", "It was first described in 1890.", is_stopword) == []


def _profession_cosine(a: str, b: str) -> float:
    """Stand-in word cosines at the bundled model's values (doctor ~ specialists 0.70, hospital ~ specialists 0.48)."""
    return {("doctor", "specialists"): 0.70, ("doctor", "neurologists"): 0.51, ("doctor", "oncologists"): 0.55,
            ("hospital", "specialists"): 0.48, ("hospital", "neurologists"): 0.35, ("hospital", "oncologists"): 0.39,
            ("specialist", "specialists"): 0.87}.get((a, b), 0.0)


def test_a_pick_among_people_is_answered_by_a_shown_profession_close_to_it() -> None:
    access = "Conversely, limited access to neurologists and oncologists, or specialists, may delay diagnosis."
    asked = "which doctor treats the nerve problems"
    assert pick_unaddressed(asked, access, is_stopword) == ["doctor"]  # without the model: as before
    assert pick_unaddressed(asked, access, is_stopword, _profession_cosine) == []
    assert pick_unaddressed("which hospital is best", access, is_stopword, _profession_cosine) == ["hospital"]
    assert pick_unaddressed("which kind of specialist should i see", access, is_stopword, _profession_cosine) == []


def test_which_kind_of_x_picks_x() -> None:
    assert pick_unaddressed("which kind of hospital is best", ACCESS, is_stopword) == ["hospital"]
    assert pick_unaddressed("which type of pns affects the skin", ACCESS, is_stopword) == []  # the condition itself


def test_a_person_picked_by_a_deed_needs_a_shown_sentence_saying_it() -> None:
    access = "Conversely, limited access to neurologists and oncologists may delay diagnosis."
    assert first_turn_unaddressed("which doctor discovered it first", access, is_stopword,
                                  _profession_cosine) == ["doctor"]


def test_a_treatments_harm_asked_by_its_property_needs_a_sentence_saying_it() -> None:
    assert named_harm_unaddressed("is plasmapheresis painful", PLEX) == ["painful"]
    assert named_harm_unaddressed("does a spinal tap hurt", "Lumbar Puncture (Spinal Tap): This procedure can help.") == ["hurt"]
    assert named_harm_unaddressed("is ivig painful", "IVIG infusions can be painful.") == []
    assert named_harm_unaddressed("is lems dangerous", PLEX) == []  # a condition asked dangerous: an outlook question
    assert named_harm_unaddressed("is it painful", PLEX) == []
    assert named_harm_unaddressed("do the joints hurt", "Rheumatologic: Joint pain and swelling.") == []  # pain's words


TRIALS = "Several clinical trials are investigating novel drugs that could better control symptoms and improve outcomes."
CANCERS = "Commonly associated cancers include small cell lung cancer, breast cancer, ovarian cancer, and Hodgkin lymphoma."


def test_asking_the_names_of_members_is_the_pick_it_stands_for() -> None:
    assert names_as_pick("what are the names of the clinical trials testing new drugs") == "which clinical trials testing new drugs"
    assert names_as_pick("whats the name of the gene") == "which gene"
    assert names_as_pick("can u name the cancers linked to it") == "which cancers linked to it"
    assert names_as_pick("what is pns") == "what is pns"
    # read as a pick: the trials are named only vaguely ("several"), while the cancers are listed by name
    assert first_turn_unaddressed("what are the names of the clinical trials for pns", TRIALS, is_stopword) == ["trials"]
    assert first_turn_unaddressed("what are the names of the cancers linked to pns", CANCERS, is_stopword) == []
