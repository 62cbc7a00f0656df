"""One request from a phone: checked (Host, size, rate, token or cookie, form key) before
anything is read, then the room's page, or a post kept and acknowledged once committed.
Only this room's routes exist; nothing is logged (no address, no token, no words)."""

from __future__ import annotations

import secrets
from dataclasses import replace
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from coprod_desktop import language
from coprod_desktop.app.phone_room import contribution_from
from coprod_desktop.domain import rounds
from coprod_desktop.domain.records import PhonePost, RoundAnswer
from coprod_desktop.domain.validation import cleaned
from coprod_desktop.domain.values import ContributionKind, PostState
from coprod_desktop.language import N_, _
from coprod_desktop.phones import checks, pages
from coprod_desktop.phones.checks import Refused
from coprod_desktop.phones.room import CodesResting, Phone

if TYPE_CHECKING:
    from coprod_desktop.phones.server import _Server

COOKIE = "coprod_phone"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a browser sends its forms with "Origin: null"
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
TOLD = {
    "sent": N_("Sent. Thank you: the facilitator will see it."),
    "answered": N_("Your answer is in. Thank you."),
    "empty": N_("There was nothing to send."),
    "closed": N_("That round has closed."),
    "forgot": N_("This phone has forgotten your personal code: what it sends now is anonymous."),
}


class PhoneHandler(BaseHTTPRequestHandler):
    server: _Server  # the server this handler is made for
    server_version = "coprod"
    sys_version = ""
    timeout = 5  # seconds a phone may pause while sending its request
    deadline = 10  # seconds it may take in all: one that trickles a byte at a time is cut off

    def setup(self) -> None:
        super().setup()
        self._cut = self.server.deadlines.watch(self.connection, self.deadline)

    def finish(self) -> None:
        self._cut.cancel()
        super().finish()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        """Nothing is logged: an address, the token in a join link or words sent are personal."""

    # -- routes ------------------------------------------------------------------

    def do_GET(self) -> None:
        self._cut.cancel()  # the request is in: what follows is the server's own time
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _answer(self, route) -> None:
        with language.speaking(self._language(self._known_phone())):  # refusals too, in the phone's language
            try:
                self._check_host()
                if not self.server.room.asking.allow(self.client_address[0]):
                    raise Refused(
                        HTTPStatus.TOO_MANY_REQUESTS, _("Too many at once"), _("Wait a moment, then try again.")
                    )
                route(urlsplit(self.path))
            except Refused as refused:
                self._send(refused.status, pages.message_page(refused.title, refused.message))

    def _get(self, url) -> None:
        try:
            query = parse_qs(url.query, max_num_fields=4)
        except ValueError:  # more fields than any of the room's links has
            raise self._not_here() from None
        if url.path == "/style.css":
            return self._send(HTTPStatus.OK, pages.STYLE, "text/css")
        if url.path == "/join":
            return self._join(query.get("t", [""])[0])
        phone = self._phone()
        if url.path == "/language":
            chosen = query.get("to", [""])[0]
            if chosen in language.LANGUAGES:
                phone.language = chosen
            return self._redirect("/")
        if url.path == "/":
            told = TOLD.get(query.get("told", [""])[0], "")
            with language.speaking(self._language(phone)):
                return self._room(phone, _(told) if told else "")
        raise self._not_here()

    def _post(self, url) -> None:
        if url.path not in ("/say", "/answer", "/forget"):
            raise self._not_here()
        form = self._form()
        phone = self._phone()
        if not secrets.compare_digest(form.get("form", "").encode(), phone.form_key.encode()):
            raise Refused(HTTPStatus.FORBIDDEN, _("Not sent"), _("Open the page again, then send it from there."))
        if not self.server.room.posting.allow(phone.number):
            raise Refused(
                HTTPStatus.TOO_MANY_REQUESTS, _("Too many at once"), _("Wait a few seconds, then send it again.")
            )
        if url.path == "/forget":  # even once the session has ended: the phone is theirs
            phone.participant_id = None
            typed = _typed(form)
            if not typed:
                return self._redirect("/?told=forgot")
            with language.speaking(self._language(phone)):  # the words typed so far, still there to send
                return self._room(phone, _(TOLD["forgot"]), typed=typed)
        with language.speaking(self._language(phone)):
            now = self.server.room.now
            if not now.open:
                return self._room(phone, "", status=HTTPStatus.CONFLICT)
            if url.path == "/say":
                return self._say(phone, form)
            return self._answer_round(phone, form)

    # -- what a phone sends ------------------------------------------------------

    def _say(self, phone: Phone, form: dict[str, str]) -> None:
        room, now = self.server.room, self.server.room.now
        text = _typed(form)
        if not text:
            return self._redirect("/?told=empty")
        if len(text) > pages.TEXT_LIMIT:
            too_long = _("That is longer than {n} characters; send it in parts.").format(n=pages.TEXT_LIMIT)
            return self._room(phone, too_long, problem=True, typed=text, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        participant_id = None
        if form.get("as") == "me":
            try:
                participant_id = phone.participant_id or room.who_has(form.get("code", ""))
            except CodesResting:
                resting = _(
                    "Too many wrong personal codes were tried here, so none is checked for a minute "
                    "or more. Send it anonymously, or ask the facilitator."
                )
                return self._room(phone, resting, problem=True, typed=text, status=HTTPStatus.TOO_MANY_REQUESTS)
            if participant_id is None or participant_id not in now.people:
                wrong = _("That personal code is not one the facilitator gave out. Check it, or send it anonymously.")
                return self._room(phone, wrong, problem=True, typed=text, status=HTTPStatus.BAD_REQUEST)
            phone.participant_id = participant_id
        kinds = {k.value: k for k in ContributionKind}
        post = PhonePost(
            now.session_id,
            text,
            kinds.get(form.get("kind", ""), ContributionKind.IDEA),
            participant_id=participant_id,
            quote_allowed=form.get("quote") == "yes",
            agenda_item_id=now.item_id,
            card_key=now.card_key,
        )
        try:
            post = cleaned(post)
        except ValueError as error:
            return self._room(phone, str(error), problem=True, typed=text, status=HTTPStatus.BAD_REQUEST)
        accepted = contribution_from(post, now.people) if now.auto_accept else None
        if accepted is not None:
            post = replace(post, state=PostState.ACCEPTED, contribution_id=accepted.id)
        if not self.server.writer.keep(post, accepted):
            not_kept = _("It was not sent (the laptop could not keep it). Try again in a moment.")
            return self._room(phone, not_kept, problem=True, typed=text, status=HTTPStatus.SERVICE_UNAVAILABLE)
        self._redirect("/?told=sent")

    def _answer_round(self, phone: Phone, form: dict[str, str]) -> None:
        now = self.server.room.now
        shown = now.round
        if shown is None or form.get("round") != shown.id:
            return self._redirect("/?told=closed")
        answer = form.get("answer", "")
        if not rounds.valid(shown.kind, answer):
            return self._room(phone, _("Choose one of the answers."), problem=True, status=HTTPStatus.BAD_REQUEST)
        reason = form.get("reason", "").strip() if answer == rounds.OBJECT else ""
        try:
            made = cleaned(
                RoundAnswer(shown.id, now.session_id, answer, reason[: rounds.REASON_LIMIT], phone.answering(shown.id))
            )
        except ValueError as error:
            return self._room(phone, str(error), problem=True, status=HTTPStatus.BAD_REQUEST)
        if not self.server.writer.keep(made):
            not_kept = _("Your answer was not sent (the laptop could not keep it). Try again in a moment.")
            return self._room(phone, not_kept, problem=True, status=HTTPStatus.SERVICE_UNAVAILABLE)
        self._redirect("/?told=answered")

    # -- checks ------------------------------------------------------------------

    def _check_host(self) -> None:
        checks.host_and_origin(self.headers, self.server.hosts)

    def _join(self, token: str) -> None:
        room = self.server.room
        if room.valid(token) and self._known_phone() is not None:
            return self._redirect("/")  # scanned again: the same phone, not another
        if not room.joining.allow(self.client_address[0]):
            raise Refused(HTTPStatus.TOO_MANY_REQUESTS, _("Too many at once"), _("Wait a moment, then try again."))
        cookie = room.join(token)
        if cookie is None and room.valid(token):
            raise Refused(HTTPStatus.SERVICE_UNAVAILABLE, _("The room is full"), _("Tell the facilitator."))
        if cookie is None:
            raise Refused(
                HTTPStatus.FORBIDDEN,
                _("This code has ended"),
                _("This link is not the room's now. Scan the QR code the facilitator is showing."),
            )
        self._redirect("/", cookie=f"{COOKIE}={cookie}; HttpOnly; SameSite=Strict; Path=/")

    def _known_phone(self) -> Phone | None:
        try:
            jar = SimpleCookie(self.headers.get("Cookie") or "")
        except CookieError:
            jar = SimpleCookie()
        return self.server.room.phone(jar[COOKIE].value if COOKIE in jar else None)

    def _phone(self) -> Phone:
        phone = self._known_phone()
        if phone is None:
            raise Refused(
                HTTPStatus.FORBIDDEN, _("Scan the QR code"), _("Scan the QR code the facilitator is showing.")
            )
        return phone

    def _form(self) -> dict[str, str]:
        if checks.body_length(self.headers) is None:
            self.close_connection = True
        form = checks.read_form(self.headers, self.rfile)
        self._cut.cancel()  # all of it is in: the wait for the commit is not the phone's
        return form

    def _language(self, phone: Phone | None) -> str:
        """The phone's choice; else the first of Welsh or English its browser asks for; else the app's."""
        if phone is not None and phone.language:
            return phone.language
        for asked in (self.headers.get("Accept-Language") or "").split(",")[:12]:
            primary = asked.split(";")[0].strip().lower().split("-")[0]
            if primary in language.LANGUAGES:
                return primary
        return self.server.room.language

    def _not_here(self) -> Refused:
        return Refused(HTTPStatus.NOT_FOUND, _("Not here"), _("This page is not part of the room."))

    # -- answers -----------------------------------------------------------------

    def _room(self, phone: Phone, told: str, *, problem: bool = False, typed: str = "", status=HTTPStatus.OK) -> None:
        now = self.server.room.now
        named_as = ""
        if phone.participant_id and phone.participant_id in now.people:
            named_as = now.people[phone.participant_id].preferred_name
        self._send(status, pages.room_page(now, phone, told, problem, named_as, typed))

    def _redirect(self, where: str, cookie: str = "") -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", where)
        if cookie:
            self.send_header("Set-Cookie", cookie)
        self._common_headers(0)
        self.end_headers()

    def _send(self, status: HTTPStatus, text: str, kind: str = "text/html") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self._common_headers(len(body))
        self.end_headers()
        self.wfile.write(body)

    def _common_headers(self, length: int) -> None:
        self.send_header("Content-Length", str(length))
        for name, value in HEADERS.items():
            self.send_header(name, value)


def _typed(form: dict[str, str]) -> str:
    """The words in the form's box, as typed (a browser sends each line break as two)."""
    return form.get("text", "").replace("\r\n", "\n").strip()
