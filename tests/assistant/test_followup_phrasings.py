"""Follow-ups over thirty synthetic conversations, made standalone through triage (normalised turns)."""

from __future__ import annotations


def test_follow_ups_keep_their_subject(triage, phrasings) -> None:
    rows = [line.split("\t") for line in phrasings("followups.tsv")]
    assert len(rows) >= 30
    failures = []
    for earlier, question, must, must_not in rows:
        history = []
        for turn in earlier.split(" || "):
            history += [{"role": "user", "content": turn}, {"role": "assistant", "content": "An answer [1]."}]
        standalone = triage.triage(question, history).standalone.lower()
        missing = [w for w in must.split(",") if w.strip() and w.strip() not in standalone]
        present = [w for w in must_not.split(",") if w.strip() and w.strip() in standalone]
        if missing or present:
            failures.append((question, standalone, missing, present))
    assert failures == []
