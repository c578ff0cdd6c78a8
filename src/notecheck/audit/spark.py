"""`--engine spark`: the same per-note function (audit_note) on Apache Spark, Parquet in and out.

Input: a folder / manifest / JSON Lines file (read on the driver, as the local engine does) or a Parquet
table with columns note_id, text and optional codes (array of strings or "A;B"). Each partition loads
the pipeline once (mapPartitions; a Python worker that Spark reuses keeps it). Output:
RESULTS_DIR/results.parquet (one row per note, checks nested) and RESULTS_DIR/checks.parquet (one row
per note x code). Spark runs are not resumable: a failed task is retried by Spark, and a rerun
overwrites the output.
"""

import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from notecheck.audit.inputs import NoteTask, collect, normalize_codes
from notecheck.audit.note import NoteResult, audit_note
from notecheck.errors import EmptyNoteError, ManifestError

_checker: Any = None  # one per Python worker process, loaded by the first partition it runs


def run_spark(notes: str | Path, out: str | Path, *, manifest: Path | None = None, master: str | None = None) -> str:
    """Audit on Spark; returns the one-line outcome. `notes`/`out` may be URIs (s3a://, hdfs://)."""
    started = time.perf_counter()
    local = None if _is_parquet(notes) else collect(Path(notes), manifest)  # bad input fails before the JVM starts
    spark = session(master)
    tasks = _tasks(spark, notes, manifest, local)
    results = spark.createDataFrame(tasks.mapPartitions(audit_partition), schema=result_schema())
    target = f"{_uri(out)}/results.parquet"
    results.write.mode("overwrite").parquet(target)
    written = spark.read.parquet(target)
    written.selectExpr("note_id", "inline(checks)").write.mode("overwrite").parquet(f"{_uri(out)}/checks.parquet")
    total, errors = written.selectExpr("count(*)", "count(error_code)").first()
    seconds = time.perf_counter() - started
    return f"spark audited {total} notes ({errors} with errors) in {seconds:.1f} s; results in {target}"


def session(master: str | None = None) -> Any:
    """The SparkSession: `master`, else NOTECHECK_SPARK_MASTER, else spark-submit's or local[*]."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("notecheck-audit")
    master = master or os.environ.get("NOTECHECK_SPARK_MASTER")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local") and "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Local Python workers must run this interpreter (the one with notecheck installed), not
        # whatever python3 is on PATH. On a cluster, set spark.pyspark.python (see README).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def audit_partition(tasks: Iterable[NoteTask]) -> Iterator[tuple[Any, ...]]:
    """mapPartitions body: load the pipeline once, then one row per note."""
    global _checker
    for task in tasks:
        if _checker is None and task.error_code is None:
            import notecheck

            _checker = notecheck.load()
            if os.environ.get("NOTECHECK_DEBUG"):
                sys.stderr.write(f"notecheck: pipeline loaded in Python worker {os.getpid()}\n")
        yield to_row(audit_note(_checker, task))


def to_row(result: NoteResult) -> tuple[Any, ...]:
    """A NoteResult as a row of result_schema()."""
    return (
        result.note_id, result.source, result.sha256, list(result.codes), result.ruleset_version,
        "ok" if result.ok else "error", result.error_code, result.error_message, result.report_json,
        len(result.facts), result.seconds, [tuple(check) for check in result.checks],
    )


def result_schema() -> Any:
    """The Parquet schema of results.parquet."""
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        DoubleType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    def text(name: str) -> StructField:
        return StructField(name, StringType())

    check = StructType([
        text("code"), text("status"), text("title"), StructField("billable", BooleanType()),
        StructField("required_gaps", IntegerType()), StructField("recommended_gaps", IntegerType()),
    ])
    return StructType([
        text("note_id"), text("source"), text("sha256"), StructField("codes", ArrayType(StringType())),
        text("ruleset_version"), text("status"), text("error_code"), text("error_message"), text("report_json"),
        StructField("n_facts", IntegerType()), StructField("seconds", DoubleType()),
        StructField("checks", ArrayType(check)),
    ])


def _tasks(spark: Any, notes: str | Path, manifest: Path | None, local: list[NoteTask] | None = None) -> Any:
    if _is_parquet(notes):
        if manifest is not None:
            raise ManifestError(path=manifest.name, detail="a Parquet table carries its own codes column; drop --codes")
        table = spark.read.parquet(_uri(notes))
        missing = {"note_id", "text"} - set(table.columns)
        if missing:
            raise ManifestError(path=str(notes), detail=f"the Parquet table lacks column(s) {', '.join(sorted(missing))}; it needs note_id, text and optionally codes")
        columns = ["note_id", "text", "codes"] if "codes" in table.columns else ["note_id", "text"]
        return table.select(*columns).rdd.map(_task_of_row)
    tasks = local if local is not None else collect(Path(notes), manifest)
    context = spark.sparkContext
    # One partition per core: each partition pays one pipeline load (~10 s), so more would cost more.
    return context.parallelize(tasks, max(1, min(len(tasks), context.defaultParallelism)))


def _is_remote(path: str | Path) -> bool:
    return isinstance(path, str) and "://" in path


def _uri(path: str | Path) -> str:
    """A URI stays as written (pathlib would fold its //); a local path becomes absolute."""
    return str(path).rstrip("/") if _is_remote(path) else str(Path(path).resolve())


def _is_parquet(path: str | Path) -> bool:
    """A remote input is a Parquet table; a local one when it ends .parquet or holds .parquet files."""
    if _is_remote(path):
        return True
    local = Path(path)
    return local.suffix == ".parquet" or (local.is_dir() and any(local.glob("*.parquet")))


def _task_of_row(row: Any) -> NoteTask:
    """A Parquet row -> NoteTask (a null text becomes an error task)."""
    raw = row["codes"] if "codes" in row.__fields__ else None
    codes = normalize_codes(raw.split(";") if isinstance(raw, str) else list(raw or []))
    note_id = str(row["note_id"])
    text = row["text"]
    source = f"parquet:{note_id}"
    if not isinstance(text, str):  # a null text: the note is empty
        error = EmptyNoteError(note=source)
        digest = hashlib.sha256(error.code.encode()).hexdigest()
        return NoteTask(note_id=note_id, source=source, codes=codes, sha256=digest, error_code=error.code, error_message=error.message)
    digest = hashlib.sha256(text.encode("utf-8") + b"\x00" + ";".join(codes).encode("utf-8")).hexdigest()
    return NoteTask(note_id=note_id, source=source, codes=codes, sha256=digest, text=text)


def main(argv: list[str] | None = None) -> None:
    """`spark-submit .../notecheck/audit/spark.py NOTES OUT`: the entry point for a cluster."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.stderr.write("usage: spark-submit notecheck/audit/spark.py NOTES_TABLE RESULTS_DIR\n")
        raise SystemExit(2)
    sys.stdout.write(run_spark(args[0], args[1]) + "\n")


if __name__ == "__main__":
    # Through the package, not this __main__ copy: executors then import audit_partition by name.
    from notecheck.audit.spark import main as package_main

    package_main()
