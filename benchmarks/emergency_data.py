"""What the emergency classifier learns from: labelled messages, made noisy the way people type, cut into pieces.

Sources (all either self-written or corpus-derived; no test item is ever read):
  - assistant/data/emergency_bank.jsonl and emergency_bank2/3/4/5/6.jsonl (banks 7 and 8 are written, not yet sources): the self-written banks
    (emergencies and hard negatives);
  - tests/assistant/phrasings/: the synthetic phrasings the rule tests use (emergencies, non-emergencies,
    sloppy, short and jargon English questions);
  - eval set v1 (no split) and the **dev** split of eval set v2 (never test): their questions, labelled by
    whether `emergency` is an acceptable status; non-English items are left out;
  - the corpus: each article unit and the questions the local model generated for it (negatives).
The check banks (eval/data/emergency_heldout.jsonl, emergency_ood_check.jsonl, emergency_check3/4/5/6/7/8/9/10/11/12/13/14/15.jsonl and
the probes of checks 5 and 8), each written before the change it measures, are never a source: a text that appears there is left
out of training (and one in the self-written bank is an error).

Augmentation (seeded, AUGMENT_VERSION): each written phrasing also appears lower-cased without
apostrophes and with one typo; a share of the short ones is joined to an unrelated on-topic question the
way people run two things together ("... is that related? also right now he is fitting"), with the
emergency's span kept so that only the pieces inside it are labelled emergencies.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BANK = REPO / "assistant" / "data" / "emergency_bank.jsonl"
# self-written training bank 2: SMS, misspellings, bystanders, 'can it wait', long messages; animals, devices, idioms,
# resolved events, stories and questions about emergencies in general (the kinds check bank 3 found firing)
BANK2 = REPO / "assistant" / "data" / "emergency_bank2.jsonl"
# self-written training bank 3: emergencies without the rules' key words, third person, typos, long messages; vague
# malaise, general 'is this an emergency' questions, animals of many species, past events that led to a diagnosis
BANK3 = REPO / "assistant" / "data" / "emergency_bank3.jsonl"
# self-written training bank 4: all caps, SMS shorthand, phonetic typos, run-on text, first person, 'rn', UK/US/Indian/
# Australian English, sudden vision loss; look-alikes in the same styles (past dated by an age, money idioms, 'fitting a carpet')
BANK4 = REPO / "assistant" / "data" / "emergency_bank4.jsonl"
# self-written training bank 5: reports of something still going on, lay words, vowel-less texting, carers, 'can it
# wait', chemo fever read as a number, speech-to-text slips; look-alikes with the sign denied, history, 'let's say'
BANK5 = REPO / "assistant" / "data" / "emergency_bank5.jsonl"
# self-written training bank 6: a young infant's fever, a sudden colour change, skin peeling off, despair with no stated
# act, drifting in and out; look-alikes: thresholds asked, normal readings, test results, idioms, past events
BANK6 = REPO / "assistant" / "data" / "emergency_bank6.jsonl"
# self-written training bank 7: the lay classes of rounds 12-13 from the STUDIED parts of check banks 13 and 14 only (never
# their blind parts), in other words: an elderly relative texting, a teenager, English as a second language, a long
# rambling message with the emergency in one comma-spliced clause; look-alikes in the same voices and openings.
# NOT YET A SOURCE (training_rows leaves it out): the retraining with it (round 13) gained check bank 14 one emergency and
# the out-of-distribution bank one false trigger fewer, but moved items near p 0.5 on older banks the wrong way (check
# bank 11 lost one emergency, check bank 5's blind part and advice_check3 gained a false trigger); retrained again in
# round 14 with bank 8 on the reproducible run (benchmarks/reproducible_weights.py), it still did (see the README).
BANK7 = REPO / "assistant" / "data" / "emergency_bank7.jsonl"
# self-written training bank 8: the classes of round 14 from the STUDIED part of check bank 15 only, in other words: SMS
# shorthand, a carer's past-tense report of a danger still going on, an emergency at the end of a long question, a writer
# unsure it is one; look-alikes in the same voices (idioms typed as SMS, resolved events, a state told as normal).
# NOT YET A SOURCE, as bank 7: trained alone (round 14) it gained check bank 15's blind part and check banks 12 and 14's
# studied parts one emergency each and the out-of-distribution bank one false trigger fewer, but check bank 7's studied
# part and advice_check each gained a false trigger (p 0.50-0.51; benchmarks/results/emergency_banks_round15.json)
BANK8 = REPO / "assistant" / "data" / "emergency_bank8.jsonl"
HELDOUT = REPO / "eval" / "data" / "emergency_heldout.jsonl"
OOD_CHECK = REPO / "eval" / "data" / "emergency_ood_check.jsonl"  # the out-of-distribution check bank: never trained on
CHECK3 = REPO / "eval" / "data" / "emergency_check3.jsonl"  # check bank 3 (unseen phrasings): never trained on
CHECK4 = REPO / "eval" / "data" / "emergency_check4.jsonl"  # mini check bank 4, written after the change: never trained on
CHECK5 = REPO / "eval" / "data" / "emergency_check5.jsonl"  # check bank 5 (studied and blind parts): never trained on
PROBE5 = REPO / "eval" / "data" / "emergency_check5_probe.jsonl"  # studied probe of the same round: never trained on
CHECK6 = REPO / "eval" / "data" / "emergency_check6.jsonl"  # check bank 6 (styles: caps, SMS, run-on, dialects): never trained on
# check bank 7 (reports in past tense, lay words, carers, wait-till-morning, speech-to-text slips): never trained on
CHECK7 = REPO / "eval" / "data" / "emergency_check7.jsonl"
# check bank 8 (speech-to-text slips, run-ons, buried at the end, chemo fever, calcium/sodium confusion): never trained on
CHECK8 = REPO / "eval" / "data" / "emergency_check8.jsonl"
PROBE8 = REPO / "eval" / "data" / "emergency_check8_probe.jsonl"  # studied probe of round 8: never trained on
# check bank 9 (look-alikes: resolved events, general symptom questions, medication asks; emergencies typed loosely)
CHECK9 = REPO / "eval" / "data" / "emergency_check9.jsonl"
# check bank 10 (look-alikes: past events with "still", denied signs, chronic signs asked as questions): never trained on
CHECK10 = REPO / "eval" / "data" / "emergency_check10.jsonl"
# check bank 11 (non-seizure emergencies, phonetic typos, British wording, buried last clauses; negated look-alikes)
CHECK11 = REPO / "eval" / "data" / "emergency_check11.jsonl"
PROBE11 = REPO / "eval" / "data" / "emergency_check11_probe.jsonl"  # studied probe of round 11: never trained on
# check bank 12 (lay words for collapse, confusion, despair; infants, colour change, skin peeling; breathing-test and
# past-seizure look-alikes): never trained on
CHECK12 = REPO / "eval" / "data" / "emergency_check12.jsonl"
# check bank 13 (an infant burning up, lay words for altered consciousness, despair with no act, a high calcium reading
# with symptoms, colour change; look-alikes: idioms, thresholds, normal readings, short 'and ...?' follow-ups): never trained on
CHECK13 = REPO / "eval" / "data" / "emergency_check13.jsonl"
# check bank 14 (other writers: an elderly relative texting, a teenager, English as a second language, long rambling
# messages with the emergency buried; look-alikes in the same voices): never trained on
CHECK14 = REPO / "eval" / "data" / "emergency_check14.jsonl"
# check bank 15 (SMS shorthand, a carer's past-tense report of a danger still going on, an emergency at the end of a long
# question, a writer unsure it is one; look-alikes in the same voices): never trained on
CHECK15 = REPO / "eval" / "data" / "emergency_check15.jsonl"
# check bank 16 (a spouse texting at night, a nurse-friend relaying, autocorrect errors, the emergency as the 3rd sentence of
# a message about appointments or insurance, ALL CAPS, lowercase; look-alikes in the same voices): never trained on
CHECK16 = REPO / "eval" / "data" / "emergency_check16.jsonl"
# check bank 17 (short texts of intent or collapse with no medical words, a teenager for a parent, a care-home carer,
# voice-dictation run-ons, an emergency followed by an unrelated question, typos in the key verb; look-alikes: plans to
# stop medicines, resolved crises, 'what would happen if', worries, mild ongoing signs): never trained on
CHECK17 = REPO / "eval" / "data" / "emergency_check17.jsonl"
# check bank 18 (a question around a sign going on now, signs described not named, the emergency inside a long message,
# text-speak, third-person run-ons, drowsiness words spelt oddly; look-alikes in the same voices): never trained on
CHECK18 = REPO / "eval" / "data" / "emergency_check18.jsonl"
CHECK_BANKS = (HELDOUT, OOD_CHECK, CHECK3, CHECK4, CHECK5, PROBE5, CHECK6, CHECK7, CHECK8, PROBE8, CHECK9, CHECK10,
               CHECK11, PROBE11, CHECK12, CHECK13, CHECK14, CHECK15, CHECK16, CHECK17, CHECK18)
PHRASINGS = REPO / "tests" / "assistant" / "phrasings"
ENRICHMENT = REPO / "corpus" / "data" / "enrichment.jsonl"
AUGMENT_VERSION = "emergency-augment-1"
SEED = 11
CLASSES = ("emergency", "self_harm", "overdose")  # the kinds a finding can have; "none" is the negative class
# sources whose negatives are ordinary questions (not written to be hard): the false-trigger budget is set on them
ORDINARY = ("dev", "v1", "sloppy", "short", "jargon", "corpus")
JOINS = (". ", "? ", ", also ", ". anyway ", ". unrelated but ", " also right now ", ". btw ", "\n", " ")


@dataclass(frozen=True)
class Row:
    """One labelled message: `label` is 'none' or a kind; `span` marks the emergency inside a longer message."""

    text: str
    label: str
    group: str
    source: str
    span: tuple[int, int] | None = None
    kind: str = ""  # the bank's finer kind (past, hypothetical, idiom, seizure ...), for the report


def _kind(label: str, kind: str) -> str:
    return "none" if label == "none" else (kind if kind in CLASSES else "emergency")


def bank_rows(path: Path = BANK, prefix: str = "bank") -> list[Row]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:]):  # line 1 says what the file is
        d = json.loads(line)
        span = tuple(d["span"]) if "span" in d else None
        rows.append(Row(d["text"], _kind(d["label"], d["kind"]), f"{prefix}:{i}", "bank", span, d["kind"]))
    return rows


def read_phrasings(name: str) -> list[str]:
    lines = (PHRASINGS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def phrasing_rows() -> list[Row]:
    """The rule tests' synthetic phrasings; an emergency's kind is the one the rules give it."""
    from assistant.safety import classify

    rows = []
    for i, text in enumerate(read_phrasings("emergencies.txt")):
        kind = classify(text.replace("'", "")).kind or ""
        rows.append(Row(text, kind if kind in CLASSES else "emergency", f"phrasing:e{i}", "phrasings"))
    for name, source in (("not_emergencies.txt", "phrasings"), ("english_sloppy.txt", "sloppy"),
                         ("english_short.txt", "short"), ("english_jargon.txt", "jargon")):
        rows += [Row(t, "none", f"phrasing:{name}:{i}", source) for i, t in enumerate(read_phrasings(name))]
    return rows


def evalset_rows() -> list[Row]:
    """v1 (no split) and the dev split of v2 only; non-English questions are not this model's business."""
    from eval.evalsets import choose_items, load_named

    rows = []
    for item in load_named("v1").items:
        rows.append(Row(item.question, "emergency" if item.expected_status == "emergency" else "none", f"v1:{item.id}", "v1"))
    for item in choose_items(load_named("v2"), "dev"):
        if item.category != "non_english":
            label = "emergency" if "emergency" in item.acceptable_statuses else "none"
            rows.append(Row(item.question, label, f"dev:{item.conversation_id or item.id}", "dev"))
    return rows


def corpus_rows() -> list[Row]:
    rows = []
    for i, line in enumerate(ENRICHMENT.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        rows.append(Row(d["text"], "none", f"unit:{i}", "corpus"))
        rows += [Row(q, "none", f"unit:{i}", "corpus") for q in d.get("questions", [])]
    return rows


def training_rows() -> list[Row]:
    """Every source, in a fixed order, less any text that is also in the held-out bank (a few short test
    phrasings such as "is there a cure" happen to be; the self-written bank itself must have none)."""
    held = {json.loads(line).get("text") for path in CHECK_BANKS
            for line in path.read_text(encoding="utf-8").splitlines()[1:]}
    # bank 2's negatives cost recall under grouped CV (same augmentation draw: the first bank's emergencies 0.963
    # out-of-fold with bank 2's emergencies alone, 0.950 with its negatives too) for fewer false triggers (0.037 ->
    # 0.031); trained on all the same: without them the model breaks the out-of-distribution guarantee on pets
    # (tests/assistant/test_emergency_model.py) and the rules now defer to it on exactly those kinds
    bank = (bank_rows() + bank_rows(BANK2, "bank2") + bank_rows(BANK3, "bank3") + bank_rows(BANK4, "bank4")
            + bank_rows(BANK5, "bank5") + bank_rows(BANK6, "bank6"))
    leaked = sorted({r.text for r in bank if r.text in held})
    if leaked:
        raise ValueError(f"{len(leaked)} bank text(s) are in the held-out bank, e.g. {leaked[0]!r}")
    return [r for r in bank + phrasing_rows() + evalset_rows() + corpus_rows() if r.text not in held]


def training_hash(rows: Iterable[Row]) -> str:
    """sha256 of the rows (text, label, span) and the augmentation recipe: what the weights were trained on."""
    h = hashlib.sha256(f"{AUGMENT_VERSION}:{SEED}\n".encode())
    for r in rows:
        h.update(json.dumps([r.text, r.label, r.span], ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()


_KEYS = "qwertyuiopasdfghjklzxcvbnm"


def typo(text: str, rng: random.Random) -> str:
    """One slip in one longer word: a letter dropped, doubled, swapped with the next, or mistyped."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w, j = words[i], rng.randrange(1, len(words[i]) - 1)
    op = rng.randrange(4)
    words[i] = (w[:j] + w[j + 1:] if op == 0 else w[:j] + w[j] + w[j:] if op == 1
                else w[:j] + w[j + 1] + w[j] + w[j + 2:] if op == 2 else w[:j] + rng.choice(_KEYS) + w[j + 1:])
    return " ".join(words)


def augment(rows: list[Row], seed: int = SEED) -> list[Row]:
    """Typed variants of the written phrasings, and messages that bury one thing inside another."""
    rng = random.Random(seed)
    out = list(rows)
    for r in rows:
        if r.source in ("bank", "phrasings") and r.span is None:
            plain = r.text.lower().replace("'", "")
            out += [Row(v, r.label, r.group, r.source, None, r.kind) for v in dict.fromkeys([plain, typo(plain, rng)]) if v != r.text]
    context = [r.text for r in rows if r.label == "none" and r.source in ("corpus", "v1", "sloppy") and len(r.text) < 160]
    for r in rows:
        if r.span is None and len(r.text) < 120 and r.source in ("bank", "phrasings") and rng.random() < 0.4:
            other, join = rng.choice(context).rstrip(" ?."), rng.choice(JOINS)
            if rng.random() < 0.7:
                text = other + join + r.text
                span = (len(other + join), len(text))
            else:
                text = r.text + join + other
                span = (0, len(r.text))
            out.append(Row(text, r.label, r.group, r.source, span if r.label != "none" else None, r.kind))
    return out


def normalised(rows: list[Row], normalise: Callable[[str], str]) -> list[Row]:
    """Rows as the gate reads them (apostrophes and typos fixed); a span is carried over piece by piece."""
    out = []
    for r in rows:
        if r.span is None:
            out.append(Row(normalise(r.text), r.label, r.group, r.source, None, r.kind))
            continue
        a, b = r.span
        head, mid, tail = (normalise(t) if t.strip() else t for t in (r.text[:a], r.text[a:b], r.text[b:]))
        head = head + " " if r.text[:a].endswith((" ", "\n")) and not head.endswith((" ", "\n")) else head
        tail = " " + tail if r.text[b:].startswith((" ", "\n")) and not tail.startswith((" ", "\n")) else tail
        out.append(Row(head + mid + tail, r.label, r.group, r.source, (len(head), len(head) + len(mid)), r.kind))
    return out


def labelled_pieces(row: Row, pieces: Callable[[str], list[str]]) -> list[tuple[str, str]]:
    """(piece, label) pairs: every piece of a negative is a negative; of a message with a marked emergency,
    pieces inside the span are that emergency and pieces outside it negatives (overlapping ones are not used);
    a whole-message emergency without a span teaches through the whole message only."""
    if row.label == "none":
        return [(p, "none") for p in pieces(row.text)]
    if row.span is None:
        return [(row.text.strip(), row.label)]
    a, b = row.span
    emergency = row.text[a:b]
    out = [(emergency.strip(), row.label)]
    for p in pieces(row.text):
        if p in emergency:
            out.append((p, row.label))
        elif p not in row.text[:a] + " " and p not in " " + row.text[b:]:
            continue
        else:
            out.append((p, "none"))
    return list(dict.fromkeys(out))
