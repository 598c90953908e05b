"""The American spelling of a word typed in British spelling, by the regular correspondences between the two
("tumour" -> "tumor", "anaemia" -> "anemia", "oedema" -> "edema", "recognised" -> "recognized", "paralysed" ->
"paralyzed", "centre" -> "center", "catalogue" -> "catalog", "labelled" -> "labeled").

Why: the article is written in American English and many of its readers type British English. A British spelling
is a real English word, so the speller leaves it alone, and retrieval's few folded prefixes reach only the search:
the composer, which scores the article's sentences by the question's own words, then saw "tumour" share nothing
with "tumor", and "is it the tumour itself causing the problems" lost the sentence saying what the tumor secretes.
The correspondences are spelling rules, not a word list, so they cover words nobody listed ("haemorrhage",
"paediatrician", "hospitalised", "diarrhoeal"); the caller keeps only a candidate the corpus itself spells so.
"""

from __future__ import annotations

import re

# British -> American, each a regular spelling correspondence; a rule's context keeps it off words it does not
# concern ("four", "hour": "our" needs three letters before it; "shoe": "oe" needs a consonant or a final "a" after).
CORRESPONDENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[a-z]{3})our"), "or"),                                   # tumour, behaviour, colour
    (re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"),                               # anaemia, haematology, paediatric
    (re.compile(r"oe(?=[bcdfghjklmnpqrstvwxz]|a(?:l|s)?$)"), "e"),             # oedema, oestrogen, diarrhoea
    (re.compile(r"(?<=[a-z]{2})is(?=e[ds]?$|ing$|ation|er)"), "iz"),           # recognise, specialised, organisation
    (re.compile(r"(?<=[a-z])ys(?=e[ds]?$|ing$)"), "yz"),                       # analyse, paralysed
    (re.compile(r"(?<=[a-z]{2})([tb])re(?=s?$)"), r"\1er"),                    # centre, fibre, litre
    (re.compile(r"ogue(?=s?$)"), "og"),                                        # catalogue, analogue
    (re.compile(r"(?<=[a-z]{3}e)ll(?=ed$|ing$|er$)"), "l"),                    # labelled, travelled, modelling
)


def american_spellings(word: str) -> list[str]:
    """The word's American spellings that the correspondences give, every applicable rule at once first, then each
    alone (a word may need one rule but match another's context); empty when none applies. Lower case in and out."""
    together = word
    singles: list[str] = []
    for pattern, replacement in CORRESPONDENCES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            singles.append(changed)
            together = pattern.sub(replacement, together)
    candidates = [together, *singles] if singles else []
    return list(dict.fromkeys(c for c in candidates if c != word))
