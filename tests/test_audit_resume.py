"""A real `notecheck audit` killed with SIGKILL mid-run, then started again: nothing lost, nothing twice."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from audit_notes import write_folder

NOTECHECK = str(Path(sys.executable).parent / "notecheck")
COUNT = 40
DEADLINE = 300  # seconds: loading the pipeline on a busy machine can be slow
# Each note this many times the base text, so that a run lasts well past its first commits: with 12 the
# 40-note run ended in 2 s once the pipeline got faster, before the signal landed.
REPEAT = 40


def _committed(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM notes").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _kill_after_some_rows(command: list[str], db_path: Path) -> int:
    """Start the run, SIGKILL it once a few notes are committed; return how many were committed."""
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started = time.monotonic()
    while _committed(db_path) < 3:
        assert run.poll() is None, f"the run ended before it could be killed: {run.stderr.read()!r}"
        assert time.monotonic() - started < DEADLINE, "no notes committed in time"
        time.sleep(0.02)
    workers = _children(run.pid)
    assert len(workers) >= 2 or not Path("/proc/self/task").exists(), "two worker processes"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert run.returncode == -signal.SIGKILL
    _assert_gone(workers)
    return _committed(db_path)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _assert_gone(pids: list[int]) -> None:
    """Worker processes die with the parent (no orphan keeps checking notes)."""
    for pid in pids:
        for _ in range(200):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                break  # a zombie: dead, waiting for its reaper
            time.sleep(0.05)
        else:
            raise AssertionError(f"worker {pid} outlived the killed run")


def test_when_a_run_is_killed_and_started_again_then_every_note_has_exactly_one_result(tmp_path):
    manifest = write_folder(tmp_path / "notes", COUNT, repeat=REPEAT)
    (tmp_path / "notes" / "n007.txt").write_text("   \n", encoding="utf-8")  # one error row too
    out = tmp_path / "out"
    command = [NOTECHECK, "audit", str(tmp_path / "notes"), "--codes", str(manifest), "--out", str(out), "--workers", "2"]

    before = _kill_after_some_rows(command, out / "results.sqlite")
    assert 0 < before < COUNT, "the kill must land mid-run"
    assert not (out / "results.jsonl").exists()

    done = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE)
    assert done.returncode == 0, done.stderr

    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["note_id"] for line in lines]
    assert ids == [f"n{i:03d}" for i in range(COUNT)]  # one line per manifest note, in manifest order
    assert json.loads(lines[7])["error"]["code"] == "NC301"
    db = sqlite3.connect(out / "results.sqlite")
    assert db.execute("SELECT count(*), count(DISTINCT note_id) FROM notes").fetchone() == (COUNT, COUNT)
    assert db.execute("SELECT count(*) FROM checks").fetchone()[0] == 2 * (COUNT - 1)
    duplicates = "SELECT count(*) FROM (SELECT note_id, code FROM checks GROUP BY 1, 2 HAVING count(*) > 1)"
    assert db.execute(duplicates).fetchone()[0] == 0
    runs = db.execute("SELECT notes_skipped, notes_done, finished_at IS NOT NULL FROM runs ORDER BY run_id").fetchall()
    assert runs[0][2] == 0 and runs[1] == (before, COUNT - before, 1)  # the rerun redid nothing it had
    assert (out / "results.csv").read_text(encoding="utf-8").count("\n") == 1 + 2 * COUNT


def test_when_a_run_gets_ctrl_c_then_one_line_exit_130_no_traceback_and_the_rerun_finishes(tmp_path):
    manifest = write_folder(tmp_path / "notes", COUNT, repeat=REPEAT)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "notecheck", "audit", str(tmp_path / "notes"), "--codes", str(manifest),
               "--out", str(out), "--workers", "2"]
    # A terminal's Ctrl-C: SIGINT to the whole foreground process group (the parent and its workers).
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        started = time.monotonic()
        while _committed(out / "results.sqlite") < 3:
            assert run.poll() is None, f"the run ended before Ctrl-C: {run.stderr.read()!r}"
            assert time.monotonic() - started < DEADLINE, "no notes committed in time"
            time.sleep(0.02)
        os.killpg(run.pid, signal.SIGINT)
        stderr = run.communicate(timeout=60)[1]
    finally:
        if run.poll() is None:  # a failed or hung run must not outlive the test
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.strip().splitlines() == [
        "notecheck: interrupted; the notes finished so far are saved: run the same command again to resume"
    ]

    done = subprocess.run(command, capture_output=True, text=True, timeout=DEADLINE)
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["note_id"] for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == [f"n{i:03d}" for i in range(COUNT)]
