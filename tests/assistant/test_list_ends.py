""""any others?" where a list ends (assistant/list_ends.py): after a whole list, what the article gives beside it or
not_found; after one item the question named, its parallel item in the other list, never its siblings; after a
passage that is no list item, the rest of its own section first.

Wording here is this file's own (not an eval item nor a check-bank item); the article text is quoted from the article.
"""

from __future__ import annotations

import pytest

from assistant.references import name_listed_item

TYPES = ["Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves, such as Lambert-Eaton "
         "myasthenic syndrome and paraneoplastic cerebellar degeneration.",
         "Endocrine: Hormonal imbalances due to excessive hormone production or immune interference, including "
         "Cushing’s syndrome and hypercalcemia.",
         "Dermatologic: Skin conditions such as dermatomyositis, which causes muscle weakness and skin rashes.",
         "Hematologic: Blood-related abnormalities like anemia and thrombocytosis that can complicate cancer treatment."]
SIGNS = ["Neurological: Muscle weakness, difficulty walking, dizziness, slurred speech, seizures, or memory problems.",
         "Hormonal: Unexplained weight gain or loss, high blood pressure, irregular blood sugar levels, excessive thirst, "
         "and mood swings.",
         "Skin Changes: Rashes, itching, or thickening of the skin, including conditions like acanthosis nigricans and "
         "pemphigus.",
         "Rheumatologic: Joint pain and swelling, especially in large joints.",
         "Hematologic (blood-related): Fatigue, pale skin, trouble breathing, and increased risk of blood clots.",
         "Clotting disorders: Trousseau syndrome causes blood clots to form in different parts of the body and is often "
         "seen in pancreatic or lung cancer.",
         "Kidney (Renal): Renal issues may occur when tumors release hormones that upset the body’s balance of fluids "
         "and salts."]
RHEUMATOLOGIC_REST = ("Some people may have muscle stiffness and shoulder, neck, and hip pain or develop nodules and "
                      "more severe joint damage.")
ATYPICAL = "Some patients experience unusual symptoms such as chronic fatigue"
NEW_TREATMENTS = ("New treatments, such as targeted immune-modulating therapies and improved testing for paraneoplastic "
                  "syndromes, are being developed to prevent immune attacks on healthy tissues.")
TRIALS = "Several clinical trials are investigating novel drugs"


def _talk(question: str, *shown: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": " ".join(shown) + " [1]"}]


def test_others_after_every_type_is_not_found_the_article_names_no_fifth(warm_assistant) -> None:
    answer = warm_assistant.ask("any more?", _talk("which kinds of pns exist", *TYPES))
    assert answer.status == "not_found"


def test_others_after_every_symptom_bullet_is_the_atypical_symptoms_beside_the_list(warm_assistant) -> None:
    answer = warm_assistant.ask("any others?", _talk("list the symptoms of pns", *SIGNS))
    assert answer.status == "answered"
    assert ATYPICAL in answer.body
    assert not any(s.split(":")[0] + ":" in answer.body for s in SIGNS[1:])  # no sibling's later sentence


def test_others_after_the_named_skin_item_is_its_type_bullet_not_a_sibling(warm_assistant) -> None:
    answer = warm_assistant.ask("others?", _talk("which skin problems does pns give", SIGNS[2]))
    assert answer.status == "answered"
    assert TYPES[2] in answer.body
    assert "Hematologic" not in answer.body and "Rheumatologic" not in answer.body


def test_is_that_all_after_both_skin_mentions_is_not_found(warm_assistant) -> None:
    history = _talk("which skin problems does pns give", SIGNS[2]) + _talk("others?", TYPES[2])
    assert warm_assistant.ask("is that all?", history).status == "not_found"


def test_others_after_a_named_item_with_no_parallel_is_not_found_not_its_sibling(warm_assistant) -> None:
    answer = warm_assistant.ask("anything else?", _talk("tell me the rheumatologic problems", SIGNS[3],
                                                         RHEUMATOLOGIC_REST))
    assert answer.status == "not_found"


def test_others_after_a_passage_goes_on_in_its_own_section_first(warm_assistant) -> None:
    answer = warm_assistant.ask("anything else?", _talk("is there research on new drugs", NEW_TREATMENTS))
    assert answer.status == "answered"
    assert TRIALS in answer.body


@pytest.mark.parametrize("typed", ["the 3rd 1?", "the third one?"])
def test_a_digit_for_one_names_the_listed_item_by_its_place(typed: str) -> None:
    assert name_listed_item(typed, " ".join(TYPES)) == "Dermatologic?"


STEROIDS = ("Immunotherapy and Corticosteroids: These suppress the immune system’s attack on healthy tissues, often "
            "alleviating symptoms such as inflammation and muscle weakness.")
PLASMA = ("Plasmapheresis and Intravenous Immunoglobulin (IVIG): These therapies help remove harmful antibodies from the "
          "bloodstream and can be effective for severe neurological symptoms.")
SURGERY = "Cancer Treatment: Surgery, chemotherapy, radiation therapy, or targeted therapy"


@pytest.mark.parametrize("typed", ["and if that doesnt work?", "what if it doesnt help", "n if they fail"])
def test_if_it_fails_asks_for_the_other_options(typed: str) -> None:
    from assistant.more_asks import asks_for_others

    assert asks_for_others(typed)
    assert not asks_for_others("and if the chemo doesnt work")  # a named condition is a question of its own


def test_if_it_fails_after_one_treatment_is_the_next_option_of_its_list(warm_assistant) -> None:
    answer = warm_assistant.ask("what if it doesnt help", _talk("how do steroids help in pns", STEROIDS))
    assert answer.status == "answered"
    assert PLASMA in answer.body


def test_others_after_two_treatments_is_the_third_however_far_in_meaning(warm_assistant) -> None:
    history = _talk("how do steroids help in pns", STEROIDS) + _talk("what if it doesnt help", PLASMA)
    answer = warm_assistant.ask("others?", history)
    assert answer.status == "answered"
    assert SURGERY in answer.body
