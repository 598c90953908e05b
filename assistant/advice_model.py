"""The learned personal-advice check: the emergency check's model (assistant/emergency_model.py) trained on
personal asks instead of emergencies, OR-ed with the personal-advice rules (assistant/personal_case_rules.py).

Why a model next to the rules: the rules name the phrasings they were written for ("should i stop my
chemo", "do i have pns"), and people ask about a specific person's case in more ways than any table lists
("my dad has sclc and his legs are weak, is it pns", "whats the right dose of ivig for my husband"). The
same features (the bundled sentence vector and hashed word n-grams), the same per-sentence scoring, distance
gate and npz format serve both checks, so there is one learned-check code path; this module only names the
weights file. The model only ever adds personal_advice to a question the rules let through as ordinary; an
emergency (rules or model) is decided first and always wins. Trained and measured by
benchmarks/advice_classifier.py; the weights record the sha256 of their training rows (a test recomputes it).
"""

from __future__ import annotations

from pathlib import Path

from assistant.emergency_model import EmergencyModel, Embed, Finding, find_emergency, load_emergency_model

MODEL_FILE = Path(__file__).resolve().parent / "data" / "advice_model.npz"
LEARNED_RULE = "advice_model"  # the verdict's rule name (with its probability) when this check decided


def load_advice_model(path: Path = MODEL_FILE) -> EmergencyModel | None:
    """The committed weights, or None when absent or of another format (the rules still run)."""
    return load_emergency_model(path)


def find_personal_ask(model: EmergencyModel, text: str, embed: Embed) -> Finding | None:
    """The most probable personal-ask piece of `text` (the whole message, or one of its sentences at the
    higher per-sentence bar) inside the distance gate, else None."""
    return find_emergency(model, text, embed)
