"""What a request must be before anything in it is read: for this room's address, from
this room's page, and small. Each refusal is a status and a message in words."""

from __future__ import annotations

from collections.abc import Collection
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

from coprod_desktop.language import _

MAX_BODY = 16 * 1024  # bytes: a post of 1,000 characters of any script fits, form-encoded (9 bytes each at most)


class Refused(Exception):
    def __init__(self, status: HTTPStatus, title: str, message: str):
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def host_and_origin(headers: Any, hosts: Collection[str]) -> None:
    """Only the address in the QR code: a page on another site cannot reach the server
    through a name it points here (DNS rebinding), nor send it a form."""
    host = (headers.get("Host") or "").strip().lower()
    if host not in hosts:
        raise Refused(HTTPStatus.MISDIRECTED_REQUEST, _("Not this room"), _("Scan the room's QR code."))
    origin = headers.get("Origin")
    if origin is not None and origin.lower() not in {f"http://{h}" for h in hosts}:
        raise Refused(HTTPStatus.FORBIDDEN, _("Not this room"), _("Scan the room's QR code."))


def body_length(headers: Any) -> int | None:
    """The body's length if it may be read; None if not (chunked, unmeasured, too long)."""
    if headers.get("Transfer-Encoding"):
        return None
    try:
        length = int(headers.get("Content-Length", ""))
    except ValueError:
        return None
    return length if 0 <= length <= MAX_BODY else None


def read_form(headers: Any, body: Any) -> dict[str, str]:
    """A form's fields (the first of each) from ``body`` (a file to read bytes from), read only
    once its size is known and small."""
    length = body_length(headers)
    if length is None:
        if headers.get("Transfer-Encoding") or not headers.get("Content-Length", "").strip().isdigit():
            raise Refused(HTTPStatus.LENGTH_REQUIRED, _("Not sent"), _("Send it from the room's page."))
        raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, _("Too long"), _("Send it in shorter parts."))
    try:
        fields = parse_qs(body.read(length).decode("utf-8"), max_num_fields=12, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise Refused(HTTPStatus.BAD_REQUEST, _("Not sent"), _("Send it from the room's page.")) from None
    return {k: v[0] for k, v in fields.items()}
