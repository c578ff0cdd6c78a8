"""What an audit reads: a folder of notes, a manifest CSV, or JSON Lines files -> a list of NoteTask.

The parent process reads the bytes (cheap) and hashes them; decoding and checking happen in workers.
A note that cannot be read becomes a task that already carries its error, so it still gets its row.
"""

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from notecheck import icd
from notecheck.errors import (
    InputError,
    InvalidCodeError,
    ManifestError,
    NotecheckError,
    NoteNotFoundError,
    NoteTooLargeError,
)
from notecheck.notes import MAX_BYTES_PER_CHAR, MAX_CHARS, decode

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_REQUIRED_COLUMNS = ("path", "codes")


@dataclass(frozen=True)
class NoteTask:
    """One note to audit: its id, where it came from, its codes and its content (bytes or text)."""

    note_id: str
    source: str
    codes: tuple[str, ...]
    sha256: str
    data: bytes | None = None
    text: str | None = None
    error_code: str | None = None
    error_message: str | None = None


def collect(notes: Path, manifest: Path | None = None, *, exclude: Path | None = None) -> list[NoteTask]:
    """All tasks of a run, in input order; stops with ManifestError on a bad manifest or a duplicate id."""
    if manifest is not None:
        if notes.is_file():
            raise ManifestError(path=manifest.name, detail="--codes needs a folder of notes; a JSON Lines file carries its own codes")
        tasks = list(_from_manifest(notes, manifest))
    elif notes.is_file() and _is_jsonl(notes):
        tasks = list(_from_jsonl(notes, notes.name, ()))
    elif notes.is_file():  # one plain note given directly: one task, not one error per line
        tasks = [_from_file(notes, notes.name, notes.stem, ())]
    elif notes.is_dir():
        tasks = list(_from_folder(notes, exclude))
    else:
        raise NoteNotFoundError(note=str(notes))
    _refuse_duplicates(tasks, manifest or notes)
    return tasks


def normalize_codes(raw: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Claims spelling or dotted -> dotted, duplicates dropped; a malformed code is kept as written."""
    codes: dict[str, None] = {}
    for code in raw:
        code = code.strip()
        if not code:
            continue
        try:
            codes[icd.normalize(code)] = None
        except InvalidCodeError:
            codes[code] = None
    return tuple(codes)


def _fingerprint(content: bytes, codes: tuple[str, ...]) -> str:
    """The resume key's content part: the note's bytes and its codes (new codes mean a new check)."""
    return hashlib.sha256(content + b"\x00" + ";".join(codes).encode("utf-8")).hexdigest()


def _is_jsonl(path: Path) -> bool:
    """A .jsonl/.ndjson file, or any file whose first non-blank line is a JSON object."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    first = next((line for line in head.splitlines() if line.strip()), b"")
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _manifest_rows(manifest: Path) -> list[dict[str, str]]:
    """The manifest's rows: any common encoding (Excel's UTF-8 with a BOM, cp1252, UTF-16), CRLF or LF."""
    try:
        data = manifest.read_bytes()
    except OSError:
        raise ManifestError(path=manifest.name, detail="cannot open the manifest (no such file or not readable)") from None
    try:
        text = decode(data, manifest.name)
    except InputError:
        raise ManifestError(path=manifest.name, detail="the manifest is not a text CSV file; save it as CSV (UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [(name or "").strip() for name in reader.fieldnames or []]
        missing = [name for name in _REQUIRED_COLUMNS if name not in header]
        if missing:
            raise ManifestError(
                path=manifest.name,
                detail=f"missing column(s) {', '.join(missing)}; the header needs path and codes, e.g. path,codes,note_id",
            )
        reader.fieldnames = header
        return list(reader)
    except csv.Error as exc:
        raise ManifestError(path=manifest.name, detail=f"line {reader.line_num}: not valid CSV ({exc})") from None


def _from_manifest(notes: Path, manifest: Path) -> Iterator[NoteTask]:
    for line, row in enumerate(_manifest_rows(manifest), start=2):
        rel = (row.get("path") or "").strip()
        if not rel:
            raise ManifestError(path=manifest.name, detail=f"line {line}: the path is empty")
        codes = normalize_codes((row.get("codes") or "").split(";"))
        path = notes / rel
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _from_jsonl(path, rel, codes)
        else:
            note_id = (row.get("note_id") or "").strip() or str(Path(rel).with_suffix("").as_posix())
            yield _from_file(path, rel, note_id, codes)


def _from_folder(notes: Path, exclude: Path | None) -> Iterator[NoteTask]:
    skip = exclude.resolve() if exclude else None
    for path in sorted(notes.rglob("*")):
        rel = path.relative_to(notes)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if skip is not None and path.resolve().is_relative_to(skip):
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _from_jsonl(path, rel.as_posix(), ())
        else:
            yield _from_file(path, rel.as_posix(), rel.with_suffix("").as_posix(), ())


def _from_file(path: Path, source: str, note_id: str, codes: tuple[str, ...]) -> NoteTask:
    """Read one note's bytes; a missing, unreadable or oversized file becomes a failed task."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES_PER_CHAR * MAX_CHARS:  # no need to read it: it cannot fit the limit
            too_large = NoteTooLargeError(note=source, size=f"{size:,} bytes", limit=f"{MAX_CHARS:,}")
            return _failed(note_id, source, codes, too_large, marker=str(size).encode())
        data = path.read_bytes()
    except FileNotFoundError:
        return _failed(note_id, source, codes, NoteNotFoundError(note=source))
    except OSError as exc:  # a folder, no permission, an I/O error
        error = InputError(note=source, detail=f"cannot read the file ({exc.__class__.__name__})")
        return _failed(note_id, source, codes, error)
    return NoteTask(note_id=note_id, source=source, codes=codes, sha256=_fingerprint(data, codes), data=data)


def _failed(note_id: str, source: str, codes: tuple[str, ...], error: NotecheckError, marker: bytes = b"") -> NoteTask:
    return NoteTask(
        note_id=note_id,
        source=source,
        codes=codes,
        sha256=_fingerprint(error.code.encode() + marker, codes),
        error_code=error.code,
        error_message=error.message,
    )


def _from_jsonl(path: Path, source: str, default_codes: tuple[str, ...]) -> Iterator[NoteTask]:
    """One task per non-blank line: {"note_id": ..., "text": ..., "codes": [...] or "A;B"}."""
    stem = Path(source).with_suffix("").as_posix()
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except FileNotFoundError:
        yield _failed(stem, source, default_codes, NoteNotFoundError(note=source))
        return
    except (OSError, UnicodeDecodeError) as exc:
        error = InputError(note=source, detail=f"cannot read the JSON Lines file ({exc.__class__.__name__}); save it as UTF-8")
        yield _failed(stem, source, default_codes, error)
        return
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_task(line, f"{source}:{number}", f"{stem}:{number}", default_codes)


def _jsonl_task(line: str, where: str, fallback_id: str, default_codes: tuple[str, ...]) -> NoteTask:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        record = None
    if not isinstance(record, dict):
        detail = "the line is not a JSON object with note_id, text and codes"
        return _failed(fallback_id, where, default_codes, InputError(note=where, detail=detail), line.encode())
    note_id = record.get("note_id")
    note_id = str(note_id) if isinstance(note_id, (str, int)) and str(note_id).strip() else fallback_id
    raw_codes = record.get("codes")
    if isinstance(raw_codes, str):
        raw_codes = raw_codes.split(";")
    codes = normalize_codes([str(c) for c in raw_codes]) if isinstance(raw_codes, list) else default_codes
    text = record.get("text")
    if not isinstance(text, str):
        detail = "the line has no text field (a string)"
        return _failed(note_id, where, codes, InputError(note=f"{where} ({note_id})", detail=detail), line.encode())
    return NoteTask(note_id=note_id, source=where, codes=codes, sha256=_fingerprint(text.encode("utf-8"), codes), text=text)


def _refuse_duplicates(tasks: list[NoteTask], where: Path) -> None:
    seen: dict[str, str] = {}
    for task in tasks:
        if task.note_id in seen:
            detail = (
                f"note id {task.note_id!r} is used twice ({seen[task.note_id]} and {task.source}); "
                "give each note its own id (a note_id column or field)"
            )
            raise ManifestError(path=where.name, detail=detail)
        seen[task.note_id] = task.source
