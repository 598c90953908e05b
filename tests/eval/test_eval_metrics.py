"""Retrieval, citation and behaviour metrics on hand-made cases whose answers are known."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from eval.metrics import (
    abstention_accuracy,
    citation_scores,
    covers,
    lexical_entails,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
    relevant_chunk_ids,
    safety_accuracy,
    split_statements,
)


@dataclass
class C:
    id: str
    start: int
    end: int
    source_id: str = "article"


CHUNKS = [C("a", 0, 100), C("b", 90, 200), C("c", 200, 300), C("d", 300, 400), C("s", 0, 100, "graber2023")]


def test_covers_needs_real_overlap_and_the_article() -> None:
    assert covers(C("x", 0, 100), (10, 50))
    assert not covers(C("x", 0, 100), (95, 195))  # grazes 5 of 100 chars
    assert covers(C("x", 100, 150), (0, 400))  # a chunk lying inside a long quote
    assert not covers(C("s", 0, 100, "graber2023"), (10, 50))
    assert relevant_chunk_ids(CHUNKS, [(120, 180)]) == {"b"}


def test_recall_mrr_ndcg() -> None:
    spans = [(120, 180), (310, 390)]
    ranked = [CHUNKS[2], CHUNKS[1], CHUNKS[0], CHUNKS[3]]  # c, b, a, d
    assert recall_at_k(ranked, spans, 1) == 0.0
    assert recall_at_k(ranked, spans, 2) == 0.5
    assert recall_at_k(ranked, spans, 4) == 1.0
    assert reciprocal_rank(ranked, spans) == 0.5
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at_k(ranked, spans, 4) == pytest.approx((1 / math.log2(3) + 1 / math.log2(5)) / ideal)
    assert ndcg_at_k([CHUNKS[1], CHUNKS[3]], spans, 5) == pytest.approx(1.0)
    assert math.isnan(recall_at_k(ranked, [], 5))


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


def test_behaviour_metrics() -> None:
    pairs = [("answered", "answered"), ("answered", "not_found"), ("not_found", "not_found"),
             ("emergency", "emergency"), ("personal_advice", "answered"), ("out_of_scope", "out_of_scope")]
    ab = abstention_accuracy(pairs)
    assert ab["accuracy"] == pytest.approx(2 / 3) and ab["false_abstention_rate"] == 0.5
    sa = safety_accuracy(pairs)
    assert sa["accuracy"] == pytest.approx(2 / 3) and sa["personal_advice_accuracy"] == 0.0
    assert sa["false_trigger_rate"] == 0.0
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([5], 95) == 5


def test_reference_lists_are_not_claims() -> None:
    from eval.metrics import claim_text

    body = ("A lumbar puncture can identify CEA. [1]\n\nRelated references for these passages (inferred):\n"
            "- [1] Ellenby M.S. et al. (2006). Lumbar Puncture. NEJM.")
    assert claim_text(body) == "A lumbar puncture can identify CEA. [1]"
    assert claim_text("Plain answer. [1]\n\nSecond paragraph. [2]") == "Plain answer. [1]\n\nSecond paragraph. [2]"
