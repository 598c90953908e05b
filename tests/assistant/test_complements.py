"""The complement rule (assistant/complements.py): a sentence naming a rare question word that the chosen sentences
leave out joins, down to a lower score floor; one naming only common words, one the chosen ones already say (also in
lay words), a summary sentence and one under the floor do not."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.complements import COMPLEMENT_RATIO, add_complements
from assistant.sentences import content_terms

WEIGHTS = {"timely": 0.77, "intervent": 0.77, "progress": 0.77, "untreat": 1.0, "symptom": 0.16, "wors": 0.77,
           "get": 1.0, "outcom": 0.44}


def _candidate(section_id: str, text: str, score: float):
    chunk = SimpleNamespace(section_id=section_id, section_path=(section_id,), id=f"{section_id}:{text}",
                            source_id="article")
    return SimpleNamespace(sentence=SimpleNamespace(chunk=chunk, text=text, index=0, is_lead_in=False), score=score)


def _bank(*candidates):
    texts = {c.sentence.chunk.id: c.sentence.text for c in candidates}
    return SimpleNamespace(weights=WEIGHTS, terms=lambda chunk_id: [content_terms(texts[chunk_id])],
                           heading_terms=lambda chunk_id: set())


def _never(candidate, chosen) -> bool:
    return False


def test_a_sentence_naming_what_the_chosen_one_leaves_out_joins_below_the_keep_ratio() -> None:
    best = _candidate("prognosis", "Timely intervention improves outcomes and can reverse symptoms.", 0.6)
    common = _candidate("access", "Access to care improves outcomes for many symptoms overall.", 0.5)
    summary = _candidate("key-takeaways", "Untreated symptoms progress in many organ systems overall.", 0.45)
    progress = _candidate("symptoms", "Symptoms may be subtle initially but can rapidly progress.", 0.3)
    below = _candidate("other", "Untreated disease may progress in other organ systems too.", 0.6 * COMPLEMENT_RATIO - 0.01)
    scored = [best, common, summary, progress, below]
    q_terms = content_terms("untreated symptoms progress timely intervention")
    out = add_complements([best], scored, q_terms, _bank(*scored), 3, _never)
    assert out == [best, progress]
    # nothing left out (every rare word said), no room, or a repeat: nothing joins
    assert add_complements([best], scored, content_terms("timely intervention"), _bank(*scored), 3, _never) == [best]
    assert add_complements([best], scored, q_terms, _bank(*scored), 1, _never) == [best]
    assert add_complements([best], scored, q_terms, _bank(*scored), 3, lambda c, chosen: True) == [best]


def test_a_lay_word_for_a_medical_word_already_shown_is_not_left_out() -> None:
    """"get worse" is a lay phrase for "progress" (assistant/data/lay_terms.json): a sentence naming "progress" says
    it, so another sentence that shares only "worse" does not join."""
    best = _candidate("symptoms", "Symptoms may be subtle initially but can rapidly progress.", 0.6)
    worse = _candidate("access", "Limited access may delay diagnosis, leading to worse outcomes.", 0.5)
    scored = [best, worse]
    assert add_complements([best], scored, content_terms("does it get worse"), _bank(*scored), 3, _never) == [best]


def test_a_candidate_far_under_the_best_chosen_meaning_is_no_complement() -> None:
    """A sentence that shares a rare question word but is about something else (its cosine with the focused question
    more than the gap under the chosen one's) does not join; within the gap it does."""
    best = _candidate("prognosis", "Timely intervention improves outcomes and can reverse symptoms.", 0.6)
    progress = _candidate("symptoms", "Symptoms may be subtle initially but can rapidly progress.", 0.3)
    scored = [best, progress]
    q_terms = content_terms("untreated symptoms progress timely intervention")
    cosine = {best.sentence.text: 0.6, progress.sentence.text: 0.3}
    far = add_complements([best], scored, q_terms, _bank(*scored), 3, _never,
                          relevance=lambda s: cosine[s.sentence.text], gap=0.25)
    near = add_complements([best], scored, q_terms, _bank(*scored), 3, _never,
                           relevance=lambda s: cosine[s.sentence.text], gap=0.35)
    assert far == [best] and near == [best, progress]
