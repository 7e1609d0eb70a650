"""``disclint daemon``: a disclint that stays loaded and answers ``disclint check`` at once.

A cold ``disclint check`` spends about a quarter of a second importing disclint, setting up its
rules and loading its language tables before it reads a document — on every save in an editor
and every commit hook. ``disclint daemon start`` starts a background process that pays for that
once, then runs ``disclint check`` command lines sent to it over a Unix socket in the cache
folder, which only its owner can open. While it runs, ``disclint check`` sends it the command
line, the working folder, the environment and (with ``--stdin-filename``) standard input, and
prints what comes back: the same output and exit status as a run of its own. When no daemon
answers (none started, stopped, one of another installation, version or edit of disclint, a
system without Unix sockets), ``check`` runs in its own process as usual; ``DISCLINT_DAEMON=0``
always does. The daemon serves one command line at a time and exits after ``--idle-timeout``
seconds without one.

The client half (:func:`check_remotely`) runs on every ``disclint check``, so it imports only
``_socket`` and ``marshal`` (the ``socket`` and ``json`` modules take ~8 ms each to import).
Messages are a length and a marshalled dict: both ends are the same disclint on the same
Python (the socket's name says which) and the same user.
"""

from __future__ import annotations

import marshal
import os
import sys

from linter import __version__
from linter.cache import configured_folder

#: Set to "0" to never use a daemon.
DAEMON_ENV = "DISCLINT_DAEMON"
#: Seconds without a request after which the daemon exits, unless told otherwise.
DEFAULT_IDLE_TIMEOUT = 30 * 60
#: Longest message accepted (a document sent on standard input included).
_MAX_MESSAGE = 1 << 31
#: Seconds a client has to send its request once connected.
_REQUEST_TIMEOUT = 30
#: Exit status of a command line the daemon failed to answer (as disclint's usage errors).
_EXIT_FAILED = 2


class DaemonError(Exception):
    """The daemon cannot be started, reached or stopped."""


def socket_path() -> str | None:
    """Where the daemon of this very disclint listens (None on a system without Unix sockets):
    named after its version, the Python version, the user and :func:`_installation`, so that
    after an upgrade or an edit of its sources a check never reaches a daemon running older code
    (which exits when idle)."""
    prefix = _socket_prefix()
    return None if prefix is None else os.path.join(configured_folder(), f"{prefix}{_installation():08x}.sock")


def _socket_prefix() -> str | None:
    """The name of this user's daemon sockets of this version and Python, up to the checksum of
    :func:`_installation`; None on a system without Unix sockets."""
    import _socket

    if not hasattr(_socket, "AF_UNIX") or not hasattr(os, "getuid"):
        return None
    return f"daemon-{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}-{os.getuid()}-"


def _installation() -> int:
    """A checksum of the package's folder and the newest time stamp of its Python sources (~1 ms)."""
    import zlib

    package = os.path.dirname(os.path.abspath(__file__))
    newest = 0
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return zlib.crc32(f"{package}\0{newest}".encode("utf-8", "surrogateescape"))


def check_remotely(arguments: list[str]) -> int | None:
    """Have the daemon run ``disclint ARGUMENTS`` and print its output; its exit status, or None
    when no daemon answers (then nothing was sent and nothing printed)."""
    if os.environ.get(DAEMON_ENV) == "0":
        return None
    connection = _connect()
    if connection is None:
        return None
    try:
        stdin = sys.stdin.buffer.read() if "--stdin-filename" in arguments or any(
            a.startswith("--stdin-filename=") for a in arguments) else None
        mask = os.umask(0o022)  # read it (files written, -o or --fix, get the command's permissions)
        os.umask(mask)
        request = {"arguments": arguments, "program": _program_name(), "cwd": os.getcwd(),
                   "environment": dict(os.environ), "umask": mask, "stdin": stdin,
                   "encodings": (_encoding(sys.stdout), _encoding(sys.stderr))}
        _send(connection, request)
        reply = _receive(connection)
        outputs, code = (reply["stdout"], reply["stderr"]), reply["code"]
    except (OSError, ValueError, EOFError, KeyError) as error:
        from linter.i18n import _

        sys.stderr.write(_("disclint: the daemon stopped while checking ({error}); run the command again",
                           error=error) + "\n")
        return _EXIT_FAILED
    finally:
        connection.close()
    for stream, output in zip((sys.stdout, sys.stderr), outputs):
        stream.flush()
        stream.buffer.write(output)
        stream.flush()
    return code


def request(message: dict) -> dict | None:
    """The daemon's reply to a control ``message`` ({"command": "status"} or "stop"), or None when
    no daemon answers."""
    connection = _connect()
    if connection is None:
        return None
    try:
        _send(connection, message)
        return _receive(connection)
    except (OSError, ValueError, EOFError):
        return None
    finally:
        connection.close()


def _connect():
    """A connection to this disclint's daemon, or None. The socket must be the user's own."""
    import _socket

    prefix = _socket_prefix()
    try:  # with no socket of this user at all (the common case), the sources are not even listed
        if prefix is None or not any(name.startswith(prefix) for name in os.listdir(configured_folder())):
            return None
        path = socket_path()
        if os.stat(path).st_uid != os.getuid():
            return None
        connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        connection.settimeout(2)
        connection.connect(path)
        connection.settimeout(None)  # a long document takes what it takes
        return connection
    except OSError:  # a socket left behind by a daemon that died, or a busy one
        connection.close()
        return None


def _program_name() -> str:
    """The name click gives this command in its messages: ``disclint``, or ``python -m linter``
    (click's rule, without importing click)."""
    package = getattr(sys.modules.get("__main__"), "__package__", None)
    if not package:
        return os.path.basename(sys.argv[0])
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    return f"python -m {package if name == '__main__' else f'{package}.{name}'}"


def _encoding(stream) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _send(connection, message: dict) -> None:
    data = marshal.dumps(message)
    connection.sendall(len(data).to_bytes(8, "big") + data)


def _receive(connection) -> dict:
    length = int.from_bytes(_read_exactly(connection, 8), "big")
    if length > _MAX_MESSAGE:
        raise ValueError("message too long")
    message = marshal.loads(_read_exactly(connection, length))
    if not isinstance(message, dict):
        raise ValueError("not a message")
    return message


def _read_exactly(connection, length: int) -> bytes:
    chunks, missing = [], length
    while missing:
        chunk = connection.recv(min(missing, 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


# --- the daemon --------------------------------------------------------------------------------


def start(idle_timeout: float) -> int:
    """Start the daemon in the background (``disclint daemon serve``) and wait until it answers;
    its process id."""
    import subprocess
    import time

    from linter.i18n import _

    if socket_path() is None:
        raise DaemonError(_("this system has no Unix sockets: disclint checks in its own process"))
    status = request({"command": "status"})
    if status is not None:
        return status["pid"]
    log = log_path()
    os.makedirs(os.path.dirname(log), exist_ok=True)
    with open(log, "wb") as messages:  # what the daemon prints goes there, not to a closed terminal
        process = subprocess.Popen([sys.executable, "-m", "linter", "daemon", "serve", "--idle-timeout", str(idle_timeout)],
                                   stdin=subprocess.DEVNULL, stdout=messages, stderr=messages, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = request({"command": "status"})
        if status is not None:
            return status["pid"]
        if process.poll() is not None:
            with open(log, encoding="utf-8", errors="replace") as messages:
                printed = messages.read().strip().removeprefix(_("disclint: error: {message}", message=""))
            raise DaemonError(printed or _("the daemon exited"))
        time.sleep(0.05)
    raise DaemonError(_("the daemon did not answer within 60 s"))


def log_path() -> str:
    """Where a daemon started in the background writes what it prints (beside its socket)."""
    return f"{os.path.splitext(socket_path())[0]}.log"


def serve(idle_timeout: float) -> None:
    """Listen on :func:`socket_path` and run the command lines sent, one at a time, until told to
    stop or ``idle_timeout`` seconds pass without one."""
    import socket
    import time

    from linter.i18n import _

    path = socket_path()
    if path is None:
        raise DaemonError(_("this system has no Unix sockets: disclint checks in its own process"))
    if request({"command": "status"}) is not None:
        raise DaemonError(_("a disclint daemon is already running"))
    _warm_up()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        os.unlink(path)  # left behind by a daemon that died
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)  # the socket is its owner's only
    try:
        listener.bind(path)
    except OSError as error:
        raise DaemonError(_("cannot listen on {path}: {reason}", path=path, reason=error)) from None
    finally:
        os.umask(mask)
    listener.listen(16)
    listener.settimeout(idle_timeout)
    identity = os.stat(path).st_ino
    started, served = time.time(), 0
    try:
        while True:
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                break
            with connection:
                connection.settimeout(_REQUEST_TIMEOUT)  # a client that sends nothing does not hold the daemon
                try:
                    message = _receive(connection)
                except (OSError, ValueError, EOFError):
                    continue
                command = message.get("command")
                if command in ("status", "stop"):
                    _reply(connection, {"pid": os.getpid(), "version": __version__, "socket": path, "started": started,
                                        "served": served, "cpu_seconds": time.process_time()})
                    if command == "stop":
                        break
                    continue
                served += 1
                try:
                    reply = _run(message)
                except Exception as error:  # a malformed request: the daemon keeps serving
                    reply = {"code": _EXIT_FAILED, "stdout": b"", "stderr": f"disclint: error: {error!r}\n".encode()}
                _reply(connection, reply)
    finally:
        listener.close()
        try:
            if os.stat(path).st_ino == identity:  # not a newer daemon's socket
                os.unlink(path)
        except OSError:
            pass


def _reply(connection, message: dict) -> None:
    try:
        _send(connection, message)
    except OSError:  # the client went away
        pass


def _warm_up() -> None:
    """Import the command line and lint a few sentences with every default rule, so that the first
    request finds the rules set up and the language tables loaded."""
    import linter.cli  # noqa: F401
    from linter.config import Settings
    from linter.engine import lint_source, rules_for
    from linter.read import decode_bytes

    settings = Settings()
    text = "一、收入支出决算总体情况说明\n2023年度收入总计1,234.56万元，与上年相比增加12.34万元，增长1.0%。\n"
    lint_source(decode_bytes(text.encode("utf-8"), "warm-up.txt"), rules_for(settings), settings)


def _run(message: dict) -> dict:
    """Run one ``disclint`` command line as its own process would, in the client's folder and
    environment, with its standard streams captured; the reply."""
    import io

    from linter.cli import main
    from linter.i18n import _

    stdout, stderr = io.BytesIO(), io.BytesIO()
    out_encoding, err_encoding = message["encodings"]
    # Kept in variables until the reply is made: a text stream closes its buffer when it goes.
    text_out = io.TextIOWrapper(stdout, encoding=out_encoding, errors="backslashreplace", write_through=True)
    text_err = io.TextIOWrapper(stderr, encoding=err_encoding, errors="backslashreplace", write_through=True)
    # Last, after what may fail on a malformed request: from here on, all of it is restored.
    saved = sys.stdin, sys.stdout, sys.stderr, dict(os.environ), os.getcwd(), os.umask(message["umask"])
    code = _EXIT_FAILED
    try:
        os.chdir(message["cwd"])
        os.environ.clear()
        os.environ.update(message["environment"])
        sys.stdin = io.TextIOWrapper(io.BytesIO(message["stdin"] or b""), encoding="utf-8")
        sys.stdout, sys.stderr = text_out, text_err
        try:
            main.main(args=list(message["arguments"]), prog_name=message["program"])
            code = 0
        except SystemExit as exit:
            code = _exit_status(exit.code)
    except Exception as error:  # a request the daemon could not run; it keeps serving
        text_err.write(_("disclint: error: the daemon could not run the command ({error}: {detail})",
                         error=type(error).__name__, detail=error) + "\n")
    finally:
        text_out.flush()
        text_err.flush()
        sys.stdin, sys.stdout, sys.stderr, environment, folder, mask = saved
        os.environ.clear()
        os.environ.update(environment)
        os.chdir(folder)
        os.umask(mask)
    return {"code": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


def _exit_status(code) -> int:
    """The status ``sys.exit(code)`` gives a process (a message means 1, after printing it)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1
