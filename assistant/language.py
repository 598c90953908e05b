"""Is the question in English? If not, which language is it in (so the reply can name it)?

Why two signals: language identifiers (py3langid here, a maintained port of langid.py) are
unreliable on a few sloppy words ("does diet help" scores as Dutch, "whats trousseau syndrome" as
French), and a question wrongly refused for its language is a question not answered. So a question
counts as another language only when py3langid (restricted to the languages below) finds that
language many times likelier than English, and the more of its words are English words (symspellpy's
frequency list), the likelier it must be (ODDS_BY_SHARE): short Polish or German shares words with
the English list ("co", "to", "was", "die"), and sloppy English or medical Latin fools the identifier.
Corpus terms, abbreviations and words built like drug or disease names (-itis, -mab ...) carry no
language signal and are not counted. Text mostly
in a non-Latin script (Cyrillic, Greek, Arabic, CJK, Devanagari, Hangul ...) is never English.

The language is named only when py3langid is reasonably sure (NAME_CONFIDENCE); otherwise the
reply says "a language other than English" rather than guessing a name.
"""

from __future__ import annotations

import re
import threading
import unicodedata

from rapidfuzz import fuzz, process
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Languages py3langid may answer with (restricting it avoids rare look-alikes such as Pidgin or Frisian).
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "tr": "Turkish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "ro": "Romanian",
    "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian", "sl": "Slovenian",
    "hi": "Hindi", "bn": "Bengali", "ur": "Urdu", "ta": "Tamil", "vi": "Vietnamese", "id": "Indonesian",
    "ms": "Malay", "tl": "Tagalog", "th": "Thai", "sw": "Swahili", "ca": "Catalan", "lt": "Lithuanian",
    "lv": "Latvian", "et": "Estonian",
}
NAME_CONFIDENCE = 0.7  # py3langid's normalised probability needed to name the language
# How many times likelier than English py3langid must find its best language before the question counts
# as that language, by the share of the question's words that are English words: the more English words,
# the surer it must be. On a few sloppy English words it is at most ~20x sure of something else ("i wanna
# die": Swahili), on medical Latin ~7x ("neuroblastoma opsoclonus": Czech); on real foreign questions it is
# 30x to 1000x sure ("Was ist PNS?", "tratamiento pns"), though only ~8x on short Turkish.
ODDS_BY_SHARE: tuple[tuple[float, float], ...] = ((0.75, 100.0), (0.5, 25.0), (0.0, 6.0))
NAME_TYPO_MIN = 6  # shorter surnames ('aly', 'said', 'lai') are too close to ordinary words in many languages
NAME_TYPO_CUTOFF = 85
FEW_WORDS = 2  # a question with this few words that carry a language needs FEW_WORDS_ODDS
FEW_WORDS_ODDS = 20.0
# Words built like drug or disease names are the same in every language: they carry no language signal.
_MEDICAL_WORD = re.compile(r"(?:mab|nib|mide|mycin|cillin|platin|taxel|itis|osis|emia|aemia|pathy|plegia|ectomy|"
                           r"algia|trophy|graphy|scopy|phil|phils|cyte|cytes|blast|blastoma)$")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

UNSUPPORTED_LANGUAGE_MESSAGE = (
    "Sorry, I can only answer questions written in English, and your question looks like it is written in {language}. "
    "Please ask it again in English, for example: \"What are paraneoplastic syndromes?\" or "
    "\"How are paraneoplastic syndromes treated?\" If this is a medical emergency, call your local emergency number "
    "(911 in the US, 112 in the EU, 999 in the UK) now."
)


@dataclass(frozen=True)
class LanguageGuess:
    """The verdict for one text: English or not, and the language's code and name where it is known."""

    english: bool
    code: str | None = None
    name: str | None = None
    confidence: float = 0.0
    english_share: float = 1.0


def unsupported_language_message(guess: LanguageGuess) -> str:
    """What a user is told when the question is not in English, naming the language when it is known."""
    return UNSUPPORTED_LANGUAGE_MESSAGE.format(language=guess.name or "a language other than English")


def non_latin_share(text: str) -> float:
    """The share of letters that belong to a script other than Latin."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(not unicodedata.name(c, "LATIN").startswith("LATIN") for c in letters) / len(letters)


class LanguageDetector:
    """Decides whether a question is English; loads py3langid's model on first need (about a second)."""

    def __init__(self, english_words: Iterable[str], neutral_words: Iterable[str] = (),
                 languages: Iterable[str] = tuple(LANGUAGE_NAMES), name_words: Iterable[str] = (),
                 model_cache: Path | None = None) -> None:
        """`english_words` say English; `neutral_words` (corpus names and terms: 'pns', 'varki', 'lambert',
        'paraneoplastic') are the same in any language and are not counted either way; `name_words` (the
        bibliography's surnames: 'jayarangaiah') are neutral misspelt too ('jayarangia'), since people
        rarely spell a foreign surname right. `model_cache` is where py3langid's model is kept unpacked
        (assistant/language_model.py); without it the packaged file is decompressed on every load."""
        self._known = frozenset(w.lower() for w in english_words)
        self._neutral = frozenset(w.lower() for w in neutral_words)
        self._names = sorted({w.lower() for w in name_words if len(w) >= NAME_TYPO_MIN})
        self._languages = list(languages)
        self._model_cache = model_cache
        self._identifier: object | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the identifier now rather than on the first non-English question."""
        self._load()

    def _load(self):  # -> py3langid.langid.LanguageIdentifier
        with self._lock:
            if self._identifier is None:
                from assistant.language_model import load_identifier

                self._identifier = load_identifier(self._languages, self._model_cache)
            return self._identifier

    def english_share(self, text: str) -> float:
        """The share of words that are English words, among those that carry a language (accented ones never are)."""
        words = self._language_words(text)
        if not words:
            return 1.0
        known = sum(w.isascii() and (w in self._known or w.replace("'", "") in self._known) for w in words)
        return known / len(words)

    def _language_words(self, text: str) -> list[str]:
        words = [w.lower() for w in _WORD.findall(text)]
        # two ASCII letters ('vs', 'ca', 'es', 'de') say too little alone; py3langid still reads them in context
        return [w for w in words if (len(w) > 2 or not w.isascii()) and w not in self._neutral
                and not _MEDICAL_WORD.search(w) and not self._misspelt_name(w)]

    def _misspelt_name(self, word: str) -> bool:
        """A word a typo away from a bibliography surname (rapidfuzz ratio >= NAME_TYPO_CUTOFF, 6+ letters)."""
        if len(word) < NAME_TYPO_MIN or not self._names or not word.isascii():
            return False
        return process.extractOne(word, self._names, scorer=fuzz.ratio, score_cutoff=NAME_TYPO_CUTOFF) is not None

    def identify(self, text: str) -> tuple[str, float]:
        """py3langid's best language code and its normalised probability."""
        code, confidence, _ = self.rank(text)
        return code, confidence

    def rank(self, text: str) -> tuple[str, float, float]:
        """py3langid's best language code, its probability, and the probability of English."""
        ranked = [(str(c), float(p)) for c, p in self._load().rank(text)]
        english = next((p for c, p in ranked if c == "en"), 0.0)
        return ranked[0][0], ranked[0][1], english

    def detect(self, text: str) -> LanguageGuess:
        """English unless few words are known AND the identifier names another language (see the module docstring)."""
        if non_latin_share(text) > 0.5:
            code, confidence = self.identify(text)
            if code == "en":  # a non-Latin script is never English: name it only when sure
                return LanguageGuess(False, None, None, confidence, 0.0)
            return self._foreign(code, confidence, 0.0)
        words = self._language_words(text)
        if not words:
            return LanguageGuess(True, "en", "English", 1.0, 1.0)
        share = self.english_share(text)
        code, confidence, english = self.rank(text)
        odds = confidence / max(english, 1e-9)
        needed = next(o for floor, o in ODDS_BY_SHARE if share >= floor)
        if share < 0.5 and len(words) <= FEW_WORDS:
            needed = max(needed, FEW_WORDS_ODDS)
        if code == "en" or odds < needed:
            return LanguageGuess(True, "en", "English", english, share)
        return self._foreign(code, confidence, share)

    @staticmethod
    def _foreign(code: str, confidence: float, share: float) -> LanguageGuess:
        named = confidence >= NAME_CONFIDENCE and code in LANGUAGE_NAMES
        return LanguageGuess(False, code, LANGUAGE_NAMES[code] if named else None, confidence, share)
