"""A follow-up asking how common the thing just discussed is ("how common is it", "is that rare") when no sentence
shown says how often of that thing: the article gives no frequency for it.

Why: the article says how often in words of a few things only (the condition is "rare", the clots are "often seen"
with two cancers, some symptoms are "unusual"). After "whats dermatomyositis", "how common is it" was rewritten to
"how common is dermatomyositis" and answered with the regional-occurrence sentences, which say how often
paraneoplastic syndromes in general are recognised, nothing of dermatomyositis. The subject is the noun phrase the
previous question asked about (assistant/topics.topic_of); the condition itself is left to the other checks, as the
article does say how common it is. A sentence answers only when it names every content word of the subject (by word
family) and says how often with a word of question_intent's frequency family, the list the composer reads too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.question_intent import family_of, says
from assistant.word_forms import family_in

if TYPE_CHECKING:
    from assistant.followup import FollowUp

# "how common/rare/often", "is it/that common", "how many people get it": the ask of a frequency.
FREQUENCY_ASK = re.compile(r"\bhow\s+(?:common|rare|often|frequent(?:ly)?|usual)\b|"
                           r"\b(?:is|are)\s+(?:it|that|this|they|those|these)\s+(?:very\s+|really\s+|super\s+)?"
                           r"(?:common|rare|usual|frequent)\b|\bhow\s+many\s+(?:people|patients)\b", re.IGNORECASE)
# The condition itself: the article says how common it is ("rare"), so its frequency is not this check's.
_CONDITION = re.compile(r"\b(?:pns|paraneoplastic|syndromes?|disease|disorders?|condition|cancers?|tumou?rs?|symptoms?|"
                        r"it|they|this|that)\b", re.IGNORECASE)


def frequency_unaddressed(own_words: str, context: "FollowUp", shown: str) -> list[str]:
    """["how common"] when the follow-up asks a frequency of the previous question's subject, a thing other than the
    condition, and no sentence shown names that subject and says how often (module docstring); else []."""
    from assistant.sentences import content_terms
    from assistant.topics import topic_of
    from corpus.sentence_split import rough_sentences

    ask = FREQUENCY_ASK.search(own_words)
    if ask is None:
        return []
    subject = topic_of(context.previous) or ""
    named = [w for w in re.findall(r"[a-z][a-z-]+", subject.lower()) if not _CONDITION.fullmatch(w)]
    terms = content_terms(" ".join(named))
    if not terms:
        return []
    frequency = family_of("frequency", "")
    for sentence in rough_sentences(shown):
        words = content_terms(sentence)
        if all(family_in(t, words) for t in terms) and says(frequency, sentence):
            return []
    return [ask.group(0).lower()]
