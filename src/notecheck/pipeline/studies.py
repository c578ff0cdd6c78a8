"""The studies of a report that its conclusions call negative as a whole (clarification C6).

A report may hold several studies ("CERVICAL SPINE ... IMPRESSION: Negative. THORACIC SPINE ... IMPRESSION: ...").
Each study runs from the end of the previous conclusion (or the report's start) to the end of its own; a line in
capitals alone after a conclusion ("LUMBAR SPINE") ends that conclusion and opens the next study. A conclusion is
negative as a whole when every sentence of it opens with one of the opener words ("Negative.", "No acute
abnormalities."), however it names the study's region.
"""

import re
from collections.abc import Collection

from spacy.tokens import Doc

from notecheck.pipeline.spans import doc_text

_SENTENCE_END = re.compile(r"(?<=[.;])\s+|\n+")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s*")


def openers_pattern(openers: list[str]) -> re.Pattern[str] | None:
    """The regular expression `negative_studies` matches a conclusion's sentences with; None without openers."""
    if not openers:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(o) for o in openers) + r")\b", re.I)


def negative_studies(doc: Doc, concluded_in: Collection[str | None], opens: re.Pattern[str]) -> list[tuple[int, int]]:
    """The character ranges (start, end) of the studies whose conclusion (a section of `concluded_in`) is
    negative as a whole: every sentence of it opens with `opens` (`openers_pattern`)."""
    if not Doc.has_extension("sections"):
        return []
    text = doc_text(doc)
    found = []
    start = 0  # where the current study starts
    for section in doc._.sections:
        if section.category not in concluded_in or section.body_start >= section.body_end:
            continue
        body = doc[section.body_start : section.body_end]
        body_start, body_end = body.start_char, body.end_char
        end, heading = _conclusion_end(text, body_start, body_end)
        sentences = [_NUMBERING.sub("", s).strip() for s in _SENTENCE_END.split(text[body_start:end])]
        sentences = [s for s in sentences if s]
        if sentences and all(opens.match(s) for s in sentences):
            found.append((start, end))
        start = heading if heading is not None else body_end
    return found


def _conclusion_end(text: str, start: int, end: int) -> tuple[int, int | None]:
    """Where a conclusion's text ends: at the first line in capitals alone (the next study's heading, returned
    too), else at the section's end."""
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        words = line.strip()
        if offset > start and words and words.isupper() and not words.endswith((".", ":")):
            return offset, offset
        offset += len(line)
    return end, None
