"""The learned emergency check: a logistic regression over sentence vectors and word n-grams, per sentence.

Why a model next to the rules: the rule table (assistant/safety_rules.py) names the phrasings it was
written for, and people describe an emergency in more ways than any table lists ("he's gone floppy",
"dad is out cold on the kitchen floor"). The bundled sentence model (the one the index already loads)
places such phrasings near the emergencies it was shown; word n-grams carry what a sentence vector
blurs: tense, question form and hedges ("had a seizure last year", "can pns cause", "is that lems").
The model only ever adds emergencies (it is OR-combined with the rules, which keep their names in the
flags), and its threshold was chosen for recall within a false-trigger budget on held-out data
(benchmarks/emergency_classifier.py, which writes the weights and says how they were measured).

Each sentence of a message is scored on its own, and so is the whole message: an emergency often sits
inside a long message about something else ("... anyway right now she is on the floor shaking"); a rambling
sentence of comma-joined news is also read clause by clause, the clauses that name an acute sign (`clauses`).

A distance gate bounds the model to what it knows: a linear model extrapolates, so a message unlike
anything it was trained on ("my cat is sick", a prompt-injection) can land far on the emergency side of
the hyperplane. A piece may fire only when its sentence vector is close enough (cosine >= min_similarity)
to one of the emergency pieces the model was trained on; those vectors ship as a float16 matrix and the
bound was chosen under grouped CV to keep out-of-fold recall (benchmarks/emergency_classifier.py).

Only arrays ship (assistant/data/emergency_model.npz, loaded with allow_pickle=False): no scikit-learn
and no pickle at question time. The weights record the sha256 of the data they were trained on; a test
recomputes it, so a bank edited without retraining fails.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.advice_framing import asks_advice
from assistant.mild_signs import without_denied_manner
from assistant.safety_framing import doubtful_part, doubtful_piece, names_acute_sign, reassures, without_denials
from assistant.writer_aside import aside_clauses
from assistant.writer_feelings import without_feelings

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = Path(__file__).resolve().parent / "data" / "emergency_model.npz"
FORMAT = 2
NGRAM_BUCKETS = 1 << 14
# a message of more pieces is scored whole and on its last ones: a long message tends to end with what is
# happening now ("... last thing, my dad is gasping for air"); max_question_chars bounds the count anyway
MAX_PIECES = 24
MIN_PIECE_WORDS = 2
# a typed sentence this long (rambling, not merely two clauses) is also scored clause by clause (the emergency check
# only): a rambling message strings its news together with commas ("weve had a terrible few months with appointments,
# the parking is a nightmare, but tonight he says his breathing is getting weaker"), and the sentence vector of the
# whole blurs the one clause that matters
LONG_SENTENCE_WORDS = 25
MIN_CLAUSE_WORDS = 3

Embed = Callable[[Sequence[str]], "Sequence[Sequence[float]]"]

# sentence ends: . ! ? ; and line breaks, but not the point inside "38.5"; a numbered list's items ("1) ... 2) ...")
_SENTENCE = re.compile(r"(?:[!?;\n]|\.(?!\d))+|\s(?=\d{1,2}[).]\s)")  # and before a numbered item: "... 3) my dad is ..."
# words that open a new topic inside one typed sentence: "... is that related also right now he is fitting"
_TOPIC_SWITCH = re.compile(r"\b(?:also|anyway|anyways|unrelated but|unrelated|btw|by the way|oh and|ps|but right now|"
                           r"and right now|right now|but now|meanwhile|update|just now|and now|oh no|"
                           r"while i (?:was |am )?(?:typing|writing|reading)|as i (?:type|write))\b")
_TOKEN = re.compile(r"[a-z0-9']+")
# a clause boundary inside one typed sentence: a comma not inside a number ("38,5") or a dash between words
_CLAUSE_BREAK = re.compile(r",(?!\d)|\s[-\u2013\u2014]+\s")
# a worried question about someone's own sign ("is it bad that hes blue", "should i worry that mum cant stand"): the
# question's n-grams ("is it", "should i") are those of general questions the model learnt to let through, so the
# clause after it is scored as a piece of its own when it opens on a person and names an acute sign
# (safety_framing.names_acute_sign: "is it normal that mum has lems and cant climb stairs" stays whole); "is it bad if
# he has a fit" supposes
_WORRY_ASK = re.compile(
    r"\b(?:is|isn't|isnt|would|could) (?:it|that|this) (?:be )?(?:\w+ )?(?:bad|serious|normal|ok|okay|dangerous|worrying|"
    r"concerning|urgent|an emergency|a problem|a bad sign|something to worry about) (?:that )?|"
    r"\b(?:should|do|must|shall) (?:i|we) (?:need to )?(?:be )?(?:worr(?:y|ied)|concerned|panic\w*) (?:that )?")
# a long-standing illness told after the sign ("... and shes had ovarian cancer for years"): its words pull the sentence
# vector towards the questions about the disease the model learnt to let through, so the sentence is scored without it too
_BACKGROUND = re.compile(
    r"(?:,\s*|\s+)(?:and\s+|but\s+|plus\s+)?(?:(?:he|she)(?:'s|s)?|(?:i|we|they)(?:'ve|ve)?)\s+"
    r"(?:has|have|had|got|(?:was|been) diagnosed with|is on \w+ for)\s+(?:got\s+|had\s+)?"
    r"(?:(?!\b(?:and|but|now)\b)[^,.;!?]){0,40}?\b(?:lems|lambert\w*|myasthen\w*|mg|cancer|tumou?r|\w+omas?|small cell|sclc|syndrome|copd|asthma|epilepsy|"
    r"diabetes|degeneration|\w+itis|neuropathy|dementia|parkinson\w*|ms|pns)\b(?:(?!\s(?:and|but|now)\b)[^,.;!?]){0,30}", re.IGNORECASE)
_SOMEONE = re.compile(r"(?:he|he's|hes|she|she's|shes|i|i'm|im|they|they're|we|my|his|her|our|their|the baby|baby|mum|mom|"
                      r"dad|nan|gran|grandad|grandma|grandpa)\b")


def pieces(text: str, drop_reassurances: bool = False) -> list[str]:
    """The whole message, its sentences, and the parts a topic-switching word opens, each with its denied signs
    cut out (assistant/safety_framing.without_denials); duplicates and reassurances ("he's not confused, just quiet",
    safety_framing.reassures) dropped. The emergency check (`drop_reassurances`) also reads a piece naming no acute sign
    without the writer's worry (assistant/writer_feelings.py).

    "what is lems? my dad cant breathe" -> [the whole, "what is lems", "my dad cant breathe"]; with `drop_reassurances`
    (the emergency check) also the clause a worried question asks about: "is it bad that hes blue" -> "hes blue".
    """
    text = text.strip()
    out: list[str] = [text] if text else []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip(" ,")
        out.append(sentence)
        for m in _TOPIC_SWITCH.finditer(sentence):
            # words on both sides: "my cat is having a seizure right now" gives no piece "right now" (p 0.72 alone)
            if len(sentence[: m.start()].split()) >= 3 and len(sentence[m.end():].split()) >= 2:
                out.append(sentence[m.start():].strip(" ,"))
        if drop_reassurances:  # the emergency check only: the personal-advice check reads the question whole
            out.extend(clauses(sentence) or aside_clauses(sentence))
            told = _BACKGROUND.sub("", sentence).strip(" ,")
            if told != sentence and len(told.split()) >= 2:  # "shes gone a funny colour and shes got myasthenia as well"
                out.append(told)
            out.extend(sentence[m.end():].strip(" ,") for m in _WORRY_ASK.finditer(sentence.lower())
                       if _SOMEONE.match(sentence.lower(), m.end()) and names_acute_sign(sentence[m.end():]))
    seen: set[str] = set()
    kept = []
    # "not confused, just quiet": no piece of its own for the emergency check (the personal-advice check reads it)
    reassured = [piece for piece in out if drop_reassurances and reassures(piece)]
    read = [without_denied_manner(without_denials(p)) for p in out if p not in reassured]
    if drop_reassurances:  # the writer's worry, cut from a piece naming no sign (a piece of worry alone is none)
        cut = [without_feelings(p) for p in read]
        reassured += [p for p, left in zip(read, cut) if not left]
        read = cut
    for piece in read:
        if len(piece.split()) >= MIN_PIECE_WORDS and piece.lower() not in seen:
            seen.add(piece.lower())
            kept.append(piece)
    if len(kept) > MAX_PIECES:
        kept = kept[:1] + kept[1 - MAX_PIECES:]
    return kept or ([text] if text and not reassured else [])


def clauses(sentence: str) -> list[str]:
    """The comma-separated clauses of a long typed sentence (LONG_SENTENCE_WORDS or more) that name an acute sign
    (safety_framing.names_acute_sign), each of MIN_CLAUSE_WORDS or more; none for a shorter sentence, whose vector
    already reads each clause. Why: the emergency in a rambling message is one clause among chatter joined by commas,
    and the checks after (doubt, denial, the thresholds) read each clause as they read a sentence. Why the sign: a
    clause cut from its sentence loses the context that made it harmless ("my dad is stable and at home, the
    oncologist is happy", p 0.64 alone), so only a clause that names a sign of its own is worth reading alone."""
    if len(sentence.split()) < LONG_SENTENCE_WORDS:
        return []
    return [c for c in (part.strip(" ,") for part in _CLAUSE_BREAK.split(sentence))
            if len(c.split()) >= MIN_CLAUSE_WORDS and names_acute_sign(c)]


def ngrams(text: str) -> list[str]:
    """Word 1-, 2- and 3-grams of the lower-cased text."""
    words = _TOKEN.findall(text.lower())
    return [" ".join(words[i: i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]


def ngram_features(text: str) -> dict[int, float]:
    """Binary n-gram presence hashed into NGRAM_BUCKETS (crc32: the same buckets in every process), L2-normalised."""
    buckets = {zlib.crc32(g.encode("utf-8")) % NGRAM_BUCKETS for g in ngrams(text)}
    if not buckets:
        return {}
    value = 1.0 / math.sqrt(len(buckets))
    return {b: value for b in buckets}


@dataclass(frozen=True)
class EmergencyModel:
    """sigmoid(w_vec . vector + ngram_scale * w_ngram . ngrams(text) + bias) per piece; kind by a softmax head."""

    vector_weights: "np.ndarray"
    ngram_weights: "np.ndarray"
    bias: float
    ngram_scale: float
    threshold: float  # for the whole message
    sentence_threshold: float  # for one sentence of a longer message: out of its context, it must be surer
    kind_weights: "np.ndarray"
    kind_bias: "np.ndarray"
    kinds: tuple[str, ...]
    emergency_vectors: "np.ndarray | None" = None  # unit vectors of the trained emergency pieces (float16 on disk)
    min_similarity: float = -1.0  # a piece farther than this from every one of them never fires
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def embedding_model(self) -> str:
        return str(self.meta.get("embedding_model", ""))

    def probability(self, text: str, vector: Sequence[float]) -> float:
        import numpy as np

        z = self.bias + float(np.dot(self.vector_weights, np.asarray(vector, dtype=np.float32)))
        z += self.ngram_scale * sum(self.ngram_weights[b] * v for b, v in ngram_features(text).items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def similarity(self, vectors: "np.ndarray") -> "np.ndarray":
        """Each vector's cosine to its nearest trained emergency piece (1.0 everywhere without the matrix)."""
        import numpy as np

        vectors = np.asarray(vectors, dtype=np.float32)
        if self.emergency_vectors is None or len(vectors) == 0:
            return np.ones(len(vectors), dtype=np.float32)
        from foundation.vectors import unit_rows

        return (unit_rows(vectors, np.float32) @ self.emergency_vectors.T).max(axis=1)

    def kind(self, vector: Sequence[float]) -> str:
        """Which emergency reply fits: 'self_harm' (a crisis line), 'overdose' (poison control too) or 'emergency'."""
        import numpy as np

        scores = self.kind_weights @ np.asarray(vector, dtype=np.float32) + self.kind_bias
        return self.kinds[int(np.argmax(scores))]


def load_emergency_model(path: Path = MODEL_FILE) -> EmergencyModel | None:
    """The committed model, or None when the file is absent or of another format (the rules still run)."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        meta = json.loads(str(arrays["meta"]))
        if meta.get("format") != FORMAT or arrays["ngram_weights"].shape != (NGRAM_BUCKETS,):
            return None
        return EmergencyModel(
            vector_weights=arrays["vector_weights"].astype(np.float32),
            ngram_weights=arrays["ngram_weights"].astype(np.float32),
            bias=float(meta["bias"]), ngram_scale=float(meta["ngram_scale"]), threshold=float(meta["threshold"]),
            sentence_threshold=float(meta["sentence_threshold"]),
            kind_weights=arrays["kind_weights"].astype(np.float32), kind_bias=arrays["kind_bias"].astype(np.float32),
            kinds=tuple(meta["kinds"]), emergency_vectors=arrays["emergency_vectors"].astype(np.float32),
            min_similarity=float(meta["min_similarity"]), meta=meta)
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Finding:
    """The piece of a message the model found to be an emergency, with its probability and kind."""

    piece: str
    probability: float
    kind: str


def find_emergency(model: EmergencyModel, text: str, embed: Embed, emergencies: bool = False) -> Finding | None:
    """The most probable emergency piece of `text` that clears its threshold (the whole message's, or the
    higher one for a sentence of a longer message) and lies within the distance gate, else None.

    All pieces are embedded in one batch (one forward pass for a one-sentence question). `emergencies` (the emergency
    check; the personal-advice check runs the same code on its own model without it) also skips a reassurance ("he's
    not confused, just quiet") and a personal ask about a treatment or a diagnosis naming no acute sign
    (assistant/advice_framing.asks_advice): what the personal-advice check is for.
    """
    parts = pieces(text, drop_reassurances=emergencies)
    if not parts:
        return None
    vectors = embed(parts)
    near = model.similarity(vectors)
    found = []
    for i, (piece, vector) in enumerate(zip(parts, vectors)):
        if near[i] < model.min_similarity or (doubtful_part(piece, parts[0]) if i else doubtful_piece(piece)):
            continue
        if emergencies and (asks_advice(piece) or (i and asks_advice(parts[0]) and not names_acute_sign(piece))):
            continue  # "does my son have it? hes 14 and keeps losing his balance": the part of a personal ask
        probability = model.probability(piece, vector)
        if probability >= (model.threshold if i == 0 else model.sentence_threshold):
            found.append((probability, piece, vector))
    if not found:
        return None
    probability, piece, vector = max(found, key=lambda f: f[0])
    return Finding(piece, round(probability, 4), model.kind(vector))
