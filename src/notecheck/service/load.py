"""The closed-loop load generator behind `notecheck bench-service`, kept cheap because it shares the CPUs.

Each client is a thread with one keep-alive `http.client` connection (no per-request connection setup)
that posts pre-encoded bodies: the client spends its CPU on sockets, not on JSON or a client library.
A client sends its next note as soon as the last answer is read in full; latency is send-to-last-byte.
"""

import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_PATH = "/v1/check"
_HEADERS = {"content-type": "application/json"}


@dataclass
class Level:
    """What one concurrency level measured."""

    clients: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    peak_rss: int = 0
    worker_cpu: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in ms (nearest rank), 0 when nothing succeeded."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000 if ordered else 0.0


def encode(notes: list[dict[str, Any]]) -> list[bytes]:
    """The request bodies, encoded once before any timing."""
    return [json.dumps(note).encode() for note in notes]


class _Client:
    """One keep-alive connection; a failed request counts as an error and the connection is reopened."""

    def __init__(self, port: int, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.conn: http.client.HTTPConnection | None = None

    def post(self, body: bytes) -> bool:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request("POST", _PATH, body=body, headers=_HEADERS)
            response = self.conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            return False
        if response.will_close:
            self.close()
        return response.status == 200

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def run_level(port: int, bodies: list[bytes], *, clients: int, requests: int, timeout: float = 60.0) -> Level:
    """Send `requests` bodies from `clients` closed-loop clients and time each one."""
    level = Level(clients=clients)
    lock, counter = threading.Lock(), iter(range(requests))

    def client() -> None:
        http = _Client(port, timeout)
        try:
            while (i := _next(lock, counter)) is not None:
                started = time.perf_counter()
                ok = http.post(bodies[i % len(bodies)])
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        level.latencies.append(elapsed)
                    else:
                        level.errors += 1
        finally:
            http.close()

    level.seconds = _timed(client, clients)
    return level


def _next(lock: threading.Lock, counter: Any) -> int | None:
    with lock:
        return next(counter, None)


def _timed(target: Callable[[], None], count: int) -> float:
    threads = [threading.Thread(target=target) for _ in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started
