"""Asks a follow-up adds that nothing answers: the support gate's checks of a follow-up turn (assistant/support_gate.py).

Why apart from the retrieval (assistant/followup.py): the gate asks one more thing of a follow-up (`unaddressed_ask`),
whether the article words its ask at all ("does it hurt", "is it contagious", "can my dog get it"); the rewrite
carries the subject, so the subject's passages look well supported although nothing answers the ask (follow-up
bank 4). Each check returns the words of the ask left unanswered, or [] when the article or the sentences shown answer it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.followup import POINTERS
from assistant.yes_no import YES_NO_FOLLOWUP, YES_NO_FOLLOWUP_SUBJECT
from corpus.sentence_split import rough_sentences

if TYPE_CHECKING:
    from assistant.followup import FollowUp

# Harms asked of a test or a treatment (here and in assistant/first_turn_asks.py), and the words that name the
# condition itself (carried_harm_unaddressed).
HARM = re.compile(r"\b(?:risks?|risky|dangers?|dangerous|downsides?|complications?|side[\s-]?effects?|adverse|harmful)\b")
_OF_A_TREATMENT = re.compile(r"side[\s-]?effects?|adverse")  # harms only a treatment or a test has
_CONDITION = re.compile(r"\b(?:pns|paraneoplastic|syndromes?|disease|disorders?|condition|cancers?|tumou?rs?)\b", re.IGNORECASE)
# Verbs that relate the subject to the ask ("does it cause hair loss", "does it affect the eyes"): the ask is their object.
_RELATIONS = frozenset("cause causes affect affects lead leads give gives make makes help helps mean means involve "
                       "involves".split())
_LEAD = r"^(?:(?:and|so|but|ok|okay|n)[,\s]+)?"
_POINTER_WORDS = r"(?:it|its|that|this|they|them|those|these|he|she|him|her|you|i|we|one|ones|there)\b"
# "what is the X ...", "whats the X", "what X ...": X is the aspect (after a figure: "whats the 5yr survival"); an
# auxiliary or pronoun next ("what does that
# do", "what would she notice") leaves the aspect to the verb, and "what about/if" is an ellipsis, not an aspect.
_WH_ASPECT = re.compile(_LEAD + r"(?:what|which)(?:\s+(?:is|are|was|were|r)\b|'s|s\b)?\s+(?!(?:about|if|else|do|does|did|"
                        r"can|could|would|will|should|may|might|is|are|was|were|has|have|had)\b|" + _POINTER_WORDS +
                        r")(?:(?:the|a|an|other|kind of|kinds of|type of|types of|sort of|\d[a-z0-9]*)\s+)*(?P<rest>[a-z][a-z\s-]*)")
# "how is X done", "how do steroids help": X is a new subject unless a pronoun stands there ("how does that happen").
_HOW_SUBJECT = re.compile(_LEAD + r"how\s+(?:is|are|was|were|do|does|did|can|could|would|will|r)\s+(?!" + _POINTER_WORDS +
                          r")(?:(?:the|a|an)\s+)?(?P<rest>[a-z][a-z\s-]*)")
# "any side effects", "are there any risks": the words after "any" are the aspect asked for.
_ANY_ASPECT = re.compile(_LEAD + r"(?:(?:are|is|r)\s+there\s+)?any\s+(?:(?:other|more)\s+)?(?P<rest>[a-z][a-z\s-]*)")
# "how much does it cost", "how fast do they work": the words after the measure say what is measured.
_HOW_MUCH = re.compile(_LEAD + r"how\s+(?P<rest>(?:much|many|long|often|fast|soon|quickly)\b.*)")
# Words that sit where an aspect would but ask for instances, people or the measure itself.
_NOT_AN_ASPECT = frozenset("examples example kinds kind types type sorts sort things thing ways options ones doctors doctor "
                           "docs physicians nurses people patients person someone much many long often".split())
SHARED_STEM = 5  # stems sharing this many leading letters are one word ('physio' ~ 'physical', 'genes' ~ 'genetic')


def unaddressed_ask(own_words: str, context: FollowUp, vocab: frozenset[str], stems: Iterable[str],
                    generic: frozenset[str], shown: str = "",
                    family: Callable[[str], Sequence[str]] | None = None) -> list[str]:
    """The words of a yes/no follow-up's ask when the corpus, or the sentences `shown` for it, use none of them.

    Why: "does it hurt" after "what is lambert eaton syndrome" is rewritten to "does lambert eaton syndrome hurt";
    every word but "hurt" is on topic, so the passages about the subject score as well supported and the answer
    shows them, although nothing in the article says whether it hurts. The ask ('hurt', 'contagious', 'dog') is
    what the turn adds, so words the previous turn already asked or showed ('itching' after the skin bullet) are
    the carried subject, not the ask. When the article, its sources and its bibliography never use any of its words (in any
    inflection: stems compared by their leading letters), the article cannot answer it; when they do but none of
    the sentences chosen for the answer does ("is it painful" after the spinal tap: 'pain' is only in the joint
    bullet), those sentences answer the subject, not the ask. A what/which/how follow-up is judged by its asked
    aspect alone (`aspect_unaddressed`): its other words are often verbs that name nothing ("how does that happen",
    "what decides that"), while a yes/no ask is a property of the subject. `generic` (the most frequent English words: "get", "have") and stopwords name
    nothing and are skipped. `family(word)`: the article's own word for an ask word it words otherwise ("fast":
    "rapidly", under the sentence model, as the triage's query gets it); a sentence shown that uses it addresses the
    ask ("do they come on fast" after the symptoms: "can rapidly progress").
    """
    from assistant.fragment_asks import fragment_unaddressed
    from assistant.frequency_asks import frequency_unaddressed
    from assistant.lay_terms import medical_words
    from index.lexical import is_stopword, tokenize

    if context.wants_others:  # "anything else?" names nothing: what is left to show decides (assistant/other_items.py)
        return []
    harm = (carried_harm_unaddressed(own_words, context, shown) or prevention_unaddressed(own_words, context, shown)
            or frequency_unaddressed(own_words, context, shown))  # 'how common is it' after a named syndrome
    if harm:
        return harm
    fragment = fragment_unaddressed(own_words, f"{context.previous} {context.previous_answer}", shown, stems, generic)
    if fragment:  # 'dialysis?': a bare noun phrase the article never words (assistant/fragment_asks.py)
        return fragment
    if not YES_NO_FOLLOWUP.match(own_words.strip()):
        return aspect_unaddressed(own_words, vocab, stems, generic)
    words = [w for w in re.findall(r"[a-z]+", context.ask.lower())
             if len(w) > 2 and w not in generic and not is_stopword(w)]
    words = [w for w in words if w not in _RELATIONS] or words  # 'cause hair loss': the ask is the hair loss
    carried = set(re.findall(r"[a-z]+", f"{context.previous} {context.previous_answer}".lower()))
    words = [w for w in words if w not in carried] or words  # 'is the itching contagious': the itching was shown
    if not words:
        return []
    words = [m for w in words for m in (medical_words(w) or [w])]  # 'is it curable': the article says 'recovery'
    stems = tuple(stems)
    unused = [w for w in words if w not in vocab and not any(same_stem(t, stems) for t in tokenize(w))]
    # the article's word for one the corpus never uses ('fast': 'rapidly'); a word it uses is looked for as it is
    kin = {w: tuple(family(w)) if family is not None and w in unused else () for w in words}
    unknown = [w for w in unused if not kin[w]]
    if len(unknown) == len(words):
        return unknown
    subject = YES_NO_FOLLOWUP_SUBJECT.match(own_words.strip().lower())
    if subject is not None and subject.group("subject") in unknown and not _acts_on_pointer(subject, own_words):
        return [subject.group("subject")]  # a new subject the corpus never names: nothing says whether it is needed
    said = tuple(tokenize(shown))
    if not said:
        return []
    if any(same_stem(t, said, inside=True) for w in words for t in tokenize(w)):
        return []
    return [] if kin_said_of_subject([k for w in words for k in kin[w]], context.previous, shown, generic) else words


def kin_said_of_subject(kin: Sequence[str], previous: str, shown: str, generic: frozenset[str]) -> bool:
    """A sentence shown uses one of the article's words for the ask (`kin`: "rapidly" for "fast") and a content word
    of the previous question, the subject under discussion ("Symptoms may be subtle initially but can rapidly
    progress" after "what symptoms does pns give").

    Why the subject too: the triage searches the family word beside the ask ("hurt (pain)"), so a sentence with it is
    found whatever the subject; only one that says it of what the conversation is about answers the ask ("does it
    hurt" after Lambert-Eaton finds the joint-pain bullet, which says nothing of Lambert-Eaton)."""
    from index.lexical import is_stopword, tokenize

    if not kin:
        return False
    subject = [t for w in re.findall(r"[a-z]+", previous.lower()) if len(w) > 3 and w not in generic
               and not is_stopword(w) and not _CONDITION.fullmatch(w) for t in tokenize(w)]
    for sentence in rough_sentences(shown):
        words = tuple(tokenize(sentence))
        if any(same_stem(t, words) for k in kin for t in tokenize(k)) and any(same_stem(t, words) for t in subject):
            return True
    return False


def _acts_on_pointer(subject: re.Match[str], own_words: str) -> bool:
    """The yes/no ask's subject is a verb's -ing form whose object points back ("does catching it early help",
    "would treating them help"): an action on the carried subject, not a new subject the article must name."""
    rest = own_words.strip().lower()[subject.end():]
    return subject.group("subject").endswith("ing") and re.match(r"\s+(?:it|them|that|this|those|these|him|her)\b", rest) is not None


def harm_said(shown: str, harm: str, names_subject: Callable[[str], bool]) -> bool:
    """Some sentence of `shown` (lowercased) says the asked harm, by its first four letters ('risk' ~ 'risks', not
    'harmful antibodies' for 'side effects'), and names the harm's subject by `names_subject`.

    Why one check: a first turn names the treatment ("side effects of ivig": assistant/first_turn_asks.py) and a
    follow-up carries it ("what are the risks of it": `carried_harm_unaddressed`); either way the ask is answered
    only by a sentence that says the harm next to its subject. How the subject is named is the caller's.
    """
    asked = harm[:4]
    return any(names_subject(sentence) and any(h[:4] == asked for h in HARM.findall(sentence))
               for sentence in rough_sentences(shown.lower()))


def carried_harm_unaddressed(own_words: str, context: FollowUp, shown: str) -> list[str]:
    """The harm asked of the previous turn's test or treatment ("what are the risks of it" after plasmapheresis)
    when no sentence shown names both the harm and that subject, else [].

    Why apart from the aspect check: the article words 'risk' (risk factors, "increased risk of blood clots") and
    'effects', so the harm looks addressed, but only of the condition; it never says what a test or a treatment
    risks. A harm asked of the condition itself ("what are the risks of it" after "what is pns") is a risk-factor
    question the article answers, so a subject that names the condition is left to the other checks.
    """
    from assistant.topics import topic_of

    harm = HARM.search(own_words.lower())
    topic = topic_of(context.previous)
    if harm is not None and _OF_A_TREATMENT.fullmatch(harm.group(0)) and topic is not None:
        topic = re.sub(_CONDITION, " ", topic).strip() or "treatment"  # side effects are a treatment's, never the condition's
    if harm is None or topic is None or _CONDITION.search(topic) or _CONDITION.search(own_words):
        return []
    head = re.sub(r"^(?:the|a|an)\s+", "", topic.lower()).split()[0]
    return [] if harm_said(shown, harm.group(0), lambda sentence: head in sentence) else [harm.group(0)]


_PREVENT = re.compile(r"\b(?:prevent\w*|avoid\w*|stop(?:ped|ping)? (?:it|them|that) from)\b")
_PREVENTION_WORD = re.compile(r"\b(?:prevent\w*|avoid\w*)\b")


def prevention_unaddressed(own_words: str, context: FollowUp, shown: str) -> list[str]:
    """The prevention asked of the subject ("can it be prevented", "how is it prevented") when no sentence shown
    prevents or avoids that subject, else [].

    Why: the article words 'prevent' of other things ("prevent immune attacks on healthy tissues", "avoid
    misdiagnosis"), so a prevention ask looks addressed while nothing says how the subject itself is prevented.
    The prevented thing is what follows the verb; it must be the ask's own words or the carried subject.
    """
    from assistant.topics import topic_of
    from index.lexical import is_stopword

    ask = _PREVENT.search(own_words.lower())
    if ask is None:
        return []
    named = {w for w in re.findall(r"[a-z]{3,}", _PREVENT.sub(" ", own_words.lower())) if not is_stopword(w)}
    topic = topic_of(context.previous) or ""
    named |= {w for w in re.findall(r"[a-z]{3,}", topic.lower()) if not is_stopword(w)}
    named |= {"paraneoplastic", "syndrome", "syndromes", "pns"} if not topic or _CONDITION.search(topic) else set()
    for sentence in rough_sentences(shown.lower()):
        for verb in _PREVENTION_WORD.finditer(sentence):
            after = re.findall(r"[a-z]+", sentence[verb.end():])[:4]
            if any(w[:5] == n[:5] for w in after for n in named):
                return []
    return [ask.group(0)]


def aspect_unaddressed(own_words: str, vocab: frozenset[str], stems: Iterable[str], generic: frozenset[str]) -> list[str]:
    """The asked aspect of a what/which/how follow-up when the corpus never words it, else [].

    Why not every word, as for a yes/no ask: a what/how follow-up's words are often a verb that names nothing
    ("how does that happen", "what would she notice first") or a word for instances ("what are examples of that"),
    and the article answers those. What such a follow-up asks for is a noun in a fixed place: the aspect after
    "what is the" / "what" / "any" ("whats the dose", "what are the side effects of them", "any side effects"),
    the thing measured after "how much/long/often" ("how much does it cost"), or a new subject between "how is"
    and its verb ("how is dialysis done for it"). When the article, its sources and bibliography never use that
    noun (stems compared as in `unaddressed_ask`), nothing in them answers the turn, however on topic the carried
    subject makes the passages look. A pronoun in the subject's place ("how does that happen") leaves no aspect.
    """
    from index.lexical import is_stopword, tokenize

    text = own_words.strip().lower()
    picked: list[str] = []
    for pattern, first_only in ((_WH_ASPECT, True), (_HOW_SUBJECT, True), (_HOW_MUCH, False), (_ANY_ASPECT, True)):
        m = pattern.match(text)
        if m is None:
            continue
        if pattern is _WH_ASPECT and re.match(r"[a-z]+\s+" + _POINTER_WORDS, m.group("rest")):
            break  # 'what decides that', 'what helps it': the word is a verb whose object points back
        # a frequent English word the corpus uses names its thing ('any research going on'); others name nothing
        words = [w for w in re.findall(r"[a-z]+", m.group("rest")) if len(w) > 2 and (w not in generic or w in vocab)
                 and not is_stopword(w) and not POINTERS.fullmatch(w)]
        if first_only:  # 'how do doctors confirm it', 'what are examples of that': no aspect in the aspect's place
            picked = words[:1] if words and words[0] not in _NOT_AN_ASPECT else []
        else:
            picked = [w for w in words if w not in _NOT_AN_ASPECT]
        break
    if not picked:
        return []
    stems = tuple(stems)
    unknown = [w for w in picked if w not in vocab and not any(same_stem(t, stems) for t in tokenize(w))]
    return unknown if len(unknown) == len(picked) else []


def same_stem(stem: str, stems: Sequence[str], inside: bool = False) -> bool:
    """`stem` is one of `stems`, shares SHARED_STEM leading letters with one, or one of 4+ letters starts the other
    (`inside`: or lies inside it, 'steroid' in 'corticosteroid')."""
    for other in stems:
        shared = len(os.path.commonprefix([stem, other]))
        if shared >= SHARED_STEM or (shared >= 4 and shared == min(len(stem), len(other))) or stem == other:
            return True
        if inside and len(stem) >= 4 and stem in other:
            return True
    return False
