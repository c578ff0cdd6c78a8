"""The command line: thin shells that parse, call one function and render the report."""

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from notecheck.errors import NotecheckError
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
def user_errors(subject: str) -> Iterator[None]:
    """One line on stderr and exit 2 for any error; never a traceback, never note text."""
    try:
        yield
    except NotecheckError as exc:
        _say(f"notecheck: error {exc}")
        raise typer.Exit(2) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("NOTECHECK_DEBUG"):
            raise
        _say(
            f"notecheck: internal error ({exc.__class__.__name__}) on {subject}; "
            "set NOTECHECK_DEBUG=1 to see the traceback"
        )
        raise typer.Exit(3) from None


@app.command()
def check(
    note: Annotated[Path, typer.Argument(help="The note: a text or RTF file, or - for standard input.")],
    code: Annotated[list[str] | None, typer.Option("--code", "-c", help="A proposed code (M53.88 or M5388); repeat for more.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="text, json or html.")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report to this file.")] = None,
    note_id: Annotated[str | None, typer.Option(help="The note id in the report (default: the file name).")] = None,
    queries: Annotated[bool, typer.Option("--queries", help="Show the query drafts in the text report.")] = False,
) -> None:
    """Check one note against the proposed codes."""
    from notecheck.notes import decode, read_note, validate_text

    name = note_id or ("stdin" if str(note) == "-" else note.name)
    with user_errors(name):
        text = validate_text(decode(sys.stdin.buffer.read(), name), name) if str(note) == "-" else read_note(note)
        import notecheck

        report = notecheck.load().check(text, codes=code or [], note_id=name)
        _emit(report, text, format, out, queries)


def _emit(report: Report, text: str, format: Format, out: Path | None, queries: bool) -> None:
    if format is Format.json:
        payload = report.model_dump_json(indent=2)
    elif format is Format.html:
        from notecheck.render.html import render_html

        payload = render_html(report, text)
    else:
        from notecheck.render.text import render

        console = Console(file=open(out, "w", encoding="utf-8") if out else None, highlight=False)  # noqa: SIM115
        render(report, console, show_queries=queries)
        return
    if out:
        out.write_text(payload + "\n", encoding="utf-8")
    else:
        sys.stdout.write(payload + "\n")


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
    with user_errors(notes):
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

    with user_errors(str(gold)):
        if compare_models:
            from notecheck.evaluation import models_compare

            compared = models_compare.compare(gold, corpus, split)
            if as_json:
                sys.stdout.write(json.dumps(compared, indent=2) + "\n")
            else:
                models_compare.render(compared, Console(highlight=False))
            return
        result = run.evaluate(gold, corpus, split, show_text)
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
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; each loads the pipeline once.")] = 1,
) -> None:
    """Serve the HTTP API and the review page (NOTECHECK_API_KEY set = X-API-Key required)."""
    from notecheck.service.server import run

    with user_errors("serve"):
        run(host=host, port=port, workers=workers)


@app.command("bench-service")
def bench_service(
    requests: Annotated[int, typer.Option(min=1, help="Requests per concurrency level (10000 at one level: is memory flat?).")] = 400,
    clients: Annotated[str, typer.Option(help="Concurrency levels, comma-separated.")] = "1,8,32",
    workers: Annotated[int, typer.Option(min=1, help="notecheck serve --workers: uvicorn worker processes.")] = 2,
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

    with user_errors(str(corpus)):
        results = benchmark.run(corpus, spine=spine, limit=limit)
        sys.stdout.write(benchmark.render(results) + "\n")


@app.command("eval-assertion")
def eval_assertion(
    data: Annotated[Path, typer.Argument(help="NegEx/ConText items (JSON lines), e.g. ../shared/benchmarks/negex/dev.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of the table.")] = False,
) -> None:
    """Score checker.assertion on the NegEx/ConText benchmark, side by side with medSpaCy's default ConText."""
    from notecheck.evaluation import negex

    with user_errors(str(data)):
        results = negex.run(data, with_checker=True)
        if as_json:
            payload = {
                name: {label: {"precision": round(m.precision, 3), "recall": round(m.recall, 3), "f1": round(m.f1, 3)}
                       for label, m in result.metrics.items()}
                for name, result in results.items()
            }
            sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        else:
            sys.stdout.write(negex.format_results(results) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()
