"""The judge's disk cache: a langchain cache in sqlite under PNS_HOME.

Why: a CPU judge needs seconds to minutes per call, and a report is re-run often while the answers it
judges barely change. Keyed by sha256(model configuration + prompt), so a changed model, setting or
prompt is a miss and everything else is free.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from langchain_core.caches import RETURN_VAL_TYPE, BaseCache
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, Generation

from foundation.settings import Settings


class DiskJudgeCache(BaseCache):
    """A langchain cache in sqlite, keyed by sha256(model configuration + prompt)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS calls (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    @staticmethod
    def key(prompt: str, llm_string: str) -> str:
        return hashlib.sha256(f"{llm_string}\x00{prompt}".encode()).hexdigest()

    def lookup(self, prompt: str, llm_string: str) -> RETURN_VAL_TYPE | None:
        with self._lock, self._connect() as db:
            row = db.execute("SELECT value FROM calls WHERE key = ?", (self.key(prompt, llm_string),)).fetchone()
        if row is None:
            return None
        try:
            return [
                ChatGeneration(message=AIMessage(content=g["text"]), generation_info=g.get("info"))
                if g.get("chat", True) else Generation(text=g["text"], generation_info=g.get("info"))
                for g in json.loads(row[0])
            ]
        except (ValueError, KeyError, TypeError):  # a corrupt entry is a miss, not a crash
            return None

    def update(self, prompt: str, llm_string: str, return_val: RETURN_VAL_TYPE) -> None:
        # Plain JSON of text + finish info: enough for ragas, and no deserialisation of objects.
        value = json.dumps([
            {"text": g.text, "info": g.generation_info, "chat": isinstance(g, ChatGeneration)} for g in return_val
        ], default=str)
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO calls (key, value, created) VALUES (?, ?, ?)",
                (self.key(prompt, llm_string), value, time.time()),
            )

    def clear(self, **kwargs: Any) -> None:
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM calls")

    def __len__(self) -> int:
        with self._lock, self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM calls").fetchone()[0])


def judge_cache_path(settings: Settings) -> Path:
    return settings.home / "eval" / "judge-cache.sqlite"
