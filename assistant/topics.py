"""What a question is about: the topic phrase a follow-up's pronoun or ellipsis refers back to.

Why rules: the embedded default has no language model, and the phrase must be testable and explainable
(it becomes part of Answer.standalone_question). The topic of a turn is the phrase it asks about
("What is X?", "How is X treated?", "What causes X?", "Is there X?", "Which X are used?", "my dad was
diagnosed with X"); a turn of several sentences is read from its last sentence back, and a phrase
about a person ("we watch", "my mom") is never a topic.
"""

from __future__ import annotations

import re

from assistant.aspects import ASPECT_RE, ASPECTS
from assistant.asked_words import BRACKETED
from corpus.sentence_split import rough_sentences

DEFAULT_TOPIC = "paraneoplastic syndromes"  # a turn that names no topic is about the article's subject
# Shared with the follow-up readers (conversation, ellipsis, previous_question, subject_switch): an auxiliary verb
# as a regex group, and the words that open a noun phrase.
AUX = r"(?:is|are|was|were|does|do|did|can|could|should|would|will|may|might|has|have|had)"
DETERMINERS = {"a", "an", "the", "some", "any", "these", "those", "this", "that", "my", "your", "their", "its"}
# Words that end a noun phrase: verbs, prepositions, adverbs and question fillers.
NP_STOP = {
    "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "can", "could", "should", "would",
    "will", "may", "might", "must", "has", "have", "had", "cause", "causes", "mean", "means", "affect", "affects",
    "involve", "involves", "work", "works", "help", "helps", "treat", "treats", "show", "shows", "lead", "leads",
    "look", "looks", "happen", "happens", "occur", "occurs", "develop", "develops", "need", "needs", "require",
    "requires", "include", "includes", "detect", "detects", "find", "finds", "pick", "belong", "belongs",
    "relate", "relates", "differ", "differs", "compare", "usually", "often", "typically", "commonly", "most",
    "really", "also", "mostly", "always", "still", "in", "on", "for", "with", "by", "to", "from", "at", "about",
    "as", "into", "than", "between", "during", "and", "or", "but", "so", "if", "when", "why", "how", "what",
    "which", "who", "where", "exactly", "actually", "a", "an", "the", "any", "like", "actually", "really",
    "mimic", "mimics", "resemble", "resembles", "though", "then", "too", "anyway", "please",  # chat fillers
    "make", "makes", "worse", "better",  # 'what makes the outlook worse': a verb and its complement
}

# A phrase about a person, or a pronoun, is never the topic ("what symptoms should we watch for").
_PERSON_START = re.compile(
    r"^(?:i|we|you|he|she|they|me|us|him|her|them|it|this|that|there|one|ones|someone|somebody|"
    r"my|our|your|his|their)\b", re.IGNORECASE,
)
_FILLER = re.compile(r"^(?:(?:and|but|so|also|ok|okay|then|please|thanks|thank you|i want to know|i'd like to know|"
                     r"(?:can|could|would) you(?= (?:tell|explain|describe)))[,\s]+)+", re.IGNORECASE)
# A clinician naming the condition: what they named is the topic, not the cancer named before it.
_MENTIONED = re.compile(
    r"\b(?:mentioned|suspects?|suspected|brought up|talked about|told us about|(?:thinks?|thought|said|says) "
    r"(?:it is|it's|it could be|it might be|(?:she|he|they|i) (?:has|have|might have|could have)))\s+(.+)$",
    re.IGNORECASE,
)
CARE_VERBS = r"treat|diagnose|detect|test for|manage|cure|prevent|recogni[sz]e|find|spot|check for|screen for"

# Participles that make a compound adjective with the word before them ('cancer associated', 'blood related').
_COMPOUND_PARTICIPLES = frozenset({"related", "associated", "induced", "mediated", "based", "linked", "driven"})


# Adjectives that follow the noun phrase a yes/no question asks about ("is it curable", "are lems reversible").
_PREDICATE_ADJECTIVE = re.compile(r"^(?:\w{3,}(?:able|ible)|contagious|hereditary|genetic|inherited|fatal|deadly|"
                                  r"dangerous|serious|painful|permanent|common|rare)$")


def _noun_phrase(words: list[str]) -> str:
    """The leading noun phrase of `words`: keep going until a verb, preposition or second determiner."""
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.lower().strip("?.!,;:")
        if out and (bare in NP_STOP or bare in DETERMINERS):
            break
        if not out and bare in NP_STOP - DETERMINERS:
            break
        compound = bare in _COMPOUND_PARTICIPLES and out and i + 1 < len(words)  # 'blood related syndromes'
        if len(bare) >= 4 and bare.endswith("ed") and bare not in {"need", "speed", "seed", "bleed", "feed"} and not compound:
            break  # a participle: "used", "mentioned", "caused"
        if out and _PREDICATE_ADJECTIVE.match(bare):
            break  # "are lems curable": the adjective is said of the phrase, not part of it
        out.append(w.strip("?.!,;:"))
        if w.endswith((",", "?", "!", ".", ";", ":")):
            break
    while out and out[0].lower() in DETERMINERS - {"a", "an", "the"}:
        out.pop(0)
    if out and out[-1].lower() in DETERMINERS:
        out.pop()
    return " ".join(out)


def _after_aspect(np: str) -> str:
    """'the symptoms of Trousseau syndrome' -> 'Trousseau syndrome'."""
    m = re.match(rf"^(?:the\s+)?(?:main\s+|common\s+|usual\s+|long-term\s+)?(?:{ASPECT_RE})\s+(?:of|for|in)\s+(.+)$", np, re.IGNORECASE)
    return m.group(1) if m else np


# A verb's -ing form that ends a topic phrase is the question's verb, not part of the thing ("how is the immune system
# doing that"): the light verbs only, as a noun's own -ing word stays ("skin thickening", "muscle swelling").
_LIGHT_GERUND = re.compile(r"(?<=\w)\s+(?:doing|going|getting|making|having|taking|working|happening|coming|causing|"
                           r"affecting|becoming|looking|trying)$", re.IGNORECASE)


def topic_of(question: str) -> str | None:
    """The phrase a standalone question is about, or None when no phrase can be found.

    A turn of several sentences ("my mom has lung cancer and they think she has pns. what symptoms
    should we watch for") is read from its last sentence back; a phrase about a person ("we watch",
    "my mom") is never a topic.
    """
    bracketed = BRACKETED.match(question.strip())
    if bracketed and re.search(r"\b(?:it|its|they|them|those|these|that|this)\b", bracketed.group("ask"), re.IGNORECASE):
        earlier = topic_of(bracketed.group("earlier"))  # 'whats the survival rate for those (which cancers ...)':
        if earlier:  # the pointer is the earlier question's subject, not 'the survival rate'
            return earlier
    sentences = rough_sentences(question.strip())
    for sentence in reversed(sentences or [question]):
        topic = _sentence_topic(sentence)
        topic = _LIGHT_GERUND.sub("", topic) if topic else topic  # 'the immune system doing' -> 'the immune system'
        bare = re.sub(r"^(?:the|a|an)\s+", "", topic or "", flags=re.IGNORECASE).lower()
        if topic and not _PERSON_START.match(topic) and bare not in ASPECTS:  # 'the prognosis' of what?
            return topic
    return None


_PREDICATE_PREPS = frozenset({"for", "in", "with", "to", "against", "at", "among", "on"})
# "what symptoms go with X", "which tests help in X": an aspect, a verb, a preposition, then the thing it is of.
_ASPECT_VERB_PREP = re.compile(r"^(?:which|what)\s+(?:the\s+)?(?:main\s+|usual\s+|common\s+)?(?P<aspect>[a-z]+(?:\s+factors)?)\s+"
                               rf"(?!{AUX}\b)"
                               r"[a-z]+\s+(?:with|in|for|of|from)\s+(?P<owner>.+)$", re.IGNORECASE)


def _sentence_topic(sentence: str) -> str | None:
    q = _FILLER.sub("", sentence.strip()).rstrip("?.! ")
    m = re.match(r"^(?:what|who)(?:\s+(?:is|are|was|were)|'s|'re)\s+(.+)$", q, re.IGNORECASE)
    if m:
        # "What is Trousseau syndrome" / "What are the symptoms of X" -> X; cut trailing clauses.
        return _noun_phrase_keep_of(_after_aspect(m.group(1)).split()) or None
    # 'what causes X', 'what makes the outlook worse' -> the outlook: the verb's object
    m = re.match(r"^(?:what|which)\s+(?:causes?|caused|triggers?|leads? to|is causing|makes?|affects?|changes?|"
                 r"influences?|decides?|determines?)\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(r"^how\s+(?:long|soon|quickly|fast)\s+(?:does|do|will|would|can|could)\s+it\s+take\s+(?:for\s+)?(.+?)\s+to\b",
                 q, re.IGNORECASE)
    if m:  # 'how long does it take for ivig to work' -> ivig ('it' is no subject there)
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^how\s+{AUX}\s+(?:you|they|doctors|we|one|i|people)\s+(?:{CARE_VERBS})\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^(?:which|what)\s+(?!{AUX}\b)(.+?)\s+{AUX}\s+(.+)$", q, re.IGNORECASE)  # not 'what does X do
    if m:
        return _focus_or_subject(m.group(1), m.group(2))
    m = _ASPECT_VERB_PREP.match(q)  # 'what symptoms go with trousseau syndrome': the aspect's owner is the topic
    if m and m.group("aspect").lower() in ASPECTS:
        found = _noun_phrase_keep_of(m.group("owner").split())
        if found and not _PERSON_START.match(found):
            return found
    m = re.match(r"^(?:which|what)\s+(.+)$", q, re.IGNORECASE)
    if m and not re.match(rf"^(?:which|what)\s+{AUX}\b", q, re.IGNORECASE):
        found = _noun_phrase(m.group(1).split())
        # 'which conditions mimic pns' -> conditions; a bare 'which cancers' has no verb: it names no topic
        if found and not _PERSON_START.match(found) and len(found.split()) < len(m.group(1).split()):
            return found
    m = re.match(r"^(?:is|are)\s+there\s+(?:any\s+|some\s+|other\s+)*(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    mentioned = [] if re.match(rf"^(?:what|how|why|when|where|which|who|{AUX})\b", q, re.IGNORECASE) else list(_MENTIONED.finditer(q))
    if mentioned:  # 'my mom has ovarian cancer and her doctor mentioned pns' -> pns
        return _noun_phrase_keep_of(mentioned[-1].group(1).split()) or None
    m = re.search(r"\b(?:diagnosed with|suffering from|living with|(?:has|have|had|got) (?:been told (?:he|she|they|i) (?:has|have) )?)\s*(.+)$", q, re.IGNORECASE)
    if m and not re.match(rf"^(?:what|how|why|when|where|which|{AUX})\b", q, re.IGNORECASE):
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^(?:what|how|why|when|where)\s+{AUX}\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase(m.group(1).split()) or None
    m = re.match(rf"^{AUX}\s+(.+)$", q, re.IGNORECASE)
    if m:
        words = m.group(1).split()
        if re.match(rf"^{_VERB_AUX}\b", q, re.IGNORECASE):
            return subject_before_verb(words) or None
        return _noun_phrase(words) or None
    m = re.match(r"^(?:tell me (?:more )?about|explain|describe|define)\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _after_aspect(_noun_phrase_keep_of(m.group(1).split())) or None
    return None


# The auxiliaries a main verb follows ("do they come on fast", "can lems patients recover"), not the copulas, whose
# predicate may be an adjective or a noun ("is it curable", "is a lumbar puncture used").
_VERB_AUX = r"(?:does|do|did|can|could|should|would|will|may|might|has|have|had)"
# Words after a verb that end its subject's phrase too ("do they go away", "does it come back").
_PARTICLES = frozenset({"away", "back", "off", "again", "fast", "quickly", "slowly", "suddenly", "gradually"})


def subject_before_verb(words: list[str]) -> str:
    """The subject of a question opened by a non-copula auxiliary: the noun phrase less its last word when that word
    is the question's main verb.

    Why: after "do/can/will ..." the subject is followed by a bare verb, and a verb the noun-phrase rules do not list
    ("come", "recover", "spread", "itch") was kept as part of the subject ("do pns come on fast" -> "pns come"), which
    a later pronoun then spliced into a verb phrase ("how is it treated" -> "How is pns come treated"). The last word
    is the verb exactly when the phrase did not stop at a listed verb: it stopped at a preposition, a determiner, a
    particle or the end, and a phrase of one word is the subject itself.
    """
    cut = list(words)
    for i, w in enumerate(words):
        if i and w.lower().strip("?.!,;:") in _PARTICLES:
            cut = words[:i]
            break
    phrase = _noun_phrase(cut).split()
    if len(phrase) < 2:
        return " ".join(phrase)
    following = cut[len(phrase)].lower().strip("?.!,;:") if len(cut) > len(phrase) else ""
    if following in NP_STOP and following not in DETERMINERS and not _PREPOSITION.match(following):
        return " ".join(phrase)  # 'can pns affect the kidneys': the phrase stopped at its verb
    if _PERSON_NOUN.match(phrase[0]):  # 'can people recover from it': no thing is the subject; what is asked of the
        return " ".join(phrase)        # people, their verb, stays with them for the next turn's pronoun, as before
    return " ".join(phrase[:-1])


_PERSON_NOUN = re.compile(r"^(?:people|persons?|patients?|someone|somebody|anyone|everyone|kids?|children|adults?|"
                          r"women|men|folks?)$", re.IGNORECASE)


# The listed words after which a verb still follows a phrase's last word: prepositions, conjunctions, question words
# and the fillers that end a question ("do they come on fast", "can it spread then"); not the adverbs that stand
# before a verb ("do the steroids actually help": the phrase stopped before its verb).
_PREPOSITION = re.compile(r"^(?:in|on|for|with|by|to|from|at|about|as|into|than|between|during|like|and|or|but|so|if|"
                          r"when|why|how|what|which|who|where|though|then|too|anyway|please|worse|better)$")


def _focus_or_subject(focus_words: str, rest_words: str) -> str | None:
    """The topic of "which/what <focus> <aux> <rest>": the subject after the auxiliary when a verb follows it, else the
    focus ("What symptoms can paraneoplastic syndromes cause" -> the subject; "Which tests are used" -> the focus).

    Why the predicate check: one word then a preposition is a predicate, not a subject: "what diet is best for pns" is about the diet
    ("and exercise?" after it asks the same of exercise, not "what diet is exercise for pns")."""
    focus = _noun_phrase(focus_words.split())
    rest = rest_words.split()
    subject = _noun_phrase(rest)
    predicate = len(rest) > 2 and subject == rest[0] and rest[1].lower() in _PREDICATE_PREPS
    if predicate:  # an aspect asked of something ("which treatment is best for lems") is about that thing
        return (focus if focus and focus.lower() not in ASPECTS else _noun_phrase(rest[2:])) or None
    if subject and len(rest) > len(subject.split()) and not _PERSON_START.match(subject):
        return subject
    return focus or None


# A keyword query's words that restate the condition or its relation to it, not the subject itself.
_KEYWORD_TAIL = frozenset({"paraneoplastic", "pns", "link", "links", "connection", "association", "syndromes"})
_KEYWORD_MAX_WORDS = 6
_CHAT = frozenset("ok okay thanks thank thx ty cool great nice yes yeah yep no nope sure hi hello hey bye sorry please "
                  "unrelated different question q anyway wow right fine good".split())


def keyword_topic(question: str) -> str | None:
    """The subject of a keyword query that topic_of reads none in ("hypercalcaemia paraneoplastic", "anemia from
    cancer", "cerebellar degeneration paraneoplastic what is it"): the noun phrase it opens with, before any question
    word, less a trailing aspect or restatement of the condition. None for a question (it opens with a question
    word or an auxiliary), chat ('ok thanks') or more than a few words. Only a conversation's first turn is read
    so (conversation.rewrite_followup): a later keyword turn is a follow-up's fragment ('long term?'), no subject."""
    from assistant.subject_switch import is_adverb

    q = _FILLER.sub("", question.strip()).rstrip("?.! ")
    if re.match(rf"^(?:what|how|why|when|where|which|who|whose|{AUX}|tell|explain|describe|define|list|give)\b", q, re.IGNORECASE):
        return None
    words = re.split(r"\s+\b(?:what|how|why|which|is|are)\b", q, maxsplit=1, flags=re.IGNORECASE)[0].split()
    if not words or len(words) > _KEYWORD_MAX_WORDS:
        return None
    phrase = _noun_phrase(words).split()
    while phrase and (phrase[-1].lower() in _KEYWORD_TAIL or phrase[-1].lower() in ASPECTS):
        phrase.pop()
    if any(w.lower() in _CHAT or is_adverb(w) for w in phrase):
        return None
    return " ".join(phrase) or None


def _noun_phrase_keep_of(words: list[str]) -> str:
    """Like _noun_phrase but allows 'X of Y' inside the phrase ('role of smoking')."""
    out: list[str] = []
    i = 0
    while i < len(words):
        part = _noun_phrase(words[i:])
        if not part:
            break
        out.append(part)
        i += len(part.split())
        if i < len(words) and words[i].lower() == "of":
            out.append("of")
            i += 1
            continue
        break
    if out and out[-1] == "of":
        out.pop()
    return " ".join(out)
