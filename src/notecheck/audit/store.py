"""results.sqlite: the record of a run. One transaction per note, so a killed run loses at most the
notes in flight and never leaves half a note. Only the parent process writes here.
"""

import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from notecheck.audit.inputs import NoteTask
from notecheck.audit.note import NoteResult

STORE_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
    ruleset_version TEXT NOT NULL, engine TEXT NOT NULL, workers INTEGER NOT NULL,
    notes_total INTEGER NOT NULL, notes_skipped INTEGER NOT NULL, notes_done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS inputs (ord INTEGER PRIMARY KEY, note_id TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS notes (
    note_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, ruleset_version TEXT NOT NULL,
    codes TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error_code TEXT, error_message TEXT, report_json TEXT, n_facts INTEGER NOT NULL,
    seconds REAL NOT NULL, run_id INTEGER NOT NULL, audited_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checks (
    note_id TEXT NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL, title TEXT, billable INTEGER NOT NULL,
    required_gaps INTEGER NOT NULL, recommended_gaps INTEGER NOT NULL, PRIMARY KEY (note_id, code));
CREATE TABLE IF NOT EXISTS requirements (
    note_id TEXT NOT NULL, code TEXT NOT NULL, requirement TEXT NOT NULL, status TEXT NOT NULL,
    severity TEXT NOT NULL, PRIMARY KEY (note_id, code, requirement));
CREATE TABLE IF NOT EXISTS findings (
    note_id TEXT NOT NULL, code TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL,
    codes TEXT NOT NULL, blocking INTEGER NOT NULL, PRIMARY KEY (note_id, code, ord));
CREATE TABLE IF NOT EXISTS facts (
    note_id TEXT NOT NULL, fact_id INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,
    assertion TEXT NOT NULL, historical INTEGER NOT NULL, section TEXT, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, rule_id TEXT, PRIMARY KEY (note_id, fact_id));
CREATE VIEW IF NOT EXISTS errors AS
    SELECT note_id, source, error_code, error_message FROM notes WHERE status = 'error';
"""
_PER_NOTE = ("checks", "requirements", "findings", "facts", "notes")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store:
    """The SQLite record of audits in one RESULTS_DIR."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) below.
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
        self.db.executescript(_SCHEMA)  # idempotent: every statement is IF NOT EXISTS
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))
        self.run_id = 0

    def transaction(self) -> "_Transaction":
        """`with store.transaction():` runs the block in one BEGIN IMMEDIATE ... COMMIT."""
        return _Transaction(self.db)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def start_run(self, tasks: Sequence[NoteTask], *, ruleset_version: str, engine: str, workers: int, skipped: int) -> None:
        """Record this run's inputs (their order is the order of results.jsonl) and open a run row."""
        with self.transaction():
            self.db.execute("DELETE FROM inputs")
            self.db.executemany("INSERT INTO inputs VALUES (?, ?)", ((i, t.note_id) for i, t in enumerate(tasks)))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('ruleset_version', ?)", (ruleset_version,))
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, ruleset_version, engine, workers, notes_total, notes_skipped) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_now(), ruleset_version, engine, workers, len(tasks), skipped),
            )
            self.run_id = int(cursor.lastrowid or 0)

    def finish_run(self, done: int) -> None:
        """Close the run row."""
        with self.transaction():
            self.db.execute("UPDATE runs SET finished_at = ?, notes_done = ? WHERE run_id = ?", (_now(), done, self.run_id))

    def keys(self) -> dict[str, tuple[str, str]]:
        """note id -> (sha256, ruleset version) of every note already recorded."""
        rows = self.db.execute("SELECT note_id, sha256, ruleset_version FROM notes")
        return {note_id: (sha, version) for note_id, sha, version in rows}

    def save(self, result: NoteResult) -> None:
        """Replace everything about one note in one transaction."""
        note = result.note_id
        with self.transaction():
            for table in _PER_NOTE:
                self.db.execute(f"DELETE FROM {table} WHERE note_id = ?", (note,))  # noqa: S608 (fixed names)
            self.db.execute(
                "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (note, result.source, result.sha256, result.ruleset_version, ";".join(result.codes),
                 "ok" if result.ok else "error", result.error_code, result.error_message, result.report_json,
                 len(result.facts), result.seconds, self.run_id, _now()),
            )
            self.db.executemany("INSERT OR IGNORE INTO checks VALUES (?, ?, ?, ?, ?, ?, ?)", ((note, *row) for row in result.checks))
            self.db.executemany("INSERT OR IGNORE INTO requirements VALUES (?, ?, ?, ?, ?)", ((note, *row) for row in result.requirements))
            self.db.executemany("INSERT OR IGNORE INTO findings VALUES (?, ?, ?, ?, ?, ?)", ((note, *row) for row in result.findings))
            self.db.executemany("INSERT OR IGNORE INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ((note, *row) for row in result.facts))

    def rows(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple]:  # type: ignore[type-arg]
        """Read-only query helper for the exports and the summary."""
        yield from self.db.execute(sql, params)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
