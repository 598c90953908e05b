"""Terse follow-ups in a clinician's shorthand: "workup?", "differentials?", "CSF findings?", "steroids - mechanism?",
"antibodies tested?".

Why its own rule: such a fragment names an attribute of the subject under discussion, not a new subject. Read as an
ellipsis ("and dermatomyositis?"), it would replace the subject ("what is workup?") and lose the conversation;
read as an attribute, it asks the attribute of the carried subject ("What is the workup of paraneoplastic
cerebellar degeneration?"). The attribute nouns are the general words of clinical shorthand, not the article's.
"""

from __future__ import annotations

import re

# Attributes a clinician asks of a condition, test or treatment in one word.
ATTRIBUTES = frozenset(
    "workup work-up indication indications contraindication contraindications mechanism dose doses dosage dosing "
    "findings finding differential differentials ddx mimics mimic sensitivity specificity yield efficacy duration "
    "timeline frequency presentation features criteria course pathophysiology etiology aetiology epidemiology "
    "monitoring follow-up followup".split()
)
# Participles after a plural noun: "antibodies tested?" asks which of them are tested for the subject.
_PARTICIPLE = re.compile(r"^(?P<noun>[a-z][\w-]*s)\s+(?P<verb>tested|used|given|measured|checked|seen|involved|affected)$",
                         re.IGNORECASE)
_DASHED = re.compile(r"^(?P<subject>[\w][\w\s-]*?)\s*[-–—:]\s*(?P<attr>[\w-]+)$")


def _verb(noun: str) -> str:
    return "are" if noun.lower().endswith("s") and noun.lower() not in {"ddx", "sensitivity"} else "is"


def clinical_shorthand(fragment: str, topic: str) -> str | None:
    """The standalone question a shorthand fragment asks of `topic`, or None when it is no shorthand.

    "workup" -> "What is the workup of <topic>?"; "CSF findings" -> "What are the CSF findings of <topic>?";
    "steroids - mechanism" -> "What is the mechanism of steroids?" (the dash names its own subject);
    "antibodies tested" -> "Which antibodies are tested in <topic>?".
    """
    frag = fragment.strip().rstrip("?.! ")
    of = re.match(r"^(?:the\s+)?(?:[\w-]+\s+)?(?P<attr>[\w-]+)\s+of\s+(?P<rest>.+)$", topic, re.IGNORECASE)
    if of and of.group("attr").lower() in ATTRIBUTES:  # a chain of shorthand keeps the subject, not the last attribute
        topic = of.group("rest")
    dashed = _DASHED.match(frag)
    if dashed and dashed.group("attr").lower() in ATTRIBUTES:
        attr = dashed.group("attr")
        return f"What {_verb(attr)} the {attr} of {dashed.group('subject').strip()}?"
    participle = _PARTICIPLE.match(frag)
    if participle:
        return f"Which {participle.group('noun')} are {participle.group('verb')} in {topic}?"
    words = frag.split()
    if 0 < len(words) <= 2 and words[-1].lower() in ATTRIBUTES:
        return f"What {_verb(words[-1])} the {frag} of {topic}?"
    return None
