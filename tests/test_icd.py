"""Codes as written in claims, and what the tabular says of them."""

from pathlib import Path

import pytest

from notecheck import icd
from notecheck.errors import InvalidCodeError


@pytest.mark.parametrize(
    ("raw", "dotted"),
    [
        pytest.param("m5388", "M53.88", id="lower-undotted"),
        pytest.param("M5388", "M53.88", id="undotted"),
        pytest.param(" M53.88 ", "M53.88", id="spaces"),
        pytest.param("M48.3", "M48.3", id="subcategory"),
        pytest.param("S322XXA", "S32.2XXA", id="seven-characters"),
    ],
)
def test_normalize(raw, dotted):
    assert icd.normalize(raw) == dotted


@pytest.mark.parametrize("raw", ["", "53.88", "M5", "MM53", "M53.88888", "hello world"])
def test_when_a_code_is_malformed_then_it_is_refused(raw):
    with pytest.raises(InvalidCodeError):
        icd.normalize(raw)


def test_tabular_facts_come_from_the_package():
    assert icd.info("M53.88").billable
    assert icd.info("M53.88").title == "Other specified dorsopathies, sacral and sacrococcygeal region"
    assert not icd.info("M48.3").billable
    assert icd.info("M48.3").children[-1] == "M48.38"
    assert "brucellosis" in icd.code_first("M49.88")
    assert any("current injury" in note for note in icd.excludes1("M53.88"))
    assert icd.info("S32.2XXA").title.startswith("Fracture of coccyx")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a database at all", id="garbage"),
        pytest.param(b"", id="empty-file"),
        pytest.param(None, id="missing"),
    ],
)
def test_when_the_icd_cache_is_damaged_then_it_is_built_again(tmp_path, monkeypatch, content):
    from notecheck.icd import _SqliteTabular

    monkeypatch.setenv("NOTECHECK_CACHE", str(tmp_path))
    path = _SqliteTabular.cache_path()
    if content is not None:
        path.write_bytes(content)
    built: list[Path] = []
    monkeypatch.setattr(_SqliteTabular, "_build", staticmethod(built.append))
    assert _SqliteTabular.open() is not None
    assert built == [path]


def test_when_the_icd_cache_is_sound_then_it_is_kept(tmp_path, monkeypatch):
    import sqlite3
    from contextlib import closing

    from notecheck.icd import _SqliteTabular

    monkeypatch.setenv("NOTECHECK_CACHE", str(tmp_path))
    path = _SqliteTabular.cache_path()
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE codes (code TEXT PRIMARY KEY)")
        db.execute("INSERT INTO codes VALUES ('M53.88')")
        db.commit()
    built: list[Path] = []
    monkeypatch.setattr(_SqliteTabular, "_build", staticmethod(built.append))
    assert _SqliteTabular.open() is not None and built == []
