""""tell me more" after an answer that showed one list item: the item's mention in another list of the article
(assistant/item_mentions.py), not the item's siblings in article order; and the units the two readings share
(assistant/shown_units.py).

Wording here is this file's own (not an eval item nor a check-bank item); the article text is quoted from the article.
"""

from __future__ import annotations

from assistant.compose import Composition
from assistant.followup import FollowUp
from assistant.item_mentions import labelled, mention_composition
from assistant.sentences import SentenceBank
from assistant.shown_units import article_units
from corpus.corpus import ARTICLE_SOURCE_ID
from index.models import Chunk

DERMATOLOGIC = "Dermatologic: Skin conditions such as dermatomyositis, which causes muscle weakness and skin rashes."
SKIN_CHANGES = ("Skin Changes: Rashes, itching, or thickening of the skin, including conditions like acanthosis "
                "nigricans and pemphigus.")
RHEUMATOLOGIC = "Rheumatologic: Joint pain and swelling, especially in large joints."
EMPTY = Composition(body="", quotes=[], scored=[], support_rank=3, probability=None)


def _bank() -> SentenceBank:
    """A bank whose every text has the same vector: only the grouping into units is read."""
    return SentenceBank(lambda texts: [[1.0, 0.0] for _ in texts])


def _chunk(position: int, section: str, text: str, start: int) -> Chunk:
    return Chunk(id=f"c{position}", source_id=ARTICLE_SOURCE_ID, section_id=section, section_path=[section],
                 position=position, text=text, start=start, end=start + len(text))


class _Units:
    """The article's units as assistant/enriched.py gives them: one object per unit, found by a sentence."""

    def __init__(self, *groups: tuple[str, ...]) -> None:
        self.groups = groups

    def for_sentence(self, sentence):
        return next((g for g in self.groups if sentence.text.lstrip("- ") in g), None)


FIRST = "Signs are these:\n- Blood: Tiredness and pale skin. Some have clotting problems."
SECOND = "Some make too many red cells.\n- Kidney: Swelling of the legs."
BLOOD = ("Blood: Tiredness and pale skin.", "Some have clotting problems.", "Some make too many red cells.")


def test_a_bullets_later_sentences_are_its_unit_and_the_article_units_say_so_across_a_chunk_boundary() -> None:
    chunks = [_chunk(0, "signs", FIRST, 0), _chunk(1, "signs", SECOND, len(FIRST) + 1)]
    plain = article_units(_bank(), chunks)  # the line break between two chunks is in neither: a new unit
    texts = [s.text.lstrip("- ") for s in plain.sentences]
    blood = texts.index(BLOOD[0])
    assert [texts[i] for i in plain.members(blood)] == list(BLOOD[:2])
    known = article_units(_bank(), chunks, _Units(BLOOD, ("Kidney: Swelling of the legs.",)))
    assert [texts[i] for i in known.members(blood)] == list(BLOOD)
    assert known.unit_of[texts.index("Kidney: Swelling of the legs.")] != blood
    assert known.quoted_units("Some have clotting problems. [1]") == [blood]


def test_only_a_list_item_with_a_label_asks_for_its_mentions() -> None:
    units = article_units(_bank(), [_chunk(0, "x", "Lead in here:\n- Label: An item of it.\n- No label in this item.", 0)])
    by_text = {s.text.lstrip("- "): s for s in units.sentences}
    assert labelled(by_text["Label: An item of it."])
    assert not labelled(by_text["No label in this item."]) and not labelled(by_text["Lead in here:"])


def test_two_items_shown_or_a_refusal_keep_the_chapters_reading() -> None:
    chunks = [_chunk(0, "kinds", "- One: The first kind of it.\n- Two: The second kind of it.", 0)]
    both = FollowUp(ask="", previous="q", previous_answer="One: The first kind of it. [1] Two: The second kind of it. [2]",
                    wants_next=True, shown="one: the first kind of it. two: the second kind of it.")
    bank = _bank()
    units = article_units(bank, chunks)
    assert mention_composition(EMPTY, both, units, bank) is None
    refusal = FollowUp(ask="", previous="q", previous_answer="I could not find this.", wants_next=True, shown="x")
    assert mention_composition(EMPTY, refusal, units, bank) is None


def test_tell_me_more_after_the_dermatologic_type_shows_the_skin_symptoms_not_the_next_type(warm_assistant) -> None:
    history = [{"role": "user", "content": "what does dermatomyositis have to do with pns"},
               {"role": "assistant", "content": f"{DERMATOLOGIC} [1]"}]
    answer = warm_assistant.ask("tell me more", history)
    assert answer.status == "answered"
    assert SKIN_CHANGES in answer.body
    assert "Hematologic: Blood-related abnormalities" not in answer.body


def test_tell_me_more_after_one_item_with_no_clear_mention_continues_the_chapter(warm_assistant) -> None:
    """The rheumatologic bullet's label is close to nothing elsewhere: the chapter's next sentences, as before."""
    history = [{"role": "user", "content": "does pns hurt the joints"},
               {"role": "assistant", "content": f"{RHEUMATOLOGIC} [1]"}]
    answer = warm_assistant.ask("tell me more", history)
    assert answer.status == "answered"
    assert "Some people may have muscle stiffness" in answer.body or "Hematologic (blood-related)" in answer.body


PLASMAPHERESIS = ("Plasmapheresis and Intravenous Immunoglobulin (IVIG): These therapies help remove harmful antibodies "
                  "from the bloodstream and can be effective for severe neurological symptoms.")


def test_tell_me_more_after_an_item_no_label_is_close_to_shows_the_sentence_naming_it_again(warm_assistant) -> None:
    """No other label is close to "Plasmapheresis and ...": the takeaway naming plasmapheresis again is its other
    mention, not the complementary approaches that follow the list."""
    history = [{"role": "user", "content": "what does plasmapheresis do"},
               {"role": "assistant", "content": f"{PLASMAPHERESIS} [1]"}]
    answer = warm_assistant.ask("tell me more", history)
    assert answer.status == "answered"
    assert "using immunotherapy, steroids, or plasmapheresis" in answer.body
    assert "Nutritional Support" not in answer.body
