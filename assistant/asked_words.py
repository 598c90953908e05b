"""What a follow-up asks itself, apart from what it carries from earlier turns: the text the support gate's figure
and unknown-term checks read (assistant/abstention.check_support).

Why: a follow-up is searched as a standalone rewrite, and the rewrite carries the earlier turn's words. When that
turn asked for a figure the article never gives ("whats the 5 year survival rate"), or named something the corpus
never uses ("how much ivig should my mom get, she weighs 60kg"), the follow-up inherits the refusal although it asks
something the article answers: "what affects it" becomes "what affects the 5 year survival rate" and is refused for
the figure; "what does ivig do though", searched with the earlier question in brackets, is refused for '60kg'.
So, for a follow-up that asks something of its own:

- a figure is asked only when the follow-up's own words ask for one ("how long does that take"), not when the
  subject its pronoun stands for names one: "what affects it" asks what affects survival, not a percentage;
- the earlier question added in brackets as search context (previous_question.with_previous) is no part of what is asked.

A follow-up that asks the previous question again (an ellipsis: "and in kids?", "what about the mri"; "why?", "tell me
more") asks for whatever that question asked, figures included, so its whole rewrite is read, as a first turn's is.
A pronoun's referent stays part of what is asked: "how does it work" after "what is rituximab" still names rituximab.

The rewrite itself drops a carried prognosis figure for the article's word for what it measures (`without_carried_figure`):
"what affects it" after "whats the 5 year survival rate" asks what affects the outlook, which the article answers
("The outlook for patients ... depends on several factors"); searched as "the 5 year survival rate", it finds the
sentence on smoking rates instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.triage import Triaged

# The earlier question a rewrite appended in brackets: '<ask> (<earlier question>)?' (previous_question.with_previous);
# topics.topic_of reads the same form. The earlier question may hold a bracket of its own: an abbreviation spelled out
# by the search text ("Are pns (paraneoplastic syndromes) the same for kids"); read as no bracket at all, the earlier
# question's group ('kids', refused there) was asked again by "and how do they treat that".
BRACKETED = re.compile(r"^(?P<ask>[^()]+?)\s*\((?P<earlier>(?:[^()]|\([^()]*\))+)\)\s*[?.!]*$")


@dataclass(frozen=True)
class Asked:
    """The texts the support gate reads for a turn: `terms` for names the corpus never uses and for groups of
    people, `figures` for a figure asked for."""

    terms: str
    figures: str


def asked_of(query: str, own: str, reasks_previous: bool) -> Asked:
    """What a turn whose searched `query` is a rewrite of the follow-up's `own` words asks (module docstring);
    a first turn (no `own` words) or a re-ask of the previous question is read whole."""
    if not own.strip() or reasks_previous:
        return Asked(terms=query, figures=query)
    bracketed = BRACKETED.match(query.strip())
    terms = bracketed.group("ask") if bracketed is not None and "(" not in own else query
    return Asked(terms=terms, figures=own)


def asked_in(query: str, triaged: "Triaged | None") -> Asked:
    """What a triaged turn searched as `query` asks itself (`asked_of`, with the follow-up's own words)."""
    from assistant.conversation import reasks_previous

    own = triaged.own_query if triaged is not None else ""
    return asked_of(query, own, bool(own) and reasks_previous(triaged.normalised.text))


# A figure that measures the outlook, as people ask for it: the article words what it measures as "the outlook".
_OUTLOOK_FIGURE = re.compile(
    r"\b(?:the\s+)?(?:(?:\d+|one|two|three|five|ten)[- ]?(?:year|yr)s?\s+)?(?:(?:survival|mortality|death|fatality)"
    r"(?:\s+rates?|\s+percentages?|\s+chances?)?|life expectancy|chances? of (?:survival|surviving))\b", re.IGNORECASE)


def without_carried_figure(standalone: str, own: str, reasks_previous: bool) -> str:
    """`standalone` with a prognosis figure its rewrite carried from an earlier turn (not typed in `own`) read as
    "the outlook" (module docstring); unchanged for a re-ask, which asks for the figure again."""
    if reasks_previous or _OUTLOOK_FIGURE.search(own):
        return standalone
    return _OUTLOOK_FIGURE.sub("the outlook", standalone)
