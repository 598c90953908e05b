"""A "which/what X" first turn whose shown sentences name the kind X only vaguely (one item of a coordination, after
"several" or "essential") and none of its members is unaddressed; a kind followed by its members, a bullet labelled
with it, or one closing a list of its members is answered."""

from __future__ import annotations

import pytest

from assistant.first_turn_asks import first_turn_unaddressed
from assistant.member_picks import members_unnamed
from index.lexical import is_stopword

ALTERNATIVE = ("Alternative Medicine: Some patients explore acupuncture, massage therapy, or herbal supplements to "
               "manage symptoms.")
NUTRITION = "Nutritional Support: A balanced diet rich in essential vitamins and minerals may support overall health."
TRIALS = "Several clinical trials are investigating novel drugs that could better control symptoms."
MIMICS = ("Conditions such as multiple sclerosis, lupus, myasthenia gravis, viral encephalitis, and other infections "
          "can mimic paraneoplastic syndromes' neurological and systemic symptoms.")
CANCERS = "Commonly associated cancers include small cell lung cancer, breast cancer, ovarian cancer, and Hodgkin lymphoma."
LAB = "Laboratory Tests: Autoantibody panels to detect specific immune system markers."


@pytest.mark.parametrize(("question", "shown", "kind"), [
    ("which herbal supplements actually work for pns", ALTERNATIVE, "supplements"),
    ("what vitamins specifically help pns", NUTRITION, "vitamins"),
    ("what clinical trials are recruiting for pns", TRIALS, "trials"),
])
def test_a_kind_named_only_vaguely_leaves_the_pick_unaddressed(question: str, shown: str, kind: str) -> None:
    assert members_unnamed(question, shown, is_stopword) == [kind]
    assert first_turn_unaddressed(question, shown, is_stopword) == [kind]


@pytest.mark.parametrize(("question", "shown"), [
    ("what infections can mimic pns", MIMICS),  # 'viral encephalitis, and other infections': members before it
    ("which conditions can mimic it", MIMICS),
    ("what tests check the antibodies", LAB),  # a bullet labelled with the kind lists its members
    ("what vitamins help", NUTRITION + " Some patients take vitamins such as vitamin D."),  # one mention names members
    ("what is pns", ALTERNATIVE),  # no pick
    ("which doctors treat it", ALTERNATIVE),  # a kind never mentioned is pick_unaddressed's, not this check's
    # the kind asked is the whole phrase: 'memory problems' in a coordination does not mention 'kidney problems'
    ("what kidney problems can it cause", "Muscle weakness, seizures, or memory problems."),
    # a bare kind asked and a kind of it named: 'imaging and lab tests' names members of 'tests'
    ("what tests rule out lupus", "Diagnosis requires imaging and lab tests for autoantibodies."),
    ("which countries have more pns cases", "For instance, countries with high smoking rates tend to have more cases."),
    ("what lab tests check for pns", "Diagnosis requires imaging and lab tests for autoantibodies. " + LAB),
])
def test_a_kind_with_its_members_or_no_pick_is_not_judged_here(question: str, shown: str) -> None:
    assert members_unnamed(question, shown, is_stopword) == []


def test_a_kind_heading_its_members_is_answered() -> None:
    assert members_unnamed("which cancers is it linked to", CANCERS, is_stopword) == []  # 'cancers' is the condition's
    assert members_unnamed("which lymphomas does it come with", CANCERS, is_stopword) == []
