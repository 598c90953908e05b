"""A first question typed as a clinician's note: a subject and the aspect asked of it, and no verb.

"pns symptoms?", "pns w/u", "lems prognosis", "CSF findings in PNS", "neuro sx in pns": the subject stands next to the
one word that asks, so nothing says what kind of answer is wanted. Searched as typed, the subject (spelled out by the
glossary) is most of the query and a framing sentence about the subject wins ("Paraneoplastic syndromes can present
with a wide range of symptoms ...") over the list the aspect names. Read as the question it stands for ("What are
the symptoms of pns?"), the aspect heads the question and the list rules (assistant/list_questions.py) see it.

Why structural and not a phrase table: the subject is any short form the glossary knows (or the article's own subject
phrase), the aspect any word of the aspect vocabulary (assistant/aspects.py) or the clinical attributes
(assistant/clinical_shorthand.py), the same words follow-up fragments are read with ("tx?" after a question).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.aspects import ASPECTS
from assistant.clinical_shorthand import ATTRIBUTES, copula, expand_short_forms, workup_of

# the asks that a workup answers: the article's "Diagnostic Procedures" tests, as "How is X diagnosed?" finds them
_WORKUP_WORDS = frozenset({"workup", "work-up", "diagnosis"})
_SUBJECT_PHRASE = re.compile(r"^paraneoplastic\s+syndromes?$", re.IGNORECASE)
# "<aspect words> in|of|for <subject>" ("CSF findings in PNS") or "<subject> <aspect words>" ("pns blood sx")
_ASPECT_OF = re.compile(r"^(?P<aspect>[\w/-]+(?:\s+[\w/-]+)?)\s+(?:in|of|for|with)\s+(?P<subject>[\w-]+(?:\s+[\w-]+)?)$",
                        re.IGNORECASE)
# (the subject one word, or the article's own subject phrase: "paraneoplastic syndrome symptoms" is "pns symptoms")
_SUBJECT_FIRST = re.compile(r"^(?P<subject>paraneoplastic\s+syndromes?|[\w-]+)\s*[-:]?\s+(?P<aspect>[\w/-]+(?:\s+[\w/-]+)?)$",
                            re.IGNORECASE)
# "ddx pns": one aspect word, then the subject
_ASPECT_FIRST = re.compile(r"^(?P<aspect>[\w/-]+)\s+(?P<subject>[\w-]+)$", re.IGNORECASE)
_ASK_WORDS = frozenset(ASPECTS) | ATTRIBUTES


def plural(aspect: str) -> str:
    """The aspect's plural where the aspect vocabulary has one ("treatment" -> "treatments", "therapy" -> "therapies").

    Why: a bare "pns tx" wants the treatments the article lists, and only a plural ask reads as a list question
    (assistant/list_questions.py); "What is the treatment of X?" found the section's framing sentences instead.
    """
    low = aspect.lower()
    for form in (low + "s", low[:-1] + "ies" if low.endswith("y") else ""):
        if form and form in _ASK_WORDS:
            return form
    return aspect


def terse_question(question: str, spell_out: Callable[[str], str | None]) -> str | None:
    """The question a verbless "<subject> <aspect>" first turn stands for, or None when it is not one.

    `spell_out(word)`: the long form of a short form the assistant knows ("pns" -> "paraneoplastic syndromes"), else
    None. The question is written with the long forms: the short form left in would be spelled out again by the
    glossary and once more by retrieval ("paraneoplastic syndromes (paraneoplastic syndromes)"), and the subject,
    standing twice, would outweigh the aspect this rewrite puts first.
    """
    text = re.sub(r"\s+", " ", question.strip().rstrip("?.! ")).strip()
    for pattern in (_ASPECT_OF, _SUBJECT_FIRST, _ASPECT_FIRST):
        m = pattern.match(text)
        if m is None:
            continue
        subject, aspect = m.group("subject"), expand_short_forms(m.group("aspect"))
        long_subject = spell_out(subject) if " " not in subject else None
        if not (_SUBJECT_PHRASE.match(subject) or (long_subject and long_subject.lower() not in _ASK_WORDS)):
            continue  # an aspect's own short form ("tx", "dx") names no subject
        # the asking word heads the phrase or qualifies its noun ("treatment options", "outlook long term")
        if aspect.split()[-1].lower() not in _ASK_WORDS and aspect.split()[0].lower() not in _ASK_WORDS:
            continue
        subject = spell_out(subject) or subject
        if aspect.lower() in _WORKUP_WORDS:
            return workup_of(subject)
        words = [spell_out(w) or w for w in aspect.split()]
        words[-1] = plural(words[-1])
        return f"What {copula(words[-1].split()[-1])} the {' '.join(words)} of {subject}?"
    return None
