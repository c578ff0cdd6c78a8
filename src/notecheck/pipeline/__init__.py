"""The spaCy pipeline: note -> Doc with facts. The only part of notecheck, with facts.py, that imports spaCy."""

import importlib
import importlib.util
import sys
import types
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config


class _Deferred(types.ModuleType):
    """A module that imports itself on first attribute use; until then `import name` costs nothing."""

    def __getattr__(self, attr: str) -> Any:
        del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)  # modules that already hold this stand-in see the real names
        return getattr(real, attr)


def _defer_import(name: str) -> None:
    """Put a _Deferred stand-in for `name` in sys.modules unless the module is already imported."""
    spec = None if name in sys.modules else importlib.util.find_spec(name)
    if spec is not None:
        module = _Deferred(name)
        module.__spec__ = spec  # no __path__: importing a submodule asks for it, which loads the package
        sys.modules[name] = module


# medspacy imports QuickUMLS at import, which imports NLTK, SciPy and scikit-learn (~1 s) for stopwords it
# reads only when a QuickUMLS matcher is built; notecheck builds none, so NLTK loads only if used.
_defer_import("nltk")

# Importing the modules registers their factories (entry points do the same for a saved pipeline).
from notecheck.pipeline import (  # noqa: E402, F401 (after _defer_import on purpose)
    context,
    durations,
    fact_filters,
    fact_matcher,
    levels,
    model_facts,
    scoped_context,
    sections,
    sentences,
    tokenizer,
)

CONFIG = Path(__file__).with_name("notecheck.cfg")

# medSpaCy's matchers warn (W036) on every doc when a rule set has no token patterns, which ours may not.
warnings.filterwarnings("ignore", message=r"\[W036\]")


def build(patterns_dir: Path | None = None, *, components: Mapping[str, Mapping[str, Any]] | None = None) -> Language:
    """Build the pipeline from notecheck.cfg, every rule component reading `patterns_dir`.

    `components` overrides options of named components, e.g. {"model_facts": {"enabled": False}}.
    """
    config = load_config(CONFIG)
    for name, options in (components or {}).items():
        config["components"][name].update(options)
    if patterns_dir is not None:
        for name in config["nlp"]["pipeline"]:
            if "patterns_dir" in config["components"][name]:
                config["components"][name]["patterns_dir"] = str(patterns_dir)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    assert isinstance(nlp, Language)
    return nlp


__all__ = ["CONFIG", "build", "spacy"]
