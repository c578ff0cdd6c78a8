"""The spaCy pipeline: note -> Doc with facts. The only part of notecheck, with facts.py, that imports spaCy."""

import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config

# Importing the modules registers their factories (entry points do the same for a saved pipeline).
from notecheck.pipeline import (  # noqa: F401
    context,
    durations,
    fact_filters,
    fact_matcher,
    levels,
    sections,
    sentences,
)

CONFIG = Path(__file__).with_name("notecheck.cfg")

# medSpaCy's matchers warn (W036) on every doc when a rule set has no token patterns, which ours may not.
warnings.filterwarnings("ignore", message=r"\[W036\]")


def build(patterns_dir: Path | None = None) -> Language:
    """Build the pipeline from notecheck.cfg, every rule component reading `patterns_dir`."""
    config = load_config(CONFIG)
    if patterns_dir is not None:
        for name in config["nlp"]["pipeline"]:
            if "patterns_dir" in config["components"][name]:
                config["components"][name]["patterns_dir"] = str(patterns_dir)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    assert isinstance(nlp, Language)
    return nlp


__all__ = ["CONFIG", "build", "spacy"]
