"""Aspect words: what a question asks about a condition (its treatment, tests, outlook) rather than what it is.

Why two vocabularies in one owner: they answer different questions and were tuned apart, so merging them would
change answers; they are kept side by side so the difference is stated, not rediscovered.

- `ASPECTS` (phrases, and `ASPECT_RE`, their alternation longest first): "the ASPECT of X" names X as the topic
  (assistant/topics.py), so it holds every noun that heads such a phrase, symptoms, causes and types included.
- `ASPECT_ASK` (stems): a question that asks an aspect of a named member syndrome is searched for its group
  (assistant/members.py). Not symptoms: the types bullet that names a member says what it does ("dermatomyositis,
  which causes muscle weakness and skin rashes"), so "symptoms of lems" keeps the bullet that names it. It takes
  verb forms ("treated", "how do you test") and "go away", which no topic phrase holds.
- `ASPECT_WORDS`: each word of the `ASPECTS` phrases ("risk", "factors"), built once for prefix checks.
"""

from __future__ import annotations

import re

# "the ASPECT of X": the topic is X.
ASPECTS = (
    "treatment", "treatments", "therapy", "therapies", "management", "diagnosis", "symptoms", "signs", "causes",
    "cause", "risk factors", "prognosis", "outlook", "outcomes", "outcome", "prevalence", "incidence", "tests",
    "testing", "cure", "complications", "types", "role", "effects", "side effects", "mechanism", "research",
)
ASPECT_RE = "|".join(sorted((re.escape(a) for a in ASPECTS), key=len, reverse=True))
ASPECT_WORDS = tuple(word for phrase in ASPECTS for word in phrase.split())

# Words that ask about an aspect of a condition rather than what it is (members.widen_member).
ASPECT_ASK = re.compile(r"\b(?:treat\w*|therap\w*|cur(?:e|es|ed|ing|able)|incurable|reversib\w*|manag\w*|test\w*|"
                        r"diagnos\w*|detect\w*|work ?ups?|outlook|prognos\w*|recover\w*|go away)\b", re.IGNORECASE)
