"""Reading notes (notecheck.notes): every encoding a clinic exports, and bad files as coded one-line errors."""

import io
from pathlib import Path

import pytest

from notecheck.errors import BinaryNoteError, InputError, NoteTooLargeError
from notecheck.notes import decode, read_note, read_stream, validate_text

SECRET = "Zebulon Quartermaine"  # a name that must never reach an error message
TEXT = f"{SECRET}: chronic sacrococcygeal pain; café owner, naïve to PT – résumé “noted”."  # noqa: RUF001 (an en dash: cp1252 has it, latin-1 does not)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf-8"),
        pytest.param(TEXT.encode("utf-8-sig"), TEXT, id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), TEXT, id="utf-16-bom"),
        # Detection ties cp1250/cp1252 on short notes: cp1252 must win ("naïve", not "naďve").
        pytest.param(TEXT.encode("cp1252"), TEXT, id="cp1252-tie"),
        pytest.param((TEXT + " é").encode("utf-8")[:-1], TEXT + " \ufffd", id="utf-8-cut-in-last-character"),
        pytest.param(("é" + TEXT + "€").encode("utf-8")[:-2], "é" + TEXT + "\ufffd", id="utf-8-cut-3-byte-character"),
    ],
)
def test_when_a_note_is_in_a_common_encoding_then_it_decodes_to_its_text(data, expected):
    assert decode(data, "n.txt") == expected


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        pytest.param(lambda d: d, "is a folder", id="a-folder"),
        pytest.param(lambda d: d / "nope.txt", "no such file", id="missing"),
    ],
)
def test_when_the_path_is_not_a_note_file_then_one_line_says_what_it_is(tmp_path, make, needle):
    with pytest.raises(InputError) as caught:
        read_note(make(tmp_path))
    assert needle in str(caught.value) and "Error)" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "max_chars", "says"),
    [
        pytest.param(b"x" * 41, 10, "41 bytes", id="file-over-4-bytes-per-character"),
        pytest.param("é".encode() * 11, 10, "11 characters", id="text-over-the-limit"),
    ],
)
def test_when_a_note_is_too_large_then_the_message_names_the_unit_and_no_missing_option(tmp_path, data, max_chars, says):
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    with pytest.raises(NoteTooLargeError) as caught:
        read_note(path, max_chars=max_chars)
    message = str(caught.value)
    assert says in message and "over the limit of 10 characters" in message
    assert "--max-chars" not in message  # no such option exists


def test_when_standard_input_is_huge_then_it_is_refused_without_reading_it_all():
    stream = io.BytesIO(b"pain " * 1000)
    with pytest.raises(NoteTooLargeError):
        read_stream(stream, "stdin", max_chars=10)
    assert stream.tell() == 41  # read the limit plus one byte, no more


def test_when_a_note_file_is_read_then_a_secret_never_reaches_an_error(tmp_path):
    path = Path(tmp_path / "bin.txt")
    path.write_bytes(b"\x00\x01" + SECRET.encode())
    with pytest.raises(InputError) as caught:
        read_note(path)
    assert SECRET not in str(caught.value)


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
