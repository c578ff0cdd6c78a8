"""summary.html: one self-contained page (inline CSS, inline SVG charts, no scripts, no network).

It shows counts and note ids only; never note text (facts are not shown).
"""

import html
from collections import Counter, defaultdict
from pathlib import Path

from notecheck.audit.store import Store

WORKLIST_SIZE = 100
TOP_MISSING = 12
_IN_RUN = "note_id IN (SELECT note_id FROM inputs)"

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1000px;color:#1d2430;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde3ea;padding-bottom:.2rem}
.muted{color:#5b6673}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #dde3ea;border-radius:8px;padding:.7rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef1f4}th{background:#f6f8fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font:12px system-ui,sans-serif;fill:#1d2430}
"""


def write_summary(store: Store, path: Path) -> None:
    """Render the overview of the notes of the latest run."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render(store), encoding="utf-8")
    tmp.replace(path)


def render(store: Store) -> str:
    """The HTML page as a string."""
    notes = list(store.rows(f"SELECT note_id, status, error_code FROM notes WHERE {_IN_RUN}"))
    version = next(store.rows("SELECT value FROM meta WHERE key = 'ruleset_version'"), ("?",))[0]
    errors = Counter(code for _, status, code in notes if status == "error")
    parts = [
        f"<h1>notecheck audit</h1><p class=muted>ruleset {_e(version)} &middot; note ids only, no note text</p>",
        _cards(len(notes), sum(errors.values()), store),
        _codes(store),
        _requirements(store),
        _worklist(store),
        _errors(errors),
    ]
    body = "\n".join(parts)
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>notecheck audit summary</title>"
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def _cards(total: int, errors: int, store: Store) -> str:
    checks = next(store.rows(f"SELECT count(*), sum(status = 'gaps') FROM checks WHERE {_IN_RUN}"))
    items = [("notes audited", total), ("notes with errors", errors), ("code checks", checks[0] or 0), ("checks with gaps", checks[1] or 0)]
    return "<div class=cards>" + "".join(f"<div class=card><b>{n}</b>{_e(label)}</div>" for label, n in items) + "</div>"


def _codes(store: Store) -> str:
    sql = (
        "SELECT code, count(*), sum(status = 'complete'), sum(status = 'gaps'), sum(status = 'invalid') "
        f"FROM checks WHERE {_IN_RUN} GROUP BY code ORDER BY count(*) DESC, code"
    )
    rows = list(store.rows(sql))
    if not rows:
        return "<h2>Gap rate per code</h2><p class=muted>No codes were given: facts only.</p>"
    table = _table(
        ["code", "checks", "complete", "gaps", "invalid", "gap rate"],
        [[code, n, complete, gaps, invalid, _pct(gaps, n)] for code, n, complete, gaps, invalid in rows],
    )
    chart = _bars([(code, gaps / n if n else 0.0, _pct(gaps, n)) for code, n, _c, gaps, _i in rows])
    return f"<h2>Gap rate per code</h2>{chart}{table}"


def _requirements(store: Store) -> str:
    sql = (
        "SELECT requirement, severity, count(*), sum(status != 'met') FROM requirements "
        f"WHERE {_IN_RUN} GROUP BY requirement, severity ORDER BY sum(status != 'met') DESC, requirement"
    )
    rows = list(store.rows(sql))
    if not rows:
        return ""
    table = _table(
        ["requirement", "severity", "evaluated", "missing or conflict", "gap rate"],
        [[req, sev, n, gaps, _pct(gaps, n)] for req, sev, n, gaps in rows],
    )
    top = [(f"{req} ({sev})", gaps, str(gaps)) for req, sev, _n, gaps in rows[:TOP_MISSING] if gaps]
    chart = _bars(top, scale=max((v for _, v, _ in top), default=1)) if top else ""
    return f"<h2>Most frequently missing elements</h2>{chart}<h2>Gap rate per requirement</h2>{table}"


def _worklist(store: Store) -> str:
    gaps: dict[str, list[str]] = defaultdict(list)
    sql = f"SELECT note_id, code, requirement FROM requirements WHERE {_IN_RUN} AND severity = 'required' AND status != 'met'"
    for note_id, code, requirement in store.rows(sql):
        gaps[note_id].append(f"{code}: {requirement}")
    ranked = sorted(gaps.items(), key=lambda item: (-len(item[1]), item[0]))[:WORKLIST_SIZE]
    if not ranked:
        return "<h2>Worklist</h2><p class=muted>No note has a required gap.</p>"
    rows = [[i, note_id, len(items), "; ".join(items)] for i, (note_id, items) in enumerate(ranked, start=1)]
    note = f"<p class=muted>Notes ranked by required gaps (top {WORKLIST_SIZE} of {len(gaps)}).</p>"
    return "<h2>Worklist</h2>" + note + _table(["#", "note id", "required gaps", "what is missing"], rows)


def _errors(errors: Counter[str]) -> str:
    if not errors:
        return "<h2>Errors</h2><p class=muted>None.</p>"
    rows = [[code, n] for code, n in errors.most_common()]
    return "<h2>Errors</h2><p class=muted>See results.jsonl or the errors view of results.sqlite for each note.</p>" + _table(["error code", "notes"], rows)


def _bars(items: list[tuple[str, float, str]], *, scale: float = 1.0) -> str:
    """Horizontal bar chart as inline SVG: (label, value, value label)."""
    width, label_w, row_h = 640, 240, 22
    height = row_h * len(items) + 6
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for i, (label, value, shown) in enumerate(items):
        y = i * row_h + 3
        bar = (width - label_w - 70) * (value / scale if scale else 0.0)
        out.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{bar:.1f}" height="{row_h - 6}" rx="3" fill="#d9822b"/>'
            f'<text x="{label_w + bar + 6:.1f}" y="{y + 14}">{_e(shown)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _table(header: list[str], rows: list[list[object]]) -> str:
    numeric = [bool(rows) and isinstance(value, int) for value in (rows[0] if rows else header)]
    head = "".join(f"<th class=n>{_e(h)}</th>" if num else f"<th>{_e(h)}</th>" for h, num in zip(header, numeric, strict=True))
    body = "".join(
        "<tr>" + "".join(f"<td class=n>{v}</td>" if isinstance(v, int) else f"<td>{_e(str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _e(text: str) -> str:
    return html.escape(text, quote=True)
