"""Judge prompt variants scored once per labelled pair, so agreement with people can be compared offline.

    python -m benchmarks.judge_variants score [VARIANT ...]   # fill the cache (slow: one forward pass a pair)
    python -m benchmarks.judge_variants report                # -> benchmarks/results/judge_variants.json

Why a cache: the offline 1.5B judge takes seconds per pair on the shared cores; with every pair's P(yes) (or, for
the v1 judge, its own JSON reply as 1.0 / 0.0) stored once, a threshold or a bank split is free to try. Pairs run
question by question, so llama.cpp reuses the prompt prefix up to the question. Round 11 scored v1-json and
rubric-fewshot (the 74, precision_check5, and for the variant precision_check3); v1-yesno and rubric are defined
but were not scored. Tuning banks: TUNING; agreement is reported on HELD_OUT banks whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

from benchmarks.judge_rubric import RELEVANCE_SHOTS, rubric_prompt
from eval.judge.prompts import JSON_REPLY, YES_NO_REPLY, relevance_prompt
from eval.relevance_pool import LabelledPair, load_pool

RESULTS = Path(__file__).resolve().parent / "results"
VARIANTS = ("v1-json", "rubric-fewshot", "v1-yesno", "rubric")
# Held-out banks first (whole), then the tuning banks: the order the cache fills in when time is short.
ORDER = ("sentence_relevance_labels", "precision_check3", "precision_check5", "precision_check4", "precision_check2")


def prompt_of(variant: str, pair: LabelledPair, shots: tuple = ()) -> str:
    if variant == "v1-json":
        return relevance_prompt(pair.question, pair.sentence, pair.earlier_questions, reply=JSON_REPLY)
    if variant == "v1-yesno":
        return relevance_prompt(pair.question, pair.sentence, pair.earlier_questions, reply=YES_NO_REPLY)
    if variant == "rubric":
        return rubric_prompt(pair.question, pair.sentence, pair.earlier_questions)
    if variant == "rubric-fewshot":
        return rubric_prompt(pair.question, pair.sentence, pair.earlier_questions, examples=shots)
    raise SystemExit(f"unknown variant {variant}")


class ProbabilityCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, float] = json.loads(path.read_text()) if path.is_file() else {}

    @staticmethod
    def key(model: str, variant: str, prompt: str) -> str:
        tag = "v1-json-reply" if variant == "v1-json" else variant  # the reply, not the earlier P(true) reading
        return hashlib.sha256(f"{model}\n{tag}\n{prompt}".encode()).hexdigest()

    def save(self) -> None:
        """Merge with what is on disk (another scorer may share the file), then replace it atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.is_file():
            self.data = json.loads(self.path.read_text()) | self.data
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.data))
        tmp.replace(self.path)


def json_verdict(llm, prompt: str) -> float:  # type: ignore[no-untyped-def]
    """The v1 judge's own verdict: its grammar-constrained JSON reply, decoded as BackendChat decodes it, 1.0 / 0.0.

    Why not P(true) at the verdict position: read that way it matched the judge's real (cached) JSON verdicts on
    only 51 of the 74 sentences, so the v1 numbers here come from the reply itself (failures stored as -1).
    """
    from eval.judge.prompts import parse_helps

    text = llm.chat([{"role": "user", "content": prompt}], temperature=0.0, max_tokens=768, json_mode=True)
    verdict = parse_helps(text)
    return -1.0 if verdict is None else float(verdict)


def load_judge_llm():  # type: ignore[no-untyped-def]
    """The offline judge's GGUF (PNS_JUDGE_MODEL_PATH) through foundation.llm."""
    from foundation.llm import load_llm
    from foundation.settings import Settings

    settings = Settings()
    llm_settings = settings.llm.model_copy(update={"backend": "llamacpp", "model_path": settings.eval.judge_model_path})
    return settings, load_llm(llm_settings, settings.home)


def score_pairs(llm, cache: ProbabilityCache, variant: str, pairs: list[LabelledPair], label: str) -> None:  # type: ignore[no-untyped-def]
    """Fill the cache with `variant`'s probability for every pair not yet scored (saved every 5 calls)."""
    start, calls = time.perf_counter(), 0
    for pair in pairs:
        prompt = prompt_of(variant, pair, RELEVANCE_SHOTS)
        key = cache.key(llm.model, variant, prompt)
        if key in cache.data:
            continue
        p = json_verdict(llm, prompt) if variant == "v1-json" else llm.yes_probability(prompt)
        cache.data[key] = round(p, 5)
        calls += 1
        if calls % 5 == 0:
            cache.save()
            print(label, variant, calls, f"{(time.perf_counter() - start) / calls:.2f}s/call", flush=True)
    cache.save()
    print(label, variant, "done", calls, f"{time.perf_counter() - start:.0f}s", flush=True)


def score(variants: list[str]) -> None:
    settings, llm = load_judge_llm()
    cache = ProbabilityCache(settings.home / "bench" / "judge-variants.json")
    wanted = os.environ.get("JUDGE_BANKS", ",".join(ORDER)).split(",")
    for bank in [b for b in ORDER if b in wanted]:
        pairs = load_pool(banks=(bank,))
        for variant in variants:
            score_pairs(llm, cache, variant, pairs, bank)
    llm.close()


TUNING = ("precision_check2", "precision_check3")
HELD_OUT = ("sentence_relevance_labels", "precision_check4", "precision_check5")
GRID = tuple(round(0.01 * i, 2) for i in range(1, 100))  # P(yes) bunches near 0.5: a coarse grid misses the cut


def stats(rows: list[tuple[float, bool]], cut: float) -> dict[str, float | int | None]:
    """Accuracy, Cohen's kappa, per-class recall and ROC AUC of P >= cut against the hand labels."""
    from sklearn.metrics import cohen_kappa_score, roc_auc_score

    if not rows:
        return {"n": 0}
    said = [p >= cut for p, _ in rows]
    y = [h for _, h in rows]
    both = len(set(y)) > 1
    kappa = float(cohen_kappa_score(y, said)) if both and len(set(said) | set(y)) > 1 else None
    pos, neg = sum(y), len(y) - sum(y)
    return {"n": len(rows), "accuracy": round(sum(a == b for a, b in zip(said, y)) / len(y), 4),
            "kappa": None if kappa is None else round(kappa, 4),
            "helpful_recall": round(sum(a and b for a, b in zip(said, y)) / pos, 4) if pos else None,
            "unhelpful_recall": round(sum(not a and not b for a, b in zip(said, y)) / neg, 4) if neg else None,
            "roc_auc": round(float(roc_auc_score(y, [p for p, _ in rows])), 4) if both else None}


def report() -> dict:
    from foundation.settings import Settings

    settings = Settings()
    model = settings.eval.judge_model_path.stem
    cache = ProbabilityCache(settings.home / "bench" / "judge-variants.json")
    out: dict = {"model": model, "tuning_banks": TUNING, "held_out_banks": HELD_OUT, "variants": {}}
    pool = load_pool()
    for variant in VARIANTS:
        rows: dict[str, list[tuple[float, bool]]] = {}
        total: dict[str, int] = {}
        for pair in pool:
            total[pair.bank] = total.get(pair.bank, 0) + 1
            p = cache.data.get(cache.key(model, variant, prompt_of(variant, pair, RELEVANCE_SHOTS)))
            if p is not None:
                rows.setdefault(pair.bank, []).append((p, pair.helps))
        if not rows:
            continue
        tuning = [r for b in TUNING for r in rows.get(b, [])]
        tuned = max(GRID, key=lambda c: (stats(tuning, c).get("kappa") or -1, -abs(c - 0.5))) if tuning else None
        cuts = {"0.5": 0.5} | ({f"tuned {tuned}": tuned} if tuned is not None and tuned != 0.5 else {})
        entry = {"scored": {b: f"{len(rows.get(b, []))}/{total[b]}" for b in total}, "cuts": {}}
        for name, cut in cuts.items():
            entry["cuts"][name] = {
                "tuning (pooled)": stats(tuning, cut),
                "held-out (pooled)": stats([r for b in HELD_OUT for r in rows.get(b, [])], cut),
                **{b: stats(rows[b], cut) for b in BANKS_ORDERED if b in rows}}
        out["variants"][variant] = entry
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "judge_variants.json").write_text(json.dumps(out, indent=1) + "\n")
    return out


BANKS_ORDERED = HELD_OUT + TUNING

if __name__ == "__main__":
    if sys.argv[1] == "score":
        score(sys.argv[2:] or list(VARIANTS))
    else:
        print(json.dumps(report(), indent=1))
