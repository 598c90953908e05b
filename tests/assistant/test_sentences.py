"""Sentences of a passage: verbatim spans with offsets, readable bullets, vectors computed once per chunk."""

from __future__ import annotations

from assistant.sentences import SentenceBank, split_sentences
from index.models import Chunk


def _chunk(text: str, start: int = 100, chunk_id: str = "x" * 32) -> Chunk:
    return Chunk(id=chunk_id, source_id="article", section_id="s", section_path=["Sec", "Sub"], position=0,
                 text=text, start=start, end=start + len(text))


def test_sentences_are_exact_spans_of_the_chunk() -> None:
    text = ("These syndromes are not caused by cancer cells (e.g., autoantibodies, cytokines). Symptoms may appear early.\n"
            "- Neurological: Muscle weakness, seizures, or memory problems.\n"
            "- Rheumatologic: Joint pain. Some people may have muscle stiffness.")
    sentences = split_sentences(_chunk(text))
    assert [s.text for s in sentences] == [
        "These syndromes are not caused by cancer cells (e.g., autoantibodies, cytokines).",
        "Symptoms may appear early.",
        "- Neurological: Muscle weakness, seizures, or memory problems.",
        "- Rheumatologic: Joint pain.",
        "Some people may have muscle stiffness.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.is_bullet for s in sentences] == [False, False, True, True, False]


def test_bullets_read_as_sentences_but_quotes_stay_exact() -> None:
    chunk = _chunk("Paraneoplastic syndromes may involve several organ systems:\n- Kidney (Renal): Renal issues may occur\n- Skin: Rashes [12]")
    sentences = split_sentences(chunk)
    assert sentences[0].is_lead_in
    assert sentences[1].display == "Kidney (Renal): Renal issues may occur."
    assert sentences[1].text == "- Kidney (Renal): Renal issues may occur"
    assert sentences[2].display == "Skin: Rashes (12)."  # a source's own [12] can never pose as our marker


def test_the_bank_embeds_each_chunk_once_with_its_heading(warm_assistant) -> None:
    calls: list[list[str]] = []
    embed = warm_assistant.parts().index.embed_passages

    def counting(texts):  # the real model, counted
        calls.append(list(texts))
        return embed(texts)

    bank = SentenceBank(counting)
    chunk = _chunk("Trousseau syndrome causes blood clots. It is seen in pancreatic cancer.")
    bank.ensure([chunk, chunk])
    bank.ensure([chunk])
    assert calls == [["Sub: Trousseau syndrome causes blood clots.", "Sub: It is seen in pancreatic cancer."]]
    assert bank.vectors(chunk.id).shape == (2, 384) and len(bank) == 1


def test_a_word_ending_like_an_abbreviation_still_ends_its_sentence() -> None:
    """'systems.' ends in 'ms.' but is no abbreviation: the next sentence must stand alone (a cited quote of its own)."""
    text = "They can affect multiple organ systems. Additionally, some cancers cause it (e.g. SCLC). Dr. Smith agrees."
    assert [s.text for s in split_sentences(_chunk(text))] == [
        "They can affect multiple organ systems.",
        "Additionally, some cancers cause it (e.g. SCLC).",
        "Dr. Smith agrees.",
    ]


def test_embed_once_embeds_a_batch_once_and_keeps_its_vectors() -> None:
    calls: list[list[str]] = []

    def counting(texts):
        calls.append(list(texts))
        return [[float(len(t)), 1.0] for t in texts]

    bank = SentenceBank(counting)
    first = bank.embed_once(["Endocrine", "Hormonal"])
    assert bank.embed_once(["Endocrine", "Hormonal"]) == first == ((9.0, 1.0), (8.0, 1.0))
    assert calls == [["Endocrine", "Hormonal"]]
    bank.embed_once(["Hormonal"])  # another batch is its own key: its vectors are what that batch gives
    assert calls[-1] == ["Hormonal"]
