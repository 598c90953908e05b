"""py3langid's model, read from a plain copy kept under HOME instead of its packaged LZMA file.

Why: the identifier runs on every English question (its odds against English decide, assistant/language.py),
and loading the packaged model decompresses 4.5 MB of LZMA: 0.6-1.8 s of a cold `pns ask` on two busy
cores, more than anything else the triage does. The first process decompresses it as py3langid does and keeps
the plain .npz (the same arrays, so the same probabilities) under HOME/cache/; later processes read that in
milliseconds. A missing, damaged or unwritable copy falls back to the packaged file.
"""

from __future__ import annotations

from array import array
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


def cached_copy(cache_dir: Path, packaged: Path) -> Path:
    """Where the plain copy of `packaged` lives: a new py3langid model file (another size) gets a new copy."""
    return cache_dir / f"py3langid-{packaged.stat().st_size}.npz"


def _plain_arrays(packaged: Path, copy: Path | None) -> dict[str, Any]:
    """The model's arrays, from the plain copy when it is there, else decompressed and (best effort) kept."""
    import io
    import lzma

    import numpy as np

    if copy is not None and copy.is_file():
        try:
            with np.load(copy, allow_pickle=False) as data:
                if set(_KEYS) <= set(data.files):
                    return {k: data[k] for k in _KEYS}
        except (OSError, ValueError):
            pass  # damaged: decompressed again below
    raw = lzma.decompress(packaged.read_bytes())
    if copy is not None:
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
            tmp = copy.with_suffix(".tmp")
            tmp.write_bytes(raw)
            tmp.replace(copy)
        except OSError:
            pass  # a read-only home decompresses each time, as before
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return {k: data[k] for k in _KEYS}


def load_identifier(languages: list[str], cache_dir: Path | None = None) -> Any:
    """py3langid's LanguageIdentifier (normalised probabilities, restricted to `languages`), built from the same
    arrays its own reader loads; without `cache_dir` it is py3langid's own loading."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if cache_dir is None:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    else:
        packaged = Path(MODEL_DIR) / MODEL_FILE
        a = _plain_arrays(packaged, cached_copy(cache_dir, packaged))
        identifier = LanguageIdentifier(a["ptc"], a["pc"], a["classes"].tolist(), _stdlib_array(a["nextmove"]),
                                        a["out_feat"].tolist(), norm_probs=True, tk_row=_stdlib_array(a["nextmove_row"]))
    identifier.set_languages(languages)
    return identifier
