"""Batch audits: a folder, a manifest or a JSON Lines file of notes -> SQLite record, JSONL, CSV, summary.

`run_audit` is the plain function behind `notecheck audit`; `audit_note` is the per-note function that
the local process pool and the Spark engine share.
"""

from notecheck.audit.note import NoteResult, audit_note
from notecheck.audit.runner import AuditOutcome, run_audit

__all__ = ["AuditOutcome", "NoteResult", "audit_note", "run_audit"]
