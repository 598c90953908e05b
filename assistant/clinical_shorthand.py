"""Terse follow-ups in a clinician's shorthand: "workup?", "differentials?", "CSF findings?", "steroids - mechanism?",
"antibodies tested?".

Why its own rule: such a fragment names an attribute of the subject under discussion, not a new subject. Read as an
ellipsis ("and dermatomyositis?"), it would replace the subject ("what is workup?") and lose the conversation;
read as an attribute, it asks the attribute of the carried subject ("How is paraneoplastic
cerebellar degeneration diagnosed?" for a workup, "What are the CSF findings of ...?"). The attribute nouns are the general words of clinical shorthand, not the article's.
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
# The attributes that ask for a description of their subject, not a figure or a rule the article may lack ("criteria",
# "dose", "sensitivity" stay asks of their own): "derm findings in pns", "lp indication" ask about the subject, so the
# attribute noun is no unknown subject of its own (assistant/abstention.unknown_subject).
DESCRIBING_ATTRIBUTES = frozenset(
    "workup work-up indication indications findings finding differential differentials ddx mimics mimic presentation "
    "presentations features course etiology aetiology pathophysiology monitoring follow-up followup".split()
)
# Participles after a plural noun: "antibodies tested?" asks which of them are tested for the subject.
_PARTICIPLE = re.compile(r"^(?P<noun>[a-z][\w-]*s)\s+(?P<verb>tested|used|given|measured|checked|seen|involved|affected)$",
                         re.IGNORECASE)
_DASHED = re.compile(r"^(?P<subject>[\w][\w\s-]*?)\s*[-–—:]\s*(?P<attr>[\w-]+)$")
# A clinician's abbreviations of the attribute words ("dx workup?", "mgmt?", "tx?"): read as the words they stand for.
SHORT_FORMS = {"dx": "diagnosis", "tx": "treatment", "rx": "treatment", "mgmt": "management", "mx": "management",
               "sx": "symptoms", "sxs": "symptoms", "px": "prognosis", "assoc": "associated", "w/u": "workup"}
# A clinician's slashed shorthand ("w/u", "r/o", "f/u", "w/"): read as the words before anything else, because the
# texting shorthand would read its letters as words ("w/u" -> "w/you", "r/o" -> "are/o") and the speller cannot see a
# slash. The general forms of clinical notes, not the article's words.
SLASHED_FORMS = {"w/u": "workup", "r/o": "rule out", "f/u": "follow-up", "h/o": "history of", "c/o": "complaining of",
                 "s/p": "after", "w/o": "without", "b/c": "because", "d/t": "due to", "s/e": "side effects",
                 "n/v": "nausea and vomiting", "w/": "with "}
_SLASHED = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(SLASHED_FORMS, key=len, reverse=True))
                      + r")(?=[\s?.,!;:)]|$|(?<=/)\w)", re.IGNORECASE)


def expand_slashed_forms(text: str) -> tuple[str, list[tuple[str, str]]]:
    """`text` with a clinician's slashed shorthand written out ("w/u to r/o mimics" -> "workup to rule out mimics"),
    and the (typed, read) pairs; a slash between two words ("rehab/PT", "and/or") is left alone."""
    changes: list[tuple[str, str]] = []

    def read(m: re.Match[str]) -> str:
        word = SLASHED_FORMS[m.group(1).lower()]
        changes.append((m.group(1), word.strip()))
        return word

    out = _SLASHED.sub(read, text)
    return re.sub(r"\s{2,}", " ", out) if changes else out, changes


# "associated malignancy?": which of that kind of thing goes with the subject.
_ASSOCIATED = re.compile(r"^(?:the\s+)?associated\s+(?P<noun>[a-z][\w\s-]*)$", re.IGNORECASE)
# "how would you work that up", "how do they work it up": the workup of the subject, phrased as a verb.
WORK_UP = re.compile(r"\bwork(?:ing|s|ed)?\s+(?:it|that|this|them|him|her|these|those)\s+up\b|\bwork(?:ing)?\s+up\s+"
                     r"(?:for\s+)?(?:it|that|this|them)\b", re.IGNORECASE)


_ASPECT_WORDS = frozenset({"diagnosis", "treatment", "management", "symptoms", "prognosis"})  # what SHORT_FORMS gives
# "long term?", "outlook", "long-term outcome": the subject's outlook over time, asked in the words people type. Read
# as a new subject ("what helps long term?"), the fragment would drop the subject; the article words it "long-term".
_OUTLOOK = re.compile(r"^(?:the\s+|its\s+)?(?:long[\s-]?term|longterm|long run|outlook|life expectancy)"
                      r"(?:\s+(?:outlook|outcomes?|prognosis|effects?))?$", re.IGNORECASE)


def names_an_attribute(fragment: str) -> bool:
    """A one-word attribute of a subject ("outlook", "workup", "tx") or its long-term outlook ("long term"), typed
    without a question mark: still an elliptical follow-up, not a new subject. Not two words ("lems treatment"
    names its own subject)."""
    frag = expand_short_forms(fragment.strip().rstrip("?.! "))
    words = frag.lower().split()
    return bool(_OUTLOOK.match(frag)) or (len(words) == 1 and words[0] in ATTRIBUTES | _ASPECT_WORDS)


def copula(noun: str) -> str:
    """'is' or 'are' for an attribute noun: plural by its final s, but not the singular nouns that end in one."""
    return "are" if noun.lower().endswith("s") and noun.lower() not in {"ddx", "sensitivity", "diagnosis", "prognosis"} else "is"


def expand_short_forms(fragment: str) -> str:
    """The fragment with a clinician's abbreviations written out ("dx workup" -> "diagnosis workup")."""
    return " ".join(SHORT_FORMS.get(w.lower(), w) for w in fragment.split())


def work_up_question(question: str, topic: str) -> str | None:
    """'how would you work that up' -> 'How is <topic> diagnosed?' (workup_of); None when the question has no such verb."""
    return workup_of(topic) if WORK_UP.search(question) else None


def workup_of(topic: str) -> str:
    """The workup asked in the article's words: "How is <topic> diagnosed?".

    Why not "What is the workup of <topic>?": the article says "workup" once, in the sentence that a workup tells
    paraneoplastic syndromes from "these conditions", so that word found that sentence and the mimics sentence it
    points back to, not the tests the workup is made of ("Advanced Diagnostic Tests"; follow-up banks 9 and 10)."""
    return f"How is {topic} diagnosed?"


def clinical_shorthand(fragment: str, topic: str) -> str | None:
    """The standalone question a shorthand fragment asks of `topic`, or None when it is no shorthand.

    "workup" -> "How is <topic> diagnosed?"; "CSF findings" -> "What are the CSF findings of <topic>?";
    "steroids - mechanism" -> "What is the mechanism of steroids?" (the dash names its own subject);
    "antibodies tested" -> "Which antibodies are tested in <topic>?".
    """
    frag = expand_short_forms(fragment.strip().rstrip("?.! "))
    of = re.match(r"^(?:the\s+)?(?:(?P<mod>[\w-]+)\s+)?(?P<attr>[\w-]+)\s+of\s+(?P<rest>.+)$", topic, re.IGNORECASE)
    if of and (of.group("attr").lower() in ATTRIBUTES or (of.group("mod") or "").lower() == "associated"):  # a chain of shorthand keeps the subject, not the last attribute
        topic = of.group("rest")
    dashed = _DASHED.match(frag)
    if dashed and dashed.group("attr").lower() in ATTRIBUTES:
        attr = dashed.group("attr")
        return f"What {copula(attr)} the {attr} of {dashed.group('subject').strip()}?"
    associated = _ASSOCIATED.match(frag)
    if associated:
        noun = associated.group("noun")  # phrased so the subject stays the topic of the next turn
        return f"What {'are' if noun.lower().endswith('s') else 'is'} the associated {noun} of {topic}?"
    participle = _PARTICIPLE.match(frag)
    if participle:
        return f"Which {participle.group('noun')} are {participle.group('verb')} in {topic}?"
    if _OUTLOOK.match(frag):
        return f"What is the long-term outlook of {topic}?" if "long" in frag.lower() else f"What is the {frag} of {topic}?"
    words = frag.split()
    if len(words) == 1 and words[0].lower() in {"workup", "work-up"}:
        return workup_of(topic)
    if 0 < len(words) <= 2 and words[-1].lower() in ATTRIBUTES | _ASPECT_WORDS:
        return f"What {copula(words[-1])} the {frag} of {topic}?"
    return None
