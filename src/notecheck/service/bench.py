"""`notecheck bench-service`: latency and throughput of a real local server, and its memory.

Starts `notecheck serve` on 127.0.0.1 (a free port, N pipeline processes) in a subprocess, sends a bounded number
of ~600-word notes with three codes each at every concurrency level (service/load.py), and stops the
server. Client and server share the machine, so the numbers include the client's own CPU use.
"""

import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from notecheck.errors import InputError
from notecheck.service.load import Level, encode, run_level

_SAMPLE_EVERY_S = 0.2
_NOTES = 24
_CODES_PER_NOTE = 3


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


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(c) for c in (task / "children").read_text().split())
    return found


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024  # type: ignore[union-attr]
            stack.extend(_children(current))
        except (OSError, AttributeError):
            continue
    return total


def _worker_cpu(pid: int) -> dict[int, float]:
    """CPU seconds (user + system) of each pipeline process: the server's children (--workers N > 1),
    or the server itself."""
    ticks = os.sysconf("SC_CLK_TCK")
    try:
        workers = _children(pid) or [pid]
        # Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
        stats = {w: Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split() for w in workers}
    except OSError:
        return {}
    return {w: (int(f[11]) + int(f[12])) / ticks for w, f in stats.items()}


class Server:
    """`notecheck serve` in a subprocess (the code path users run); ready when it has started."""

    def __init__(self, workers: int) -> None:
        self.port = _free_port()
        self.workers = workers
        self.ready = threading.Semaphore(0)
        command = [sys.executable, "-m", "notecheck", "serve", "--host", "127.0.0.1",
                   "--port", str(self.port), "--workers", str(workers)]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        if self.proc.stderr is None:
            return
        for line in self.proc.stderr:
            if "Application startup complete" in line:
                self.ready.release()

    def wait(self, timeout: float = 180.0) -> None:
        """Until the server has started (its pipeline processes are forked and warm by then)."""
        if not self.ready.acquire(timeout=timeout) or self.proc.poll() is not None:
            raise InputError(note="bench-service", detail="the server did not start; run notecheck serve to see why")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure(server: Server, bodies: list[bytes], clients: int, requests: int) -> Level:
    """One level against a running server, with the server's peak memory and each worker's CPU share."""
    done = threading.Event()
    peak = [0]

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(server.proc.pid))
            done.wait(_SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample, daemon=True)
    cpu_before = _worker_cpu(server.proc.pid)
    sampler.start()
    try:
        level = run_level(server.port, bodies, clients=clients, requests=requests)
    finally:
        done.set()
        sampler.join()
    cpu_after = _worker_cpu(server.proc.pid)
    level.peak_rss = peak[0]
    level.worker_cpu = [cpu_after[w] - cpu_before.get(w, 0.0) for w in sorted(cpu_after)]
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
    lines = [*header, "",
             "| clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s | server RSS peak MB | worker CPU split |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for lv in levels:
        total = sum(lv.worker_cpu) or 1.0
        split = "/".join(f"{100 * cpu / total:.0f}" for cpu in lv.worker_cpu)
        lines.append(
            f"| {lv.clients} | {len(lv.latencies) + lv.errors} | {lv.errors} | {lv.percentile(50):.1f} | "
            f"{lv.percentile(95):.1f} | {lv.percentile(99):.1f} | {len(lv.latencies) / lv.seconds:.1f} | "
            f"{lv.peak_rss / 2**20:.0f} | {split} % |"
        )
    return "\n".join(lines)


def run_bench(*, requests: int, levels: list[int], workers: int, words: int, notes_dir: Path = Path("sample_notes")) -> str:
    """Run every level against one server and return a Markdown table."""
    notes = make_notes(notes_dir, words)
    bodies = encode(notes)
    load_before = os.getloadavg()[0]
    floor = _in_process_ms(notes)
    server = Server(workers)
    try:
        server.wait()
        measure(server, bodies, max(2, workers * 2), workers * 8)  # warm every worker
        idle = _tree_rss(server.proc.pid)
        results = [measure(server, bodies, clients, requests) for clients in levels]
        end = _tree_rss(server.proc.pid)
        load_after = os.getloadavg()[0]
    finally:
        server.stop()
    header = [
        f"notecheck bench-service: notecheck serve --workers {workers} on 127.0.0.1, {os.cpu_count()} CPUs shared "
        f"with the client; {requests} requests per level; notes of {words} words with {_CODES_PER_NOTE} codes each.",
        f"Server memory (all processes): {idle / 2**20:.0f} MB after warm-up, {end / 2**20:.0f} MB at the end "
        f"({sum(len(lv.latencies) + lv.errors for lv in results)} requests later).",
        f"In-process checker.check on the same notes (no HTTP, one thread): median {floor:.1f} ms.",
        f"1-minute load average {load_before:.1f} before, {load_after:.1f} after (above the CPU count, "
        "other processes shared the machine and the numbers are pessimistic).",
        "Worker CPU split: each pipeline process's share of their CPU time in the level (is the load spread?).",
    ]
    return _table(results, header)
