"""Train and measure the learned emergency check (assistant/emergency_model.py).

    python -m benchmarks.emergency_classifier train     # grouped 5-fold CV, threshold, fit -> assistant/data/emergency_model.npz
    python -m benchmarks.emergency_classifier heldout   # score the self-written held-out bank once (rules, model, both)
    python -m benchmarks.emergency_classifier ood --stage after   # the out-of-distribution check bank (benchmarks/emergency_ood.py)
    python -m benchmarks.emergency_classifier check3 --stage after   # check bank 3: unseen phrasings (same report shape)
    python -m benchmarks.emergency_classifier check4 --stage after   # mini check bank 4, written after the change
    python -m benchmarks.emergency_classifier check5 --stage before  # check bank 5: studied and blind parts apart
    python -m benchmarks.emergency_classifier check6 --stage before  # check bank 6 (caps, SMS, run-on, dialects): parts apart
    python -m benchmarks.emergency_classifier check7 --stage before  # check bank 7 (reports, lay words, carers): parts apart
    python -m benchmarks.emergency_classifier check8 --stage before  # check bank 8 (slips, run-ons, chemo fever): parts apart

How it is measured: messages (benchmarks/emergency_data.py) are grouped so that a phrasing, its typed
variants and the messages it was buried in always share a fold; every message is scored by a model that
never saw its group (out-of-fold), as the gate scores it: the rules on the typed and the normalised text,
OR the model's best piece. The threshold is the lowest one whose out-of-fold false triggers on ordinary
questions (dev, v1, the sloppy/short/jargon phrasings, the corpus's questions) stay within FP_BUDGET:
recall first, inside a false-trigger budget. Hard negatives written to trip the gate (past events,
hypotheticals, general questions about the same symptoms, idioms) are reported separately.
The held-out bank (eval/data/emergency_heldout.jsonl) was written before training and is scored by `heldout`
only: it chose nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks.emergency_data import (AUGMENT_VERSION, CLASSES, HELDOUT, ORDINARY, Row, augment, labelled_pieces,
                                       normalised, training_hash, training_rows)
from benchmarks.reproducible_weights import single_threaded, write_npz

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "emergency_classifier.json"
HELDOUT_RESULTS = REPO / "benchmarks" / "results" / "emergency_heldout.json"
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
NGRAM_SCALE = 2.0   # n-grams against the sentence vector: CV on the bank (0, 1, 2, 3, 4 tried; 2-3 best)
C = 8.0             # inverse L2 strength (2, 8, 32 tried)
FOLDS = 5
FP_BUDGET = 0.005   # out-of-fold false triggers allowed on ordinary questions
MIN_THRESHOLD = 0.5  # a finding must be likelier an emergency than not (and keeps a margin over dev's personal questions)
# One sentence of a longer message, scored out of its context ("he is sleeping badly and his sugars are up.
# is that the steroids?"), must clear a higher bar: CV with 0.5-0.9 tried, 0.7 kept recall within 0.2 points
# and cut false triggers on long personal messages by a third. Recalibrated with training bank 3 (grouped CV, whole
# threshold 0.5; recall / false triggers, rules OR model): 0.8 0.955 / 0.038, 0.7 0.959 / 0.040, 0.6 0.965 / 0.041,
# 0.5 0.966 / 0.043: 0.6 buys half a point of recall (emergencies buried in long messages) for 0.06 points.
SENTENCE_THRESHOLD = 0.6
# The distance gate may cost at most this share of out-of-fold emergencies the ungated model found.
GATE_RECALL_LOSS = 0.002
# ... and never loosens below the bound the earlier check banks were measured under (round 12's 0.43): training bank 7's
# long rambling emergencies lie far from the other emergency pieces, and the bound chosen with them (0.39) let a bare
# follow-up ("and exercise?", near 0.43) and a personal ask ("now my memory is going, what do i do", near 0.42) fire
MIN_GATE = 0.43


def load_triage() -> Any:
    """The product's triage built from the corpus: the benchmarks score its emergency model on their banks."""
    from assistant.triage import Triage
    from corpus.corpus import Corpus
    from foundation.settings import Settings

    return Triage.from_corpus(Corpus.load(Settings()))


def load_embedder() -> Any:
    """The warmed encoder the classifier is trained with, shared by the benchmarks that featurise their banks."""
    from index.numpy_encoder import NumpyEmbedding

    embedder = NumpyEmbedding(EMBEDDING_MODEL)
    embedder.warm_up()
    return embedder


def featurise(texts: list[str], embedder: Any) -> tuple[Any, Any]:
    """Sentence vectors (dense) and hashed n-grams (sparse) for each piece, as the model reads them."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from assistant.emergency_model import NGRAM_BUCKETS, ngram_features

    vectors = np.asarray(embedder.embed_queries(texts), dtype=np.float32)
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        for b, v in ngram_features(text).items():
            rows.append(i), cols.append(b), vals.append(v)
    return vectors, csr_matrix((vals, (rows, cols)), shape=(len(texts), NGRAM_BUCKETS), dtype=np.float32)


def design(vectors: Any, grams: Any) -> Any:
    from scipy.sparse import csr_matrix, hstack

    return hstack([csr_matrix(vectors), grams * NGRAM_SCALE]).tocsr()


def fit_gate(vectors: Any, grams: Any, y: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(design(vectors, grams), y)


def prepare(base: list[Row] | None = None, category: str = "emergency") -> dict[str, Any]:
    """Rows, their typed variants, normalised forms and labelled pieces, embedded once; `rules` says whether
    the rules give each typed message `category` (the learned personal-advice check reuses this with its rows)."""
    triage = load_triage()
    base = training_rows() if base is None else base
    typed = augment(base)
    rows = normalised(typed, lambda t: triage.normalise(t).text)
    from assistant.emergency_model import pieces

    piece_rows = [(i, p, label) for i, r in enumerate(rows) for p, label in labelled_pieces(r, pieces)]
    inference = [(i, p) for i, r in enumerate(rows) for p in pieces(r.text)]
    texts = list(dict.fromkeys([p for _, p, _ in piece_rows] + [p for _, p in inference]))
    started = time.perf_counter()
    vectors, grams = featurise(texts, load_embedder())
    print(f"{len(base)} rows, {len(rows)} messages, {len(texts)} distinct pieces embedded in {time.perf_counter() - started:.0f} s")
    rules = [triage.classify(triage.normalise(t.text)).category == category for t in typed]
    return {"base": base, "typed": typed, "rows": rows, "piece_rows": piece_rows, "inference": inference, "texts": texts,
            "index": {t: k for k, t in enumerate(texts)}, "vectors": vectors, "grams": grams, "rules": rules}


def nearest(vectors: Any, emergencies: Any) -> Any:
    """Each vector's cosine to its nearest row of `emergencies` (both sets unit-normalised here)."""
    import numpy as np

    def unit(m: Any) -> Any:
        return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)

    return (unit(vectors) @ unit(emergencies).T).max(axis=1)


def out_of_fold(data: dict[str, Any]) -> list[list[tuple[int, float, float]]]:
    """Each message's pieces as (side, probability, nearest-emergency cosine) from a model trained on the other
    folds' groups; side 0 is the whole message, 1 any other piece. A doubtful piece (an idiom, a story, an
    animal or a thing as its subject: assistant/safety_framing.py) gets cosine -1: it never fires."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from assistant.safety_framing import doubtful_piece

    rows, index = data["rows"], data["index"]
    groups = [r.group for r in rows]
    scores: list[list[tuple[int, float, float]]] = [[] for _ in rows]
    for train, test in GroupKFold(FOLDS).split(np.zeros(len(rows)), groups=groups):
        keep = set(train.tolist())
        chosen = [(index[p], label != "none") for i, p, label in data["piece_rows"] if i in keep]
        at = [k for k, _ in chosen]
        model = fit_gate(data["vectors"][at], data["grams"][at], np.array([y for _, y in chosen]))
        known = data["vectors"][sorted({k for k, y in chosen if y})]
        held = set(test.tolist())
        todo = [(i, index[p]) for i, p in data["inference"] if i in held]
        at = [k for _, k in todo]
        probs = model.predict_proba(design(data["vectors"][at], data["grams"][at]))[:, 1]
        near = nearest(data["vectors"][at], known)
        wholes = {i: rows[i].text.strip() for i in held}
        for (i, k), p, d in zip(todo, probs, near):
            d = -1.0 if doubtful_piece(data["texts"][k]) else d  # never fires, as in find_emergency
            scores[i].append((0 if data["texts"][k] == wholes[i] else 1, float(p), float(d)))
    return scores


def gated(raw: list[list[tuple[int, float, float]]], min_similarity: float) -> list[tuple[float, float]]:
    """(whole-message, best other piece) probabilities, counting only pieces within the distance gate."""
    out = []
    for pieces_ in raw:
        best = [0.0, 0.0]
        for side, p, d in pieces_:
            if d >= min_similarity:
                best[side] = max(best[side], p)
        out.append((best[0], best[1]))
    return out


def choose_gate(rows: list[Row], raw: list[list[tuple[int, float, float]]]) -> float:
    """The highest cosine bound that keeps out-of-fold recall on the emergencies (model alone, at the ungated
    threshold) within GATE_RECALL_LOSS of the ungated model's: the gate may only cut what is far from every
    emergency the model was shown."""
    emergencies = [i for i, r in enumerate(rows) if r.label != "none"]
    ungated = gated(raw, -1.0)
    threshold = choose_threshold(rows, ungated)
    base = sum(fires(ungated[i], threshold) for i in emergencies)
    best = -1.0
    for bound in [round(0.30 + 0.01 * k, 2) for k in range(51)]:
        scores = gated(raw, bound)
        if base - sum(fires(scores[i], threshold) for i in emergencies) <= GATE_RECALL_LOSS * len(emergencies):
            best = bound
        else:
            break
    return best


def fires(score: tuple[float, float], threshold: float) -> bool:
    whole, sentence = score
    return whole >= threshold or sentence >= max(threshold, SENTENCE_THRESHOLD)


def choose_threshold(rows: list[Row], scores: list[tuple[float, float]], budget: float = FP_BUDGET) -> float:
    """The lowest threshold (>= MIN_THRESHOLD) whose false triggers on ordinary questions stay within `budget`."""
    ordinary = [s for r, s in zip(rows, scores) if r.label == "none" and r.source in ORDINARY]
    for t in sorted({round(v + 1e-4, 4) for s in ordinary for v in s if v + 1e-4 >= MIN_THRESHOLD} | {MIN_THRESHOLD}):
        if sum(fires(s, t) for s in ordinary) <= budget * len(ordinary):
            return t
    return 1.0


def summarise(rows: list[Row], scores: list[tuple[float, float]], rules: list[bool], threshold: float) -> dict[str, Any]:
    """Recall and false triggers per source (and per bank kind): rules alone, model alone, both."""
    cells: dict[str, Counter] = defaultdict(Counter)
    for r, s, rule in zip(rows, scores, rules):
        model = fires(s, threshold)
        keys = ["all", f"source:{r.source}"] + ([f"bank:{r.kind}"] if r.source == "bank" else [])
        keys += ["ordinary negatives"] if r.label == "none" and r.source in ORDINARY else []
        for key in keys:
            side = "pos" if r.label != "none" else "neg"
            cells[key].update({side: 1, f"{side}_rules": rule, f"{side}_model": model, f"{side}_both": rule or model})
    out = {}
    for key, c in sorted(cells.items()):
        entry: dict[str, Any] = {}
        if c["pos"]:
            entry |= {"emergencies": c["pos"], **{f"recall_{w}": round(c[f"pos_{w}"] / c["pos"], 4) for w in ("rules", "model", "both")}}
        if c["neg"]:
            entry |= {"others": c["neg"], **{f"false_trigger_{w}": round(c[f"neg_{w}"] / c["neg"], 4) for w in ("rules", "model", "both")}}
        out[key] = entry
    return out


def fit_kind_head(data: dict[str, Any], kinds: tuple[str, ...] = CLASSES) -> tuple[Any, Any]:
    """Which emergency it is (self-harm, overdose, other), from the sentence vector of the emergency piece;
    a check of one kind (personal advice) gets a constant head."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(kinds) == 1:
        dim = data["vectors"].shape[1]
        return np.zeros((1, dim), dtype=np.float32), np.zeros(1, dtype=np.float32)
    chosen = [(data["index"][p], CLASSES.index(label)) for _, p, label in data["piece_rows"] if label != "none"]
    head = LogisticRegression(C=4.0, max_iter=5000, class_weight="balanced")
    head.fit(data["vectors"][[k for k, _ in chosen]], np.array([y for _, y in chosen]))
    return head.coef_.astype(np.float32), head.intercept_.astype(np.float32)


def save_model(data: dict[str, Any], threshold: float, min_similarity: float, cv: dict[str, Any], path: Path,
               kinds: tuple[str, ...] = CLASSES, extra: dict[str, Any] | None = None) -> None:
    """Fit on every piece and write the arrays; `extra` overrides meta entries (the personal-advice check's own)."""
    import numpy as np

    from assistant.emergency_model import FORMAT

    index = data["index"]
    at = [index[p] for _, p, _ in data["piece_rows"]]
    y = np.array([label != "none" for _, _, label in data["piece_rows"]])
    gate = fit_gate(data["vectors"][at], data["grams"][at], y)
    dim = data["vectors"].shape[1]
    kind_w, kind_b = fit_kind_head(data, kinds)
    known = data["vectors"][sorted({index[p] for _, p, label in data["piece_rows"] if label != "none"})]
    known = (known / np.linalg.norm(known, axis=1, keepdims=True)).astype(np.float16)
    meta = {"format": FORMAT, "embedding_model": EMBEDDING_MODEL, "dimension": int(dim), "threshold": threshold,
            "min_similarity": min_similarity, "gate_recall_loss": GATE_RECALL_LOSS,
            "sentence_threshold": max(threshold, SENTENCE_THRESHOLD),
            "bias": float(gate.intercept_[0]), "ngram_scale": NGRAM_SCALE, "C": C, "kinds": list(kinds),
            "training_sha256": training_hash(data["base"]), "augment": AUGMENT_VERSION,
            "rows": len(data["base"]), "messages": len(data["rows"]), "pieces": len(at),
            "sources": dict(Counter(r.source for r in data["base"])), "fp_budget": FP_BUDGET,
            "cv": {k: cv[k] for k in ("all", "ordinary negatives")},
            "trained_by": "python -m benchmarks.emergency_classifier train", **(extra or {})}
    coef = gate.coef_[0]
    write_npz(path, {"vector_weights": coef[:dim].astype(np.float32), "ngram_weights": coef[dim:].astype(np.float32),
                     "kind_weights": kind_w, "kind_bias": kind_b, "emergency_vectors": known, "meta": np.array(json.dumps(meta))})


def misses(rows: list[Row], scores: list[tuple[float, float]], rules: list[bool], threshold: float,
           limit: int = 40) -> dict[str, list]:
    """The out-of-fold misses and false triggers, to read (not to tune on one by one)."""
    missed = [(round(max(s), 3), r.text) for r, s, ru in zip(rows, scores, rules)
              if r.label != "none" and not ru and not fires(s, threshold)]
    false = [(round(max(s), 3), r.source, r.text) for r, s, ru in zip(rows, scores, rules)
             if r.label == "none" and (ru or fires(s, threshold))]
    return {"missed": sorted(missed)[:limit], "false_triggers": sorted(false, reverse=True)[:limit]}


def train(out: Path, results: Path) -> dict[str, Any]:
    """Grouped CV, the gate and threshold, then the fit on every piece; one thread in every native pool, so the same
    rows give byte-identical weights (benchmarks/reproducible_weights.py)."""
    with single_threaded():
        return _train(out, results)


def _train(out: Path, results: Path) -> dict[str, Any]:
    data = prepare()
    raw = out_of_fold(data)
    min_similarity = max(choose_gate(data["rows"], raw), MIN_GATE)
    scores = gated(raw, min_similarity)
    threshold = choose_threshold(data["rows"], scores)
    cv = summarise(data["rows"], scores, data["rules"], threshold)
    ungated = gated(raw, -1.0)
    cv_ungated = summarise(data["rows"], ungated, data["rules"], choose_threshold(data["rows"], ungated))
    save_model(data, threshold, min_similarity, cv, out)
    report = {"benchmark": "emergency_classifier", "threshold": threshold, "min_similarity": min_similarity,
              "gate_recall_loss": GATE_RECALL_LOSS,
              "cv_without_gate": {k: cv_ungated[k] for k in ("all", "ordinary negatives")},
              "sentence_threshold": max(threshold, SENTENCE_THRESHOLD), "folds": FOLDS, "fp_budget": FP_BUDGET,
              "ngram_scale": NGRAM_SCALE, "C": C, "cv": cv, **misses(data["rows"], scores, data["rules"], threshold)}
    results.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: cv[k] for k in ("all", "ordinary negatives", "source:bank", "source:dev")}, indent=1))
    print("without the gate:", json.dumps({k: cv_ungated[k] for k in ("all", "ordinary negatives")}))
    print(f"min_similarity {min_similarity}; threshold {threshold}; model -> {out}; report -> {results}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("train", "heldout", "ood", "check3", "check4", "check5", "check6", "check7", "check8"))
    parser.add_argument("--stage", default="after", help="ood: the report entry to write (before/after a change)")
    parser.add_argument("--out", type=Path, default=None, help="where the weights go (default assistant/data/emergency_model.npz)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where train's CV report goes")
    args = parser.parse_args()
    if args.command == "train":
        from assistant.emergency_model import MODEL_FILE

        train(args.out or MODEL_FILE, args.results)
    elif args.command == "ood":
        from benchmarks.emergency_ood import score_ood

        score_ood(args.stage)
    elif args.command in ("check3", "check4", "check5", "check6", "check7", "check8"):
        from benchmarks import emergency_data
        from benchmarks.emergency_ood import score_ood

        bank = getattr(emergency_data, args.command.upper())
        score_ood(args.stage, bank, REPO / "benchmarks" / "results" / f"emergency_{args.command}.json", probes=False)
    else:
        from benchmarks.emergency_heldout import score_heldout

        score_heldout(HELDOUT, HELDOUT_RESULTS)


if __name__ == "__main__":
    main()
