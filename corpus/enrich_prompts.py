"""The prompts build-time enrichment sends to the local model, and how their replies are read.

Why short prompts with a fixed opening: on two CPU cores a 1.5B model evaluates ~90 prompt tokens/s
and writes ~28 tokens/s. Each task's fixed part (instructions + one worked example from another
disease, so nothing is copied into the article's records) comes first and is identical for every unit,
so llama.cpp reuses its evaluated prefix and only the unit's own tail is computed. Replies are plain
lines, not JSON: fewer tokens to write, and a line that is not a question is simply dropped.

PROMPT_VERSION is stamped on every record: change any prompt, bump it, and the cache re-asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.models import Reference

PROMPT_VERSION = "enrich-2"

QUESTIONS_SYSTEM = (
    "You write search questions for one sentence of a medical article about paraneoplastic syndromes. "
    "Write 4 questions that the SENTENCE itself answers: 2 as a patient or relative would type them (plain words), "
    "then 2 as a doctor would ask them (medical terms). Every question must name the sentence's own subject "
    "(the symptom, test, treatment, cancer, organ or factor it is about); never a general question about "
    "paraneoplastic syndromes unless the sentence defines them. One question per line, nothing else."
)
QUESTIONS_EXAMPLE_USER = (
    "SECTION: Type 2 Diabetes > Medications\n"
    "BEFORE: Metformin is usually the first drug prescribed for type 2 diabetes.\n"
    "SENTENCE: It can cause nausea and diarrhea during the first weeks, which usually settle with time."
)
QUESTIONS_EXAMPLE_REPLY = (
    "Why do I feel sick to my stomach after starting metformin?\n"
    "Does the diarrhea from diabetes pills go away?\n"
    "What are the early gastrointestinal side effects of metformin?\n"
    "Do metformin-induced GI symptoms resolve with continued use?"
)

STANDALONE_SYSTEM = (
    "Rewrite the SENTENCE so it can be understood alone: replace words like this, these, it, they and such "
    "with the exact thing they refer to in BEFORE. Keep every fact and medical term; add nothing else. "
    "Reply with the rewritten sentence only."
)
STANDALONE_EXAMPLE_USER = (
    "BEFORE: Metformin is usually the first drug prescribed for type 2 diabetes.\n"
    "SENTENCE: It can cause nausea and diarrhea during the first weeks."
)
STANDALONE_EXAMPLE_REPLY = "Metformin can cause nausea and diarrhea during the first weeks."

NEEDS_PREVIOUS_QUESTION = (
    "BEFORE: {before}\nSENTENCE: {sentence}\n"
    "Does the SENTENCE point back to something that is named only in BEFORE (with a word such as this, these, "
    "it, they, such or additionally), so that a reader needs BEFORE to understand it? Answer yes or no."
)

REFERENCES_SYSTEM = (
    "Below are the sources a medical article cites. For the SENTENCE you get, name the sources whose topic "
    "the sentence is specifically about. Reply with their numbers separated by commas, or 0 when none fits.\n"
    "SOURCES:\n{sources}"
)

_NUMBERING = re.compile(r"^\s*(?:[-*•]|\d+[.)]|q\d*[:.)]|patient:|doctor:|clinician:)\s*", re.IGNORECASE)


def source_lines(references: Sequence[Reference]) -> str:
    """'1. Lumbar Puncture' ... : titles only (first title part), short enough to stay a cached prefix."""
    return "\n".join(f"{n}. {ref.title.split(' | ')[0].strip()}" for n, ref in enumerate(references, start=1))


def unit_block(section_path: Sequence[str], before: str | None, sentence: str) -> str:
    """The per-unit tail of a prompt: where it sits, what comes just before it, the unit itself."""
    before_text = _clip(before, 45) if before else "(start of section)"
    return f"SECTION: {' > '.join(section_path)}\nBEFORE: {before_text}\nSENTENCE: {sentence}"


def parse_questions(reply: str, limit: int = 6) -> list[str]:
    """Question lines of a reply: numbering stripped, '?' ensured, duplicates (case-insensitive) dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for line in reply.splitlines():
        q = " ".join(_NUMBERING.sub("", line).split()).strip().strip('"')
        if len(q.split()) < 3:
            continue
        if not q.endswith("?"):
            q = q.rstrip(".") + "?"
        if q.lower() not in seen:
            seen.add(q.lower())
            out.append(q)
    return out[:limit]


def parse_reference_numbers(reply: str, count: int) -> list[int]:
    """1-based source numbers named in a reply ('3, 12' -> [3, 12]); out-of-range numbers and 0 are ignored."""
    numbers = [int(n) for n in re.findall(r"\d+", reply.split("\n")[0])]
    return list(dict.fromkeys(n for n in numbers if 1 <= n <= count))


def parse_standalone(reply: str, fallback: str) -> str:
    """The first non-empty line of the reply, unquoted; the verbatim unit when the model wrote nothing."""
    for line in reply.splitlines():
        text = " ".join(line.split()).strip().strip('"')
        if text:
            return text
    return fallback


def _clip(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")
