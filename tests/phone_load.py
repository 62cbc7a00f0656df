"""Many phones at once, as the load benchmark and the durability test drive them: each
phone a thread with its own address on the loopback network (127.0.0.2, .3, …: a room's
phones each have their own), joining by the room's address and posting through the real
forms, timed on the system's monotonic clock (the same in every process)."""

from __future__ import annotations

import contextlib
import http.client
import random
import re
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit


@dataclass
class Sent:
    marker: str
    at: float  # time.monotonic() when the post was sent
    acknowledged: bool
    took: float  # seconds until the phone was told "sent" (or refused)


class LoadPhone:
    def __init__(self, join_url: str, number: int):
        url = urlsplit(join_url)
        self.host, self.port = url.hostname or "", url.port or 80
        self.source = f"127.0.0.{number + 2}" if self.host.startswith("127.") else ""
        self.cookie = ""
        status, headers, _body = self._request("GET", f"{url.path}?{url.query}")
        if status != 303:
            raise RuntimeError(f"joining answered {status}")
        self.cookie = headers.get("set-cookie", "").split(";")[0]
        self.form_key = self._form_key()

    def _request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict, str]:
        source = (self.source, 0) if self.source else None
        conn = http.client.HTTPConnection(self.host, self.port, timeout=20, source_address=source)
        try:
            data = urlencode(body).encode() if body is not None else None
            headers = {"Host": f"{self.host}:{self.port}"}
            if self.cookie:
                headers["Cookie"] = self.cookie
            if data is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Origin"] = f"http://{self.host}:{self.port}"
            conn.request(method, path, data, headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
        finally:
            conn.close()

    def _form_key(self) -> str:
        _status, _headers, html = self._request("GET", "/")
        found = re.search(r'name="form" value="([^"]+)"', html)
        return found.group(1) if found else ""

    def say(self, text: str) -> bool:
        """Post, then follow the answer as a browser does; True once told "sent" (the server
        redirects to "sent" only after the commit: that is the acknowledgement)."""
        status, headers, _body = self._request("POST", "/say", {"form": self.form_key, "text": text, "kind": "idea"})
        if status != 303 or "told=sent" not in headers.get("location", ""):
            return False
        with contextlib.suppress(OSError, http.client.HTTPException):  # the app went away after telling
            self._request("GET", headers["location"])  # (kill -9): acknowledged all the same
        return True


def run_phones(
    join_url: str,
    phones: int = 30,
    posts: int = 20,
    gap: tuple[float, float] = (0.05, 0.4),
    seed: int = 1,
    results: list[Sent] | None = None,
) -> list[Sent]:
    """``phones`` phones, each posting ``posts`` times with a pause of ``gap`` seconds
    between; every post's marker, when it was sent and whether it was acknowledged (added
    to ``results`` as they come, for a caller watching from another thread)."""
    results = [] if results is None else results
    lock = threading.Lock()
    start = threading.Barrier(phones)

    def one(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        try:
            phone = LoadPhone(join_url, n)
        except (OSError, RuntimeError):
            start.abort()
            raise
        start.wait()
        for k in range(posts):
            marker = f"phone{n:02d}-post{k:02d}"
            at = time.monotonic()
            try:
                ok = phone.say(f"{marker} what we heard, with ŵ and ŷ")
            except (OSError, http.client.HTTPException):  # refused or cut off before "sent"
                ok = False
            with lock:
                results.append(Sent(marker, at, ok, time.monotonic() - at))
            time.sleep(rng.uniform(*gap))

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(phones)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


MARKER = re.compile(r"phone\d\d-post\d\d")
