"""A bare phrase none of whose words a shown sentence uses, or an abbreviation's meaning no shown sentence spells out,
is uncovered; the phrase's own words, the words retrieval added for it, and a printed long form cover it."""

from __future__ import annotations

from assistant.uncovered_asks import (activity_uncovered, aspect_uncovered, bare_phrase_uncovered, expansion_asked,
                                      expansion_uncovered)
from index.lexical import is_stopword

NEURO = "Neurological: Muscle weakness, difficulty walking, dizziness, slurred speech, seizures, or memory problems."
HORMONAL = "Hormonal: Unexplained weight gain or loss, high blood pressure, excessive thirst, and mood swings."
LUMBAR = ("Lumbar Puncture (Spinal Tap): This procedure can help identify markers, such as CEA and oligoclonal bands, "
          "in cerebrospinal fluid.")
IMAGING = "Imaging: Magnetic resonance imaging (MRI) and computed tomography (CT) scans are used to look for tumors."
SUBJECT = frozenset({"pns", "paraneoplastic", "syndromes", "syndrome"})
LONG = {"cea": ["carcinoembryonic antigen"], "ct": ["computed tomography"], "ivig": ["intravenous immunoglobulin"]}


def _uncovered(question: str, shown: str, query: str = "") -> list[str]:
    return bare_phrase_uncovered(question, query or question, shown, SUBJECT, is_stopword)


def test_a_bare_phrase_is_uncovered_when_no_shown_sentence_uses_its_words() -> None:
    assert _uncovered("tingly fingers", NEURO) == ["tingly", "fingers"]
    assert _uncovered("night sweats pns", NEURO, "night sweats paraneoplastic syndromes (pns)") == ["night", "sweats"]


def test_a_bare_phrase_is_covered_by_its_own_words_their_forms_or_the_words_retrieval_added() -> None:
    assert _uncovered("slurred speech", NEURO) == []
    assert _uncovered("seizure pns", NEURO) == []  # a stem match
    assert _uncovered("always so thirsty", HORMONAL, "always so thirsty thirst") == []  # the lay word's article word


def test_questions_and_sentences_are_not_bare_phrases() -> None:
    assert _uncovered("can pns make your fingers tingle", NEURO) == []  # left to the other checks
    assert _uncovered("my fingers are tingly", NEURO) == []
    assert _uncovered("pns", NEURO) == []  # the subject alone asks about everything


def test_the_abbreviation_asked_about_is_read_from_several_frames() -> None:
    assert expansion_asked("what does cea stand for") == "cea"
    assert expansion_asked("ivig stands for what exactly") == "ivig"
    assert expansion_asked("whats ct short for") == "ct" and expansion_asked("full form of emg") == "emg"
    assert expansion_asked("what does pns do to the nerves") is None


def test_an_abbreviations_meaning_needs_its_long_form_in_a_shown_sentence() -> None:
    def long_forms(abbr: str) -> list[str]:
        return LONG.get(abbr, [])

    assert expansion_uncovered("what does cea stand for", long_forms, LUMBAR) == "cea"
    assert expansion_uncovered("what does ct stand for", long_forms, IMAGING) is None
    assert expansion_uncovered("what does xyz stand for", long_forms, LUMBAR) is None  # the unknown-terms check's


def test_an_activity_asked_whether_fine_needs_a_shown_sentence_naming_it() -> None:
    plex = "Plasmapheresis: These therapies help remove harmful antibodies from the bloodstream."
    herbal = "Alternative Medicine: Some patients explore acupuncture, massage therapy, or herbal supplements."
    assert activity_uncovered("is it ok to drive after plasmapheresis", plex, is_stopword) == ["drive"]
    assert activity_uncovered("is it safe to take herbal supplements with pns", herbal, is_stopword) == []
    assert activity_uncovered("does plasmapheresis help", plex, is_stopword) == []  # no activity asked


def test_an_aspect_of_a_named_thing_needs_a_sentence_saying_both() -> None:
    mimic = ("Conditions such as multiple sclerosis, lupus, myasthenia gravis, viral encephalitis, and other infections "
             "can mimic paraneoplastic syndromes' neurological and systemic symptoms.")
    derm = "Dermatologic: Skin conditions such as dermatomyositis, which causes muscle weakness and skin rashes."
    assert aspect_uncovered("how is lupus treated", [mimic], SUBJECT, is_stopword) == "lupus"
    assert aspect_uncovered("what causes multiple sclerosis", [mimic], SUBJECT, is_stopword) == "multiple sclerosis"
    assert aspect_uncovered("symptoms of dermatomyositis", [derm], SUBJECT, is_stopword) is None  # "which causes ..."
    assert aspect_uncovered("how is pns treated", [mimic], SUBJECT, is_stopword) is None  # the subject itself
    assert aspect_uncovered("what causes it", [mimic], SUBJECT, is_stopword) is None


def test_an_aspect_may_be_said_by_a_unit_and_a_kind_word_names_no_thing() -> None:
    """A type bullet naming the syndrome read together with its family's symptoms bullet says its signs (the pair
    family_signs shows); "the rheumatologic kind" asks of "rheumatologic", not of "kind"."""
    type_bullet = ("Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves, such as "
                   "Lambert-Eaton myasthenic syndrome and paraneoplastic cerebellar degeneration.")
    symptoms_bullet = "Neurological: Muscle weakness, difficulty walking, memory loss."
    asked = "what are the signs of lambert eaton"
    # neither sentence says both on its own
    assert aspect_uncovered(asked, [type_bullet, symptoms_bullet], SUBJECT, is_stopword) == "lambert eaton"
    paired = [f"types of paraneoplastic syndromes: {type_bullet} common symptoms: {symptoms_bullet}"]
    assert aspect_uncovered(asked, paired, SUBJECT, is_stopword) is None
    rheum = "Rheumatologic: Joint pain and swelling, especially in large joints."
    assert aspect_uncovered("signs of the rheumatologic kind", [f"common symptoms: {rheum}"], SUBJECT,
                            is_stopword) is None
    assert aspect_uncovered("signs of the rheumatologic kind", [rheum], SUBJECT, is_stopword) == "rheumatologic"


def test_a_bare_phrase_asking_what_the_subject_is_is_covered_by_what_it_is() -> None:
    """'pns meaning' asks for the definition, which no sentence words as 'meaning'; a thing beside it still counts."""
    assert _uncovered("paraneoplastic syndrome meaning", NEURO) == []
    assert _uncovered("pns definition", NEURO) == []
    assert _uncovered("night sweats meaning", NEURO) == ["night", "sweats", "meaning"]
    assert _uncovered("meaning", NEURO) == ["meaning"]  # no subject named: nothing to give an account of
