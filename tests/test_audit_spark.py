"""--engine spark: the same per-note function on Spark local mode, from a folder and from Parquet."""

import json
import shutil
from pathlib import Path

import pytest

from audit_notes import note_text, write_folder

pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17"),
]


@pytest.fixture(scope="module")
def spark():
    from notecheck.audit import spark as engine

    session = engine.session("local[2]")
    yield session
    session.stop()


def _results(spark, out: Path) -> dict[str, dict]:
    rows = spark.read.parquet(str(out / "results.parquet")).collect()
    assert len(rows) == len({row["note_id"] for row in rows})
    return {row["note_id"]: row.asDict(recursive=True) for row in rows}


def test_when_a_folder_is_audited_on_spark_then_each_note_has_one_row(spark, tmp_path):
    from notecheck.audit.spark import run_spark

    manifest = write_folder(tmp_path / "notes", 6)
    (tmp_path / "notes" / "n002.txt").write_bytes(b"")
    run_spark(tmp_path / "notes", tmp_path / "out", manifest=manifest, master="local[2]")
    results = _results(spark, tmp_path / "out")
    assert sorted(results) == [f"n{i:03d}" for i in range(6)]
    assert results["n002"]["error_code"] == "NC301" and results["n002"]["report_json"] is None
    report = json.loads(results["n001"]["report_json"])
    assert {c["code"] for c in report["checks"]} == {"M53.88", "M48.38"}
    checks = spark.read.parquet(str(tmp_path / "out" / "checks.parquet")).collect()
    assert len(checks) == 2 * 5 and {row["code"] for row in checks} == {"M53.88", "M48.38"}


def test_when_a_parquet_table_is_audited_on_spark_then_codes_come_from_the_table(spark, tmp_path):
    from notecheck.audit.spark import run_spark

    rows = [("p1", note_text(1), ["M5388"]), ("p2", None, ["M53.88"]), ("p3", note_text(3), ["XYZ"])]
    table = str(tmp_path / "notes.parquet")
    spark.createDataFrame(rows, "note_id string, text string, codes array<string>").write.parquet(table)
    run_spark(Path(table), tmp_path / "out", master="local[2]")
    results = _results(spark, tmp_path / "out")
    assert results["p2"]["error_code"] == "NC301"
    assert [c["status"] for c in results["p3"]["checks"]] == ["invalid"]
    assert results["p1"]["checks"][0]["code"] == "M53.88"


def test_when_spark_and_the_local_engine_audit_the_same_notes_then_the_reports_are_identical(spark, tmp_path):
    from notecheck.audit import run_audit
    from notecheck.audit.spark import run_spark

    manifest = write_folder(tmp_path / "notes", 4)
    run_spark(tmp_path / "notes", tmp_path / "spark", manifest=manifest, master="local[2]")
    run_audit(tmp_path / "notes", tmp_path / "local", manifest=manifest, quiet=True)
    local = {}
    for line in (tmp_path / "local" / "results.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        local[record["note_id"]] = record["report"]
    remote = {note_id: json.loads(row["report_json"]) for note_id, row in _results(spark, tmp_path / "spark").items()}
    assert remote == local
