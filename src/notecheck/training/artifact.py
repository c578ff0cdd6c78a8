"""A trained model on disk: models/<name>/v<N>/ with model.skops, manifest.json and MODEL_CARD.md.

Loading checks the file's sha256 against the manifest and the library versions against the running ones
before skops reads it, and skops only builds the types listed in TRUSTED_TYPES (no pickle anywhere).
"""

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notecheck.errors import ModelError

MODEL_FILE = "model.skops"
MANIFEST_FILE = "manifest.json"
CARD_FILE = "MODEL_CARD.md"
# Everything skops may build beyond its defaults (scikit-learn estimators, numpy, scipy are trusted by
# skops itself); a file asking for anything else is refused before it is read.
TRUSTED_TYPES: tuple[str, ...] = ()
# Libraries whose version must match the one that wrote the file.
PINNED = ("scikit-learn", "skops", "numpy", "scipy")


class Manifest(BaseModel):
    """What a model directory claims about its model file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int
    created: str = Field(description="UTC date and time the training command wrote the model.")
    seed: int
    model_file: str
    sha256: str = Field(description="sha256 of the model file.")
    libraries: dict[str, str]
    data: dict[str, str] = Field(description="sha256 of each dataset file and of all together.")
    examples: dict[str, dict[str, int]] = Field(description="Per task, sentences per class.")
    tasks: dict[str, dict[str, Any]] = Field(description="Per task: fact kind, emitted values, rules-first kinds.")
    cv: dict[str, dict[str, Any]] = Field(description="Cross-validated metrics per task.")
    thresholds: dict[str, float] = Field(description="Per task, the threshold: tuned on dev gold notes where that raised F1, else from cross-validation.")
    trusted_types: list[str]
    tuning: dict[str, Any] | None = Field(default=None, description="Element F1 change per threshold on dev gold notes.")
    heldout: dict[str, Any] | None = Field(default=None, description="Rules vs rules+model on held-out gold notes.")


def library_versions() -> dict[str, str]:
    """The running versions of the libraries a model file depends on."""
    from importlib.metadata import version

    return {name: version(name) for name in PINNED}


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(directory: Path, payload: dict[str, Any], manifest: dict[str, Any]) -> Manifest:
    """Write the model file and its manifest (the card is written by the caller)."""
    import skops.io as sio

    directory.mkdir(parents=True, exist_ok=True)
    model_path = directory / MODEL_FILE
    sio.dump(payload, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    written = Manifest(
        **manifest,
        model_file=MODEL_FILE,
        sha256=sha256_of(model_path),
        libraries=library_versions(),
        trusted_types=list(TRUSTED_TYPES),
    )
    (directory / MANIFEST_FILE).write_text(written.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return written


def read_manifest(directory: Path) -> Manifest:
    """The manifest of a model directory, validated."""
    path = directory / MANIFEST_FILE
    if not path.is_file():
        raise ModelError(path=str(directory), detail="no manifest.json; train the model with `notecheck train`")
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ModelError(path=str(path), detail=f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def load(directory: Path) -> tuple[dict[str, Any], Manifest]:
    """The model payload and its manifest, after the integrity and version checks."""
    import skops.io as sio

    manifest = read_manifest(directory)
    model_path = directory / manifest.model_file
    if not model_path.is_file():
        raise ModelError(path=str(directory), detail=f"{manifest.model_file} is missing; retrain with `notecheck train`")
    if sha256_of(model_path) != manifest.sha256:
        raise ModelError(path=str(model_path), detail="sha256 differs from manifest.json: the file was changed or "
                         "corrupted; restore it or retrain with `notecheck train`")
    running = library_versions()
    stale = {k: v for k, v in manifest.libraries.items() if running.get(k) != v}
    if stale:
        name, wrote = next(iter(stale.items()))
        raise ModelError(path=str(directory), detail=f"written with {name} {wrote}, running {running.get(name)}; "
                         "retrain with `notecheck train` or install the pinned versions")
    untrusted = sorted(set(sio.get_untrusted_types(file=model_path)) - set(TRUSTED_TYPES))
    if untrusted:
        raise ModelError(path=str(model_path), detail=f"the file asks for a type outside the trusted list ({untrusted[0]}); refusing to load it")
    payload = sio.load(model_path, trusted=list(TRUSTED_TYPES))
    if not isinstance(payload, dict) or not {"vectorizer", "classifiers", "rule_features"} <= set(payload):
        raise ModelError(path=str(model_path), detail="not a notecheck sentence model (vectorizer, classifiers, rule_features)")
    return payload, manifest


def write_json(path: Path, data: Any) -> None:
    """Pretty JSON with a trailing newline."""
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
