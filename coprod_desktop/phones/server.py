"""The room's web server: Python's ThreadingHTTPServer on its own thread, bound to the
one address the facilitator chose (the hotspot's), with a deeper queue of waiting
connections than the default five, and a cap on requests served at once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from http.server import ThreadingHTTPServer
from socketserver import TCPServer
from typing import Any

from coprod_desktop.phones.handler import PhoneHandler
from coprod_desktop.phones.limits import Deadlines
from coprod_desktop.phones.room import RoomNow, RoomState
from coprod_desktop.phones.writer import InboxWriter, Kept

AT_ONCE = 128  # requests served at the same time; more are turned away at once
FROM_ONE_ADDRESS = 40  # of those, from one address: one device cannot hold every slot


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # 30 phones sending together must not be refused by the OS
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], room: RoomState, writer: InboxWriter):
        self.room, self.writer = room, writer
        self.hosts: frozenset[str] = frozenset()
        self.deadlines = Deadlines()
        self._slots = threading.BoundedSemaphore(AT_ONCE)
        self._by_address: dict[str, int] = {}
        self._count_lock = threading.Lock()
        super().__init__(address, PhoneHandler)

    def process_request(self, request, client_address) -> None:
        if not self._take(client_address[0]):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._give_back(client_address[0])
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._give_back(client_address[0])

    def _take(self, address: str) -> bool:
        with self._count_lock:
            if self._by_address.get(address, 0) >= FROM_ONE_ADDRESS or not self._slots.acquire(blocking=False):
                return False
            self._by_address[address] = self._by_address.get(address, 0) + 1
            return True

    def _give_back(self, address: str) -> None:
        with self._count_lock:
            left = self._by_address.get(address, 1) - 1
            if left:
                self._by_address[address] = left
            else:
                self._by_address.pop(address, None)
            self._slots.release()

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse lookup of the address (socket.getfqdn), which
        can take seconds on a hotspot with no DNS: the window waits for this."""
        TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request, client_address) -> None:
        """A phone that went away mid-request: nothing to tell, and nothing is logged."""


class RoomServer:
    """Open: ``start()``; the join address is ``join_url``; ``stop()`` closes the port."""

    def __init__(
        self,
        address: str,
        now: RoomNow,
        open_inbox: Callable[[], Any],
        on_kept: Callable[[Sequence[Kept]], None],
        *,
        port: int = 0,
        language: str = "en",
        on_join: Callable[[int], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        on_resting: Callable[[], None] | None = None,
    ):
        self.room = RoomState(now, language, on_join, on_resting)
        self.writer = InboxWriter(open_inbox, on_kept, on_failed)
        self._address, self._port = address, port
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Listen; OSError if the address is not this computer's or the port is taken."""
        self.writer.start()
        try:
            self._httpd = _Server((self._address, self._port), self.room, self.writer)
        except OSError:
            self.writer.stop()
            raise
        host, port = str(self._httpd.server_address[0]), int(self._httpd.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        self._httpd.hosts = frozenset({f"{shown}:{port}".lower()} | ({shown.lower()} if port == 80 else set()))
        httpd = self._httpd
        self._thread = threading.Thread(target=lambda: httpd.serve_forever(0.05), name="phones-server", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1]) if self._httpd else 0

    @property
    def join_url(self) -> str:
        host = next(iter(sorted(self._httpd.hosts))) if self._httpd else ""
        return f"http://{host}/join?t={self.room.token}"

    def joined(self) -> int:
        return self.room.joined()

    def codes_resting(self) -> bool:
        return self.room.codes_resting()

    def show(self, now: RoomNow) -> None:
        self.room.show(now)

    def set_codes(self, codes: dict[str, str]) -> None:
        self.room.set_codes(codes)

    def stop(self) -> None:
        """Stop serving, close the port (no connection is accepted after), then let the
        writer keep what it was given."""
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
            httpd.deadlines.stop()
        if self._thread is not None:
            self._thread.join(5)
        self.writer.stop()
