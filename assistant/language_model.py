"""py3langid's model, read from a plain copy kept under HOME instead of its packaged LZMA file.

Why: the identifier runs on every English question (its odds against English decide, assistant/language.py),
and loading the packaged model decompresses 4.5 MB of LZMA: 0.6-1.8 s of a cold `pns ask` on two busy
cores, more than anything else the triage does. The first process decompresses it as py3langid does and keeps
the arrays under HOME/cache/ as plain .npy files, already restricted to the languages the detector asks for
(its 44 of py3langid's 142 columns: 9 of the table's 28 MB); later processes read those in tens of
milliseconds, neither unzipping a 68 MB archive nor cutting the table's columns again. The restriction is the
one py3langid's own set_languages makes, so the identifier holds the same arrays and gives the same
probabilities. A missing, damaged or unwritable copy falls back to the packaged file.
"""

from __future__ import annotations

import hashlib
import shutil
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The packaged model's arrays (py3langid.modelio: "npz inside LZMA, no pickle").
_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_TYPECODE = {2: "H", 4: "I", 8: "L"}


def _stdlib_array(values: Any) -> array:
    """A numpy unsigned int array as the stdlib array py3langid's tokenizer walks (as its model reader makes it)."""
    import numpy as np

    out = array(_TYPECODE[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def locate_copy(cache_dir: Path, packaged: Path, languages: Sequence[str]) -> Path:
    """The folder of the plain, restricted copy: a new py3langid model file (another size) or another language
    list gets a new copy."""
    digest = hashlib.sha256(" ".join(languages).encode()).hexdigest()[:12]
    return cache_dir / f"py3langid-{packaged.stat().st_size}-{digest}"


def _packaged_arrays(packaged: Path) -> dict[str, Any]:
    """The model's arrays, decompressed as py3langid's reader does."""
    import io
    import lzma

    import numpy as np

    with np.load(io.BytesIO(lzma.decompress(packaged.read_bytes())), allow_pickle=False) as data:
        return {k: data[k] for k in _KEYS}


def _restricted(arrays: dict[str, Any], languages: Sequence[str]) -> dict[str, Any]:
    """The arrays with only `languages`' columns, in the model's order (what set_languages keeps of them)."""
    import numpy as np

    wanted = set(languages)
    columns = [i for i, c in enumerate(arrays["classes"].tolist()) if c in wanted]
    return arrays | {"ptc": np.ascontiguousarray(arrays["ptc"][:, columns]), "pc": arrays["pc"][columns],
                     "classes": arrays["classes"][columns]}


def _read_copy(folder: Path) -> dict[str, Any] | None:
    import numpy as np

    try:
        return {k: np.load(folder / f"{k}.npy", allow_pickle=False) for k in _KEYS}
    except (OSError, ValueError):
        return None  # missing or damaged: made again


def _keep_copy(folder: Path, arrays: dict[str, Any]) -> None:
    """Write the copy into a temporary folder and rename it into place (best effort: a read-only home decompresses
    each time, as before)."""
    import numpy as np

    tmp = folder.with_name(folder.name + ".tmp")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for k in _KEYS:
            np.save(tmp / f"{k}.npy", arrays[k], allow_pickle=False)
        shutil.rmtree(folder, ignore_errors=True)
        tmp.replace(folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def _plain_arrays(packaged: Path, languages: Sequence[str], folder: Path) -> dict[str, Any]:
    """The restricted arrays, from the plain copy when it is there, else decompressed, restricted and kept."""
    kept = _read_copy(folder)
    if kept is not None:
        return kept
    arrays = _restricted(_packaged_arrays(packaged), languages)
    _keep_copy(folder, arrays)
    return arrays


def load_identifier(languages: list[str], cache_dir: Path | None = None) -> Any:
    """py3langid's LanguageIdentifier (normalised probabilities, restricted to `languages`), built from the same
    arrays its own reader loads; without `cache_dir` it is py3langid's own loading."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if cache_dir is None:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    else:
        packaged = Path(MODEL_DIR) / MODEL_FILE
        a = _plain_arrays(packaged, languages, locate_copy(cache_dir, packaged, languages))
        identifier = LanguageIdentifier(a["ptc"], a["pc"], a["classes"].tolist(), _stdlib_array(a["nextmove"]),
                                        a["out_feat"].tolist(), norm_probs=True, tk_row=_stdlib_array(a["nextmove_row"]))
    identifier.set_languages(languages)
    return identifier
