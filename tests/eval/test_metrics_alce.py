"""ALCE citation recall/precision and statement splitting on hand-made answers."""

from __future__ import annotations

import pytest

from eval.metrics.alce import citation_scores, claim_text, lexical_entails, split_statements


def test_split_statements_inherits_segment_markers() -> None:
    st = split_statements("Trousseau syndrome causes clots. It is seen in lung cancer. [1] MRI finds tumors. [2][3] Uncited tail.")
    assert [(s.text, s.markers) for s in st] == [
        ("Trousseau syndrome causes clots.", (1,)), ("It is seen in lung cancer.", (1,)),
        ("MRI finds tumors.", (2, 3)), ("Uncited tail.", ()),
    ]


def test_lexical_entailment_is_strict_enough() -> None:
    p = "Lumbar Puncture (Spinal Tap): This procedure can help identify markers, such as CEA and oligoclonal bands."
    assert lexical_entails(p, "A lumbar puncture can identify markers such as CEA and oligoclonal bands.")
    assert not lexical_entails(p, "A lumbar puncture removes tumours from the spinal cord quickly.")


def test_alce_citation_recall_and_precision() -> None:
    passages = {1: "Trousseau syndrome causes blood clots in pancreatic or lung cancer.",
                2: "MRI and CT scans look for hidden tumors.",
                3: "Plasmapheresis removes harmful antibodies."}
    body = "Trousseau syndrome causes blood clots. [1][3] MRI and CT scans look for hidden tumors. [2] Cats purr. [9]"
    score = citation_scores(body, passages, lexical_entails)
    assert score.statements == 3 and score.supported == 2
    assert score.recall == pytest.approx(2 / 3)
    # [3] is irrelevant (alone it fails, and [1] alone suffices); [9] resolves to nothing
    assert score.citations == 4 and score.relevant_citations == 2
    assert score.precision == pytest.approx(0.5)


def test_judge_failures_are_counted_never_passed() -> None:
    score = citation_scores("Anything at all. [1]", {1: "Anything at all."}, lambda p, h: None)
    assert score.failed == 1 and score.supported == 0 and score.recall == 0.0


def test_reference_lists_are_not_claims() -> None:
    body = ("A lumbar puncture can identify CEA. [1]\n\nRelated references for these passages (inferred):\n"
            "- [1] Ellenby M.S. et al. (2006). Lumbar Puncture. NEJM.")
    assert claim_text(body) == "A lumbar puncture can identify CEA. [1]"
    assert claim_text("Plain answer. [1]\n\nSecond paragraph. [2]") == "Plain answer. [1]\n\nSecond paragraph. [2]"
