"""``disclint daemon``: while it runs, ``disclint check`` prints what a run of its own would —
same output, same exit status — and without it (stopped, idle, a dead socket) checks locally."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="the daemon needs Unix sockets")

EXAMPLE = str(sorted(EXAMPLES.glob("*.txt"))[0])


def _disclint(arguments, environment, cwd=None, stdin=b"", umask=None):
    result = subprocess.run([sys.executable, "-m", "linter", *arguments], input=stdin, capture_output=True,
                            env=environment, cwd=cwd, timeout=120,
                            preexec_fn=None if umask is None else (lambda: os.umask(umask)))
    return result.returncode, result.stdout, result.stderr


def _status(environment) -> int:
    return _disclint(["daemon", "status"], environment)[0]


def _wait(condition, seconds=60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="module")
def folder():
    """A short folder (a Unix socket's path is limited to ~100 bytes) for the cache and files."""
    path = Path(tempfile.mkdtemp(prefix="dl"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def daemon(folder):
    """A daemon serving in the foreground, and the environment that reaches it."""
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(folder / "cache"), "LANG": "C.UTF-8"}
    environment.pop("DISCLINT_DAEMON", None)
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        environment.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "linter", "daemon", "serve", "--idle-timeout", "300"],
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert _wait(lambda: _status(environment) == 0 or process.poll() is not None)
    assert process.poll() is None, process.stderr.read()
    yield environment, process
    _disclint(["daemon", "stop"], environment)
    process.wait(timeout=30)


def _served(environment) -> int:
    status = _disclint(["daemon", "status"], environment)[1].decode()
    return int(status.rsplit(":", 1)[1].split()[0])


def test_checks_through_the_daemon_print_what_a_local_run_prints(daemon, folder):
    environment, _ = daemon
    local = {**environment, "DISCLINT_DAEMON": "0"}
    project = folder / "project"
    project.mkdir()
    (project / "disclint.toml").write_text('ignore = ["PUN"]\n', encoding="utf-8")
    shutil.copy(EXAMPLE, project / "draft.txt")
    draft = Path(EXAMPLE).read_bytes()
    cases = [
        (["check", EXAMPLE], None, b""),
        (["check", "--format", "json", "--select", "ARI,NUM", EXAMPLE], None, b""),
        (["check", "--lang", "zh", "--exit-zero", EXAMPLE], None, b""),
        (["check", "no such file.txt"], None, b""),
        (["check", "--bogus-option"], None, b""),
        (["check", "--help"], None, b""),
        (["check", "draft.txt"], project, b""),  # the configuration beside the file, a relative path
        (["check", "--stdin-filename", "draft.txt"], project, draft),
        (["check", "--format", "sarif", "-"], None, b""),
    ]
    before = _served(environment)
    for arguments, cwd, stdin in cases:
        through_daemon = _disclint(arguments, environment, cwd, stdin)
        assert through_daemon == _disclint(arguments, local, cwd, stdin), arguments
    assert _served(environment) == before + len(cases)  # each case went through the daemon
    written = []
    for name, where in (("through-daemon.json", environment), ("local.json", local)):
        result = _disclint(["check", "--format", "json", "-o", name, "draft.txt"], where, project, umask=0o077)
        written.append((result, (project / name).read_bytes(), (project / name).stat().st_mode & 0o777))
    assert written[0] == written[1] and written[0][1].startswith(b"[")
    assert written[0][2] == 0o600  # the command's umask, not the daemon's
    chinese = _disclint(["check", EXAMPLE], {**environment, "LANG": "zh_CN.UTF-8"})
    assert chinese == _disclint(["check", EXAMPLE], {**local, "LANG": "zh_CN.UTF-8"})
    assert "错误" in chinese[1].decode() or "警告" in chinese[1].decode()


def test_without_an_answering_daemon_check_runs_locally(folder):
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(folder / "dead")}
    environment.pop("DISCLINT_DAEMON", None)
    local = {**environment, "DISCLINT_DAEMON": "0"}
    expected = _disclint(["check", EXAMPLE], local)
    assert _disclint(["check", EXAMPLE], environment) == expected  # no socket at all
    (folder / "dead").mkdir(exist_ok=True)  # the local run made it for its caches
    from linter.daemon import socket_path

    path = str(folder / "dead" / os.path.basename(socket_path()))
    left_behind = socket.socket(socket.AF_UNIX)
    left_behind.bind(path)  # bound, never listening: a daemon that died
    left_behind.close()
    assert _disclint(["check", EXAMPLE], environment) == expected
    assert _status(environment) == 1


def test_the_daemon_stops_when_told_or_idle(folder):
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(folder / "idle")}
    environment.pop("DISCLINT_DAEMON", None)
    assert _disclint(["daemon", "start", "--idle-timeout", "300"], environment)[0] == 0
    assert _status(environment) == 0
    assert _disclint(["daemon", "stop"], environment)[0] == 0
    assert _wait(lambda: not list((folder / "idle").glob("*.sock")), 30)
    assert _status(environment) == 1

    process = subprocess.Popen([sys.executable, "-m", "linter", "daemon", "serve", "--idle-timeout", "1"],
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert process.wait(timeout=60) == 0  # warm-up, then one idle second
    assert not list((folder / "idle").glob("*.sock"))


def test_a_malformed_request_gets_an_error_and_the_daemon_serves_on(daemon, monkeypatch):
    from linter import daemon as client

    environment, process = daemon
    monkeypatch.setenv("DISCLINT_CACHE_DIR", environment["DISCLINT_CACHE_DIR"])
    for payload in (b"", b"\x00\x00\x00\x00\x00\x00\x00\x05junk!", None):
        connection = socket.socket(socket.AF_UNIX)
        connection.connect(client.socket_path())
        if payload is None:
            client._send(connection, {"arguments": ["check"]})  # no folder, environment…
            reply = client._receive(connection)
            assert reply["code"] == 2 and b"error" in reply["stderr"]
        else:
            connection.sendall(payload)
        connection.close()
    assert process.poll() is None
    local = {**environment, "DISCLINT_DAEMON": "0"}
    assert _disclint(["check", EXAMPLE], environment) == _disclint(["check", EXAMPLE], local)


def test_a_daemon_that_cannot_listen_says_why_once_and_checks_stay_local(folder):
    too_long = folder / ("x" * 100)  # beyond the ~100 bytes of a Unix socket's path
    too_long.mkdir()
    environment = {**os.environ, "DISCLINT_CACHE_DIR": str(too_long)}
    environment.pop("DISCLINT_DAEMON", None)
    code, _, error = _disclint(["daemon", "start"], environment)
    assert code == 2 and error.decode().count("error") == 1 and "cannot listen" in error.decode()
    assert _disclint(["check", EXAMPLE], environment) == _disclint(["check", EXAMPLE], {**environment, "DISCLINT_DAEMON": "0"})
