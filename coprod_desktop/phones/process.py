"""The room's web server in a process of its own, so that thirty phones posting at once
never hold the window's thread (one Python process runs one thread at a time), and the
code that faces the network shares no memory with the window.

The window's side is ``RoomProcess``; the server's side is ``serve_room``, which runs a
``RoomServer`` (coprod_desktop/phones/server.py) and answers messages on a pipe. The
archive's key reaches the server through that pipe, never a command line or a file. When
the window's side goes away, killed even, the pipe closes and the server closes its port.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from coprod_desktop.language import _
from coprod_desktop.phones.room import RoomNow
from coprod_desktop.phones.writer import Kept

log = logging.getLogger(__name__)
ANSWER_SECONDS = 5.0  # the window waits this long for the server to take in what the room shows
STOP_SECONDS = 10.0
RESTING_CHECK_SECONDS = 1.0  # while codes rest, how often the server looks whether a guess is back


class RoomProcess:
    """``start()`` returns at once; ``on_ready(join_url)`` or ``on_refused(error)`` follows,
    from a thread of this object's own (as do the other callbacks). ``stop()`` returns once
    the port is closed."""

    def __init__(
        self,
        address: str,
        now: RoomNow,
        path: Path,
        key: Any,
        *,
        on_ready: Callable[[str], None],
        on_refused: Callable[[Exception], None],
        on_kept: Callable[[Sequence[Kept]], None],
        on_join: Callable[[int], None],
        on_failed: Callable[[str], None],
        on_resting: Callable[[], None],
        on_gone: Callable[[], None],
        port: int = 0,
        language: str = "en",
    ):
        self._args = (address, port, now, path, key, language)
        self._on_ready, self._on_refused, self._on_kept = on_ready, on_refused, on_kept
        self._on_join, self._on_failed, self._on_resting, self._on_gone = on_join, on_failed, on_resting, on_gone
        self._process: Any = None
        self._conn: Connection | None = None
        self._reader: threading.Thread | None = None
        self._send_lock = threading.Lock()
        self._answers: dict[int, threading.Event] = {}
        self._asked = 0
        self._stopping = self._refused = False
        self._ended = threading.Event()
        self.join_url, self.port = "", 0
        self._joined, self._resting = 0, False

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        mine, theirs = context.Pipe()
        self._process = context.Process(target=serve_room, args=(theirs, *self._args), name="phones", daemon=True)
        self._process.start()
        theirs.close()
        self._conn = mine
        self._reader = threading.Thread(target=self._read, name="phones-pipe", daemon=True)
        self._reader.start()

    @property
    def running(self) -> bool:
        return bool(self.join_url) and not self._stopping

    def joined(self) -> int:
        return self._joined

    def codes_resting(self) -> bool:
        return self._resting

    def show(self, now: RoomNow) -> None:
        self._ask("show", now)

    def set_codes(self, codes: dict[str, str]) -> None:
        self._ask("codes", dict(codes))

    def stop(self) -> None:
        """Close the port; the process then ends in the background (killed, if it does not)."""
        if self._process is None or self._stopping:
            return
        self._stopping = True
        self._send(("stop",))
        if self._reader is not None:
            self._reader.join(STOP_SECONDS)  # "stopped": the port is closed
        threading.Thread(target=self._end, name="phones-end", daemon=True).start()

    def wait_ended(self, seconds: float) -> bool:
        """True once the process has ended after ``stop()``."""
        return self._ended.wait(seconds)

    def _end(self) -> None:
        # The process's sentinel, not join(), says whether it ended: whoever else joins it
        # (multiprocessing's own at exit) can reap it between this thread's wait and its
        # look, and a reaped process reads as "still alive" to the one who did not reap it.
        if not wait([self._process.sentinel], STOP_SECONDS):
            log.warning("the phones' server did not stop: ended")
            self._process.kill()
        self._process.join(2)
        if self._conn is not None:
            self._conn.close()
        self._ended.set()

    # -- the pipe ----------------------------------------------------------------

    def _ask(self, kind: str, value: Any) -> None:
        """Send, and wait until the server has it: a phone asking after this sees it."""
        with self._send_lock:
            self._asked += 1
            number, answered = self._asked, threading.Event()
            self._answers[number] = answered
        if self._send((kind, value, number)) and not answered.wait(ANSWER_SECONDS):
            log.warning("the phones' server was slow to take in what the room shows")
        self._answers.pop(number, None)

    def _send(self, message: tuple) -> bool:
        with self._send_lock:
            try:
                if self._conn is not None:
                    self._conn.send(message)
                    return True
            except (OSError, ValueError):  # the server has gone; the reader says so
                pass
        return False

    def _read(self) -> None:
        assert self._conn is not None
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                break
            if not self._take(message):
                break
        for answered in list(self._answers.values()):
            answered.set()
        if self._refused:
            return
        if not self.join_url:
            self._on_refused(RuntimeError(_("The phones' server did not start.")))
        elif not self._stopping:
            self._on_gone()

    def _take(self, message: tuple) -> bool:
        """One message from the server; False once it has no more to say."""
        kind = message[0]
        if kind == "ready":
            self.join_url, self.port = message[1], message[2]
            self._on_ready(self.join_url)
        elif kind == "refused":
            self._refused = True
            self._on_refused(message[1])
            return False
        elif kind == "kept":
            self._on_kept(message[1])
        elif kind == "joined":
            self._joined = message[1]
            self._on_join(message[1])
        elif kind == "resting":
            self._resting = message[1]
            self._on_resting()
        elif kind == "not_kept":
            self._on_failed(message[1])
        elif kind == "answered":
            answered = self._answers.get(message[1])
            if answered is not None:
                answered.set()
        return kind != "stopped"


def try_serving(path: Path, key: Any, seconds: float = 60) -> str | None:
    """Start the server's process on this computer's own address and stop it: None if it
    served, else what went wrong (the installed app's smoke test: that it can start itself
    again as the server)."""
    said: list = []
    done = threading.Event()

    def told(what: Any) -> None:
        said.append(what)
        done.set()

    server = RoomProcess(
        "127.0.0.1",
        RoomNow("", open=False),
        path,
        key,
        on_ready=told,
        on_refused=told,
        on_kept=lambda kept: None,
        on_join=lambda n: None,
        on_failed=lambda why: None,
        on_resting=lambda: None,
        on_gone=lambda: None,
    )
    server.start()
    done.wait(seconds)
    server.stop()
    if said and isinstance(said[0], str):
        return None
    return str(said[0]) if said else _("The phones' server did not start.")


def serve_room(conn: Connection, address: str, port: int, now: RoomNow, path: Path, key: Any, language: str) -> None:
    """The server's process: serve until told to stop or until the window is gone."""
    from coprod_desktop.language import set_language
    from coprod_desktop.phones.server import RoomServer
    from coprod_desktop.storage.phone_inbox import PhoneInbox

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the window's to handle
    set_language(language)
    lock = threading.Lock()

    def send(*message: Any) -> None:
        with lock, contextlib.suppress(OSError, ValueError):  # the window gone: the loop below ends
            conn.send(message)

    resting = threading.Event()

    def rest() -> None:
        resting.set()
        send("resting", True)

    server = RoomServer(
        address,
        now,
        lambda: PhoneInbox.open(path, key),
        lambda kept: send("kept", list(kept)),
        port=port,
        language=language,
        on_join=lambda n: send("joined", n),
        on_failed=lambda error: send("not_kept", str(error)),
        on_resting=rest,
    )
    try:
        server.start()
    except Exception as error:  # noqa: BLE001 - told to the window, which says it in words
        send("refused", _portable(error))
        return
    send("ready", server.join_url, server.port)
    try:
        while True:
            if not conn.poll(RESTING_CHECK_SECONDS):
                if resting.is_set() and not server.codes_resting():
                    resting.clear()
                    send("resting", False)
                continue
            message = conn.recv()
            if message[0] == "stop":
                break
            if message[0] == "show":
                server.show(message[1])
            elif message[0] == "codes":
                server.set_codes(message[1])
            send("answered", message[-1])
    except (EOFError, OSError):  # the window is gone (killed, perhaps): close the port all the same
        pass
    finally:
        server.stop()
        send("stopped")


def _portable(error: Exception) -> Exception:
    """``error`` if it can cross the pipe as it is, else its words."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any error that does not pickle
        return RuntimeError(str(error))
    return error
