"""`notecheck bench-service`: latency and throughput of a real local server, and its memory.

Starts uvicorn on 127.0.0.1 (a free port, N workers) in a subprocess, sends a bounded number of
~600-word notes with three codes each at every concurrency level, and stops the server. Client and
server share the machine, so the numbers include the client's own CPU use.
"""

import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notecheck.errors import InputError
from notecheck.service.server import APP

_SAMPLE_EVERY_S = 0.2
_NOTES = 24
_CODES_PER_NOTE = 3


@dataclass
class Level:
    clients: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    peak_rss: int = 0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000 if ordered else 0.0


def make_notes(folder: Path, words: int) -> list[dict[str, Any]]:
    """~`words`-word notes built by joining sample notes, each with three codes from the file names."""
    from notecheck import icd

    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError(note=str(folder), detail="no .txt notes to build benchmark notes from")
    texts = [p.read_text(encoding="utf-8") for p in files]
    codes = list(dict.fromkeys(icd.normalize(p.name.split("_")[0]) for p in files))
    notes = []
    for i in range(_NOTES):
        joined, j = "", i
        while len(joined.split()) < words:
            joined += texts[j % len(texts)] + "\n\n"
            j += 1
        cut = list(re.finditer(r"\S+", joined))[words - 1].end()
        picked = [codes[(i + k) % len(codes)] for k in range(_CODES_PER_NOTE)]
        notes.append({"note_id": f"bench-{i}", "text": joined[:cut], "codes": picked})
    return notes


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total


class Server:
    """uvicorn in a subprocess; ready when every worker has finished its startup."""

    def __init__(self, workers: int) -> None:
        self.port = _free_port()
        self.workers = workers
        self.ready = threading.Semaphore(0)
        command = [sys.executable, "-m", "uvicorn", APP, "--factory", "--host", "127.0.0.1",
                   "--port", str(self.port), "--workers", str(workers), "--log-level", "info"]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None  # noqa: S101 - set by Popen(stderr=PIPE)
        for line in self.proc.stderr:
            if "Application startup complete" in line:
                self.ready.release()

    def wait(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        for _ in range(self.workers):
            if not self.ready.acquire(timeout=max(0.1, deadline - time.monotonic())) or self.proc.poll() is not None:
                raise InputError(note="bench-service", detail="the server did not start; run notecheck serve to see why")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _run_level(base: str, notes: list[dict[str, Any]], clients: int, requests: int, server: Server) -> Level:
    import httpx

    level = Level(clients=clients)
    lock, next_index = threading.Lock(), [0]
    done = threading.Event()

    def client() -> None:
        with httpx.Client(base_url=base, timeout=60.0) as http:
            while True:
                with lock:
                    i = next_index[0]
                    next_index[0] += 1
                if i >= requests:
                    return
                started = time.perf_counter()
                try:
                    ok = http.post("/v1/check", json=notes[i % len(notes)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    level.latencies.append(elapsed) if ok else None
                    level.errors += 0 if ok else 1

    def sample() -> None:
        while not done.is_set():
            level.peak_rss = max(level.peak_rss, _tree_rss(server.proc.pid))
            done.wait(_SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return level


def _in_process_ms(notes: list[dict[str, Any]]) -> float:
    """Median time of checker.check on the same notes, in this process: the floor under any latency."""
    import statistics

    import notecheck

    checker = notecheck.load()
    checker.check(notes[0]["text"], codes=notes[0]["codes"])
    times = []
    for note in notes:
        started = time.perf_counter()
        checker.check(note["text"], codes=note["codes"], note_id=note["note_id"])
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _table(levels: list[Level], header: list[str]) -> str:
    lines = [*header, "", "| clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s | server RSS peak MB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lv in levels:
        lines.append(
            f"| {lv.clients} | {len(lv.latencies) + lv.errors} | {lv.errors} | {lv.percentile(50):.1f} | "
            f"{lv.percentile(95):.1f} | {lv.percentile(99):.1f} | {len(lv.latencies) / lv.seconds:.1f} | "
            f"{lv.peak_rss / 2**20:.0f} |"
        )
    return "\n".join(lines)


def run_bench(*, requests: int, levels: list[int], workers: int, words: int, notes_dir: Path = Path("sample_notes")) -> str:
    """Run every level against one server and return a Markdown table."""
    import os

    notes = make_notes(notes_dir, words)
    load_before = os.getloadavg()[0]
    floor = _in_process_ms(notes)
    server = Server(workers)
    try:
        server.wait()
        base = f"http://127.0.0.1:{server.port}"
        _run_level(base, notes, max(2, workers * 2), workers * 8, server)  # warm every worker
        idle = _tree_rss(server.proc.pid)
        results = [_run_level(base, notes, clients, requests, server) for clients in levels]
        end = _tree_rss(server.proc.pid)
        load_after = os.getloadavg()[0]
    finally:
        server.stop()
    header = [
        f"notecheck bench-service: {workers} uvicorn workers on 127.0.0.1, {os.cpu_count()} CPUs shared with the client; "
        f"{requests} requests per level; notes of {words} words with {_CODES_PER_NOTE} codes each.",
        f"Server memory (all processes): {idle / 2**20:.0f} MB after warm-up, {end / 2**20:.0f} MB at the end.",
        f"In-process checker.check on the same notes (no HTTP, one thread): median {floor:.1f} ms.",
        f"1-minute load average {load_before:.1f} before, {load_after:.1f} after (above the CPU count, "
        "other processes shared the machine and the numbers are pessimistic).",
    ]
    return _table(results, header)
