"""notecheck: which documentation a proposed ICD-10-CM spine code still lacks, with evidence."""

from notecheck.api import Checker, load
from notecheck.report import Report

__version__ = "0.1.0"
__all__ = ["Checker", "Report", "__version__", "load"]
