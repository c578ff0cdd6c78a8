"""Where notecheck's data lives: patterns/ and models/.

An installed wheel carries them under notecheck/_data/; a source checkout (editable install) has them at
the repository root. NOTECHECK_PATTERNS / NOTECHECK_MODELS override both.
"""

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    bundled = _PACKAGE / "_data" / name
    if bundled.is_dir():
        return bundled
    # Source checkout: src/notecheck -> repository root.
    return _PACKAGE.parent.parent / name


def patterns_dir() -> Path:
    """The folder of rule files."""
    return _find("patterns", "NOTECHECK_PATTERNS")


def models_dir() -> Path:
    """The folder of trained models."""
    return _find("models", "NOTECHECK_MODELS")
