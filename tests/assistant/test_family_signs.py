"""A signs/symptoms ask answered by a syndrome type's bullet also shows that family's symptoms bullet
(assistant/family_signs.py), chosen by the sentence model's reading of the two labels."""

from __future__ import annotations

import pytest

from assistant.comparison import article_sentences
from assistant.family_signs import ASKS_SIGNS, SYMPTOMS_SECTION, TYPES_SECTION, label_of, symptoms_of, under_heading


def test_signs_asks_are_read_and_other_asks_are_not() -> None:
    assert ASKS_SIGNS.search("what are the signs of lambert eaton")
    assert ASKS_SIGNS.search("what does cushings look like in pns")
    assert ASKS_SIGNS.search("neurological manifestations of paraneoplastic syndromes")  # the clinician's word
    assert ASKS_SIGNS.search("what does it do to the nerves, like what would you notice")  # the lay one
    assert ASKS_SIGNS.search("skin findings in lung cancer")  # a clinician's word for the signs
    assert ASKS_SIGNS.search("clinical features of cerebellar degeneration")
    assert not ASKS_SIGNS.search("what is lambert eaton")
    assert not ASKS_SIGNS.search("how is dermatomyositis treated")


@pytest.mark.slow
def test_each_type_bullet_pairs_with_its_own_familys_symptoms_bullet(parts) -> None:
    sentences = article_sentences(parts.bank, parts.index.chunks())
    types = [s for s in sentences if s.is_bullet and under_heading(s, TYPES_SECTION)]
    bullets = [s for s in sentences if s.is_bullet and under_heading(s, SYMPTOMS_SECTION)]
    assert len(types) == 4 and len(bullets) == 7
    pairs = {label_of(t): label_of(symptoms_of(t, bullets, parts.bank)) for t in types}
    assert pairs == {"Neurological": "Neurological", "Endocrine": "Hormonal", "Dermatologic": "Skin Changes",
                     "Hematologic": "Hematologic (blood-related)"}


@pytest.mark.slow
@pytest.mark.parametrize("question, shown, added", [
    ("what are the signs of lambert eaton", "Disorders affecting the brain", "Muscle weakness, difficulty walking"),
    ("symptoms of thrombocytosis", "Blood-related abnormalities", "Fatigue, pale skin"),
])
def test_a_signs_ask_shows_the_type_and_its_symptoms(warm_assistant, question: str, shown: str, added: str) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    assert shown in answer.body and added in answer.body


@pytest.mark.slow
def test_a_what_is_ask_keeps_the_type_alone(warm_assistant) -> None:
    answer = warm_assistant.ask("what is lambert eaton")
    assert "Disorders affecting the brain" in answer.body and "Muscle weakness, difficulty walking" not in answer.body


def test_the_labels_are_embedded_once_per_bank() -> None:
    from types import SimpleNamespace

    from assistant.sentences import SentenceBank

    calls: list[list[str]] = []

    def counting(texts):
        calls.append(list(texts))
        return [[1.0, 0.0] if t.startswith(("Endo", "Horm")) else [0.0, 1.0] for t in texts]

    bullet = lambda text: SimpleNamespace(text=text)  # noqa: E731 - label_of reads only the text
    bank = SentenceBank(counting)
    kind, bullets = bullet("- Endocrine: Hormone problems."), [bullet("- Skin Changes: Rashes."), bullet("- Hormonal: Weight gain.")]
    assert label_of(symptoms_of(kind, bullets, bank)) == "Hormonal"
    assert label_of(symptoms_of(kind, bullets, bank)) == "Hormonal"
    assert len(calls) == 1
