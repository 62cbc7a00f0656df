"""What the room's server knows, shared between the window's thread and the server's:
the join token of this opening, the phones that joined, the personal codes, and what
the room shows now (set by the window). Never the archive."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from coprod_desktop.domain.values import RoundKind
from coprod_desktop.phones.limits import RateLimit

MAX_PHONES = 300
CODE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3479"  # none that read alike (0/O, 1/I/L, 5/S, 8/B)
CODE_LENGTH = 5


@dataclass
class Phone:
    number: str  # for its rate limit, in memory only: never kept with what it sends
    form_key: str  # in every form it is sent, checked on each post
    language: str = ""
    participant_id: str | None = None  # once it gave a personal code
    answer_key: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    def answering(self, round_id: str) -> str:
        """This phone's id for one round (a new answer replaces its last): different in
        every round and unlike anything it posts, so answers cannot be linked to each
        other or to a post sent as someone."""
        return hmac.new(self.answer_key, round_id.encode(), hashlib.sha256).hexdigest()[:20]


@dataclass(frozen=True)
class ShownRound:
    id: str
    kind: RoundKind
    question: str


@dataclass(frozen=True)
class RoomNow:
    """What the phones may see and where what they send is filed."""

    session_id: str
    title: str = ""
    item_id: str | None = None
    item_title: str = ""
    card_key: str | None = None
    card_text: str = ""
    round: ShownRound | None = None
    open: bool = True  # False once the session is not live: posts are refused
    auto_accept: bool = False
    people: Mapping[str, Any] = field(default_factory=dict)  # id -> Participant, to accept as sent


GUESSES = "wrong codes"  # the room's one key in RoomState.guessing


class CodesResting(Exception):
    """Too many wrong personal codes were tried: none is checked for a while."""


class RoomState:
    def __init__(
        self,
        now: RoomNow,
        language: str = "en",
        on_join: Callable[[int], None] | None = None,
        on_resting: Callable[[], None] | None = None,
    ):
        self.token = secrets.token_urlsafe(18)  # a new one at each opening: old QR codes stop working
        self.language = language  # the page's language for a phone that has not chosen
        self._now = now
        self._phones: dict[str, Phone] = {}  # cookie -> phone
        self._codes: dict[str, str] = {}  # personal code -> participant id
        self._lock = threading.Lock()
        self._on_join = on_join  # told how many phones have joined, on the server's thread
        self._on_resting = on_resting  # told when wrong codes use up the room's guesses
        self.joining = RateLimit(burst=20, per_second=1.0)  # per address
        self.posting = RateLimit(burst=20, per_second=1.0)  # per phone
        self.asking = RateLimit(burst=60, per_second=5.0)  # per address, any request
        # Wrong personal codes, counted for the whole room (a guesser can take many phones and
        # addresses): ten, then one a minute. In a three-hour session that is 190 guesses, with
        # 30 codes out among 25**5 = 9.8 million: a 1 in 1,700 chance that any guess is someone's.
        self.guessing = RateLimit(burst=10, per_second=1 / 60)

    # -- what the window sets ------------------------------------------------

    @property
    def now(self) -> RoomNow:
        return self._now

    def show(self, now: RoomNow) -> None:
        self._now = now  # one reference swapped: readers see the old or the new, whole

    def set_codes(self, codes: Mapping[str, str]) -> None:
        with self._lock:
            self._codes = dict(codes)
            valid = set(codes.values())
            for phone in self._phones.values():
                if phone.participant_id not in valid:
                    phone.participant_id = None

    # -- what the server asks ------------------------------------------------

    def valid(self, token: str) -> bool:
        return secrets.compare_digest(token.encode(), self.token.encode())

    def join(self, token: str) -> str | None:
        """A new phone's cookie, if ``token`` is this opening's and the room has space; None otherwise."""
        if not self.valid(token):
            return None
        with self._lock:
            if len(self._phones) >= MAX_PHONES:
                return None
            cookie = secrets.token_urlsafe(24)
            self._phones[cookie] = Phone(number=secrets.token_hex(6), form_key=secrets.token_urlsafe(12))
            joined = len(self._phones)
        if self._on_join is not None:
            self._on_join(joined)
        return cookie

    def phone(self, cookie: str | None) -> Phone | None:
        if not cookie:
            return None
        with self._lock:
            return self._phones.get(cookie)

    def who_has(self, code: str) -> str | None:
        """The person a personal code was given to; None for a wrong one (which counts against
        the room's guesses). CodesResting, checking nothing, once too many wrong ones came."""
        code = "".join(c for c in code.upper() if c.isalnum())
        if len(code) != CODE_LENGTH or any(c not in CODE_LETTERS for c in code):
            return None  # left out, or mistyped into something no code is: a slip, not a guess
        if not self.guessing.allow(GUESSES):  # spent first, in one step: requests at once cannot all pass
            raise CodesResting
        with self._lock:
            found = self._codes.get(code)
        if found is not None:
            self.guessing.refund(GUESSES)  # a right code costs nothing
        elif self._on_resting is not None and self.codes_resting():
            self._on_resting()
        return found

    def codes_resting(self) -> bool:
        """Too many wrong personal codes came: none is checked until the count comes back."""
        return not self.guessing.allow(GUESSES, spend=False)

    def joined(self) -> int:
        with self._lock:
            return len(self._phones)


def make_codes(people_ids: list[str], length: int = CODE_LENGTH) -> dict[str, str]:
    """A fresh personal code for each person (code -> id), none alike."""
    codes: dict[str, str] = {}
    for pid in people_ids:
        code = "".join(secrets.choice(CODE_LETTERS) for _ in range(length))
        while code in codes:
            code = "".join(secrets.choice(CODE_LETTERS) for _ in range(length))
        codes[code] = pid
    return codes
