"""The phones' server in its own process, as the window's side meets it: it opens, says
what it kept, takes in what the room shows before a phone can ask, closes its port when
told, and when the window's side is gone."""

from __future__ import annotations

import queue
import socket
import threading
import time
from datetime import date
from multiprocessing import Pipe

import pytest

from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import PhonePost
from coprod_desktop.phones.process import RoomProcess, serve_room
from coprod_desktop.phones.room import RoomNow, RoomState
from coprod_desktop.storage import Archive
from tests.phone_client import Phone

DAY = date(2026, 11, 23)


class Told:
    """What the server's side told the window's, in order, as (what, value)."""

    def __init__(self):
        self.said: queue.Queue = queue.Queue()

    def callbacks(self) -> dict:
        names = ("ready", "refused", "kept", "join", "failed", "resting", "gone")
        return {f"on_{n}": (lambda value=None, n=n: self.said.put((n, value))) for n in names}

    def next(self, what: str, seconds: float = 30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                told, value = self.said.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if told == what:
                return value
        raise AssertionError(f"not told {what!r}")


def room_now(archive: Archive) -> tuple[RoomNow, dict]:
    group = add_sample_group(archive, DAY)
    session = max(archive.sessions(group.id), key=lambda s: s.date)
    item = archive.agenda(session.id)[0]
    people = {p.id: p for p in archive.participants(group.id)}
    return RoomNow(session.id, session.title, item.id, item.title, people=people), people


@pytest.fixture
def opened(archive):
    now, people = room_now(archive)
    told = Told()
    server = RoomProcess("127.0.0.1", now, archive.path, archive.key, **told.callbacks())
    server.start()
    url = told.next("ready")
    yield server, told, url, now, people
    server.stop()


def refuses(port: int) -> bool:
    for _ in range(20):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except ConnectionRefusedError:
            return True
        except ConnectionResetError:  # closing at that moment: ask again
            time.sleep(0.05)
            continue
        return False
    return False


def test_it_opens_keeps_what_a_phone_sends_and_says_so(opened, archive):
    server, told, url, now, _people = opened
    assert server.running and url == server.join_url and f":{server.port}/join?t=" in url
    phone = Phone(url)
    assert told.next("join") == 1 and server.joined() == 1
    assert phone.say("Buses after six, please 🚌 <b>").status == 200
    kept = told.next("kept")
    assert [k.record.text for k in kept] == ["Buses after six, please 🚌 <b>"]
    assert isinstance(kept[0].record, PhonePost)
    assert [p.text for p in archive.phone_posts(now.session_id, None)] == ["Buses after six, please 🚌 <b>"]


def test_what_the_room_shows_and_the_codes_are_in_place_before_a_phone_can_ask(opened):
    server, _told, url, now, people = opened
    pid = next(iter(people))
    server.set_codes({"ACDEF": pid})
    server.show(RoomNow(now.session_id, now.title, now.item_id, "Getting there on time", people=people))
    phone = Phone(url)
    assert "Getting there on time" in phone.page.html
    assert phone.say("As me", code="ACDEF").status == 200  # the code works at once


def test_stopped_the_port_refuses_and_the_process_has_ended(opened, caplog):
    server, told, _url, _now, _people = opened
    port = server.port
    assert not refuses(port)
    server.stop()
    assert refuses(port) and not server.running  # at once
    # another joiner, as multiprocessing's own at the app's exit: it may reap the process
    # first, and that must not read as a server that would not stop (and be killed)
    joiner = threading.Thread(target=server._process.join, args=(15,))
    joiner.start()
    assert server.wait_ended(15)  # and the process ends
    joiner.join()
    assert server._process.exitcode == 0  # by itself, not killed
    assert "did not stop" not in caplog.text
    with pytest.raises(AssertionError):
        told.next("gone", seconds=0.5)  # stopped when asked is not "gone"


WINDOW = """
import sys, time
from coprod_desktop.phones.process import RoomProcess
from coprod_desktop.storage import Archive
from tests.unit.test_phone_process import Told, room_now
archive = Archive.open(sys.argv[1])
now, _people = room_now(archive)
told = Told()
server = RoomProcess("127.0.0.1", now, archive.path, archive.key, **told.callbacks())
server.start()
told.next("ready")
print(server.port, server._process.pid, flush=True)
time.sleep(600)
"""


def test_when_the_window_is_killed_the_server_closes_its_port_and_ends(tmp_path):
    """kill -9 the window's process alone: its end of the pipe closes, and so does the port."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(tmp_path / "a.coprod.sqlite")],
        cwd=root,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        port, pid = (int(n) for n in window.stdout.readline().split())
        assert not refuses(port)
        os.kill(window.pid, signal.SIGKILL)
        window.wait(10)
        deadline = time.monotonic() + 15
        while not refuses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert refuses(port)
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    finally:
        if window.poll() is None:
            window.kill()


def test_an_address_not_this_computers_is_refused_in_words(archive):
    now, _people = room_now(archive)
    told = Told()
    server = RoomProcess("192.0.2.7", now, archive.path, archive.key, **told.callbacks())  # TEST-NET: nobody's
    server.start()
    error = told.next("refused")
    server.stop()
    assert isinstance(error, OSError) and str(error)
    assert not server.running


def test_an_encrypted_archive_is_written_with_the_key_given_through_the_pipe(tmp_path):
    archive = Archive.open(tmp_path / "locked.coprod.sqlite", passphrase="a passphrase long enough to use")
    try:
        now, _people = room_now(archive)
        told = Told()
        server = RoomProcess("127.0.0.1", now, archive.path, archive.key, **told.callbacks())
        server.start()
        url = told.next("ready")
        try:
            assert Phone(url).say("Kept locked").status == 200
        finally:
            server.stop()
        assert [p.text for p in archive.phone_posts(now.session_id, None)] == ["Kept locked"]
    finally:
        archive.close()


def test_the_server_says_when_a_guess_is_back(archive, monkeypatch):
    """Run on a thread here (its loop is the same): ten wrong codes rest the codes; once the
    room has a guess again, the server says so without being asked."""
    now, people = room_now(archive)
    mine, theirs = Pipe()
    thread = threading.Thread(target=serve_room, args=(theirs, "127.0.0.1", 0, now, archive.path, archive.key, "en"))
    thread.start()
    try:
        ready = mine.recv()
        assert ready[0] == "ready"
        mine.send(("codes", {"ACDEF": next(iter(people))}, 1))
        for n in range(10):
            assert Phone(ready[1]).say("Guess", code="ACDE" + "GHJKLMNPQR"[n]).status == 400
        said = []
        while ("resting", True) not in said and mine.poll(5):
            said.append(mine.recv())
        assert ("resting", True) in said
        monkeypatch.setattr(RoomState, "codes_resting", lambda self: False)  # a minute on
        assert mine.poll(5) and mine.recv() == ("resting", False)
    finally:
        mine.send(("stop",))
        thread.join(15)
    assert not thread.is_alive()
