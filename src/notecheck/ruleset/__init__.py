"""Rules as data: the pydantic schemas of patterns/ and their loader."""

from notecheck.ruleset.loader import Ruleset, load_ruleset

__all__ = ["Ruleset", "load_ruleset"]
