"""Generated notes for the audit tests (written here; nothing is copied from a corpus)."""

from pathlib import Path

MARKER = "Zebrafinch"  # a word no error message, log line or summary may ever contain

SENTENCES = [
    "CHIEF COMPLAINT: Tailbone pain for four months after a fall on the stairs.",
    "HISTORY: The patient reports pain when sitting longer than twenty minutes.",
    "She completed six weeks of physical therapy without relief.",
    "Naproxen helped a little; she stopped it because of stomach upset.",
    "EXAM: Tenderness over the coccyx. Strength is 5/5 in both legs.",
    "IMAGING: X-ray of the sacrum and coccyx shows no fracture.",
    "ASSESSMENT: Chronic coccygodynia after a fall. Sacrococcygeal pain.",
    "PLAN: Cushion, home exercise program, follow up in six weeks.",
]


def note_text(i: int, *, repeat: int = 1) -> str:
    """A short note; `repeat` makes it longer (and slower to check)."""
    lines = [f"Patient {MARKER} number {i}."] + SENTENCES[: 3 + i % 6]
    return "\n".join(lines * repeat) + "\n"


def write_folder(root: Path, count: int, *, repeat: int = 1, codes: str = "M5388;M48.38") -> Path:
    """count notes n000.txt... and manifest.csv with path,codes; returns the manifest."""
    root.mkdir(parents=True, exist_ok=True)
    rows = ["path,codes"]
    for i in range(count):
        (root / f"n{i:03d}.txt").write_text(note_text(i, repeat=repeat), encoding="utf-8")
        rows.append(f"n{i:03d}.txt,{codes}")
    manifest = root.parent / f"{root.name}-manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest
