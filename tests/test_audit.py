"""notecheck audit (local engine): inputs, error rows, the four result files, resume, the CLI shell."""

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from audit_notes import MARKER, note_text
from notecheck.audit import run_audit
from notecheck.audit.inputs import collect, normalize_codes
from notecheck.errors import ManifestError

CLI = [str(Path(sys.executable).parent / "notecheck")]

# note file -> (bytes, manifest codes, expected error code or None)
NOTES = {
    "good.txt": (note_text(1).encode("utf-8"), "M5388;m48.38", None),
    "latin1.txt": (note_text(2).replace("weeks", "semaines é").encode("cp1252"), "M53.88", None),
    "utf16.txt": (note_text(3).encode("utf-16"), "M53.88", None),
    "export.rtf": (b"{\\rtf1\\ansi " + note_text(4).replace("\n", "\\par ").encode() + b"}", "M5388", None),
    "badcode.txt": (note_text(5).encode(), "M5388;XYZ;M53", None),
    "empty.txt": (b"  \n\t\n", "M53.88", "NC301"),
    "binary.txt": (b"\x00\x01\x02\x03" + MARKER.encode(), "M53.88", "NC302"),
    "huge.txt": (("pain " * 250_000).encode(), "M53.88", "NC304"),
    "folder.txt": (None, "M53.88", "NC300"),  # a directory where a note should be
    "missing.txt": (None, "M53.88", "NC305"),
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    notes = root / "notes"
    notes.mkdir()
    for name, (data, _codes, _error) in NOTES.items():
        if data is not None:
            (notes / name).write_bytes(data)
    (notes / "folder.txt").mkdir()
    lines = [{"note_id": "j1", "text": note_text(6), "codes": ["M53.88"]}, {"note_id": "j2", "codes": "M53.88"}]
    (notes / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    manifest = root / "manifest.csv"
    rows = [f"{name},{codes}" for name, (_d, codes, _e) in NOTES.items()] + ["batch.jsonl,M53.88"]
    manifest.write_text("path,codes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = root / "out"
    outcome = run_audit(notes, out, manifest=manifest, quiet=True)
    return {"out": out, "notes": notes, "manifest": manifest, "outcome": outcome}


def _jsonl(out: Path) -> dict[str, dict]:
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len({r["note_id"] for r in records}), "one line per note"
    return {r["note_id"]: r for r in records}


@pytest.mark.parametrize(("note_id", "error_code"), [
    pytest.param(Path(name).stem, error, id=Path(name).stem) for name, (_d, _c, error) in NOTES.items()
] + [
    pytest.param("j1", None, id="jsonl-line"),
    pytest.param("j2", "NC300", id="jsonl-without-text"),
    pytest.param("batch:3", "NC300", id="jsonl-not-json"),
])
def test_when_a_note_is_audited_then_it_has_one_line_with_report_or_error(audited, note_id, error_code):
    record = _jsonl(audited["out"])[note_id]
    if error_code is None:
        assert record["report"]["note_id"] == note_id
        assert record["report"]["checks"], "the manifest codes were checked"
    else:
        assert record["error"]["code"] == error_code
        assert MARKER not in record["error"]["message"]


def test_when_codes_are_written_as_in_claims_then_checks_are_dotted_and_bad_ones_invalid(audited):
    checks = {c["code"]: c["status"] for c in _jsonl(audited["out"])["badcode"]["report"]["checks"]}
    assert checks["M53.88"] in {"complete", "gaps"}
    assert checks["XYZ"] == "invalid"
    assert checks["M53"] == "invalid"  # a category, not billable


def test_when_the_run_ends_then_the_csv_has_one_row_per_note_and_code(audited):
    with (audited["out"] / "results.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = [(r["note_id"], r["code"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert {("good", "M53.88"), ("good", "M48.38"), ("empty", "M53.88"), ("badcode", "XYZ")} <= set(pairs)
    assert next(r for r in rows if r["note_id"] == "empty")["status"] == "error"


def test_when_the_run_ends_then_sqlite_records_notes_checks_facts_errors_and_version(audited):
    db = sqlite3.connect(audited["out"] / "results.sqlite")
    tables = {"notes", "checks", "requirements", "facts", "findings", "runs", "inputs", "errors"}
    names = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert tables <= names
    assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == len(_jsonl(audited["out"]))
    assert db.execute("SELECT count(*) FROM errors").fetchone()[0] == audited["outcome"].errors == 7
    assert db.execute("SELECT count(*) FROM facts WHERE note_id = 'good'").fetchone()[0] > 0
    versions = {v for (v,) in db.execute("SELECT DISTINCT ruleset_version FROM notes")}
    assert len(versions) == 1 and "" not in versions


def test_when_the_summary_is_written_then_it_is_self_contained_and_names_no_note_text(audited):
    page = (audited["out"] / "summary.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<style>" in page and "Worklist" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert "<script" not in page and MARKER not in page
    assert "Tailbone" not in page  # fact text stays in results.jsonl


def test_when_the_same_run_is_started_again_then_nothing_is_redone(audited):
    again = run_audit(audited["notes"], audited["out"], manifest=audited["manifest"], quiet=True)
    assert (again.audited, again.skipped) == (0, audited["outcome"].total)
    assert len(_jsonl(audited["out"])) == audited["outcome"].total


@pytest.mark.parametrize(("header", "fix"), [
    pytest.param("path\nn1.txt\n", "codes", id="no-codes-column"),
    pytest.param("file,codes\nn1.txt,M53.88\n", "path", id="no-path-column"),
    pytest.param("", "path", id="empty-manifest"),
])
def test_when_the_manifest_lacks_columns_then_collect_stops_with_nc306(tmp_path, header, fix):
    (tmp_path / "manifest.csv").write_text(header, encoding="utf-8")
    with pytest.raises(ManifestError, match=fix) as caught:
        collect(tmp_path, tmp_path / "manifest.csv")
    assert caught.value.code == "NC306"


def test_when_two_notes_share_an_id_then_collect_stops_with_nc306(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.rtf").write_text("y", encoding="utf-8")
    with pytest.raises(ManifestError, match="used twice"):
        collect(tmp_path)


@pytest.mark.parametrize(("raw", "codes"), [
    pytest.param(["M5388"], ("M53.88",), id="claims"),
    pytest.param(["m53.88", "M5388", " M53.88 "], ("M53.88",), id="one-code-three-spellings"),
    pytest.param(["XYZ", "", "M4838"], ("XYZ", "M48.38"), id="malformed-kept"),
])
def test_normalize_codes(raw, codes):
    assert normalize_codes(raw) == codes


def test_when_there_is_no_manifest_then_every_file_is_audited_for_facts_only(tmp_path):
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "a.txt").write_text(note_text(1), encoding="utf-8")
    (notes / "sub" / "b.txt").write_text(note_text(2), encoding="utf-8")
    (notes / ".hidden").write_text("x", encoding="utf-8")
    out = notes / "results"  # inside the notes folder: its files are not audited
    run_audit(notes, out, quiet=True)
    run_audit(notes, out, quiet=True)
    records = _jsonl(out)
    assert set(records) == {"a", "sub/b"}
    assert all(r["report"]["checks"] == [] and r["report"]["facts"] for r in records.values())


def test_when_the_manifest_is_bad_then_the_cli_prints_one_coded_line_and_exits_2(tmp_path):
    (tmp_path / "manifest.csv").write_text("path\nn1.txt\n", encoding="utf-8")
    done = subprocess.run(
        [*CLI, "audit", str(tmp_path), "--codes", str(tmp_path / "manifest.csv"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "NC306" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("path", "uri", "parquet"), [
    pytest.param("s3a://bucket/notes.parquet/", "s3a://bucket/notes.parquet", True, id="s3-uri-kept"),
    pytest.param("hdfs://nn/data/notes", "hdfs://nn/data/notes", True, id="remote-is-a-table"),
    pytest.param(Path("notes"), str(Path("notes").resolve()), False, id="local-folder"),
    pytest.param(Path("notes.parquet"), str(Path("notes.parquet").resolve()), True, id="local-parquet"),
])
def test_spark_paths(path, uri, parquet):
    from notecheck.audit.spark import _is_parquet, _uri

    assert (_uri(path), _is_parquet(path)) == (uri, parquet)


def test_when_stdout_is_not_a_terminal_then_the_cli_prints_no_progress_and_one_summary_line(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text(note_text(1), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,codes,note_id\na.txt,M5388,first\n", encoding="utf-8")
    done = subprocess.run(
        [*CLI, "audit", str(tmp_path / "notes"), "--codes", str(tmp_path / "manifest.csv"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "audited 1 of 1 notes" in done.stderr and MARKER not in done.stderr
    assert json.loads((tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8"))["note_id"] == "first"
