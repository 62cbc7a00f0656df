"""A phone, as the tests drive one: joins by the address in the QR code, keeps its cookie,
and sends what a person would type, through the room's real forms (the form key read off
the page, as a browser would send it)."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    url: str
    html: str


class Phone:
    def __init__(self, join_url: str, language: str = "en-GB"):
        self.base = join_url.split("/join")[0]
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.addheaders = [("Accept-Language", language)]
        self.page = self._open(join_url)

    def _open(self, url: str, data: dict | None = None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=15) as r:
                return Answer(r.status, r.url, r.read().decode())
        except urllib.error.HTTPError as e:
            return Answer(e.code, url, e.read().decode())

    @property
    def form_key(self) -> str:
        found = re.search(r'name="form" value="([^"]+)"', self.page.html)
        return found.group(1) if found else ""

    def refresh(self) -> Answer:
        self.page = self._open(self.base + "/")
        return self.page

    def say(self, text: str, kind: str = "idea", *, code: str = "", quote: bool = False) -> Answer:
        form = {"form": self.form_key, "text": text, "kind": kind, "as": "me" if code else "anonymous", "code": code}
        if quote:
            form["quote"] = "yes"
        answer = self._open(self.base + "/say", form)
        if answer.status == 200:
            self.page = answer
        return answer

    def answer(self, round_id: str, answer: str, reason: str = "") -> Answer:
        form = {"form": self.form_key, "round": round_id, "answer": answer, "reason": reason}
        result = self._open(self.base + "/answer", form)
        if result.status == 200:
            self.page = result
        return result
