"""Is the question in English? If not, which language is it in (so the reply can name it)?

Why two signals: language identifiers (py3langid here, a maintained port of langid.py) are
unreliable on a few sloppy words ("does diet help" scores as Dutch, "whats trousseau syndrome" as
French), and a question wrongly refused for its language is a question not answered. So a question
counts as English when three quarters of its words are words we know (English words from
symspellpy's frequency list, the corpus vocabulary, the glossary) or when py3langid, restricted to
the languages below, says English. Otherwise it is another language when fewer than half of its
words are known, or when py3langid is confident (short Polish or Dutch shares many words with the
English list: "co", "to", "jest", "is"). An unsure identifier (below UNSURE_CONFIDENCE) is trusted only
when no word at all is English: medical Latin and Greek fools it. Corpus terms and words built like
drug or disease names (-itis, -oma, -mab ...) carry no language signal and are not counted. Text mostly
in a non-Latin script (Cyrillic, Greek, Arabic, CJK, Devanagari, Hangul ...) is never English.

The language is named only when py3langid is reasonably sure (NAME_CONFIDENCE); otherwise the
reply says "a language other than English" rather than guessing a name.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

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
ENGLISH_SHARE = 0.75  # at least this share of known words: English, whatever the identifier says
FOREIGN_SHARE = 0.5  # below this share, the identifier's word decides; above it, only a confident one
FOREIGN_CONFIDENCE = 0.9
# An unsure identifier (below this) only counts when none of at least MIN_UNKNOWN_WORDS words is English:
# medical Latin and Greek ("retinopathia paraneoplastica", "erythema gyratum repens") fools it easily.
UNSURE_CONFIDENCE = 0.5
MIN_UNKNOWN_WORDS = 3
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
                 languages: Iterable[str] = tuple(LANGUAGE_NAMES)) -> None:
        """`english_words` say English; `neutral_words` (corpus names and terms: 'pns', 'varki',
        'paraneoplastic') are the same in any language and are not counted either way."""
        self._known = frozenset(w.lower() for w in english_words)
        self._neutral = frozenset(w.lower() for w in neutral_words) - self._known
        self._languages = list(languages)
        self._identifier: object | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the identifier now rather than on the first non-English question."""
        self._load()

    def _load(self):  # -> py3langid.langid.LanguageIdentifier
        with self._lock:
            if self._identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(self._languages)
                self._identifier = identifier
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
        return [w for w in words if (len(w) > 1 or not w.isascii()) and w not in self._neutral and not _MEDICAL_WORD.search(w)]

    def identify(self, text: str) -> tuple[str, float]:
        """py3langid's best language code and its normalised probability."""
        code, confidence = self._load().classify(text)
        return str(code), float(confidence)

    def detect(self, text: str) -> LanguageGuess:
        """English unless few words are known AND the identifier names another language (see the module docstring)."""
        if non_latin_share(text) > 0.5:
            code, confidence = self.identify(text)
            if code == "en":  # a non-Latin script is never English: name it only when sure
                return LanguageGuess(False, None, None, confidence, 0.0)
            return self._foreign(code, confidence, 0.0)
        share = self.english_share(text)
        if share >= ENGLISH_SHARE or len(self._language_words(text)) < 2:
            return LanguageGuess(True, "en", "English", 1.0, share)
        code, confidence = self.identify(text)
        unsure = confidence < UNSURE_CONFIDENCE and (share > 0 or len(self._language_words(text)) < MIN_UNKNOWN_WORDS)
        if code == "en" or (share >= FOREIGN_SHARE and confidence < FOREIGN_CONFIDENCE) or unsure:
            return LanguageGuess(True, "en", "English", confidence, share)
        return self._foreign(code, confidence, share)

    @staticmethod
    def _foreign(code: str, confidence: float, share: float) -> LanguageGuess:
        named = confidence >= NAME_CONFIDENCE and code in LANGUAGE_NAMES
        return LanguageGuess(False, code, LANGUAGE_NAMES[code] if named else None, confidence, share)
