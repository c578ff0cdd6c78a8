"""Shared fixtures: one real pipeline per session; --update-golden refreshes golden reports on purpose."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_notes"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json")


@pytest.fixture(scope="session")
def checker():
    import notecheck

    return notecheck.load()


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# Treatment counts only for a spinal condition the note states (docs/annotation.md C16): tests of treatment
# wording put this before a sentence that would otherwise stand alone.
SPINAL_COMPLAINT = "Low back pain.\n\n"


def present_values(checker, text: str, kind: str) -> set[str]:
    """The values of the facts of `kind` that the note asserts for the patient (history included)."""
    return {f.value for f in checker.extract(text) if f.kind == kind and f.assertion == "present"}
