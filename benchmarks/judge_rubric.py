"""The rubric judge variant tried in round 11 (NOT the eval's judge): a rubric plus four examples, read as P(yes).

Why it was tried: on the 74 hand-labelled sentences the v1 judge (JSON true/false) said "helps" to 17 of 37
helpful sentences; a rubric naming how people judged (an indirect answer helps; a neighbouring symptom, test or
treatment, or general background, does not) with four examples from a tuning bank's studied part
(`precision_check3`, never a bank the agreement is reported on) was meant to lift that recall.
Why it was not adopted: on the held-out banks it said "helps" too often (benchmarks/results/judge_variants.json:
kappa 0.162 vs v1's 0.216 on the 74, 0.303 vs 0.467 on precision_check5).
"""

from __future__ import annotations

from collections.abc import Sequence


# (question, sentence, helps): hand labels of precision_check3's studied part (a test checks they are verbatim).
RELEVANCE_SHOTS: tuple[tuple[str, str, bool], ...] = (
    ("will taking out the tumour fix the syndrome",
     "Managing paraneoplastic syndromes requires treating both the underlying cancer and the immune-related symptoms.",
     True),
    ("will taking out the tumour fix the syndrome",
     "Paraneoplastic syndromes are rare but serious conditions that can develop in people with cancer.", False),
    ("plasmapheresis role in paraneoplastic neuro disease",
     "Plasmapheresis and Intravenous Immunoglobulin (IVIG): These therapies help remove harmful antibodies from the "
     "bloodstream and can be effective for severe neurological symptoms.", True),
    ("does pns mess with blood clotting", "Certain cancers can cause the body to make too many red blood cells.", False),
)


RUBRIC_PROMPT = """You judge one sentence of an answer to a user's question about paraneoplastic syndromes.
Say yes when the sentence gives the user something they asked for: it answers the question or a part of it,
directly or indirectly (it corrects a wrong belief in the question, describes the outcome asked about, or
explains the very condition, test or treatment the question names).
Say no when it is about a different symptom, organ system, condition, test or treatment than the one asked
about, or is general background on paraneoplastic syndromes that does not answer what was asked.
{examples}{conversation}
Question: {question}
Sentence: {sentence}
Does the sentence help answer the question? Answer yes or no."""


def rubric_prompt(question: str, sentence: str, earlier_questions: Sequence[str] = (),
                  examples: Sequence[tuple[str, str, bool]] = ()) -> str:
    """The rubric relevance prompt (read as P(yes)); `examples` are (question, sentence, helps) shown first.

    Why the examples and the rubric come before the question: llama.cpp keeps the prompt prefix shared with
    the previous call, so one question's sentences cost only their own tokens.
    """
    shots = "".join(f"\nQuestion: {q}\nSentence: {s}\nAnswer: {'yes' if h else 'no'}\n"
                    for q, s, h in examples)
    conversation = ""
    if earlier_questions:
        turns = "\n".join(f"- {q.strip()}" for q in earlier_questions)
        conversation = f"\nThe user asked earlier in the conversation:\n{turns}\n"
    return RUBRIC_PROMPT.format(examples=shots, conversation=conversation, question=question.strip(),
                                sentence=sentence.strip())
