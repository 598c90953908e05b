"""Understand a question about the article's bibliography: which entries, and which of their fields.

Why a separate route: "Graber 2023 CONTINUUM paper - volume, issue and page range?", "Which references
are StatPearls chapters?" or "doi of the varki paper" are answered by the parsed bibliography
(corpus/bibliography.py), not by article passages: the article body never prints a volume or a DOI,
so retrieval can only fail on them. Three kinds of question are recognised here:

- fields of named entries ("doi of the varki paper", "who published the epidemiology chapter");
- selections ("which references are StatPearls chapters", "how many references are there",
  "which sources are from Rupa Health", "references from 2023");
- what the article cites for a subject ("what does the article cite for plasmapheresis",
  "references about lupus"), answered with the inferred section -> reference links.

Entries are found by scoring each one against the question's words: author surnames (typo-tolerant,
rapidfuzz), organisation authors, journal/site/publisher names, year and title words, each weighted by
how rare it is among the entries (IDF), so "statpearls" picks seven chapters and "varki" one paper.
Claim-attribution questions ("which source supports the lumbar puncture statement?") are left to the
passage answerer, which quotes the passage and names its related references.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from assistant.author_asks import NameIndex, author_ask
from assistant.bibliography_terms import asks_for_links, dated_extremes, fields_in, numbered_entries, spelled_entry_words
from assistant.glossary import defined_abbreviations, load_curated
from assistant.titled_concepts import entries_titled_after
from corpus.units import split_units

if TYPE_CHECKING:
    from corpus.models import Reference, ReferenceLink, Section

FIELDS: dict[str, str] = {
    "doi": r"\bdois?\b|\bdigital object identifier\b",
    "url": r"\b(?:urls?|links?(?!\s+(?:between|with|to (?:cancer|pns|paraneoplastic)))|web ?address(?:es)?|web ?pages? address|where (?:can|could|do) i (?:find|read|get))\b",
    "volume": r"\bvol(?:ume)?s?\b",
    "issue": r"\bissues?\b|\bissue number\b",
    "pages": r"(?<!web )\bpages\b(?! (?:are|is) cited)|\bpage ?(?:range|numbers?)\b|\bpp\b|\b(?:which|what) pages?\b",
    "publisher": r"\bpublisher\b|\bpublished by\b|\bwho published\b|\bpublishing house\b",
    "container": r"\b(?:journal|published in|which (?:website|site|book|magazine)|what (?:website|site|book|magazine)|where (?:was|is|were) (?:it|this|that|they) published)\b",
    "year": r"\b(?:what|which) year\b|\bwhen (?:was|were|did)\b|\bpublication (?:year|date)\b|\bhow (?:old|recent)\b|\bdate\b",
    "authors": r"\bwho (?:wrote|are the authors|is the author|authored)\b|\bauthors?\b|\bwritten by\b|\bwrote\b",
    "title": r"\btitles?\b|\bwhat is (?:it|the (?:\w+ )?(?:paper|chapter|article|study)) called\b",
    "type": r"\bwhat (?:kind|type|sort) of (?:source|reference|publication|paper|entry)\b",
}
_FIELD_RES = {name: re.compile(p, re.IGNORECASE) for name, p in FIELDS.items()}
ENTRY_WORDS = r"(?:references?|page|web ?pages|refs?|sources?|entries|entry|citations?|chapters?|papers?|articles?|studies|study|works?|publications?|bibliography|reviews?|pieces?|write-?ups?|reference list)"
SELECTION = re.compile(
    rf"\b(?:which|what|list|name|show|give|how many|any|all|every|(?:number|count|total) of)\b[^?.!]{{0,40}}\b{ENTRY_WORDS}\b|\b{ENTRY_WORDS}\b[^?.!]{{0,20}}\b(?:are|were)(?: any| all| some| none)?(?: of them)? (?:from|by|in|on)\b"
    rf"|\b{ENTRY_WORDS}\s+(?:from|by|(?:published|written|dated) (?:in|by|before|after|since))\b"
    rf"|\b{ENTRY_WORDS}\s+(?:(?:older|newer|earlier|later) than|before|after|since|prior to)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# "work" as a verb ("does it work for nerve symptoms", "how do they work") names no entry of the bibliography.
_VERB_WORK = re.compile(r"(\b(?:it|they|that|this|these|those|to|not)|\b(?:do|does|did|will|would|can|could|might|may)\b"
                        r"(?:\s+[\w-]+){0,3}?)\s+(?:really\s+|still\s+|even\s+|actually\s+)?works?\b"
                        # ... and after an adverb of its own ("which supplements actually work for pns")
                        r"|(\s+(?:really|actually|truly|even))\s+works?\b", re.IGNORECASE)
# Fields only an entry has: "url lambert eaton" names the entry by its title words alone ("issue", "pages",
# "where can I read" also ask about the subject: "what issues does lupus cause").
_BIBLIOGRAPHIC_FIELDS = frozenset({"doi", "volume", "publisher"})
_URL_WORD = re.compile(r"\burls?\b", re.IGNORECASE)
MAX_NAMED = 3  # more entries than this sharing the best score is a selection ("the StatPearls chapters"), not a name
# "the article" / "this article" is the main article, never an entry of its bibliography.
_MAIN_ARTICLE = re.compile(r"\b(?:the|this|your|that) (?:main |original |rupa health )?article(?:'s)?\b", re.IGNORECASE)
# ... and so is a bare "the paper" / "the review" that says, describes or explains something ("how does the paper
# describe lambert eaton", "what does the source say about diet"): an entry is named by its own words ("the varki paper").
_MAIN_DOCUMENT = re.compile(
    r"\b(?:according to |in )?(?:the|this|your|that) (?:paper|review|text|piece|source|report|write-?up|page)"
    r"(?= (?:says?|said|describes?|described|mentions?|explains?|talks?|covers?|tells?|states?|puts?|calls?|defines?)\b)",
    re.IGNORECASE)
# An entry word that points at one entry follows a determiner ("the ivig chapter", "that varki paper"); "a nerve
# conduction study", "what blood studies are done" or "imaging studies" name a test, not a reference. Words that
# only ever mean an entry ("reference", "source", "citation") need no determiner: "immunotherapy reference?".
_POINTED_ENTRY = re.compile(rf"\b(?:the|that|this|those|these|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,4}}?{ENTRY_WORDS}\b"
                            rf"|\b{ENTRY_WORDS}\s+(?:on|about|by|from)\b"
                            r"|\b(?:references?|refs?|sources?|citations?|bibliography|reference list)\b", re.IGNORECASE)
COUNT = re.compile(r"\bhow many\b|\b(?:number|count|total) of\b", re.IGNORECASE)
ALL = re.compile(rf"\b(?:all|every|how many|list|(?:number|count|total) of)\b|\bbibliography\b|\breference list\b"
                 rf"|\b(?:what|which) (?:are|were) (?:the|its|their) {ENTRY_WORDS}\b|\b(?:what|which) {ENTRY_WORDS}\b[^?.!]*\b(?:use|uses|used|cite|cites|cited|list|lists|have|has|draw on|rely on)\b", re.IGNORECASE)
CITES_FOR = re.compile(
    rf"\b(?:cite[sd]?|citing|references?|refs?|sources?|(?:papers?|studies|articles?|chapters?))\s+(?:for|on|about|regarding|covering|related to|linked to|dealing with)\s+(?P<x>[^?.!]+)"
    rf"|\b(?:which|what)\s+{ENTRY_WORDS}\s+(?:covers?|discuss(?:es)?|(?:is|are) about|deals? with|talks? about)\s+(?P<y>[^?.!]+)",
    re.IGNORECASE,
)
# Claim attribution goes to the passage answerer (it quotes the passage the claim is in) ...
CLAIM = re.compile(r"\b(?:supports?|backs?|backing|says?|statement|claim|come from|comes from|evidence for)\b", re.IGNORECASE)
# ... but "which references support skin manifestations" names a subject, not a claim: it is what the article
# cites for the subject. An object with a claim word or a verb ("the statement that ...", "ivig is effective") stays a claim.
SUPPORTS_SUBJECT = re.compile(
    rf"\b(?:which|what|any)\s+{ENTRY_WORDS}\s+(?:supports?|back(?:s)?(?: up)?|covers?)\s+(?P<z>[^?.!]+)", re.IGNORECASE)
CLAIM_OBJECT = re.compile(r"\b(?:statements?|claims?|sentences?|parts?|bits?|lines?|ideas?|points?|facts?|that|this|"
                          r"descriptions?|description|explanations?|definitions?|passages?|paragraphs?|sections?|text|mentions?|"
                          r"says?|said|is|are|was|were|can|could|does|do|did|causes?|helps?|works?)\b", re.IGNORECASE)
TYPE_FILTERS: dict[str, str] = {
    "book_chapter": r"\b(?:book )?chapters?\b|\bbooks?\b",
    "journal_article": r"\bjournal (?:articles?|papers?)\b|\b(?:from|in) (?:\w+ )?journals\b|\bpeer[- ]reviewed\b|\bscientific papers?\b",
    "web_page": r"\bweb ?(?:pages?|sites?)\b|\bonline (?:articles?|pages?)\b|\bblog(?: posts?)?\b",
}
_TYPE_RES = {name: re.compile(p, re.IGNORECASE) for name, p in TYPE_FILTERS.items()}
HAS_DOI = re.compile(r"\b(?:have|has|with|carry|carries|give|gives)\s+(?:a |an )?dois?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_AFTER = re.compile(r"\b(?:after|since|newer than|later than)\s+(19\d\d|20\d\d)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|older than|earlier than|prior to)\s+(19\d\d|20\d\d)\b", re.IGNORECASE)
# Words that say what is asked, not which entry: never used to find one.
_QUERY_WORDS = frozenset(
    "a an the of in on for to and or is are was were be by with from at it its this that these those what which "
    "who whom whose when where how many much any all every list name show give me tell i you do does did can could "
    "please article articles paper papers study studies chapter chapters reference references ref refs source sources "
    "entry entries citation citations cite cites cited bibliography work works publication publications journal "
    "journals doi dois url urls link links volume vol issue issues page pages range pp publisher published publish "
    "year date title author authors wrote written called kind type sort there about get find read have has had "
    "number its their one ones book books web website site online".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z]+)?")
# A study that is done, needed or ordered is a medical test ("what studies are needed to rule out ms"), not an entry.
_DONE_STUDY = re.compile(r"\bstud(?:y|ies)\s+(?:\w+\s+)?(?:are|is|were|was|do|does|get|gets)?\s*(?:\w+\s+)?"
                         r"(?:needed|done|used|required|performed|ordered|run|recommended|involved|taken|carried out)\b",
                         re.IGNORECASE)
_STUDY_TERM = re.compile(r"\b([a-z]+)\s+stud(?:y|ies)\b", re.IGNORECASE)


@dataclass(frozen=True)
class BibliographyQuery:
    """What a bibliography question asks: the kind, the entries it points at, and the fields wanted."""

    kind: str  # 'fields' | 'selection' | 'cites_for' | 'absent' (a writer or source the bibliography lacks: `subject`)
    reference_ids: tuple[str, ...]
    fields: tuple[str, ...] = ()
    count: bool = False
    subject: str | None = None
    filters: tuple[str, ...] = field(default=(), metadata={"why": "what selected the entries, for the answer's wording"})


def _surname(author: str) -> str:
    return author.split(",")[0].strip().lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def unit_topics(sections: Sequence["Section"], links: Sequence["ReferenceLink"]) -> dict[str, set[str]]:
    """Reference id -> the words of the article sentences that name one of its link terms.

    Why: a link says which section an entry relates to and by which terms ('pemphigus'); the sentence holding
    the term says what it is about ('Skin Changes: Rashes, itching ... pemphigus'), so "any refs on skin
    manifestations" finds the entry though neither its title nor its terms say 'skin'."""
    topics: dict[str, set[str]] = {}
    for section in sections:
        terms = [(link.reference_id, [t.lower() for t in link.terms]) for link in links if link.section_id == section.id]
        if not terms:
            continue
        for unit in split_units(section):
            text = unit.text.lower()
            words = {w for w in _words(unit.text) if len(w) > 3} - _QUERY_WORDS
            for reference_id, names in terms:
                if any(name in text for name in names):
                    topics.setdefault(reference_id, set()).update(words)
    return topics


class BibliographyQuestions:
    """Recognises bibliography questions against one bibliography (see the module docstring)."""

    def __init__(self, references: Sequence["Reference"], links: Sequence["ReferenceLink"] = (),
                 sections: Sequence["Section"] = (), common_words: frozenset[str] = frozenset()) -> None:
        """`common_words`: everyday English words; one alone in an entry's name ('cancer' of the American
        Cancer Society, 'clinic', 'health') does not name the entry."""
        self.references = list(references)
        self._common = common_words
        self._names: dict[str, set[str]] = {}  # ref id -> name words (surnames, organisations, containers)
        self._titles: dict[str, set[str]] = {}
        self._topics: dict[str, set[str]] = {}  # ref id -> link terms and linked section title words
        self._unit_topics = unit_topics(sections, links)  # ref id -> words of the sentences naming a link term
        titles = {s.id: s.title for s in sections}
        for r in self.references:
            names = {w for a in r.authors for w in _words(_surname(a)) if len(w) > 2}
            names |= {w for part in (r.container, r.publisher) for w in _words(part or "") if len(w) > 2}
            self._names[r.id] = names - _QUERY_WORDS
            self._titles[r.id] = {w for w in _words(r.title) if len(w) > 1} - _QUERY_WORDS
        for link in links:
            words = {w for t in link.terms for w in _words(t)} | set(_words(titles.get(link.section_id, "")))
            self._topics.setdefault(link.reference_id, set()).update(words - _QUERY_WORDS)
        n = max(len(self.references), 1)
        df: dict[str, int] = {}
        for r in self.references:
            for w in self._names[r.id] | self._titles[r.id]:
                df[w] = df.get(w, 0) + 1
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}
        # name words shared by several entries ('statpearls', 'rupa', 'bryant') select groups of entries
        self._shared_names = {w for r in self.references for w in self._names[r.id] if self._idf.get(w, 9.0) <= math.log(1 + n / 2)}
        self._vocabulary = sorted({w for d in (self._names, self._titles, self._topics) for ws in d.values() for w in ws})
        self._similar_cache: dict[str, frozenset[str]] = {}
        self._known = self._common | frozenset(self._vocabulary)  # words never respelt as entry words
        # the article's own "<word> studies" ('nerve conduction studies', 'imaging studies') are tests, not entries
        self._study_terms = frozenset(m.group(1).lower() for section in sections
                                      for m in _STUDY_TERM.finditer(section.text)) - _QUERY_WORDS
        article_words = frozenset(w for section in sections for w in re.findall(r"[a-z]+", section.text.lower()))
        # an abbreviation of a topic ("lems", "ivig") typed in a source's place is no source ("which ref supports ivig in lems")
        abbreviations = frozenset(e.abbr.lower() for e in load_curated()) | frozenset(
            a.lower() for section in sections for a, _ in defined_abbreviations(section.text))
        self.name_index = NameIndex(self.references, self._common | article_words | abbreviations)

    # -- scoring ----------------------------------------------------------------------------------
    def _similar(self, word: str) -> frozenset[str]:
        """Bibliography words equal to `word`, a typo away (rapidfuzz ratio >= 85) or of the same stem
        ('diagnosis' ~ 'diagnostic'); cached, since questions repeat their words."""
        found = self._similar_cache.get(word)
        if found is None:
            close = {word}
            if len(word) >= 5:
                close |= {c for c, _, _ in process.extract(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=85, limit=None)
                          if len(c) >= 5}
                if len(word) >= 7:  # 'diagnosis' ~ 'diagnostic', but not 'immunotherapy' ~ 'immunoglobulin'
                    close |= {c for c in self._vocabulary if len(c) >= 7 and c[:7] == word[:7]}
            found = frozenset(close)
            if len(self._similar_cache) > 10_000:
                self._similar_cache.clear()
            self._similar_cache[word] = found
        return found

    def _match(self, word: str, candidates: set[str]) -> bool:
        return word in candidates or not self._similar(word).isdisjoint(candidates)

    def _score(self, ref: "Reference", words: list[str]) -> tuple[float, bool]:
        """IDF-weighted overlap with names (counted double) and title words; and whether a name matched
        (a distinctive name word, or two name words: 'american cancer society' but not 'cancer')."""
        score, named, name_words = 0.0, False, 0
        for w in words:
            if self._match(w, self._names[ref.id]):
                score += 2 * self._idf.get(w, 1.0)
                name_words += 1
                named = named or w not in self._common or name_words >= 2
            elif self._match(w, self._titles[ref.id]):
                score += self._idf.get(w, 1.0)
        if ref.year is not None and str(ref.year) in words:
            score += 1.0
        return score, named

    def _best(self, words: list[str]) -> tuple[list["Reference"], bool]:
        scored = [(self._score(r, words), r) for r in self.references]
        top = max((s for (s, _), _ in scored), default=0.0)
        if top <= 0:
            return [], False
        best = [(named, r) for (s, named), r in scored if s >= top - 1e-9]
        # 'the paraneoplastic syndromes chapter': an entry whose whole title the question names beats one it shares words with
        whole = [(named, r) for named, r in best if self._titles[r.id] and self._titles[r.id] <= set(words)]
        best = whole if 0 < len(whole) < len(best) else best
        return [r for _, r in best], any(named for named, _ in best)

    # -- recognising ------------------------------------------------------------------------------
    def parse(self, question: str, typed: str | None = None) -> BibliographyQuery | None:
        """The bibliography query `question` asks, or None when it is not a bibliography question.

        Priority: a writer or source named in `typed` (the question before the speller respelt a name) that the
        bibliography lacks (assistant/author_asks.py); what the article cites for a subject; then one to three
        entries the question names ("the varki paper", "the ivig chapter"); then a selection by type, name, DOI or
        year; then all; last, the entries of a writer or source named in its place ("what did grabber write about",
        "refs from nih").
        """
        named = author_ask(typed if typed is not None else question, self.name_index)
        if named is not None and not named.reference_ids:
            return BibliographyQuery("absent", (), subject=named.name, filters=(named.kind,))
        found = self._parse(question)
        if found is None and named is not None and named.kind == "author":
            return BibliographyQuery("fields", named.reference_ids, self._fields(question))
        if found is None and named is not None:  # 'refs from nih': the entries printing the source's name
            return BibliographyQuery("selection", named.reference_ids, self._fields(question), filters=(named.name,))
        return found

    def _fields(self, question: str) -> tuple[str, ...]:
        """The fields `question` asks for, by pattern, synonym or a misspelt field word."""
        fields = tuple(name for name, regex in _FIELD_RES.items() if regex.search(question))
        return tuple(dict.fromkeys(fields + fields_in([w for w in _words(question) if len(w) > 1], question)))

    def _parse(self, question: str) -> BibliographyQuery | None:
        """`parse` by the words the question shares with the entries (see `parse`)."""
        q = self._respell(_VERB_WORK.sub(lambda m: m.group(1) or m.group(2), _MAIN_DOCUMENT.sub(" ", _MAIN_ARTICLE.sub(" ", question.strip()))))
        all_words = [w for w in _words(q) if len(w) > 1]  # the 's' of "what's" is no title word (Trousseau's)
        fields = tuple(name for name, regex in _FIELD_RES.items() if regex.search(q))
        fields = tuple(dict.fromkeys(fields + fields_in(all_words, q)))  # synonyms and misspelt field words
        words = [w for w in all_words if w not in _QUERY_WORDS]
        selection = bool(SELECTION.search(q))
        entry_word = bool(re.search(rf"\b{ENTRY_WORDS}\b|\bcit(?:e|es|ed|ing)\b", self._without_test_terms(q), re.IGNORECASE))
        supported = SUPPORTS_SUBJECT.search(q)
        if supported and not CLAIM_OBJECT.search(supported.group("z")):
            ids = self._cited_for(supported.group("z"))
            if ids:
                return BibliographyQuery("cites_for", tuple(ids), fields, subject=supported.group("z").strip())
        if CLAIM.search(q) or not (fields or selection or entry_word or asks_for_links(q)):
            return None
        numbered = numbered_entries(q, self.references) if entry_word else []
        if numbered:  # 'publisher of ref 7', 'reference #11 details'
            return BibliographyQuery("fields", tuple(r.id for r in numbered[:MAX_NAMED]), fields)
        best, named = self._best(words)
        cites = CITES_FOR.search(q)
        # 'url of the statpearls chapter on paraneoplastic syndromes' names one entry by its container and whole title
        whole_title = named and 0 < len(best) <= MAX_NAMED and all(self._titles[r.id] <= set(words) for r in best)
        if cites and not whole_title:
            ids = self._cited_for((cites.group("x") or cites.group("y") or "").strip())
            if ids:
                return BibliographyQuery("cites_for", tuple(ids), fields, subject=(cites.group("x") or cites.group("y")).strip())
        kind = next((k for k, regex in _TYPE_RES.items() if regex.search(q)), None)
        if len(best) > 1 and kind is not None:
            best = [r for r in best if r.type == kind] or best
        bibliographic = bool(_BIBLIOGRAPHIC_FIELDS.intersection(fields)) or bool(_URL_WORD.search(q))
        pointed = named or fields or (not self._names_a_test(q) and (selection or bool(_POINTED_ENTRY.search(q))))
        if best and len(best) <= MAX_NAMED and (named or entry_word or bibliographic) and (fields or selection or entry_word) and pointed:
            return BibliographyQuery("fields", tuple(r.id for r in best), fields, bool(COUNT.search(q)))
        extremes, which = dated_extremes(q, self.references)
        if extremes and which:  # 'the oldest reference', 'most recent source'
            return BibliographyQuery("selection", tuple(r.id for r in extremes), fields, filters=(which,))
        filtered, filters = self._filter(q)
        if filters and (selection or fields or len(filters) >= 2):
            return BibliographyQuery("selection", tuple(r.id for r in filtered), fields, bool(COUNT.search(q)), filters=tuple(filters))
        if selection and ALL.search(q):
            return BibliographyQuery("selection", tuple(r.id for r in self.references), fields, bool(COUNT.search(q)), filters=("all",))
        return None

    def _without_test_terms(self, q: str) -> str:
        """`q` without the article's own "<word> studies" ("nerve conduction studies in suspected neuro involvement"):
        a test's name, whose "studies" is no entry word."""
        return _STUDY_TERM.sub(lambda m: " " if m.group(1).lower() in self._study_terms else m.group(0), q)

    def _names_a_test(self, q: str) -> bool:
        """'is emg a nerve conduction study', 'which imaging studies are done': the study is a medical test."""
        terms = any(m.group(1).lower() in self._study_terms for m in _STUDY_TERM.finditer(q))
        return terms or bool(_DONE_STUDY.search(q))

    def _respell(self, q: str) -> str:
        """`q` with misspelt entry words put right ('refrences from 2023'); English and corpus words stay."""
        fixed = spelled_entry_words(_words(q), self._known)
        for wrong, right in fixed.items():
            q = re.sub(rf"\b{re.escape(wrong)}\b", right, q, flags=re.IGNORECASE)
        return q

    def _filter(self, q: str) -> tuple[list["Reference"], list[str]]:
        """Entries selected by type, container/publisher/organisation name, DOI or year, and what selected them."""
        refs, filters = list(self.references), []
        for kind, regex in _TYPE_RES.items():
            if regex.search(q):
                refs, filters = [r for r in refs if r.type == kind], filters + [kind]
                break
        words = set(_words(q))
        shared = sorted(w for w in words if w in self._shared_names)
        if len(shared) < 2 and all(w in self._common for w in shared):  # 'cancer' alone names no group
            shared = []  # names shared by several entries: 'statpearls', 'rupa'
        if shared:
            refs = [r for r in refs if any(w in self._names[r.id] for w in shared)]
            filters += shared
        if HAS_DOI.search(q):
            refs, filters = [r for r in refs if r.doi], filters + ["doi"]
        elif asks_for_links(q):  # 'which ones have a url', 'open access refs': a URL or a DOI link
            refs, filters = [r for r in refs if r.url or r.doi], filters + ["url"]
        after, before = _AFTER.search(q), _BEFORE.search(q)
        years = [int(y) for y in _YEAR.findall(q)]
        if after:
            refs, filters = [r for r in refs if r.year and r.year >= int(after.group(1))], filters + [f"from {after.group(1)}"]
        elif before:
            refs, filters = [r for r in refs if r.year and r.year < int(before.group(1))], filters + [f"before {before.group(1)}"]
        elif years and not shared:
            refs, filters = [r for r in refs if r.year in years], filters + [f"year {years[0]}"]
        return refs, filters

    def _cited_for(self, subject: str) -> list[str]:
        """Entries whose title or inferred links cover `subject` ('plasmapheresis' -> the Cleveland Clinic page)."""
        words = self._content_words(subject)
        if not words:
            return []
        def hits(ref: "Reference") -> float:
            title = sum(self._match(w, self._titles[ref.id]) for w in words)
            topic = sum(self._match(w, self._topics.get(ref.id, set())) for w in words)
            unit = sum(self._match(w, self._unit_topics.get(ref.id, set())) for w in words)
            return title + 0.5 * topic + 0.25 * unit
        scored = [(hits(r), r.id) for r in self.references]
        top = max(s for s, _ in scored)
        found = [rid for s, rid in scored if top > 0 and s >= top - 1e-9]
        return list(dict.fromkeys(found + self._titled_concepts(subject)))

    def _titled_concepts(self, subject: str) -> list[str]:
        """Entries titled after each concept of a joined subject (`titled_concepts.entries_titled_after`)."""
        return entries_titled_after(subject, [(r.id, self._titles[r.id]) for r in self.references],
                                    self._content_words, self._match, MAX_NAMED)

    @staticmethod
    def _content_words(text: str) -> list[str]:
        """The words of `text` that can name an entry: not a question word, three letters or more."""
        return [w for w in _words(text) if w not in _QUERY_WORDS and len(w) > 2]
