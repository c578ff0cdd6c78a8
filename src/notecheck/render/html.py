"""The review view as HTML: one self-contained file for `check --format html`, and the service page.

Both run the same renderer (static/review.js) over the contract's report, so the file and the page show
the same thing. The note is untrusted: it reaches the page only as JSON inside a script element, with
every character that could close the element escaped, and the renderer writes it with textContent.
"""

import json
from functools import cache
from html import escape
from importlib.resources import files

from notecheck.report import Report

_MEDIA_TYPES = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}
# Inside <script>, "</script" or "<!--" would end or confuse the element; \u escapes are still JSON.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}

_DOCUMENT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
{csp}<title>{title}</title>
{style}
</head>
<body>
<header class="topbar"><div class="brand">notecheck<span>CDI documentation review</span></div>\
<div class="meta">{meta}</div></header>
<main>
{form}<section id="result" class="result" aria-live="polite" hidden></section>
<noscript><p class="alert">This review needs JavaScript to show the report.</p></noscript>
</main>
{data}{script}
</body>
</html>
"""

_FORM = """<form id="check-form" class="input" autocomplete="off">
<div class="row">
<div class="field"><label for="note-id">Note id</label><input type="text" id="note-id" placeholder="note"></div>
<div class="field"><label for="codes">Proposed codes</label>\
<input type="text" id="codes" placeholder="M53.88, M48.38" required></div>
<div class="field"><label for="note-file">Or upload a text file</label>\
<input type="file" id="note-file" accept=".txt,text/plain"></div>
</div>
<div class="field-text"><label for="note-text">Note text</label>\
<textarea id="note-text" placeholder="Paste the clinical note here" required spellcheck="false"></textarea></div>
<div class="actions">
<button type="submit" class="primary">Check note</button>
<span class="hint">The note is checked on this server only; nothing leaves the machine.</span>
<details id="api-key-box"><summary>API key</summary>\
<input type="password" id="api-key" placeholder="X-API-Key (only when the server requires one)"></details>
</div>
<p id="form-error" class="alert" role="alert" hidden></p>
</form>
"""

# The self-contained file opens from disk: inline assets only, no network at all.
_FILE_CSP = (
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
)


@cache
def _asset(name: str) -> str:
    return (files("notecheck.render") / "static" / name).read_text(encoding="utf-8")


def asset_response(name: str) -> tuple[str, str] | None:
    """The text and media type of a static asset of the page, or None for any other name."""
    media_type = _MEDIA_TYPES.get(name)
    return (_asset(name), media_type) if media_type else None


def _script_json(payload: object) -> str:
    text = json.dumps(payload, ensure_ascii=False)
    return "".join(_SCRIPT_SAFE.get(ch, ch) for ch in text)


def render_html(report: Report, text: str) -> str:
    """One self-contained HTML file: the note with evidence highlighted, the checklist and the queries."""
    data = _script_json({"report": report.model_dump(mode="json"), "text": text})
    return _DOCUMENT.format(
        csp=_FILE_CSP,
        title=escape(f"notecheck · {report.note_id}"),
        style=f"<style>\n{_asset('review.css')}</style>",
        meta=escape(f"note {report.note_id} · report schema {report.schema_version}"),
        form="",
        data=f'<script type="application/json" id="notecheck-data">{data}</script>\n',
        script=f"<script>\n{_asset('review.js')}</script>",
    )


def render_page() -> str:
    """The service's review page: the form, and the same renderer loaded from /assets/."""
    return _DOCUMENT.format(
        csp="",
        title="notecheck · CDI review",
        style='<link rel="stylesheet" href="assets/review.css">',
        meta="paste or upload a note, enter the proposed codes",
        form=_FORM,
        data="",
        script='<script src="assets/review.js"></script>',
    )
