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
