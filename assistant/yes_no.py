"""How a yes/no question opens: the three readings the assistant uses, kept in one place.

Why three and not one: each reader was tuned on its own questions, and merging them would change answers (each
difference below decides some question). They live together so that a fourth is not written again, and so the
differences are stated rather than found by diffing regexes:

- `YES_NO_CLAIM` (list reading, compose): whether something holds ("can other kinds of cancer cause it too", "do
  all patients recover"), so a question that says "kinds" or "all" still gets one fact, not a list. Allows leading
  spaces and an "so"/"and"/"but" lead, also "should", "has", "have" and negated forms ("isnt", "don't"), and is not
  one when the auxiliary asks the reader or whether things exist ("are there other kinds", "can you list them").
- `YES_NO_FOLLOWUP` (follow-up reading): a property asked of the previous subject ("does it hurt", "ok is it
  contagious"), so also chat leads ("ok", "okay", "n") and "may"/"might"; only "is there ..." is excluded (it
  asks whether something exists). `YES_NO_FOLLOWUP_SUBJECT` is the same opening with the word after it.
- `YES_NO_OPENING` (triage): a bare auxiliary as the very first word, nothing before it and any word after it;
  it only decides whether an unknown word may borrow a family of the article's words, so it is the widest.
"""

from __future__ import annotations

import re

YES_NO_CLAIM = re.compile(r"^\s*(?:so\s+|and\s+|but\s+)?(?:can|could|do|does|did|is|are|was|were|will|would|should|has|have|"
                          r"isnt|arent|doesnt|dont|cant|isn't|aren't|doesn't|don't|can't)\s+(?!(?:there|u|you|ya|we)\b)",
                          re.IGNORECASE)

_FOLLOWUP_OPENING = (r"^(?:(?:and|so|but|ok|okay|n)[,\s]+)?(?:is|are|was|were|does|do|did|can|could|will|would|"
                     r"should|may|might)\s+")
YES_NO_FOLLOWUP = re.compile(_FOLLOWUP_OPENING + r"(?!there\b)", re.IGNORECASE)
# The word after the auxiliary when no pronoun stands there: a subject of its own ("is dialysis ever needed").
YES_NO_FOLLOWUP_SUBJECT = re.compile(_FOLLOWUP_OPENING + r"(?:(?:the|a|an)\s+)?(?P<subject>[a-z][a-z-]*)", re.IGNORECASE)

YES_NO_OPENING = re.compile(r"^(?:can|could|do|does|did|is|are|was|will|would|may|might)\b", re.IGNORECASE)
