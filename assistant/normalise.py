"""Turn a question as typed into the forms the safety rules and retrieval read.

Why before everything else: "he wont wake up" must reach the emergency rules as "he won't wake up",
"siezure" as "seizure", and "MS" must reach retrieval as "multiple sclerosis (MS)". Three steps, in
this order, each reported so the answer's flags can show what was changed (a clinician's slashed shorthand,
"w/u", "r/o", is written out first: assistant/clinical_shorthand.py):

1. apostrophes: curly and back-ticked quotes become "'", and dropped apostrophes of English
   contractions are restored ("wont", "cant", "isnt", "hes", "can t"), as are misplaced ones ("is'nt")
   and texting shorthand ("cnt"). Only contractions whose bare form is not an everyday word are
   listed: "its", "ill", "well", "were", "shell" and "id" are left alone;
2. typos: unknown words corrected to the closest corpus or safety word (assistant/spelling.py);
3. abbreviations: expanded from the corpus glossary (assistant/glossary.py), for retrieval only,
   as are two idioms the article only says in one word ("tell them apart" -> "distinguish them").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.clinical_shorthand import expand_slashed_forms
from assistant.glossary import Glossary
from assistant.spelling import Speller

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
# Contractions typed without their apostrophe. Grammar, not misspellings: each bare form below is not
# itself a common English word (so "its", "were", "well", "ill", "id", "shell", "hell" are absent).
CONTRACTIONS: dict[str, str] = {
    "wont": "won't", "cant": "can't", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "hasnt": "hasn't",
    "havent": "haven't", "hadnt": "hadn't", "couldnt": "couldn't", "wouldnt": "wouldn't",
    "shouldnt": "shouldn't", "mustnt": "mustn't", "aint": "ain't", "hes": "he's", "shes": "she's",
    "im": "I'm", "ive": "I've", "youre": "you're", "youve": "you've", "theyre": "they're",
    "theyve": "they've", "weve": "we've", "thats": "that's", "whats": "what's", "whos": "who's",
    "theres": "there's", "wheres": "where's", "hows": "how's", "couldve": "could've",
    "wouldve": "would've", "shouldve": "should've", "itll": "it'll", "theyll": "they'll",
    "youll": "you'll",
}
_CONTRACTION_RE = re.compile(r"\b(" + "|".join(sorted(CONTRACTIONS, key=len, reverse=True)) + r")\b(?!')", re.IGNORECASE)
# Texting shorthand: for the contractions ("cnt breathe", "dnt know") and the chat words a spelling corrector
# cannot reach (one or two letters, or digits): "can u get better from it" must read "you", not a topic "u".
SHORTHAND: dict[str, str] = {"cnt": "can't", "dnt": "don't", "u": "you", "ur": "your", "ya": "you", "pls": "please",
                             "plz": "please", "abt": "about", "bc": "because", "cuz": "because", "coz": "because",
                             "b4": "before", "thx": "thanks", "wat": "what", "wht": "what", "ppl": "people",
                             # "cud it be pns", "r they linked": a hurried diagnosis ask must reach the personal-advice
                             # rules as "could it be", "are they" (cud, wud and r are English words or letters a
                             # spelling corrector leaves alone).
                             "cud": "could", "cld": "could", "wud": "would", "wld": "would", "shud": "should",
                             "shld": "should", "shd": "should", "wd": "would", "r": "are", "bcos": "because", "becuz": "because",
                             "cn": "can", "wen": "when", "sum1": "someone", "some1": "someone", "any1": "anyone",
                             # a hurried follow-up ("n how r they found", "wat do u do for em") must reach the
                             # follow-up rewrite as words: "em" is its pronoun "them" (a leading "n": _LEADING_N)
                             "em": "them", "tho": "though", "wut": "what", "wot": "what", "hw": "how",
                             "wats": "what's", "da": "the", "dat": "that", "y": "why", "1s": "ones",
                             # an emergency typed in a hurry ("took all her meds 2day", "hlp m8 cnt breathe"): the
                             # safety rules read days and people as words
                             "2day": "today", "2nite": "tonight", "2night": "tonight", "tmrw": "tomorrow",
                             "2moro": "tomorrow", "hlp": "help", "m8": "mate", "bf": "boyfriend", "gf": "girlfriend",
                             "jus": "just", "nt": "not"}
# Shorthand that typed in capitals is an abbreviation or a letter instead ("EM", "N", "DA", "Y").
_LOWER_ONLY = frozenset({"em", "da", "y", "nt"})
# "n how r they found": a follow-up's opening "n" is its connective "and" ("rock n roll" keeps its "n").
_LEADING_N = re.compile(r"^(\s*)n(?=\s+\w)")
_SHORTHAND_RE = re.compile(r"\b(" + "|".join(sorted(SHORTHAND, key=len, reverse=True)) + r")\b(?!['.-])", re.IGNORECASE)
# "dyin 4 a coffee", "take him 2 the vet": a lone 4 or 2 before a determiner or an object pronoun is the preposition
# "for" / "to" (a count is never followed by one); "2 a day", "4 an hour" are rates, so a unit after a/an keeps the digit,
# and after a verb of taking ("took 4 the tablets") it stays a count, which the overdose rules read.
_SMS_PREPOSITION_RE = re.compile(
    r"(?<![\w.,:/x×-])(?<!took )(?<!taken )(?<!take )(?<!swallowed )(?<!had )(?<!ate )(?<!gave )(?<!given )([24])\s+(?=(?:the|my|his|her|our|their|your|ur|you|me|him|them|us|some|this|that|"
    r"an?(?!\s+(?:day|week|month|year|hour|hr|minute|min|night|morning|evening|time|dose|go|piece|pop)s?\b))\b)",
    re.IGNORECASE)
_SMS_PREPOSITION = {"4": "for", "2": "to"}
# "can t", "won t", "don t": an apostrophe typed as a space (phone keyboards).
_SPLIT_RE = re.compile(r"\b(can|won|don|isn|aren|doesn|didn|wasn|hasn|haven|couldn|wouldn|shouldn)\s+t\b", re.IGNORECASE)
# "is'nt", "does'nt", "ca'nt": the apostrophe one letter too early.
_MISPLACED_RE = re.compile(r"\b(is|are|was|were|do|does|did|has|have|had|could|would|should|must|ca|wo)'nt\b", re.IGNORECASE)


def restore_apostrophes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Straight apostrophes and restored contractions; returns the text and the (typed, restored) pairs."""
    text = text.translate(_QUOTES)
    changes: list[tuple[str, str]] = []

    def split(m: re.Match[str]) -> str:
        fixed = f"{m.group(1)}'t"
        changes.append((m.group(0), fixed))
        return fixed

    def join(m: re.Match[str]) -> str:
        word = m.group(1)
        fixed = CONTRACTIONS[word.lower()]
        if word.isupper() and len(word) > 1:
            fixed = fixed.upper()
        elif word[0].isupper():
            fixed = fixed[0].upper() + fixed[1:]
        changes.append((word, fixed))
        return fixed

    def misplaced(m: re.Match[str]) -> str:
        fixed = f"{m.group(1)}n't"
        changes.append((m.group(0), fixed))
        return fixed

    def shorthand(m: re.Match[str]) -> str:
        if m.group(1).lower() in _LOWER_ONLY and not m.group(1).islower():
            return m.group(0)
        fixed = SHORTHAND[m.group(1).lower()]
        changes.append((m.group(0), fixed))
        return fixed

    def preposition(m: re.Match[str]) -> str:
        fixed = _SMS_PREPOSITION[m.group(1)]
        changes.append((m.group(1), fixed))
        return fixed + m.group(0)[1:]

    text = _SPLIT_RE.sub(split, text)
    text = _MISPLACED_RE.sub(misplaced, text)
    text = _SHORTHAND_RE.sub(shorthand, text)
    text = _SMS_PREPOSITION_RE.sub(preposition, text)
    if _LEADING_N.match(text):
        changes.append(("n", "and"))
        text = _LEADING_N.sub(r"\1and", text, count=1)
    return _CONTRACTION_RE.sub(join, text), changes


# Idioms the article words differently, rewritten for retrieval only (the question shown is unchanged).
_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\btell\s+(.{1,60}?)\s+apart\b", re.IGNORECASE), r"distinguish \1"),
    (re.compile(r"\btell the difference\b", re.IGNORECASE), "distinguish"),
    # "can you get better from it" / "do people get well again": the article says "recover" / "recovery"
    (re.compile(r"\b(?:get|gets|getting|got|become|becomes)\s+(?:(?:completely|fully|totally|all)\s+)?(?:better|well)(?:\s+again)?\b", re.IGNORECASE), "recover"),
    # "what diseases can it look like", "can it be mistaken for MS": the article says "mimic"
    (re.compile(r"\b(diseases?|conditions?|illness(?:es)?|disorders?)\b(.{0,40}?)\blooks?\s+like\b", re.IGNORECASE), r"\1\2mimic"),
    (re.compile(r"\b(?:be\s+)?(?:mistaken|confused|mixed up)\s+(?:for|with)\b", re.IGNORECASE), "mimic"),
    # "why is it so hard to diagnose": the article says "difficult" / "challenging"
    (re.compile(r"\b(?:so\s+|very\s+|really\s+)?hard\s+to\b", re.IGNORECASE), "difficult or challenging to"),
    # "how often does pns happen", "how frequently is it seen": how common the condition is, which the article says in
    # words ("rare"), not a figure asked for
    (re.compile(r"\bhow\s+(?:often|frequently)\s+(?:does|do|is|are)\s+(it|this|pns|paraneoplastic\s+syndromes?|these\s+syndromes|"
                r"they)(?:\s*\([^)]{1,40}\))?\s+(?:happen|occur|develop|show\s+up|come\s+up|seen|found|diagnosed)\b", re.IGNORECASE),
     r"how common is \1"),  # an expansion's bracket ("pns" -> "paraneoplastic syndromes (pns)") is dropped with it
    # "does it go away after treatment": the article says symptoms "persist" after treatment, or that patients recover
    (re.compile(r"\b(?:go|goes|going|went)\s+away\b|\bclears?\s+up\b", re.IGNORECASE), "persist or recover"),
    # "what are the first signs", "early warning signs", "how does it start": the article says symptoms "may be subtle
    # initially"; kept as typed, "signs" reached "any signs of cancer" (what the doctor assesses), not the onset
    (re.compile(r"\b(?:first|earliest|early|initial)\s+(?:warning\s+)?(?:signs?|symptoms?)\b|\bwarning\s+signs?\b",
                re.IGNORECASE), "symptoms initially"),
    (re.compile(r"\b(how\s+(?:does|do)\s+(?:it|this|pns|they|paraneoplastic\s+syndromes?)(?:\s*\([^)]{1,40}\))?)\s+"
                r"(?:usually\s+|normally\s+|first\s+)?(?:start|begin)s?\b", re.IGNORECASE), r"\1 show symptoms initially"),
    # "are the symptoms permanent", "is it for life": the article says "lasting impairment" ("lifelong" it prints itself)
    (re.compile(r"\b(?:permanent(?:ly)?|for life|forever)\b", re.IGNORECASE), "lasting"),
    # "what if it isnt treated", "if you leave it": the article says symptoms "can rapidly progress" and that "timely
    # intervention improves outcomes"
    (re.compile(r"\b(?:is\s+not|isn't|not|never|goes|left|go)\s+(?:treated|untreated)\b|\buntreated\b|"
                r"\bwithout\s+(?:any\s+)?treatment\b|\b(?:leave|leaving)\s+it(?:\s+alone)?\b|\bdo(?:ing)?\s+nothing\b",
                re.IGNORECASE), "untreated (symptoms progress; timely intervention improves outcomes)"),
    # "if they find the cancer early", "does catching it early help": the article's word is "early diagnosis and
    # treatment" (kept as typed, "find ... early" reached "early detection" in the global-access paragraph)
    (re.compile(r"\b(?:find|finds|found|finding|catch|catches|caught|catching|detect|detects|detected|spot|spots|spotted)"
                r"\s+(?:\w+\s+){0,2}early\b", re.IGNORECASE), "treated early (timely intervention)"),
    # "how long do people live with it": the article gives no figure, but says what the outlook depends on
    (re.compile(r"\bhow\s+long\s+(?:do|does|can|will|would|could)\s+(?:\w+\s+){1,2}live\b(?:\s+with\s+(?:it|this|pns))?",
                re.IGNORECASE), "what is the outlook, do they survive"),
    # "does it run in families", "is it inherited", "can i pass it on to my kids": the article says some people "may be
    # genetically predisposed"
    (re.compile(r"\b(?:runs?|running)\s+in\s+(?:the\s+)?famil(?:y|ies)\b|\b(?:hereditary|inherited|inheritable)\b|"
                r"\bpass(?:ed|es)?\s+(?:it\s+)?(?:on|down)\b", re.IGNORECASE), "genetically predisposed"),
    # "does it go away after they remove the tumor", "once the cancer is gone": the article says "after cancer treatment"
    (re.compile(r"\b(after|once|when)\s+(?:(?:they|you|the\s+doctors?|the\s+surgeons?|we)\s+)?"
                r"(?:(?:remove[sd]?|removing|cut\s+out|get\s+rid\s+of|got\s+rid\s+of|operate\s+on)\s+(?:the\s+|his\s+|her\s+|my\s+)?"
                r"(?:tumou?rs?|cancer)|(?:take|takes|took|taking)\s+(?:the\s+|his\s+|her\s+|my\s+)?(?:tumou?rs?|cancer)\s+out|"
                r"(?:the\s+|his\s+|her\s+|my\s+)?(?:tumou?rs?|cancer)\s+(?:is|was|has\s+been|gets|got)\s+"
                r"(?:removed|gone|taken\s+out|cut\s+out))\b", re.IGNORECASE), r"\1 cancer treatment"),
    # "can it come back", "does it relapse": the article says some symptoms "may persist even after cancer treatment"
    (re.compile(r"\b(?:come|comes|coming|came)\s+back\b|\brelapses?\b|\brecurs?\b", re.IGNORECASE),
     "persist after treatment"),
    # "can you get it without cancer", "if there is no cancer": the article says symptoms may come before the cancer
    # is found, which is what it says about having the syndrome with no known cancer
    (re.compile(r"\b(?:without(?:\s+having)?|no|not having|never had|need|needs|require|requires|have to have)\s+(?:a\s+|any\s+)?(?:cancer|tumou?rs?)\b", re.IGNORECASE),
     r"\g<0> (symptoms before the diagnosis of cancer)"),
)


# "whats pns mean" is "what does pns mean": read as "what is ... mean", 'mean' would be the thing asked about.
_WHAT_IS_MEAN = re.compile(r"\bwhat(?:'s|’s| is)\s+(.{1,60}?)\s+mean(?=\s*(?:[?.!,]|$|\s+(?:in|exactly|for|to)\b))",
                           re.IGNORECASE)


def mend_what_mean(text: str) -> str:
    """'what's X mean' -> 'what does X mean' (the verb is 'mean', not 'is')."""
    return _WHAT_IS_MEAN.sub(r"what does \1 mean", text)


def rephrase_idioms(text: str) -> str:
    """'how do they tell them apart' -> 'how do they distinguish them' (the article's word)."""
    for pattern, replacement in _IDIOMS:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Normalised:
    """A question in its three forms, and what was changed to get them."""

    original: str
    text: str = field(metadata={"why": "apostrophes and typos fixed: what the safety rules and the follow-up rules read"})
    retrieval: str = field(metadata={"why": "`text` with abbreviations expanded: what retrieval searches for"})
    apostrophes: tuple[tuple[str, str], ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    expansions: tuple[tuple[str, str], ...] = ()

    def flags(self) -> list[str]:
        """One line per kind of change, for Answer.flags (empty when the question was used as typed)."""
        out: list[str] = []
        if self.corrections:
            out.append("typos corrected: " + ", ".join(f"{a} -> {b}" for a, b in self.corrections))
        if self.expansions:
            out.append("abbreviations expanded: " + ", ".join(f"{a} = {b}" for a, b in self.expansions))
        return out


class Normaliser:
    """Apostrophes, typos, abbreviations; one per corpus (it holds the corpus speller and glossary)."""

    def __init__(self, speller: Speller, glossary: Glossary) -> None:
        self.speller = speller
        self.glossary = glossary

    def normalise(self, question: str) -> Normalised:
        """The question with apostrophes restored, typos corrected and "what does X mean" mended, and its retrieval
        form with abbreviations expanded; each change is kept so that flags and tests can see what was read."""
        text, slashed = expand_slashed_forms(question)
        text, apostrophes = restore_apostrophes(text)
        text, corrections = self.speller.correct(text)
        corrections = [*slashed, *corrections]
        text = mend_what_mean(text)
        retrieval, expansions = self.glossary.expand(text)
        return Normalised(question, text, retrieval, tuple(apostrophes), tuple(corrections), tuple(expansions))
