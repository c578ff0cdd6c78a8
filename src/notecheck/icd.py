"""ICD-10-CM facts, read from the official tabular shipped by simple-icd-10-cm (never typed by hand)."""

import json
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from notecheck.errors import InvalidCodeError

_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")


@lru_cache(maxsize=1)
def _tabular() -> Any:
    """The tabular: a SQLite cache derived from the installed simple-icd-10-cm, else the package itself."""
    return _SqliteTabular.open() or _package()


def _package() -> Any:
    # Imported lazily: the package parses its XML at import (1-2 s).
    import simple_icd_10_cm

    return simple_icd_10_cm


class _SqliteTabular:
    """The few tabular lookups notecheck makes, answered from SQLite (same names as simple-icd-10-cm).

    Built once from the installed package (every code: description, leaf, children, ancestors, code-first
    and Excludes1 notes) into the user cache, keyed by the package version; nothing in it is typed by hand.
    Delete the file (or set NOTECHECK_CACHE) to rebuild.
    """

    _SCHEMA = 2

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._rows: dict[str, tuple[Any, ...] | None] = {}  # each code is read once per process

    @classmethod
    def cache_path(cls) -> Path:
        """Where the cache of the installed package version lives (NOTECHECK_CACHE, else the user cache)."""
        version = metadata.version("simple-icd-10-cm")
        root = Path(os.environ.get("NOTECHECK_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "notecheck")
        return root / f"icd10cm-simple-icd-10-cm-{version}-v{cls._SCHEMA}.sqlite"

    @classmethod
    def open(cls) -> "_SqliteTabular | None":
        try:
            path = cls.cache_path()
            if not path.exists() or not cls._sound(path):
                cls._build(path)  # missing, or damaged (an interrupted copy, a full disk): build it again
            return cls(path)
        except (OSError, sqlite3.Error, metadata.PackageNotFoundError):
            return None  # no writable cache: read the package itself

    @staticmethod
    def _sound(path: Path) -> bool:
        """The cache opens as SQLite and holds the codes table with rows."""
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                return bool(db.execute("SELECT count(*) FROM (SELECT 1 FROM codes LIMIT 1)").fetchone()[0] == 1)
        except sqlite3.Error:
            return False

    @staticmethod
    def _build(path: Path) -> None:
        cm = _package()
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        with closing(sqlite3.connect(part)) as db:
            db.execute(
                "CREATE TABLE codes (code TEXT PRIMARY KEY, description TEXT, leaf INTEGER, children TEXT,"
                " ancestors TEXT, code_first TEXT, excludes1 TEXT, twin INTEGER)"
            )
            rows = (
                (code, cm.get_description(code), int(cm.is_leaf(code)), json.dumps(cm.get_children(code)),
                 json.dumps(cm.get_ancestors(code)), cm.get_code_first(code), json.dumps(cm.get_excludes1(code)),
                 int(cm.is_block(code) and cm.is_category(code)))
                for code in dict.fromkeys(cm.get_all_codes(True))
            )
            db.executemany("INSERT OR REPLACE INTO codes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.commit()
        os.replace(part, path)  # atomic: a concurrent reader sees no file or a whole one

    def _row(self, code: str) -> tuple[Any, ...] | None:
        if code not in self._rows:
            self._rows[code] = self._read(code)
        return self._rows[code]

    def _read(self, code: str) -> tuple[Any, ...] | None:
        if self._pid != os.getpid():  # a connection must not cross a fork
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        assert self._db is not None
        for key in (code, f"{code[:3]}.{code[3:]}" if len(code) >= 4 else code):
            row = self._db.execute("SELECT * FROM codes WHERE code = ?", (key,)).fetchone()
            if row:
                return tuple(row)
        return None

    def _get(self, code: str) -> tuple[Any, ...]:
        row = self._row(code)
        if row is None:
            raise ValueError(f'The code "{code}" does not exist.')
        return row

    def is_valid_item(self, code: str) -> bool:
        return self._row(code) is not None

    def get_description(self, code: str) -> str:
        return str(self._get(code)[1])

    def is_leaf(self, code: str) -> bool:
        return bool(self._get(code)[2])

    def get_children(self, code: str) -> list[str]:
        return list(json.loads(self._get(code)[3]))

    def get_ancestors(self, code: str) -> list[str]:
        return list(json.loads(self._get(code)[4]))

    def get_code_first(self, code: str) -> str:
        return str(self._get(code)[5])

    def get_excludes1(self, code: str) -> list[str]:
        return list(json.loads(self._get(code)[6]))

    def get_descendants(self, code: str) -> list[str]:
        found: list[str] = []
        self._descend(self._get(code)[0], found)
        return found

    def _descend(self, code: str, found: list[str]) -> None:
        for child in self.get_children(code):
            found.append(child)
            if self._get(child)[7]:  # a block holding one category of the same name: both are listed
                found.append(child)
            self._descend(child, found)


@lru_cache(maxsize=4096)  # a check normalizes each code three times, and most notes ask the same codes
def normalize(raw: str) -> str:
    """'m5388', 'M5388', ' M53.88 ' -> 'M53.88'. Raises InvalidCodeError when it is not code-shaped."""
    text = raw.strip().upper().replace(" ", "")
    if not _CODE_SHAPE.match(text):
        raise InvalidCodeError(raw=raw[:20])
    bare = text.replace(".", "")
    return bare if len(bare) <= 3 else f"{bare[:3]}.{bare[3:]}"


@dataclass(frozen=True)
class CodeInfo:
    """What the tabular says of one code."""

    code: str
    valid: bool
    billable: bool
    title: str | None
    children: tuple[str, ...]


@lru_cache(maxsize=4096)
def exists(code: str) -> bool:
    """True when the tabular has this code (any level)."""
    return bool(_tabular().is_valid_item(code))


@lru_cache(maxsize=4096)
def info(code: str) -> CodeInfo:
    """Validity, billability (a leaf of the tabular), title and children of a dotted code."""
    cm = _tabular()
    if not cm.is_valid_item(code):
        return CodeInfo(code=code, valid=False, billable=False, title=None, children=())
    return CodeInfo(
        code=code,
        valid=True,
        billable=bool(cm.is_leaf(code)),
        title=cm.get_description(code),
        children=tuple(cm.get_children(code)),
    )


def ancestors(code: str) -> list[str]:
    """Parent, grandparent, ... up to the chapter."""
    return list(_ancestors(code))


@lru_cache(maxsize=4096)
def _ancestors(code: str) -> tuple[str, ...]:
    # Memoised: every check of a code walks its ancestors (family, Excludes1, code first).
    return tuple(_tabular().get_ancestors(code)) if exists(code) else ()


def billable_descendants(code: str) -> list[str]:
    """Every billable code below `code`."""
    cm = _tabular()
    return [c for c in cm.get_descendants(code) if cm.is_leaf(c)] if exists(code) else []


@lru_cache(maxsize=4096)
def code_first(code: str) -> str:
    """The 'code first' note that applies to `code`, from itself or its nearest ancestor."""
    cm = _tabular()
    for item in [code, *ancestors(code)]:
        note = cm.get_code_first(item)
        if note:
            return " ".join(str(note).split())
    return ""


def excludes1(code: str) -> list[str]:
    """Excludes1 notes of `code` and of every ancestor (they all apply)."""
    return list(_excludes1(code))


@lru_cache(maxsize=4096)
def _excludes1(code: str) -> tuple[str, ...]:
    cm = _tabular()
    notes: list[str] = []
    for item in [code, *ancestors(code)]:
        notes.extend(cm.get_excludes1(item))
    return tuple(notes)


def family_of(code: str, families: set[str]) -> str | None:
    """The nearest ancestor (or the code itself) that has a family rule."""
    for item in [code, *_ancestors(code)]:
        if item in families:
            return item
    return None


def display(code: str) -> str:
    """A code as suggested in text: 'M51' -> 'M51.-', 'S32.2' -> 'S32.2-'; a billable code as it is."""
    if info(code).billable:
        return code
    return f"{code}-" if "." in code else f"{code}.-"
