"""Reading notes from disk: any common encoding, RTF exports; bad input gets a coded one-line error."""

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from notecheck.errors import BinaryNoteError, EmptyNoteError, EncodingError, NoteNotFoundError, NoteTooLargeError

MAX_CHARS = 1_000_000
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
_CONTROL_SHARE = 0.01
# The control characters a text note should not hold, found by one regex scan instead of a Python loop.
_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _CONTROL_OK) + "]")
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
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise EncodingError(note=note) from None
        text = str(best)
    if text.lstrip().startswith("{\\rtf"):
        from striprtf.striprtf import rtf_to_text

        text = rtf_to_text(text)
    return text


def validate_text(text: str, note: str, max_chars: int = MAX_CHARS) -> str:
    """Refuse empty, binary-looking or oversized text (the message names the note, never quotes it)."""
    if len(text) > max_chars:
        raise NoteTooLargeError(note=note, size=len(text), limit=max_chars)
    if not text.strip():
        raise EmptyNoteError(note=note)
    controls = len(_CONTROLS.findall(text[:20000]))
    if controls > _CONTROL_SHARE * min(len(text), 20000):
        raise BinaryNoteError(note=note)
    return text


def read_note(path: Path, max_chars: int = MAX_CHARS) -> str:
    """Read and validate one note file."""
    note = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NoteNotFoundError(note=note) from None
    except (IsADirectoryError, PermissionError) as exc:
        from notecheck.errors import InputError

        raise InputError(note=note, detail=f"cannot read the file ({exc.__class__.__name__})") from None
    if len(data) > 4 * max_chars:
        raise NoteTooLargeError(note=note, size=len(data), limit=max_chars)
    return validate_text(decode(data, note), note, max_chars)
