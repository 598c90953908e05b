"""What a question sets aside ("not the alternative ones", "besides X", "other than X", "except X", "that arent X"):
the list items naming it leave the answer and the rest of their list takes their place.

Why: the composer scores sentences by the question's words, and the words a question excludes are words it contains,
so "pns types except neurological" was answered with the neurological bullet alone, "tests that arent scans" with the
imaging bullet and "treatments that dont involve surgery or chemo" with the cancer-treatment bullet: exactly what was
set aside. The article answers such asks with lists (types, symptoms, tests, treatments, prognostic factors), and the
answer to "X except Y" is the rest of Y's list. So: only a shown bullet about an excluded alternative ("surgery or
chemo": either) is set aside, one whose label names it or half of whose examples are it (names_excluded); its list's
other bullets come in where it stood, or, where the answer also shows a parallel list under the same heading ("the
regular treatments, not the alternative ones"), that list whole; a shown sentence that reads after a set-aside one
("These strategies should be discussed ...") goes with it. A question whose answer shows no such bullet is left as
composed, so a "not" that excludes nothing shown changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.comparison import article_sentences, in_given_order
from assistant.points_back import leans_back
from assistant.sentences import content_terms
from assistant.word_forms import stem

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.sentences import SentenceBank
    from index.chunk_sentences import Sentence
    from index.models import Chunk

_NEGATED = r"(?:are\s+not|arent|aren't|is\s+not|isnt|isn't|do\s+not|dont|don't|does\s+not|doesnt|doesn't)"
# The cue that starts what is set aside, and the span it sets aside (up to the clause's end or the ask that follows).
EXCLUDES = re.compile(
    r"\b(?:except(?:\s+for)?|excluding|other\s+than|besides|beside|apart\s+from|aside\s+from|but\s+not|"
    r"not\s+(?:counting|including|asking\s+about|talking\s+about))\s+(?P<a>[^,.;:?!()]+)"
    r"|,\s*not\s+(?P<b>[^,.;:?!()]+)"
    r"|\b(?:that|which|ones)\s+" + _NEGATED
    + r"\s+(?:involve|include|about|in|for|from|related\s+to)?\s*(?P<c>[^,.;:?!()]+)"
    r"|\b(?P<k>(?:which|what)\s+\w+)\s+" + _NEGATED + r"\s+(?P<d>[^,.;:?!()]+)"
    r"|\bones\s+not\s+(?P<e>[^,.;:?!()]+)",
    re.IGNORECASE)
# Where the set-aside span ends: the ask that follows it ("besides steroids what else calms ...").
SPAN_END = re.compile(r"\b(?:what|whats|which|how|who|why|when|where|do|does|is|are|can|could|would|should|will|else|"
                      r"that|tho|though|pls|please)\b", re.IGNORECASE)
ALTERNATIVES = re.compile(r"\s*(?:\bor\b|\band\b|\bnor\b|/|&)\s*", re.IGNORECASE)
# Words of the asking, not of what is set aside ("the nerve ones", "the cancer treatment part").
WEAK = frozenset(stem(w) for w in "one ones thing things stuff part parts bit bits side sides kind kinds sort sorts "
                 "pns paraneoplastic syndrome syndromes usual normal regular the a an in".split())
ENUMERATION = re.compile(r",\s*(?:and\s+|or\s+)?")  # "Surgery, chemotherapy, radiation therapy, or targeted ..."
MAX_LABEL = 60  # characters a bullet's label can have ("Electromyography (EMG) and Nerve Conduction Studies")
PREFIX = 4  # letters a clipped word needs to name a longer one ("chemo": "chemotherapy")
LONG = 6  # letters a term needs to name a word it ends ("steroid")
MAX_LIST = 7  # the longest list whose rest is shown (the article's symptom families)


def _set_aside(question: str) -> list[tuple[int, int, str]]:
    """Each set-aside part of the question: (where its cue starts, where its span ends, the span)."""
    out = []
    for match in EXCLUDES.finditer(question):
        name = next(n for n in "abcde" if match.group(n) is not None)
        span = match.group(name)
        end = SPAN_END.search(span)
        span = span[:end.start()] if end else span
        out.append((match.end("k") if match.group("k") else match.start(), match.start(name) + len(span), span))
    return out


def excluded(question: str) -> list[frozenset[str]]:
    """The alternatives a question sets aside, each as its content stems ("treatments that dont involve surgery or
    chemo" -> [{surgeri}, {chemo}]); empty when it sets nothing aside."""
    out: list[frozenset[str]] = []
    for _, _, span in _set_aside(question):
        for alternative in ALTERNATIVES.split(span):
            terms = frozenset(t for t in content_terms(alternative) if t not in WEAK)
            if terms and terms not in out:
                out.append(terms)
    return out


def without_excluded(question: str) -> str | None:
    """The question with what it sets aside cut out ("which symptoms arent neurological" -> "which symptoms"), or None
    when it sets nothing aside. Why: the checks of what an answer leaves unsaid read the question's words, and the
    words set aside are the ones a right answer does not say."""
    if not excluded(question):
        return None
    kept, at = [], 0
    for start, end, _ in _set_aside(question):
        kept.append(question[at:start])
        at = end
    return re.sub(r"\s+", " ", " ".join([*kept, question[at:]])).strip(" ,")


def _names(term: str, word: str) -> bool:
    """A sentence word names a set-aside term: the same stem, the term clipped ("chemo", "neuro"), or a long term ending
    the word ("steroid": "corticosteroids")."""
    return (word == term or (len(term) >= PREFIX and word.startswith(term))
            or (len(term) >= LONG and word.endswith(term)))


def _named(text: str, alternatives: Sequence[frozenset[str]]) -> bool:
    """The text names every word of one set-aside alternative."""
    words = content_terms(text)
    return any(all(any(_names(t, w) for w in words) for t in terms) for terms in alternatives)


def _heading_named(heading: str, alternatives: Sequence[frozenset[str]]) -> bool:
    """The list's heading names a set-aside alternative, a clipped term of three letters included ("meds":
    "Conventional Medical Treatments"): a heading is a few words, so a short clip cannot find a stray one."""
    words = content_terms(heading)
    return any(all(any(_names(t, w) or (len(t) >= PREFIX - 1 and w.startswith(t)) for w in words) for t in terms)
               for terms in alternatives)


def names_excluded(sentence: "Sentence", alternatives: Sequence[frozenset[str]]) -> bool:
    """The bullet is about what is set aside: its label names it ("Alternative Medicine: ..."), or what is set aside
    makes up at least half of what it enumerates ("Imaging: MRI and CT scans ...", "Cancer Treatment: Surgery,
    chemotherapy, ..." for "surgery or chemo"). A bullet naming it as one example among more ("Skin Changes: Rashes,
    itching, or thickening ..." for "other than a rash"; "Commonly associated cancers include small cell lung cancer,
    breast cancer, ..." for "other than lung cancer") is the answer, not what is set aside."""
    if sentence.chunk.section_path and _heading_named(sentence.chunk.section_path[-1], alternatives):
        return True  # the whole list is what is set aside ("anything besides meds": the medical treatments)
    text = sentence.text.lstrip("-• ")
    label, colon, body = text.partition(":")
    if colon and len(label) <= MAX_LABEL and _named(label, alternatives):
        return True
    first = (body if colon else text).split(". ")[0]
    items = [x for x in ENUMERATION.split(first) if content_terms(x)]
    return bool(items) and 2 * sum(_named(x, alternatives) for x in items) >= len(items)


def _parent(section_id: str) -> str:
    """The heading a subsection stands under ("treatment-and-management/conventional-medical-treatments" ->
    "treatment-and-management"); a top-level section is its own."""
    return section_id.rsplit("/", 1)[0]


def _list_of(bullet: "Sentence", sentences: Sequence["Sentence"]) -> list["Sentence"]:
    """The bullets of the bullet's section, in article order: its list."""
    return [s for s in sentences if s.is_bullet and s.chunk.section_id == bullet.chunk.section_id]


def set_aside_excluded(question: str, composition: "Composition", bank: "SentenceBank",
                       chunks: Sequence["Chunk"]) -> "Composition":
    """The composition without the shown bullets naming what the question sets aside, each replaced by the rest of
    its list (module docstring); unchanged when the question sets nothing aside or no shown bullet names it."""
    from assistant.compose import Composition as Composed
    from assistant.quotes import render

    alternatives = excluded(question)
    if not alternatives:
        return composition
    shown = [s for q in composition.quotes for s in q.sentences]
    aside = [s for s in shown if s.is_bullet and names_excluded(s, alternatives)]
    if not aside:
        return composition
    sentences = article_sentences(bank, chunks)
    final = _replaced(shown, aside, sentences, alternatives)
    if not final or [s.text for s in final] == [s.text for s in shown]:
        return composition
    quotes = in_given_order(final)
    return Composed(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                    probability=composition.probability)


def _replaced(shown: Sequence["Sentence"], aside: Sequence["Sentence"], sentences: Sequence["Sentence"],
              alternatives: Sequence[frozenset[str]]) -> list["Sentence"]:
    """The shown sentences with the set-aside bullets (and a sentence reading after one) gone, and a list whole in
    their place: a parallel list (under the same heading) the answer still shows ("the regular treatments, not the
    alternative ones" shows the cancer-treatment bullet beside the alternative-medicine one: the conventional list is
    the one kept), else the set-aside bullet's own list ("pns types except neurological": the other types). No
    bullet about what is set aside comes in."""
    order = {s.text: i for i, s in enumerate(sentences)}
    gone = {s.text for s in aside}
    sections = {s.chunk.section_id for s in aside}
    parents = {_parent(x) for x in sections}
    kept_lists = {s.chunk.section_id for s in shown if s.is_bullet and s.text not in gone
                  and _parent(s.chunk.section_id) in parents} - sections  # a parallel list under the same heading
    if not kept_lists and all(names_excluded(x, alternatives) for x in sentences
                              if x.is_bullet and x.chunk.section_id in sections):
        kept_lists = _sibling_lists(sections, sentences)  # every item set aside: the lists beside it
    out: list[Sentence] = []
    for s in shown:
        before = order.get(s.text, 0) - 1
        if not s.is_bullet and leans_back(s.text) and before >= 0 and sentences[before].text in gone:
            gone.add(s.text)  # "These strategies ..." after the set-aside list item
            continue
        if s.text in gone and kept_lists:
            if not any(x.chunk.section_id in kept_lists for x in out):  # where the set-aside list stood
                out.extend(x for x in sentences if x.is_bullet and x.chunk.section_id in kept_lists
                           and not any(x.chunk.section_id == y.chunk.section_id for y in shown))
            continue
        listed = _list_of(s, sentences) if s.is_bullet and (s.text in gone or s.chunk.section_id in kept_lists) else []
        if not listed or len(listed) > MAX_LIST:
            listed = [] if s.text in gone else [s]
        out.extend(x for x in listed if x.text not in gone and (x is s or not names_excluded(x, alternatives)))
    final: list[Sentence] = []
    for s in out:
        if s.text not in {x.text for x in final}:
            final.append(s)
    return final


def _sibling_lists(sections: set[str], sentences: Sequence["Sentence"]) -> set[str]:
    """The bullet lists under the same heading as the set-aside lists, not themselves set aside ("Conventional Medical
    Treatments" set aside: "Integrative and Complementary Approaches"); each at most MAX_LIST items."""
    parents = {_parent(x) for x in sections}
    out = set()
    for s in sentences:
        if s.is_bullet and s.chunk.section_id not in sections and _parent(s.chunk.section_id) in parents \
                and s.chunk.section_id != _parent(s.chunk.section_id):
            out.add(s.chunk.section_id)
    return {x for x in out if sum(s.is_bullet and s.chunk.section_id == x for s in sentences) <= MAX_LIST}
