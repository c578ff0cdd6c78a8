"""validate_text: what counts as a binary note (control characters other than whitespace)."""

import pytest

from notecheck.errors import BinaryNoteError
from notecheck.notes import validate_text


@pytest.mark.parametrize(
    ("text", "binary"),
    [
        pytest.param("Back pain.\r\n\tPlan:\fPT\v" * 50, False, id="whitespace-controls-are-text"),
        pytest.param("x" * 99 + "\x01", False, id="one-in-a-hundred-is-text"),
        pytest.param("x" * 98 + "\x01\x1b", True, id="two-in-a-hundred-is-binary"),
        pytest.param("\x00" * 10 + "x" * 5000, False, id="few-nuls-in-a-long-note"),
        pytest.param("x" * 30000 + "\x00" * 400, False, id="only-the-first-20000-characters-count"),
    ],
)
def test_when_control_characters_then_binary_or_text(text, binary):
    if binary:
        with pytest.raises(BinaryNoteError):
            validate_text(text, "note")
    else:
        assert validate_text(text, "note") == text
