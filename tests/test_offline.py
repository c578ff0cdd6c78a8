"""The network promise: nothing in the package opens a connection, at import or at run time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_notes" / "m5388_complete_soap.txt"

# Loaded by every Python process that has this folder on its path (workers too): any attempt to reach
# another host is recorded and refused. urllib3's IPv6 probe binds to ::1 and never connects: allowed.
_SITECUSTOMIZE = '''
import os, socket
def _refuse(*args, **kwargs):
    with open(os.environ["NOTECHECK_NET_LOG"], "a") as log:
        log.write(f"{os.getpid()} {args[1:2]}\\n")
    raise OSError("network disabled by the test")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", str(SAMPLE), "--code", "M53.88", "--format", "json"], id="check"),
        pytest.param(["check", str(SAMPLE), "--code", "M53.88", "--format", "html", "-o", "{tmp}/r.html"], id="check-html"),
        pytest.param(["audit", str(SAMPLE.parent), "--out", "{tmp}/out", "--workers", "2"], id="audit-two-workers"),
    ],
)
def test_when_the_network_is_refused_then_commands_work_and_never_try_to_connect(tmp_path, args):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"
    env = dict(os.environ, NOTECHECK_NET_LOG=str(log))
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "site"), *filter(None, [env.get("PYTHONPATH")])])
    done = subprocess.run(
        [sys.executable, "-m", "notecheck", *(a.format(tmp=tmp_path) for a in args)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert not log.exists(), log.read_text(encoding="utf-8")
