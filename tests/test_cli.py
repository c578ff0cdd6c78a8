"""The shell as users meet it: one-line coded errors, no traceback, no note text; JSON per the contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_notes" / "m5388_complete_soap.txt"
SECRET = "Zebulon Quartermaine"  # a name that must never leak into an error


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "notecheck", *args],
        input=stdin.decode("latin-1") if stdin else None,
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        pytest.param("empty.txt", b"", "NC301", id="empty"),
        pytest.param("blank.txt", b"  \n\t \n", "NC301", id="white-space-only"),
        pytest.param("binary.txt", b"\x00\x01\x02PK" + SECRET.encode() + b"\x00" * 50, "NC302", id="binary"),
        pytest.param("control.txt", ("\x07\x1b" * 200 + SECRET).encode(), "NC302", id="control-characters"),
        pytest.param("huge.txt", (SECRET + " back pain. ").encode() * 200_000, "NC304", id="huge"),
    ],
)
def test_when_a_note_is_bad_then_one_coded_line_and_exit_2(tmp_path, name, data, code):
    result = run("check", str(_write(tmp_path, name, data)), "--code", "M53.88")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"[{code}]" in lines[0] and name in lines[0]
    assert SECRET not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_when_the_file_is_missing_then_it_says_so(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"), "--code", "M53.88")
    assert result.returncode == 2 and "[NC305]" in result.stderr and "nope.txt" in result.stderr


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(f"{SECRET} has coccyx pain; café owner.".encode("cp1252"), "cp1252", id="windows-1252"),
        pytest.param(f"{SECRET} has coccyx pain; naïve.".encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param(("\ufeff" + f"{SECRET} has coccyx pain.").encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
    ],
)
def test_when_a_note_is_not_utf8_then_it_is_decoded(tmp_path, data, encoding):
    result = run("check", str(_write(tmp_path, "enc.txt", data)), "--code", "M53.88", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert any(f["kind"] == "region" and f["value"] == "sacral" for f in report["facts"])


def test_when_a_note_is_truncated_mid_character_then_it_still_checks(tmp_path):
    data = SAMPLE.read_bytes() + "é".encode()[:1]
    result = run("check", str(_write(tmp_path, "cut.txt", data)), "--code", "M53.88", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["checks"][0]["code"] == "M53.88"


@pytest.mark.parametrize(
    ("raw", "shown", "finding"),
    [
        pytest.param("m5388", "M53.88", None, id="claim-form"),
        pytest.param("M99.99", "M99.99", "invalid_code", id="unknown"),
        pytest.param("53.88", "53.88", "invalid_code", id="malformed"),
        pytest.param("M48.3", "M48.3", "non_billable", id="non-billable-parent"),
    ],
)
def test_codes_as_written_in_claims(raw, shown, finding):
    result = run("check", str(SAMPLE), "--code", raw, "--format", "json")
    assert result.returncode == 0, result.stderr
    check = json.loads(result.stdout)["checks"][0]
    assert check["code"] == shown
    if finding:
        assert check["status"] == "invalid"
        assert check["findings"][0]["kind"] == finding
    else:
        assert check["status"] in {"complete", "gaps"}


def test_json_report_follows_the_contract():
    from notecheck.report import Report

    result = run("check", str(SAMPLE), "--code", "M53.88", "--format", "json")
    report = Report.model_validate_json(result.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert report.schema_version == "1"
    assert all(text[f.start : f.end] == f.text for f in report.facts)
    ids = {f.id for f in report.facts}
    assert all(set(r.evidence) <= ids for c in report.checks for r in c.requirements)


def test_schema_command_prints_the_json_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Report"
    assert {"facts", "checks", "note_id", "schema_version"} <= set(schema["properties"])


def test_text_report_reads_at_a_glance():
    result = run("check", str(SAMPLE), "--code", "M53.88")
    assert result.returncode == 0
    assert "M53.88" in result.stdout and "region (required)" in result.stdout


def _one_coded_line(result: subprocess.CompletedProcess[str], code: str, exit_code: int = 2) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == exit_code, result.stderr
    assert len(lines) == 1 and f"[{code}]" in lines[0], result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("out", "fmt", "says"),
    [
        pytest.param("{tmp}", "json", "it is a folder", id="a-folder"),
        pytest.param("{tmp}/no/such/dir/r.txt", "text", "its folder does not exist", id="no-such-folder"),
        pytest.param("{tmp}/no/r.html", "html", "its folder does not exist", id="no-such-folder-html"),
        pytest.param("/dev/full", "json", "No space left", id="disk-full"),
    ],
)
def test_when_the_report_cannot_be_written_then_one_nc307_line_and_exit_2(tmp_path, out, fmt, says):
    target = out.format(tmp=tmp_path)
    result = run("check", str(SAMPLE), "--code", "M53.88", "--format", fmt, "-o", target)
    line = _one_coded_line(result, "NC307")
    assert target in line and says in line


def test_when_a_text_report_goes_to_a_file_then_it_is_written_whole(tmp_path):
    target = tmp_path / "r.txt"
    result = run("check", str(SAMPLE), "--code", "M53.88", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "region (required)" in target.read_text(encoding="utf-8") and "\x1b[" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("codes", "shown"),
    [
        pytest.param(["M53.88;m4838"], ["M53.88", "M48.38"], id="claim-list-semicolon"),
        pytest.param(["M53.88, M48.38"], ["M53.88", "M48.38"], id="comma-and-space"),
        pytest.param(["M53.88", "", " "], ["M53.88"], id="blank-codes-dropped"),
    ],
)
def test_when_codes_are_given_as_a_claim_list_then_each_is_checked(codes, shown):
    args = [arg for code in codes for arg in ("--code", code)]
    result = run("check", str(SAMPLE), *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    checks = json.loads(result.stdout)["checks"]
    assert [c["code"] for c in checks] == shown and all(c["status"] != "invalid" for c in checks)


@pytest.mark.parametrize(
    ("command", "name", "data", "code"),
    [
        pytest.param("eval", "nope", None, "NC305", id="eval-missing"),
        pytest.param("eval", "rand.jsonl", b"\xff\xfe\x00\x81" * 50, "NC300", id="eval-binary"),
        pytest.param("eval", "empty.jsonl", b"", "NC300", id="eval-no-notes"),
        pytest.param("eval-assertion", "nope", None, "NC305", id="eval-assertion-missing"),
        pytest.param("eval-assertion", "items.csv", b"path,codes\na.txt,M53.88\n", "NC300", id="eval-assertion-not-jsonl"),
        pytest.param("eval-assertion", "empty.jsonl", b"\n", "NC300", id="eval-assertion-no-items"),
        pytest.param("bench", "nope", None, "NC305", id="bench-missing"),
    ],
)
def test_when_a_data_file_is_bad_then_eval_and_bench_print_one_coded_line(tmp_path, command, name, data, code):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    line = _one_coded_line(run(command, str(path)), code)
    assert name in line


def test_when_the_note_is_a_folder_then_it_says_so_and_points_to_audit(tmp_path):
    line = _one_coded_line(run("check", str(tmp_path), "--code", "M53.88"), "NC300")
    assert "is a folder" in line and "audit" in line


@pytest.mark.parametrize(
    ("interrupted", "says"),
    [
        pytest.param("interrupted", "notecheck: interrupted", id="check"),
        pytest.param("interrupted; run it again to resume", "resume", id="audit"),
    ],
)
def test_when_the_user_presses_ctrl_c_then_one_line_and_exit_130(capsys, interrupted, says):
    import typer

    from notecheck.cli import user_errors

    with pytest.raises(typer.Exit) as caught, user_errors("n.txt", interrupted=interrupted):
        raise KeyboardInterrupt
    assert caught.value.exit_code == 130
    assert capsys.readouterr().err.strip().splitlines() == [f"notecheck: {interrupted}"]
    assert says in f"notecheck: {interrupted}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(["check"], "Missing argument", id="missing-argument"),
        pytest.param(["check", str(SAMPLE), "--format", "pdf"], "'--format'", id="bad-choice"),
        pytest.param(["audit", "notes", "--out", "o", "--workers", "0"], "'--workers'", id="out-of-range"),
        pytest.param(["chek"], "No such command", id="unknown-command"),
        pytest.param(["check", str(SAMPLE), "--cod", "M53.88"], "No such option", id="unknown-option"),
    ],
)
def test_when_the_command_line_is_wrong_then_one_nc308_line_and_exit_2(args, says):
    line = _one_coded_line(run(*args), "NC308")
    assert says in line and "--help" in line


def _port_in_use():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


@pytest.mark.parametrize(
    ("host", "says"),
    [
        pytest.param("127.0.0.1", "in use", id="port-in-use"),
        pytest.param("203.0.113.9", "assign requested address", id="not-this-hosts-address"),
    ],
)
def test_when_serve_cannot_listen_then_one_nc309_line_before_the_pipeline_loads(host, says):
    with _port_in_use() as busy:
        port = busy.getsockname()[1]
        result = run("serve", "--host", host, "--port", str(port))
    line = _one_coded_line(result, "NC309")
    assert f"{host}:{port}" in line and says in line
    assert "Started server process" not in result.stderr


def test_when_the_serve_port_is_out_of_range_then_a_usage_line():
    _one_coded_line(run("serve", "--port", "99999"), "NC308")


@pytest.mark.parametrize("raised", [KeyboardInterrupt, "abort"], ids=["ctrl-c", "click-abort"])
def test_when_the_run_is_interrupted_outside_a_command_then_main_says_one_line_and_exits_130(monkeypatch, capsys, raised):
    import typer

    from notecheck import cli

    def interrupted(**_: object) -> None:
        raise typer.Abort() if raised == "abort" else raised()

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 130
    assert capsys.readouterr().err.strip().splitlines() == ["notecheck: interrupted"]
