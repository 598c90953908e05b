"""The judge's own prompts (entailment, sentence relevance) and the parsing of its JSON verdicts.

Why JSON yes/no: a 1.5B model is most reliable on one narrow question at a time, answered in a
grammar-constrained JSON object; anything unreadable is a failure the caller counts, never a verdict.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

ENTAILMENT_PROMPT = """You check whether a claim is supported by a source text.

Source text:
\"\"\"{premise}\"\"\"

Claim:
\"\"\"{hypothesis}\"\"\"

Is every fact in the claim stated or directly implied by the source text? Reply with JSON only:
{{"supported": true}} or {{"supported": false}}"""

RELEVANCE_PROMPT = """You check whether one sentence of an answer helps answer a user's question.
{conversation}
Question:
\"\"\"{question}\"\"\"

Sentence from the answer:
\"\"\"{sentence}\"\"\"

Does this sentence give information that helps answer this question (not merely related to the same topic)?
{reply}"""
JSON_REPLY = 'Reply with JSON only: {"helps": true} or {"helps": false}'
# Stamped in every report beside the judge: round 11 compared a rubric + examples prompt read as P(yes) on held-out
# banks and kept this one (benchmarks/judge_variants.py, benchmarks/results/judge_variants.json).
RELEVANCE_VERSION = "relevance-v1 (JSON true/false)"
# For a yes/no probability read from the next token's logits (benchmarks/answer_metrics.RelevanceJudge).
YES_NO_REPLY = "Answer yes or no."


def relevance_prompt(question: str, sentence: str, earlier_questions: Sequence[str] = (), reply: str = JSON_REPLY) -> str:
    """The relevance prompt; a follow-up shows the user's earlier questions so "it" can be resolved."""
    conversation = ""
    if earlier_questions:
        turns = "\n".join(f"- {q.strip()}" for q in earlier_questions)
        conversation = f"\nThe user asked earlier in the conversation:\n{turns}\n"
    return RELEVANCE_PROMPT.format(conversation=conversation, question=question.strip(), sentence=sentence.strip(),
                                   reply=reply)


_TRUE = ("yes", "true", "1")
_FALSE = ("no", "false", "0")


def parse_verdict(text: str, keys: Sequence[str]) -> bool | None:
    """Read {key: bool} (first of `keys` present; yes/no, 1/0 accepted) or a bare yes/no; None when unreadable."""
    match = re.search(r"\{.*\}", text, re.S)
    if match:
        try:
            data = json.loads(match.group(0))
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            for key in keys:
                if key in data:
                    value = data[key]
                    if isinstance(value, bool):
                        return value
                    if isinstance(value, (int, float)):
                        return bool(value)
                    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
                        return value.strip().lower() in _TRUE
    word = text.strip().lower()
    if word in ("yes", "true"):
        return True
    if word in ("no", "false"):
        return False
    return None


def parse_supported(text: str) -> bool | None:
    """Read {"supported": bool} (or a bare yes/no) from an entailment reply; None when unreadable."""
    return parse_verdict(text, ("supported", "verdict", "entailed", "answer"))


def parse_helps(text: str) -> bool | None:
    """Read {"helps": bool} (or a bare yes/no) from a relevance reply; None when unreadable."""
    return parse_verdict(text, ("helps", "relevant", "verdict", "answer"))
