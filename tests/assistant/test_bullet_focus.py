"""A bullet of several sentences keeps only the sentences that answer, unless the question names its label
(assistant/bullet_focus.py, settings.answer.sibling_gap).

The phrasings here are none of the precision banks': they check the mechanism, on the real index and model."""

from __future__ import annotations

import pytest

from assistant.api import Assistant
from foundation.settings import Settings

STIFFNESS = "Some people may have muscle stiffness and shoulder, neck, and hip pain"


def with_gap(settings: Settings, gap: float) -> Settings:
    changed = settings.model_copy(deep=True)
    changed.answer.sibling_gap = gap
    return changed


@pytest.fixture(scope="module")
def focused(built_index_home: Settings) -> Assistant:
    return Assistant(with_gap(built_index_home, 0.15))


def test_a_detail_asked_of_a_bullet_leaves_its_other_sentence(focused: Assistant, built_index_home: Settings) -> None:
    # "swollen knees" is the Rheumatologic bullet's first sentence; its stiffness-and-nodules sentence answers nothing
    on = focused.ask("does pns ever cause swollen knees").body
    off = Assistant(with_gap(built_index_home, 0.0)).ask("does pns ever cause swollen knees").body
    assert "Rheumatologic: Joint pain and swelling" in on and STIFFNESS not in on, on
    assert STIFFNESS in off, off  # the lever is what changes it


def test_a_question_naming_the_bullets_label_keeps_the_whole_bullet(focused: Assistant) -> None:
    body = focused.ask("kidney trouble from pns?").body
    assert "Kidney (Renal): Renal issues may occur" in body, body
    assert "nephrotic syndrome, which leads to swelling" in body, body


def test_a_yes_no_ask_naming_the_label_still_leaves_the_far_sibling(focused: Assistant) -> None:
    # "can it make you feel exhausted" reaches the Hematologic bullet by "Fatigue"; "too many red blood cells" is no
    # answer to it, whatever label word the question's lay-word expansion adds
    body = focused.ask("can pns make you feel exhausted").body
    assert "Fatigue, pale skin" in body and "too many red blood cells" not in body, body
