"""The rubric judge variant's prompt (benchmarks only; round 11 measured it and kept the v1 judge)."""

from __future__ import annotations

from benchmarks.judge_rubric import RELEVANCE_SHOTS, rubric_prompt


def test_the_rubric_prompt_shows_the_examples_before_the_earlier_turns_and_the_question() -> None:
    prompt = rubric_prompt("and the treatment?", "Steroids calm the immune system.", ["what is lems"], RELEVANCE_SHOTS)
    last_shot = RELEVANCE_SHOTS[-1][1]
    assert prompt.index(last_shot) < prompt.index("- what is lems") < prompt.index("Question: and the treatment?")
    assert prompt.rstrip().endswith("Answer yes or no.") and "earlier in the conversation" not in rubric_prompt("q", "s")

