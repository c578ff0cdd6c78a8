"""The terminal report: per code a checklist a coder reads at a glance, every verdict with its evidence."""

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from notecheck.report import Check, Fact, Report

_MARK = {"met": ("✔", "green"), "missing": ("✘", "red"), "conflict": ("!", "yellow")}
_STATUS = {"complete": "green", "gaps": "yellow", "invalid": "red"}
_MAX_QUOTES = 3


def _quote(fact: Fact) -> str:
    section = f" [{fact.section.replace('_', ' ')}]" if fact.section else ""
    flag = "" if fact.assertion == "present" else f" ({fact.assertion})"
    return f'"{fact.text}"{section}{flag}'


def _evidence(ids: list[int], facts: list[Fact]) -> str:
    quotes = [_quote(facts[i]) for i in ids[:_MAX_QUOTES]]
    more = len(ids) - _MAX_QUOTES
    return "; ".join(quotes) + (f"; +{more} more" if more > 0 else "")


def _check_panel(check: Check, facts: list[Fact], show_queries: bool) -> Panel:
    table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
    table.add_column(width=1)
    table.add_column(ratio=1)
    for req in check.requirements:
        mark, colour = _MARK[req.status]
        line = Text(f"{req.id} ({req.severity}): ", style="bold")
        line.append(req.message)
        if req.evidence:
            line.append("\n  " + _evidence(req.evidence, facts), style="dim")
        table.add_row(Text(mark, style=colour), line)
    parts: list[Table | Text] = [table]
    for finding in check.findings:
        style = "red" if finding.blocking else "cyan"
        codes = f" -> {', '.join(finding.codes)}" if finding.codes else ""
        parts.append(Text(f"• {finding.kind}{codes}: {finding.message}", style=style))
    if check.queries:
        if show_queries:
            for query in check.queries:
                parts.append(Text(f"\nQuery draft ({query.requirement}):\n{query.text}", style="dim"))
        else:
            parts.append(Text(f"{len(check.queries)} provider query draft(s): add --queries to show them.", style="dim"))
    # The code and the note id are user input: escaped, so "[/]" is shown, not read as Rich markup.
    title = f"[{_STATUS[check.status]}]{check.status.upper()}[/]  {escape(check.code)}  {escape(check.title or '')}"
    return Panel(Group(*parts), title=title, title_align="left")


def render(report: Report, console: Console, *, show_queries: bool = False) -> None:
    """Print the report."""
    console.print(f"[bold]notecheck[/] note [bold]{escape(report.note_id)}[/]: {len(report.facts)} facts")
    if not report.checks:
        console.print("No codes proposed; add --code to check one.")
    for check in report.checks:
        console.print(_check_panel(check, report.facts, show_queries))
