"""Reading notes from disk: any common encoding, RTF exports; bad input gets a coded one-line error."""

import codecs
import re
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from notecheck.errors import (
    BinaryNoteError,
    EmptyNoteError,
    EncodingError,
    InputError,
    NoteNotFoundError,
    NoteTooLargeError,
)

MAX_CHARS = 1_000_000
MAX_BYTES_PER_CHAR = 4  # UTF-8's widest character: a file over 4 x MAX_CHARS bytes cannot fit
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_CONTROL_SHARE = 0.01
# The control characters a text note should not hold, found by one regex scan instead of a Python loop.
_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _CONTROL_OK) + "]")
_TIE_WINNER = "cp1252"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, note: str) -> str:
    """Bytes -> text: a BOM, then UTF-8, then charset detection; NUL bytes without a BOM mean binary."""
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data[:8192]:
        raise BinaryNoteError(note=note)
    try:
        text = data.decode(bom or "utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_guessed(data, exc, note)
    if text.lstrip().startswith("{\\rtf"):
        from striprtf.striprtf import rtf_to_text

        text = rtf_to_text(text)  # type: ignore[no-untyped-call]  # striprtf ships no type hints
    return text


def _decode_guessed(data: bytes, exc: UnicodeDecodeError, note: str) -> str:
    """Text that is not valid UTF-8: a UTF-8 file cut inside its last character, else a detected encoding.

    A cut UTF-8 file keeps its text (the broken tail becomes U+FFFD) instead of being re-read whole in a
    wrong legacy encoding. Detection often ties between Windows code pages on short notes; cp1252 (the
    US default, whose notes these are) wins a tie.
    """
    if exc.encoding == "utf-8" and exc.reason == "unexpected end of data" and len(data) - exc.start < 4:
        return data[: exc.start].decode("utf-8-sig") + "\ufffd"
    matches = list(from_bytes(data))
    if not matches:
        raise EncodingError(note=note) from None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    chosen = next((m for m in tied if m.encoding == _TIE_WINNER), best)
    return str(chosen)


def validate_text(text: str, note: str, max_chars: int = MAX_CHARS) -> str:
    """Refuse empty, binary-looking or oversized text (the message names the note, never quotes it)."""
    if len(text) > max_chars:
        raise NoteTooLargeError(note=note, size=f"{len(text):,} characters", limit=f"{max_chars:,}")
    if not text.strip():
        raise EmptyNoteError(note=note)
    controls = len(_CONTROLS.findall(text[:20000]))
    if controls > _CONTROL_SHARE * min(len(text), 20000):
        raise BinaryNoteError(note=note)
    return text


def read_note(path: Path, max_chars: int = MAX_CHARS) -> str:
    """Read and validate one note file; a file too big to be a note is refused before it is read."""
    note = path.name
    try:
        if path.is_dir():
            raise InputError(note=note, detail="is a folder, not a note file; to check a folder, use notecheck audit")
        if path.stat().st_size > MAX_BYTES_PER_CHAR * max_chars:
            raise NoteTooLargeError(note=note, size=f"{path.stat().st_size:,} bytes", limit=f"{max_chars:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise NoteNotFoundError(note=note) from None
    except OSError as exc:
        raise InputError(note=note, detail=f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None
    return validate_text(decode(data, note), note, max_chars)


def read_stream(stream: BinaryIO, note: str, max_chars: int = MAX_CHARS) -> str:
    """Read and validate a note from a stream (standard input), reading no more than a note can hold."""
    limit = MAX_BYTES_PER_CHAR * max_chars
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise NoteTooLargeError(note=note, size=f"over {limit:,} bytes", limit=f"{max_chars:,}")
    return validate_text(decode(data, note), note, max_chars)
