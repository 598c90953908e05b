"""The dense pick (assistant/dense_best.py): the candidate closest in meaning to the question joins the sentences the
fused score chose when it is clearly closer than all of them, scores a fair share of the best, is no overview line
and repeats none of them.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

from types import SimpleNamespace


from assistant.dense_best import DENSE_MARGIN, DENSE_SCORE_RATIO, specific, with_dense_best


def _candidate(name: str, score: float, similarity: float, lead_in: bool = False, section: str = "outcomes/long"):
    chunk = SimpleNamespace(id=name, section_id=section, section_path=(section,))
    sentence = SimpleNamespace(chunk=chunk, index=0, text=f"{name} says one whole thing here.", is_lead_in=lead_in)
    return SimpleNamespace(sentence=sentence, score=score, similarity=similarity)


def _never(candidate, chosen) -> bool:
    return False


def test_the_closest_sentence_in_meaning_joins_a_choice_made_by_words() -> None:
    best = _candidate("words", 0.66, 0.43)
    generic = _candidate("generic", 0.66 * DENSE_SCORE_RATIO - 0.01, 0.60)  # closest of all, far under in score
    answer = _candidate("answer", 0.33, 0.46)
    scored = [best, answer, generic]
    assert with_dense_best([best], scored, _never, 3) == [best, answer]


def test_nothing_joins_without_a_clear_margin_room_eligibility_or_novelty() -> None:
    best = _candidate("words", 0.66, 0.43)
    close = _candidate("close", 0.5, 0.43 + DENSE_MARGIN / 2)
    assert with_dense_best([best], [best, close], _never, 3) == [best]
    answer = _candidate("answer", 0.5, 0.5)
    assert with_dense_best([best], [best, answer], _never, 1) == [best]
    assert with_dense_best([best], [best, answer], lambda c, chosen: True, 3) == [best]
    assert with_dense_best([best], [best, answer], _never, 3, lambda s: False) == [best]
    assert with_dense_best([best], [best, _candidate("lead", 0.5, 0.5, lead_in=True)], _never, 3) == [best]
    assert with_dense_best([], [best, answer], _never, 3) == []
    elsewhere = _candidate("elsewhere", 0.5, 0.5, section="tests/advanced")  # another part of the article
    assert with_dense_best([best], [best, elsewhere], _never, 3) == [best]
    summary = _candidate("summary", 0.66, 0.43, section="key-takeaways")     # ... unless a summary line was chosen
    assert with_dense_best([summary], [summary, elsewhere], _never, 3) == [summary, elsewhere]


def _sentence(parts, starts: str, summary: bool = False):
    for chunk in parts.index.chunks():
        if chunk.source_id == "article" and (chunk.section_id == "key-takeaways") == summary:
            for sentence in parts.bank.sentences(chunk.id):
                if sentence.text.lstrip("- ").startswith(starts):
                    return sentence
    raise AssertionError(starts)


def test_overview_summary_and_framing_lines_are_never_the_pick(parts) -> None:
    eligible = specific(parts.enriched)
    assert not eligible(_sentence(parts, "The outlook for patients"))          # opens a section with subsections
    assert not eligible(_sentence(parts, "Managing paraneoplastic syndromes"))
    assert not eligible(_sentence(parts, "Effective treatment focuses", summary=True))
    assert not eligible(_sentence(parts, "Imagine experiencing"))
    assert eligible(_sentence(parts, "Plasmapheresis and Intravenous"))
    assert eligible(_sentence(parts, "However, others may have chronic"))
    assert eligible(_sentence(parts, "Since these syndromes result"))           # the overview's second sentence


def test_a_lasting_damage_answer_also_shows_the_lifelong_outcome(warm_assistant) -> None:
    """The fused score chose the damage bullet on "damage" and "nerves"; the outcome sentence, closest in meaning, joins."""
    answer = warm_assistant.ask("will the damage to the nerves last forever")
    assert "lasting impairment" in answer.answer
    assert "chronic neurological, muscular, or metabolic issues" in answer.answer
