"""One Settings object for every stage.

It lives in `corpus`, the first stage, because every later stage reads it and imports may only
flow forward (corpus -> index -> assistant -> eval). Values come from `PNS_*` environment
variables, then CLI flags override them; the object is passed explicitly, never held globally.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def default_home() -> Path:
    """Where built data lives by default: outside the installed package, per user."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pns"


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as `PNS_<FIELD>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="PNS_", extra="ignore")

    # where things live
    home: Path = Field(default_factory=default_home, description="Built data: index, fetched sources, feedback.")
    article_path: Path = Field(default=PACKAGE_DATA / "article.txt", description="The raw article text.")
    sources_dir: Path | None = Field(default=None, description="Cited source texts + manifest.json (default: HOME/sources).")

    # index
    chroma_url: str | None = Field(default=None, description="Chroma server URL; unset = embedded PersistentClient under HOME.")
    collection: str = "pns"
    embedding_model: str = "all-MiniLM-L6-v2"
    # In the embedding model's word pieces; chosen by retrieval recall@5/MRR in benchmarks/results/chunk_size.json
    # (48: about one sentence or bullet per chunk, still whole sentences; 32 starts cutting them). Overlap 0: the
    # sentence splitter only overlaps whole sentences/bullets, longer than a small overlap, so 20 changed nothing.
    chunk_size: int = 48
    chunk_overlap: int = 0

    # retrieval / answering
    top_k: int = 5
    answerer: Literal["extractive", "llamacpp", "openai", "ollama"] = "extractive"
    llm_model_path: Path | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    # best full-question cosine of a retrieved sentence below this -> not_found/out_of_scope
    # (tuned by benchmarks/tune_abstention.py; results in benchmarks/results/abstention.json)
    abstain_threshold: float = 0.18
    max_question_chars: int = 1000

    # evaluation judge (eval stage): offline GGUF via llama-cpp-python, or an OpenAI-compatible / Ollama endpoint
    judge: Literal["offline", "openai", "ollama", "none"] = "offline"
    judge_model: str | None = Field(default=None, description="Endpoint model name, or a bundled judge GGUF name when offline.")
    judge_model_path: Path | None = Field(default=None, description="A GGUF to judge with (overrides the bundled one).")
    judge_base_url: str | None = None
    judge_api_key: str | None = None
    judge_timeout_s: float = 180.0
    judge_max_retries: int = 2

    # UI
    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = None
    auth_password: str | None = None
    max_concurrency: int = 4

    @property
    def resolved_sources_dir(self) -> Path:
        """The sources folder, defaulting under HOME so nothing is written inside the package."""
        return self.sources_dir or (self.home / "sources")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    def ensure_home(self) -> Path:
        """Create HOME on first use (not at import, so reading settings has no side effects)."""
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def disable_telemetry() -> None:
    """Switch off every analytics/telemetry channel our dependencies know about, before they import."""
    for key, value in {
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "RAGAS_DO_NOT_TRACK": "true",
        "DO_NOT_TRACK": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(key, value)
