"""The requirement engine: facts + a proposed code -> a check. Pure Python: no spaCy here."""

from notecheck.checker.engine import check_code, check_codes

__all__ = ["check_code", "check_codes"]
