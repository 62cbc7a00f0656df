"""The phones' server as an attacker meets it: plain HTTP from outside, on 127.0.0.1."""

from __future__ import annotations

import html
import http.client
import itertools
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from urllib.parse import urlencode, urlsplit

import pytest

from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.phones import checks, handler
from coprod_desktop.phones.room import RoomNow, make_codes
from coprod_desktop.phones.server import RoomServer
from coprod_desktop.storage.phone_inbox import PhoneInbox

DAY = date(2026, 11, 23)
TYPED = '<script>alert(1)</script> & "q"'


@pytest.fixture
def open_room(archive):
    """Start a RoomServer on the sample group's coming session (people and codes known to it)."""
    group = add_sample_group(archive, DAY)
    session = max(archive.sessions(group.id), key=lambda s: s.date)
    item = archive.agenda(session.id)[0]
    people = {p.id: p for p in archive.participants(group.id)}
    started: list[RoomServer] = []

    def start() -> RoomServer:
        now = RoomNow(session.id, session.title, item.id, item.title, people=people)
        server = RoomServer("127.0.0.1", now, lambda: PhoneInbox.open(archive.path, archive.key), lambda batch: None)
        server.start()
        server.room.set_codes(make_codes(list(people)))
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def room(open_room) -> RoomServer:
    return open_room()


def ask(port: int, method: str, path: str, headers=None, body: bytes = b"", host: str | None = None):
    """One request on its own connection: (status, headers, text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            conn.putheader("Host", host)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders(body or None)
        answer = conn.getresponse()
        return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
    finally:
        conn.close()


def join(server: RoomServer) -> str:
    """Follow the QR code's link: the Cookie header the phone sends after."""
    url = urlsplit(server.join_url)
    status, headers, _ = ask(server.port, "GET", f"{url.path}?{url.query}")
    assert status == 303
    return headers["Set-Cookie"].split(";")[0]


def phone(server: RoomServer) -> tuple[str, str]:
    """A joined phone: its cookie and the form key of its page."""
    cookie = join(server)
    status, _, page = ask(server.port, "GET", "/", {"Cookie": cookie})
    assert status == 200
    return cookie, re.search(r'name="form" value="([^"]+)"', page).group(1)


def post(server: RoomServer, cookie: str, fields: dict, path: str = "/say", headers=None, host=None):
    body = urlencode(fields).encode()
    sent = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(body))}
    return ask(server.port, "POST", path, sent | (headers or {}), body, host)


def kept(archive, server: RoomServer) -> list:
    return archive.phone_posts(server.room.now.session_id, state=None)


def test_no_wrong_or_near_token_and_no_cookie_are_refused(room):
    """Without this opening's token or a cookie it gave, every door answers 403 and sets no cookie."""
    token = room.room.token
    near = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path, headers in [
        ("/join", {}),
        ("/join?t=", {}),
        ("/join?t=wrong", {}),
        (f"/join?t={near}", {}),
        ("/", {}),
        ("/", {"Cookie": f"{handler.COOKIE}=forged"}),
        ("/", {"Cookie": f"{handler.COOKIE}={token}"}),
    ]:
        status, answer, _ = ask(room.port, "GET", path, headers)
        assert status == 403, path
        assert answer["Set-Cookie"] is None, path


def test_an_earlier_openings_token_and_cookie_stop_working(open_room):
    """A token or cookie from a stopped opening is refused by the next one on the same archive."""
    first = open_room()
    old_token, old_cookie = first.room.token, join(first)
    first.stop()
    second = open_room()
    status, answer, _ = ask(second.port, "GET", f"/join?t={old_token}")
    assert status == 403 and answer["Set-Cookie"] is None
    assert ask(second.port, "GET", "/", {"Cookie": old_cookie})[0] == 403
    assert join(second) != old_cookie  # the new opening's own link still works


def test_joining_sets_a_strict_http_only_cookie(room):
    """The join link answers 303 to / with an HttpOnly, SameSite=Strict cookie that opens the page."""
    status, answer, _ = ask(room.port, "GET", f"/join?t={room.room.token}")
    assert status == 303 and answer["Location"] == "/"
    parts = [p.strip() for p in answer["Set-Cookie"].split(";")]
    assert parts[0].startswith(f"{handler.COOKIE}=") and len(parts[0]) > len(handler.COOKIE) + 20
    assert "HttpOnly" in parts[1:] and "SameSite=Strict" in parts[1:]
    status, _, page = ask(room.port, "GET", "/", {"Cookie": parts[0]})
    assert status == 200 and re.search(r'name="form" value="[^"]{8,}"', page)


def test_oversize_chunked_and_unmeasured_bodies_are_refused(room, archive):
    """413 over MAX_BODY, 411 for chunked or no Content-Length; none of them is kept."""
    cookie, key = phone(room)
    too_big = {"Cookie": cookie, "Content-Length": str(checks.MAX_BODY + 1)}
    assert ask(room.port, "POST", "/say", too_big)[0] == 413
    words = urlencode({"form": key, "text": "sent in chunks"}).encode()
    chunked = f"{len(words):x}\r\n".encode() + words + b"\r\n0\r\n\r\n"
    for headers in [
        {"Cookie": cookie, "Transfer-Encoding": "chunked"},
        {"Cookie": cookie, "Transfer-Encoding": "chunked", "Content-Length": str(len(words))},
    ]:
        assert ask(room.port, "POST", "/say", headers, chunked)[0] == 411
    assert ask(room.port, "POST", "/say", {"Cookie": cookie})[0] == 411
    assert kept(archive, room) == []
    assert post(room, cookie, {"form": key, "text": "measured"})[0] == 303  # the same phone, sending properly
    assert [p.text for p in kept(archive, room)] == ["measured"]


def test_a_burst_is_limited_and_every_acknowledgement_is_kept(room, archive):
    """50 posts at once from one phone: some get 429, and exactly the 303-answered ones are kept."""
    cookie, key = phone(room)

    def send(i: int) -> int:
        return post(room, cookie, {"form": key, "text": f"burst {i}"})[0]

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(send, range(50)))
    assert set(statuses) <= {303, 429}
    assert statuses.count(429) > 0 and statuses.count(303) > 0
    acknowledged = {f"burst {i}" for i, status in enumerate(statuses) if status == 303}
    texts = [p.text for p in kept(archive, room)]
    assert len(texts) == statuses.count(303)
    assert set(texts) == acknowledged


def test_a_foreign_host_or_origin_is_refused(room, archive):
    """A rebound name or another port gets 421, a foreign Origin 403, even with a valid cookie and key."""
    cookie, key = phone(room)
    fields = {"form": key, "text": "through another name"}
    other = room.port + 1 if room.port < 65535 else room.port - 1
    for host in ["evil.example", f"127.0.0.1:{other}", f"evil.example:{room.port}"]:
        assert post(room, cookie, fields, host=host)[0] == 421
        assert ask(room.port, "GET", "/", {"Cookie": cookie}, host=host)[0] == 421
    for origin in ["http://evil.example", f"http://127.0.0.1:{other}", "null"]:
        assert post(room, cookie, fields, headers={"Origin": origin})[0] == 403
    assert kept(archive, room) == []
    assert post(room, cookie, fields, headers={"Origin": f"http://127.0.0.1:{room.port}"})[0] == 303
    assert len(kept(archive, room)) == 1


def _private(archive, room: RoomServer) -> list[str]:
    """What no phone may read: names on the roster and what was said in the group's sessions."""
    group_id = next(s.group_id for s in archive.sessions() if s.id == room.room.now.session_id)
    said = [c.text for s in archive.sessions(group_id) for c in archive.contributions(s.id)]
    assert said  # the sample archive holds earlier sessions' words
    return [p.preferred_name for p in archive.participants(group_id)] + said


def _shows_any(page: str, private: list[str]) -> list[str]:
    return [w for w in private if re.search(rf"\b{re.escape(w)}\b", page) or html.escape(w) in page]


def test_no_route_reaches_the_archive_or_other_data(room, archive, archive_path):
    """Paths aimed at the archive, files or other data get 403 (no cookie) or 404, and show nothing."""
    cookie, key = phone(room)
    private = _private(archive, room)
    paths = [
        "/../archive",
        "/archive.coprod.sqlite",
        f"/{archive_path.name}",
        f"/{archive_path}",
        "/static/../../etc/passwd",
        "/%2e%2e/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api",
        "/sessions",
        "/join/../",
    ]
    answers = []
    for path in paths:
        status, _, body = ask(room.port, "GET", path)
        assert status in (403, 404), path
        status, _, body_with_cookie = ask(room.port, "GET", path, {"Cookie": cookie})
        assert status == 404, path
        answers += [body, body_with_cookie]
    status, _, forged = post(room, cookie, {"form": "not-" + key, "text": "forged"})
    assert status == 403
    status, _, posted_elsewhere = post(room, cookie, {"form": key, "text": "x"}, path="/archive")
    assert status == 404
    for body in answers + [forged, posted_elsewhere]:
        assert _shows_any(body, private) == []
        assert "SQLite format" not in body and archive_path.name not in body
    assert kept(archive, room) == []


def test_the_room_page_never_names_anyone(room, archive):
    """An anonymous phone's page, in English and Welsh, holds no name from the roster."""
    cookie, _ = phone(room)
    assert room.room.now.people  # the server does know the names
    names = [p.preferred_name for p in room.room.now.people.values()]
    for to in ["cy", "en"]:
        assert ask(room.port, "GET", f"/language?to={to}", {"Cookie": cookie})[0] == 303
        status, _, page = ask(room.port, "GET", "/", {"Cookie": cookie})
        assert status == 200 and f'<html lang="{to}' in page
        assert _shows_any(page, names) == []


def test_a_stopped_server_refuses_connections(open_room):
    """After stop() the port takes no connection at all."""
    server = open_room()
    port = server.port
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_typed_markup_is_escaped_when_shown_and_kept_as_typed(room, archive):
    """A wrong personal code re-shows the typed text escaped; sent anonymously it is kept unchanged."""
    cookie, key = phone(room)
    status, _, page = post(room, cookie, {"form": key, "text": TYPED, "as": "me", "code": "WRONG"})
    assert status == 400
    assert html.escape(TYPED, quote=True) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert kept(archive, room) == []
    assert post(room, cookie, {"form": key, "text": TYPED, "as": "anonymous"})[0] == 303
    posts = kept(archive, room)
    assert [p.text for p in posts] == [TYPED] and posts[0].participant_id is None


def test_nothing_is_logged(room, capfd):
    """Joining, posting and being refused write no token, cookie, words or address to the terminal."""
    capfd.readouterr()
    words = "a sentence nobody else would write 7391"
    cookie, key = phone(room)
    assert post(room, cookie, {"form": key, "text": words})[0] == 303
    assert ask(room.port, "GET", f"/join?t={room.room.token}x")[0] == 403
    assert ask(room.port, "GET", "/secret-path-8812", {"Cookie": cookie})[0] == 404
    out, err = capfd.readouterr()
    printed = out + err
    for secret in [room.room.token, cookie.split("=", 1)[1], key, words, "7391", "secret-path", "127.0.0.1", "HTTP/1"]:
        assert secret not in printed


def test_a_request_that_trickles_in_is_cut_off_and_others_still_join(room, monkeypatch):
    """Slow senders (a byte every few seconds) cannot hold the server: each is cut off at its
    deadline, and no more than FROM_ONE_ADDRESS are served from one address at once."""
    import socket
    import time

    from coprod_desktop.phones import server as server_module

    monkeypatch.setattr(handler.PhoneHandler, "deadline", 1.0)
    slow = []
    for _ in range(server_module.FROM_ONE_ADDRESS + 5):
        conn = socket.create_connection(("127.0.0.1", room.port), timeout=5)
        conn.sendall(b"GET / HTTP/1.1\r\n")
        slow.append(conn)
    started = time.monotonic()
    for conn in slow[:3]:
        assert conn.recv(1) == b""  # the server closed it
    assert time.monotonic() - started < 4
    for conn in slow:
        conn.close()
    assert join(room).startswith(f"{handler.COOKIE}=")  # and the room still takes a phone


def _wrong_codes(room, count: int) -> list[int]:
    """``count`` wrong personal codes, each from a fresh phone (a guesser takes many)."""
    given = set(room.room._codes)
    wrong = (c for c in ("".join(t) for t in itertools.product("ACDEF", repeat=5)) if c not in given)
    statuses = []
    for _ in range(count):
        cookie, key = phone(room)
        statuses.append(post(room, cookie, {"form": key, "text": "guess", "as": "me", "code": next(wrong)})[0])
    return statuses


def test_guessing_personal_codes_soon_stops_even_from_many_phones(room, archive):
    """Ten wrong codes for the whole room, then none is checked, not even a right one: a
    guesser cannot try their way to someone's name however many phones they join."""
    cookie, key = phone(room)
    for _ in range(12):  # "as me" with the code left out is a slip, not a guess
        assert post(room, cookie, {"form": key, "text": "x", "as": "me", "code": " "})[0] == 400
    assert not room.room.codes_resting()
    assert _wrong_codes(room, 10) == [400] * 10
    code, pid = next(iter(room.room._codes.items()))
    cookie, key = phone(room)
    status, _, page = post(room, cookie, {"form": key, "text": "As me, at last", "as": "me", "code": code})
    assert status == 429 and "Too many wrong personal codes" in page and "As me, at last" in page
    assert all(p.participant_id is None for p in kept(archive, room)) and not kept(archive, room)
    anonymous = post(room, cookie, {"form": key, "text": "Anonymous still works", "as": "anonymous"})
    assert anonymous[0] == 303
    room.room.guessing.clock = lambda: float("inf")  # time passes: codes are checked again
    assert post(room, cookie, {"form": key, "text": "As me", "as": "me", "code": code})[0] == 303
    assert {p.text: p.participant_id for p in kept(archive, room)} == {"Anonymous still works": None, "As me": pid}


def test_a_phone_handed_on_can_forget_its_personal_code(room, archive):
    code, pid = next(iter(room.room._codes.items()))
    name = room.room.now.people[pid].preferred_name
    cookie, key = phone(room)
    assert post(room, cookie, {"form": key, "text": "Mine", "as": "me", "code": code})[0] == 303
    page = ask(room.port, "GET", "/", {"Cookie": cookie})[2]
    assert f"Not {html.escape(name)}? Forget the personal code on this phone" in page
    assert post(room, cookie, {"form": key}, path="/forget")[0] == 303
    page = ask(room.port, "GET", "/?told=forgot", {"Cookie": cookie})[2]
    assert "forgotten your personal code" in page and name not in page
    status, _, _page = post(room, cookie, {"form": key, "text": "The next person", "as": "me"})
    assert status == 400  # "as me" needs the code again
    assert post(room, cookie, {"form": "not-" + key}, path="/forget")[0] == 403
    assert [p.participant_id for p in kept(archive, room)] == [pid]


def test_forgetting_the_code_keeps_the_words_typed_so_far(room, archive):
    """Forget is a button of the form being typed in: the words go with it and come back,
    escaped, to be sent anonymously; nothing is sent by forgetting."""
    code, pid = next(iter(room.room._codes.items()))
    name = room.room.now.people[pid].preferred_name
    cookie, key = phone(room)
    assert post(room, cookie, {"form": key, "text": "Mine", "as": "me", "code": code})[0] == 303
    page = ask(room.port, "GET", "/", {"Cookie": cookie})[2]
    assert 'formaction="/forget" formnovalidate' in page  # inside the say form, and not held by "required"
    assert page.index('formaction="/forget"') < page.index("</form>", page.index('action="/say"'))
    status, _, page = post(room, cookie, {"form": key, "text": TYPED, "as": "me"}, path="/forget")
    assert status == 200 and "forgotten your personal code" in page
    assert html.escape(TYPED, quote=True) in page and "<script" not in page.lower()
    assert name not in page and 'formaction="/forget"' not in page
    assert [p.text for p in kept(archive, room)] == ["Mine"]  # forgetting sent nothing


def test_wrong_codes_sent_at_once_are_checked_no_more_than_the_room_allows():
    """Many requests at the same moment: still at most ten codes checked."""
    import sys
    import threading

    from coprod_desktop.phones.room import CodesResting, RoomState

    state = RoomState(RoomNow("s", "S", None, ""))
    state.set_codes({"QQQQQ": "p"})
    checked, resting = [], []
    start = threading.Barrier(200)

    def guess(n: int) -> None:
        start.wait()
        try:
            checked.append(state.who_has(f"AC{n:03d}".translate(str.maketrans("0123456789", "ACDEFGHJKL"))))
        except CodesResting:
            resting.append(n)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch as often as they can
    try:
        threads = [threading.Thread(target=guess, args=(n,)) for n in range(200)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(checked) == 10 and checked == [None] * 10 and len(resting) == 190


def test_a_mistyped_code_no_code_could_be_is_not_counted_as_a_guess(room):
    cookie, key = phone(room)
    for typo in ("ABCD", "ACDEFG", "0OIL5", "AC-D"):  # too short, too long, letters no code has
        assert post(room, cookie, {"form": key, "text": "x", "as": "me", "code": typo})[0] == 400
    assert not room.room.codes_resting() and room.room.guessing.allow("wrong codes", spend=False)
    assert _wrong_codes(room, 10) == [400] * 10 and room.room.codes_resting()
