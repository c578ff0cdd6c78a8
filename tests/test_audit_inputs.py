"""Audit inputs and outputs a user gets wrong: manifests in odd encodings or not CSV at all, a results folder
that cannot be written, one plain note given directly, and Ctrl-C with worker processes."""

import multiprocessing
import signal
import sqlite3
from pathlib import Path

import pytest

from audit_notes import MARKER, note_text
from notecheck.audit import run_audit
from notecheck.audit.inputs import collect
from notecheck.errors import ManifestError, OutputError


@pytest.fixture(autouse=True)
def _ctrl_c_handled():
    """The Ctrl-C tests are of a parent that handles Ctrl-C: a shell's background job starts with it ignored."""
    started_with = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, started_with)


@pytest.mark.parametrize(
    ("data", "codes"),
    [
        pytest.param(b"\xef\xbb\xbfpath,codes\r\na.txt,M5388\r\n", ("M53.88",), id="excel-utf-8-bom-crlf"),
        pytest.param("path,codes\r\na.txt,M5388\r\n".encode("utf-16"), ("M53.88",), id="utf-16-bom"),
        pytest.param("path,codes,note_id\na.txt,M5388,Pérez\n".encode("cp1252"), ("M53.88",), id="cp1252"),
        pytest.param(b"path,codes\na.txt,\n", (), id="empty-codes-cell-facts-only"),
    ],
)
def test_when_a_manifest_is_in_a_common_encoding_then_its_rows_are_read(tmp_path, data, codes):
    (tmp_path / "a.txt").write_text(note_text(1), encoding="utf-8")
    (tmp_path / "m.csv").write_bytes(data)
    [task] = collect(tmp_path, tmp_path / "m.csv")
    assert task.codes == codes and task.error_code is None


@pytest.mark.parametrize(
    ("data", "says"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a text CSV", id="binary"),
        pytest.param(b"path,codes\na.txt,M53.88\x00\n", "not a text CSV", id="nul-byte"),
        pytest.param(b"path,codes\n\"a.txt\",\"" + b"x" * 200_000 + b"\n", "not valid CSV", id="field-over-csv-limit"),
    ],
)
def test_when_a_manifest_is_not_csv_text_then_collect_stops_with_nc306(tmp_path, data, says):
    (tmp_path / "m.csv").write_bytes(data)
    with pytest.raises(ManifestError, match=says) as caught:
        collect(tmp_path, tmp_path / "m.csv")
    assert caught.value.code == "NC306"


def test_when_one_plain_note_is_given_directly_then_it_is_one_task_not_one_error_per_line(tmp_path):
    (tmp_path / "visit.txt").write_text(note_text(3), encoding="utf-8")
    [task] = collect(tmp_path / "visit.txt")
    assert (task.note_id, task.error_code) == ("visit", None)


def test_when_a_json_lines_file_has_another_suffix_then_it_is_still_read_as_json_lines(tmp_path):
    (tmp_path / "batch.json").write_text('{"note_id": "j1", "text": "pain", "codes": "M5388"}\n', encoding="utf-8")
    assert [t.note_id for t in collect(tmp_path / "batch.json")] == ["j1"]


def _a_file(root: Path) -> Path:
    (root / "out").write_text("x", encoding="utf-8")
    return root / "out"


def _not_a_database(root: Path) -> Path:
    (root / "out").mkdir()
    (root / "out" / "results.sqlite").write_text("not sqlite", encoding="utf-8")
    return root / "out"


@pytest.mark.parametrize(
    ("make_out", "says"),
    [
        pytest.param(_a_file, "it is a file", id="out-is-a-file"),
        pytest.param(lambda root: Path("/proc/notecheck-out"), "/proc/notecheck-out", id="out-cannot-be-created"),
        pytest.param(_not_a_database, "not a notecheck results database", id="results-sqlite-is-not-sqlite"),
    ],
)
def test_when_the_results_folder_cannot_be_written_then_run_audit_stops_with_nc307(tmp_path, make_out, says):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text(note_text(1), encoding="utf-8")
    with pytest.raises(OutputError, match=says) as caught:
        run_audit(notes, make_out(tmp_path), quiet=True)
    assert caught.value.code == "NC307" and MARKER not in str(caught.value)
    assert not isinstance(caught.value.__cause__, sqlite3.Error)


def _sigint_disposition(queue) -> None:  # runs in a spawned child
    queue.put(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)


@pytest.mark.parametrize("inside", [pytest.param(True, id="started-inside"), pytest.param(False, id="started-outside")])
def test_when_a_worker_starts_then_ctrl_c_is_left_to_the_parent(inside):
    from notecheck.audit.workers import _sigint_ignored

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_sigint_disposition, args=(queue,))
    if inside:
        with _sigint_ignored():
            child.start()
    else:
        child.start()
    ignored = queue.get(timeout=60)
    child.join(60)
    assert ignored is inside
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the parent's handler is back


@pytest.mark.parametrize(
    ("notes", "manifest", "code"),
    [
        pytest.param("nope", None, "NC305", id="missing-folder"),
        pytest.param(".", b"\x00\x01binary", "NC306", id="binary-manifest"),
    ],
)
def test_when_spark_input_is_bad_then_the_error_comes_before_the_jvm_starts(tmp_path, monkeypatch, notes, manifest, code):
    from notecheck.audit import spark
    from notecheck.errors import NotecheckError

    def no_jvm(master=None):
        raise AssertionError("Spark started before the input was checked")

    monkeypatch.setattr(spark, "session", no_jvm)
    codes = None
    if manifest is not None:
        codes = tmp_path / "m.csv"
        codes.write_bytes(manifest)
    with pytest.raises(NotecheckError) as caught:
        spark.run_spark(str(tmp_path / notes), str(tmp_path / "out"), manifest=codes)
    assert caught.value.code == code


def test_when_ctrl_c_comes_while_the_pool_runs_then_it_stops_the_run_at_the_loops_next_check(tmp_path):
    # A KeyboardInterrupt raised inside concurrent.futures' locking could leave a future's lock held and hang
    # the run at exit: Ctrl-C only marks the run as interrupted, and the loop stops it where it looks.
    import os

    from notecheck.audit.workers import results

    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(12):
        (notes / f"n{i}.txt").write_text(note_text(i), encoding="utf-8")
    tasks = collect(notes)
    run = results(tasks, workers=2, ruleset_version="test")
    next(run)
    os.kill(os.getpid(), signal.SIGINT)  # the parent's Ctrl-C between two results: no KeyboardInterrupt here
    with pytest.raises(KeyboardInterrupt):
        for _ in run:
            pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the run's handler is gone


def test_when_ctrl_c_comes_after_the_last_result_then_the_run_still_stops(tmp_path):
    # Ctrl-C while the last result is saved or the workers shut down: the run stops (exit 130, the rerun writes
    # the exports) instead of swallowing the signal and finishing as if nothing was pressed.
    import os

    from notecheck.audit.workers import results

    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(3):
        (notes / f"n{i}.txt").write_text(note_text(i), encoding="utf-8")
    run = results(collect(notes), workers=2, ruleset_version="test")
    done = [next(run) for _ in range(3)]
    os.kill(os.getpid(), signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        next(run)
    assert len(done) == 3
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
