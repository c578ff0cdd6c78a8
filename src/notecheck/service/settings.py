"""Service settings, read from the environment so every uvicorn worker sees the same values."""

import os
from dataclasses import dataclass

API_KEY_ENV = "NOTECHECK_API_KEY"
MAX_BODY_ENV = "NOTECHECK_MAX_BODY_BYTES"
WORKERS_ENV = "NOTECHECK_WORKERS"
DEFAULT_MAX_BODY = 5 * 1024 * 1024
MAX_BATCH = 100
MAX_CODES = 20


@dataclass(frozen=True)
class Settings:
    """What the service enforces at its edge, and how many pipeline processes check notes."""

    api_key: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    workers: int = 1  # pipeline processes; 1 = one pipeline thread in the HTTP process

    @classmethod
    def from_env(cls) -> "Settings":
        """NOTECHECK_API_KEY (empty = no key), NOTECHECK_MAX_BODY_BYTES (default 5 MB) and
        NOTECHECK_WORKERS (pipeline processes, default 1)."""
        raw_limit = os.environ.get(MAX_BODY_ENV, "").strip()
        raw_workers = os.environ.get(WORKERS_ENV, "").strip()
        return cls(
            api_key=os.environ.get(API_KEY_ENV) or None,
            max_body_bytes=int(raw_limit) if raw_limit else DEFAULT_MAX_BODY,
            workers=max(1, int(raw_workers)) if raw_workers else 1,
        )
