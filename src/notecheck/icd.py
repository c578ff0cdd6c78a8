"""ICD-10-CM facts, read from the official tabular shipped by simple-icd-10-cm (never typed by hand)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from notecheck.errors import InvalidCodeError

_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")


@lru_cache(maxsize=1)
def _tabular() -> Any:
    # Imported lazily: parsing the tabular takes about a second and is not needed to extract facts.
    import simple_icd_10_cm

    return simple_icd_10_cm


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
    return list(_tabular().get_ancestors(code)) if exists(code) else []


def billable_descendants(code: str) -> list[str]:
    """Every billable code below `code`."""
    cm = _tabular()
    return [c for c in cm.get_descendants(code) if cm.is_leaf(c)] if exists(code) else []


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
    cm = _tabular()
    notes: list[str] = []
    for item in [code, *ancestors(code)]:
        notes.extend(cm.get_excludes1(item))
    return notes


def family_of(code: str, families: set[str]) -> str | None:
    """The nearest ancestor (or the code itself) that has a family rule."""
    for item in [code, *ancestors(code)]:
        if item in families:
            return item
    return None


def display(code: str) -> str:
    """A category as suggested in text: 'M51' -> 'M51.-'; a full code stays as it is."""
    return code if "." in code else f"{code}.-"
