"""A question that sets something aside (assistant/exclusion.py): what it excludes is read, the list items about it
leave the answer, and the rest of their list (or a parallel list the answer shows) takes their place.

Why: the excluded words are words of the question, so the composer chose exactly what was set aside ("pns types
except neurological" was answered with the neurological bullet alone)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.exclusion import _replaced, excluded, names_excluded, without_excluded


def _bullet(section: str, text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, is_bullet=True, chunk=SimpleNamespace(section_id=section, section_path=_path(section)))


def _path(section: str) -> list[str]:
    """The headings over a section, as a real chunk carries them (synthetic: the id's last part is the heading)."""
    return [HEADINGS.get(section, section.rsplit("/", 1)[-1])]


HEADINGS = {"treatment/conventional": "Conventional Medical Treatments",
            "treatment/integrative": "Integrative and Complementary Approaches"}
TYPES = "what/types"
NEURO = _bullet(TYPES, "Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves.")
ENDO = _bullet(TYPES, "Endocrine: Hormonal imbalances, including Cushing’s syndrome and hypercalcemia.")
DERM = _bullet(TYPES, "Dermatologic: Skin conditions such as dermatomyositis.")
CONVENTIONAL, INTEGRATIVE = "treatment/conventional", "treatment/integrative"
CANCER = _bullet(CONVENTIONAL, "Cancer Treatment: Surgery, chemotherapy, radiation therapy, or targeted therapy to "
                               "remove or shrink the tumor.")
IMMUNO = _bullet(CONVENTIONAL, "Immunotherapy and Corticosteroids: These suppress the immune system’s attack.")
ALT = _bullet(INTEGRATIVE, "Alternative Medicine: Some patients explore acupuncture or herbal supplements.")
DIET = _bullet(INTEGRATIVE, "Nutritional Support: A balanced diet may support recovery.")
TRAILER = SimpleNamespace(text="These strategies should not replace conventional medical therapy.", is_bullet=False,
                          chunk=SimpleNamespace(section_id=INTEGRATIVE, section_path=_path(INTEGRATIVE)))
ARTICLE = [NEURO, ENDO, DERM, CANCER, IMMUNO, DIET, ALT, TRAILER]


@pytest.mark.parametrize("question, aside", [
    ("pns types except neurological", [{"neurolog"}]),
    ("treatments that dont involve surgery or chemo", [{"surgeri"}, {"chemo"}]),
    ("what are the regular treatments, not the alternative ones", [{"altern"}]),
    ("besides steroids what else calms down the immune attack", [{"steroid"}]),  # the ask after it is not set aside
    ("which symptoms arent neurological", [{"neurolog"}]),
    ("what affects the outlook apart from the type of cancer", [{"type", "cancer"}]),
    ("what are the symptoms of pns", []),
    ("why is pns not diagnosed early", []),  # a "not" that excludes nothing
])
def test_what_a_question_sets_aside_is_read(question: str, aside: list[set[str]]) -> None:
    assert [set(a) for a in excluded(question)] == aside


def test_the_question_without_what_it_sets_aside_keeps_its_ask() -> None:
    assert without_excluded("which symptoms arent neurological") == "which symptoms"
    assert without_excluded("besides steroids what else calms it") == "what else calms it"
    assert without_excluded("what are the symptoms") is None


def test_a_bullet_is_set_aside_when_it_is_about_the_excluded_thing_not_when_it_names_it_as_one_example() -> None:
    assert names_excluded(ALT, excluded("the usual ones, not the alternative ones"))  # its label
    assert names_excluded(CANCER, excluded("that dont involve surgery or chemo"))  # half of what it enumerates
    rashes = _bullet("symptoms", "Skin Changes: Rashes, itching, or thickening of the skin, including pemphigus.")
    assert not names_excluded(rashes, excluded("skin signs other than a rash"))
    cancers = _bullet("takeaways", "Commonly associated cancers include small cell lung cancer, breast cancer, "
                                   "ovarian cancer, and Hodgkin lymphoma.")
    assert not names_excluded(cancers, excluded("which cancers other than lung cancer"))


def test_the_rest_of_the_set_aside_bullets_list_takes_its_place() -> None:
    shown = _replaced([NEURO], [NEURO], ARTICLE, excluded("pns types except neurological"))
    assert shown == [ENDO, DERM]


def test_a_parallel_list_the_answer_shows_is_kept_whole_and_the_set_aside_ones_trailer_goes() -> None:
    alternatives = excluded("what are the regular treatments, not the alternative ones")
    shown = _replaced([ALT, TRAILER, CANCER], [ALT], ARTICLE, alternatives)
    assert shown == [CANCER, IMMUNO]


def test_a_list_whose_heading_is_set_aside_gives_way_to_the_list_beside_it() -> None:
    """"anything besides meds" sets aside the whole "Conventional Medical Treatments" list (its heading names it, a
    three-letter clip included): the list under the same heading beside it is the answer, where the set-aside one stood
    (eval/data/fresh_audit2.jsonl, studied part)."""
    alternatives = excluded("is there anything besides meds that helps")
    assert all(names_excluded(b, alternatives) for b in (CANCER, IMMUNO))
    assert not names_excluded(DIET, alternatives)
    assert _replaced([CANCER, IMMUNO], [CANCER, IMMUNO], ARTICLE, alternatives) == [DIET, ALT]


def test_a_heading_naming_only_part_of_what_is_set_aside_keeps_its_list() -> None:
    assert not names_excluded(IMMUNO, excluded("anything besides cancer treatment"))


@pytest.mark.slow
@pytest.mark.parametrize("question, wanted, unwanted", [
    ("pns types except neurological", "Endocrine: Hormonal imbalances", "Neurological: Disorders"),
    ("tests that arent scans", "Laboratory Tests:", "Imaging:"),
    ("which symptoms arent neurological", "Hormonal: Unexplained weight", "Neurological: Muscle weakness"),
    ("what helps with pns other than the medical treatments", "Physical Therapy and Rehabilitation:", "Cancer Treatment:"),
])
def test_an_excluding_question_is_answered_with_the_rest(warm_assistant, question: str, wanted: str,
                                                          unwanted: str) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    assert wanted in answer.body and unwanted not in answer.body
