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

PROMPT_VERSION = "enrich-3"

QUESTIONS_SYSTEM = (
    "You write search questions for one STATEMENT from a medical article about paraneoplastic syndromes. "
    "First line: SUBJECT: the statement's specific subject. Then 4 questions that the STATEMENT itself answers, "
    "one per line: 2 as a patient or relative would type them (plain words), then 2 as a doctor would ask "
    "(medical terms). Every question must mention the subject or a detail of the STATEMENT, and its answer must "
    "be in the STATEMENT; ask nothing the STATEMENT does not say."
)
QUESTIONS_EXAMPLE_USER = (
    "SECTION: Heart Failure > Tests\n"
    "STATEMENT: Echocardiography: An ultrasound of the heart shows how well the heart pumps and whether the valves leak."
)
QUESTIONS_EXAMPLE_REPLY = (
    "SUBJECT: echocardiography\n"
    "What does a heart ultrasound show?\n"
    "Can an echo tell if my heart valves are leaking?\n"
    "What does echocardiography assess in suspected heart failure?\n"
    "Which valve abnormalities can echocardiography detect?"
)

RESOLVE_SYSTEM = (
    "You read one UNIT (a sentence or bullet item) of a medical article, with the HEADINGS it sits under and the "
    "PREVIOUS text. The REFERRING phrase in the UNIT points back to something named earlier. Say what it refers "
    "to: copy the words from the PREVIOUS text, the HEADINGS or the UNIT itself. Give a short noun phrase on one "
    "line; if it refers to a list, name every item of the list."
)
RESOLVE_EXAMPLE_USER = (
    "HEADINGS: Back Pain > Exercise\nPREVIOUS:\nGentle activity helps most people with back pain:\n"
    "- Walking: Short daily walks keep the spine mobile.\n- Swimming: Water supports the body's weight.\n"
    "UNIT:\nThese activities should be started slowly.\nREFERRING: \"These activities\""
)
RESOLVE_EXAMPLE_REPLY = "walking and swimming"

REFERENCES_SYSTEM = (
    "Below are the sources a medical article cites. For the SENTENCE you get, name the sources whose topic "
    "the sentence is specifically about. Reply with their numbers separated by commas, or 0 when none fits.\n"
    "SOURCES:\n{sources}"
)

_NUMBERING = re.compile(r"^\s*(?:[-*•]|\d+[.)]|q\d*[:.)]|patient:|doctor:|clinician:)\s*", re.IGNORECASE)


def source_lines(references: Sequence[Reference]) -> str:
    """'1. Lumbar Puncture' ... : titles only (first title part), short enough to stay a cached prefix."""
    return "\n".join(f"{n}. {ref.title.split(' | ')[0].strip()}" for n, ref in enumerate(references, start=1))


def questions_block(section_path: Sequence[str], statement: str) -> str:
    """The per-unit tail of the questions prompt: where the unit sits and what it says (antecedent resolved)."""
    return f"SECTION: {' > '.join(section_path)}\nSTATEMENT: {statement}"


def resolve_block(section_path: Sequence[str], previous: Sequence[str], unit: str, phrase: str) -> str:
    prev = "\n".join(previous) or "(none)"
    return f"HEADINGS: {' > '.join(section_path)}\nPREVIOUS:\n{prev}\nUNIT:\n{unit}\nREFERRING: \"{phrase}\""


def parse_subject(reply: str) -> str:
    first = reply.strip().splitlines()[0] if reply.strip() else ""
    return first.split(":", 1)[1].strip() if first.upper().startswith("SUBJECT:") else ""


def parse_questions(reply: str, limit: int = 6) -> list[str]:
    """Question lines of a reply: numbering stripped, '?' ensured, duplicates (case-insensitive) dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for line in reply.splitlines():
        if line.strip().upper().startswith("SUBJECT:"):
            continue
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


def parse_phrase(reply: str) -> str:
    """The first non-empty line of the reply, unquoted ('' when the model wrote nothing)."""
    for line in reply.splitlines():
        text = " ".join(line.split()).strip().strip('"').rstrip(".")
        if text:
            return text
    return ""


# Words every question of this article may use: sharing only these with the statement makes a question generic.
ARTICLE_WORDS = frozenset({"paraneoplastic", "syndrome", "syndromes", "pns", "cancer", "cancers", "patient", "patients",
                           "people", "person", "doctor", "doctors", "symptom", "symptoms", "common", "signs", "help",
                           "important", "mean", "causes", "cause", "get", "happen", "tumor", "tumour", "tumors", "tumours"})


def specific_questions(questions: Sequence[str], statement: str) -> list[str]:
    """Questions sharing a specific word with the statement (its subject and section title included)."""
    from corpus.antecedents import content_words

    ref = content_words(statement, ARTICLE_WORDS)
    return [q for q in questions if content_words(q, ARTICLE_WORDS) & ref]
