"""The command line: thin shells that parse, call one function and render the report."""

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from notecheck.errors import (
    CommandLineError,
    InputError,
    ListenError,
    NotecheckError,
    NoteNotFoundError,
    OutputError,
)
from notecheck.report import Report

app = typer.Typer(
    name="notecheck",
    help="Which documentation a proposed ICD-10-CM spine code still lacks, with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _say(line: str) -> None:
    """One unwrapped line on stderr."""
    sys.stderr.write(line.replace("\n", " ") + "\n")


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


@contextmanager
def user_errors(subject: str, *, interrupted: str = "interrupted") -> Iterator[None]:
    """One line on stderr and exit 2 for any error; never a traceback, never note text."""
    try:
        yield
    except NotecheckError as exc:
        _say(f"notecheck: error {exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _say(f"notecheck: {interrupted}")
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if os.environ.get("NOTECHECK_DEBUG"):
            raise
        _say(
            f"notecheck: internal error ({exc.__class__.__name__}) on {subject}; "
            "set NOTECHECK_DEBUG=1 to see the traceback"
        )
        raise typer.Exit(3) from None


@contextmanager
def input_file(path: Path, expected: str) -> Iterator[None]:
    """Errors of reading a data file (gold, benchmark, corpus) as one coded line naming it, not a crash."""
    if not path.exists():
        raise NoteNotFoundError(note=str(path))
    try:
        yield
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        if os.environ.get("NOTECHECK_DEBUG"):
            raise
        detail = f"cannot be read as {expected} ({exc.__class__.__name__}); set NOTECHECK_DEBUG=1 for details"
        raise InputError(note=str(path), detail=detail) from None


@app.command()
def check(
    note: Annotated[Path, typer.Argument(help="The note: a text or RTF file, or - for standard input.")],
    code: Annotated[list[str] | None, typer.Option("--code", "-c", help="A proposed code (M53.88 or M5388); repeat for more, or list them as in a claim: 'M53.88;M48.38'.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text, json or html.")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file.")] = None,
    note_id: Annotated[str | None, typer.Option(help="The note id in the report (default: the file name).")] = None,
    queries: Annotated[bool, typer.Option("--queries", help="Show the query drafts in the text report.")] = False,
) -> None:
    """Check one note against the proposed codes."""
    from notecheck.notes import read_note, read_stream

    name = note_id or ("stdin" if str(note) == "-" else note.name)
    with user_errors(name):
        if out is not None:
            _refuse_unwritable(out)  # before the pipeline loads: a typo in -o costs no waiting
        text = read_stream(sys.stdin.buffer, name) if str(note) == "-" else read_note(note)
        import notecheck

        report = notecheck.load().check(text, codes=split_codes(code or []), note_id=name)
        _emit(report, text, format, out, queries)


def split_codes(raw: list[str]) -> list[str]:
    """--code values as users write them: one code each, or a claim's list ("M53.88;M48.38", "A, B")."""
    return [code for value in raw for code in re.split(r"[;,\s]+", value) if code]


def _refuse_unwritable(out: Path) -> None:
    if out.is_dir():
        raise OutputError(path=str(out), what="the report", reason="it is a folder; give a file name")
    if not out.parent.is_dir():
        raise OutputError(path=str(out), what="the report", reason="its folder does not exist")


def _emit(report: Report, text: str, format: Format, out: Path | None, queries: bool) -> None:
    if format is Format.json:
        payload = report.model_dump_json(indent=2)
    elif format is Format.html:
        from notecheck.render.html import render_html

        payload = render_html(report, text)
    else:
        from notecheck.render.text import render

        if out is None:
            render(report, Console(highlight=False), show_queries=queries)
            return
        buffer = io.StringIO()
        render(report, Console(file=buffer, highlight=False), show_queries=queries)
        payload = buffer.getvalue().rstrip("\n")
    if out is None:
        sys.stdout.write(payload + "\n")
        return
    try:
        out.write_text(payload + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(path=str(out), what="the report", reason=exc.strerror or exc.__class__.__name__) from None


class Engine(str, Enum):
    local = "local"
    spark = "spark"


@app.command()
def audit(
    notes: Annotated[str, typer.Argument(metavar="NOTES_DIR", help="A folder of notes (text, RTF, JSON Lines), a JSON Lines file, or (spark) a Parquet table or URI.")],
    out: Annotated[str, typer.Option("--out", "-o", metavar="RESULTS_DIR", help="RESULTS_DIR: results.sqlite, results.jsonl, results.csv, summary.html (spark: Parquet, may be a URI).")],
    codes: Annotated[Path | None, typer.Option("--codes", metavar="MANIFEST.csv", help="MANIFEST.csv with path and codes columns (optional note_id).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, metavar="N", help="Worker processes, each loads the pipeline once.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local (resumable, SQLite) or spark (Parquet out).")] = Engine.local,
) -> None:
    """Audit a folder of notes; a killed run started again with the same arguments finishes the rest."""
    resume = "interrupted; the notes finished so far are saved: run the same command again to resume"
    with user_errors(notes, interrupted=resume):
        if engine is Engine.spark:
            from notecheck.audit.spark import run_spark

            _say(f"notecheck: {run_spark(notes, out, manifest=codes)}")
            return
        from notecheck.audit import run_audit

        _say(f"notecheck: {run_audit(Path(notes), Path(out), manifest=codes, workers_n=workers).line()}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report (schema_version 1)."""
    sys.stdout.write(json.dumps(Report.model_json_schema(), indent=2) + "\n")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="sample_notes/ (NAME.txt + NAME.gold.json) or a gold JSONL file.")],
    corpus: Annotated[Path, typer.Option(help="Corpus JSONL holding the texts of a JSONL gold set.")] = Path("../shared/corpus/mtsamples.jsonl"),
    split: Annotated[str, typer.Option(help="dev, heldout or all.")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    show_text: Annotated[bool, typer.Option("--show-text", help="Include the note text of each miss.")] = False,
    max_misses: Annotated[int, typer.Option(help="Misses listed in the table view.")] = 40,
    compare_models: Annotated[bool, typer.Option("--compare-models", help="Rules alone vs rules + trained models, per element.")] = False,
) -> None:
    """Score the pipeline against gold annotations: per-element P/R/F1, spans, verdicts, misses."""
    from notecheck.evaluation import run

    with user_errors(str(gold)), input_file(gold, "gold annotations (NAME.txt + NAME.gold.json, or gold JSONL)"):
        if compare_models:
            from notecheck.evaluation import models_compare

            compared = models_compare.compare(gold, corpus, split)
            if as_json:
                sys.stdout.write(json.dumps(compared, indent=2) + "\n")
            else:
                models_compare.render(compared, Console(highlight=False))
            return
        result = run.evaluate(gold, corpus, split, show_text)
        if not result["notes"]:
            detail = f"no gold notes found (split {split}); expected NAME.txt + NAME.gold.json pairs or a gold JSONL file"
            raise InputError(note=str(gold), detail=detail)
        if as_json:
            sys.stdout.write(json.dumps(result, indent=2) + "\n")
        else:
            run.render(result, Console(highlight=False), max_misses=max_misses)


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="The sentence dataset (written.jsonl, sample_notes.jsonl, corpus.jsonl).")] = Path("models/data"),
    out: Annotated[Path, typer.Option(help="The models folder; the model goes to OUT/NAME/vVERSION/.")] = Path("models"),
    name: Annotated[str, typer.Option(help="Model name.")] = "sentence_facts",
    version: Annotated[int, typer.Option(min=1, help="Version to write; an existing one needs --force.")] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the folds and of SGD.")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing version.")] = False,
    tune: Annotated[Path | None, typer.Option(help="Gold JSONL: choose thresholds on its dev split (rules vs rules+model per element).")] = None,
    heldout: Annotated[Path | None, typer.Option(help="Gold JSONL: record rules vs rules+model on its heldout split in the card.")] = None,
    corpus: Annotated[Path, typer.Option(help="Corpus JSONL holding the texts of gold and corpus.jsonl rows.")] = Path("../shared/corpus/mtsamples.jsonl"),
    gold: Annotated[Path, typer.Option(help="Gold JSONL whose dev split corpus.jsonl rows may use.")] = Path("gold/dev/gold.jsonl"),
) -> None:
    """Train the sentence classifiers and write the model, its manifest and its card."""
    from notecheck.training.train import train as run_training

    with user_errors(str(data)):
        manifest = run_training(data, out, name=name, version=version, seed=seed, force=force,
                                corpus=corpus if corpus.is_file() else None, gold=gold if gold.is_file() else None, tune=tune, heldout=heldout)
        _say(f"notecheck: wrote {out / name / f'v{version}'} (sha256 {manifest.sha256[:12]}, thresholds {manifest.thresholds})")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind; keep 127.0.0.1 unless a proxy guards it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Pipeline processes, forked once the pipeline has loaded; 1 = one pipeline thread in the HTTP process.")] = 1,
) -> None:
    """Serve the HTTP API and the review page (NOTECHECK_API_KEY set = X-API-Key required)."""
    from notecheck.service.server import run

    with user_errors("serve"):
        _refuse_unlistenable(host, port)  # before the pipeline loads; uvicorn's own failure is ~90 lines
        run(host=host, port=port, workers=workers)


def _refuse_unlistenable(host: str, port: int) -> None:
    """Bind a socket where the server will (local only: binding never sends a packet) and let it go."""
    import socket

    address = f"{host}:{port}"
    try:
        family, kind, proto, _, where = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            sock.bind(where)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ListenError(address=address, reason=reason) from None


@app.command("bench-service")
def bench_service(
    requests: Annotated[int, typer.Option(min=1, help="Requests per concurrency level (10000 at one level: is memory flat?).")] = 400,
    clients: Annotated[str, typer.Option(help="Concurrency levels, comma-separated.")] = "1,8,32",
    workers: Annotated[int, typer.Option(min=1, help="notecheck serve --workers: pipeline processes.")] = 2,
    words: Annotated[int, typer.Option(min=50, help="Words per generated note.")] = 600,
    notes: Annotated[Path, typer.Option(help="Folder of .txt notes the benchmark notes are built from.")] = Path("sample_notes"),
) -> None:
    """Latency (p50/p95/p99), throughput and server memory of a real local server under load."""
    from notecheck.service.bench import run_bench

    with user_errors("bench-service"):
        levels = [int(n) for n in clients.split(",") if n.strip()]
        sys.stdout.write(run_bench(requests=requests, levels=levels, workers=workers, words=words, notes_dir=notes) + "\n")


@app.command()
def bench(
    corpus: Annotated[Path, typer.Argument(help="A folder of .txt notes or a JSONL corpus (id, text, spine).")] = Path("sample_notes"),
    spine: Annotated[bool, typer.Option("--spine", help="JSONL only: use the notes with spine = true.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Use only the first N notes.")] = None,
) -> None:
    """Notes/s, words/s and peak RSS of notecheck, medSpaCy's default pipeline and spaCy's tokenizer."""
    from notecheck import bench as benchmark

    with user_errors(str(corpus)), input_file(corpus, "a corpus (a folder of .txt notes or JSONL with id and text)"):
        results = benchmark.run(corpus, spine=spine, limit=limit)
        sys.stdout.write(benchmark.render(results) + "\n")


@app.command("eval-assertion")
def eval_assertion(
    data: Annotated[Path, typer.Argument(help="NegEx/ConText items (JSON lines), e.g. ../shared/benchmarks/negex/dev.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of the table.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="Also list the checker's misses (id, label, gold, predicted).")
    ] = False,
    label: Annotated[
        str | None, typer.Option(help="With --misses: only this label, e.g. historical.")
    ] = None,
) -> None:
    """Score checker.assertion on the NegEx/ConText benchmark, side by side with medSpaCy's default ConText."""
    from notecheck.evaluation import negex

    with user_errors(str(data)), input_file(data, "NegEx/ConText items (JSON Lines)"):
        results = negex.run(data, with_checker=True)
        if not any(result.n_items for result in results.values()):
            raise InputError(note=str(data), detail="no scorable NegEx/ConText items (JSON Lines, one item a line)")
        if as_json:
            payload = {
                name: {label: {"precision": round(m.precision, 3), "recall": round(m.recall, 3), "f1": round(m.f1, 3)}
                       for label, m in result.metrics.items()}
                for name, result in results.items()
            }
            sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        else:
            sys.stdout.write(negex.format_results(results) + "\n")
        if misses:
            checker = results["notecheck-checker"]
            sys.stdout.write(negex.format_misses(checker, data, label=label) + "\n")


def main() -> None:
    """Console-script entry point: a usage error is one line too (click's own shows a boxed panel)."""
    try:  # typer 0.29 (pinned) vendors click; its exceptions live here, not in the click package
        from typer._click import exceptions as click
    except ImportError:  # pragma: no cover - an older typer on plain click
        from click import exceptions as click  # type: ignore[no-redef]

    try:
        code = app(standalone_mode=False)
    except click.UsageError as exc:
        if exc.format_message():  # no_args_is_help has printed the help: nothing to add
            command = exc.ctx.command_path if exc.ctx else "notecheck"
            _say(f"notecheck: error {CommandLineError(detail=exc.format_message(), command=command)}")
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _say(f"notecheck: error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):  # typer's Abort: its vendored click raises this one
        _say("notecheck: interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
