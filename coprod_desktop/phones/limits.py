"""Rate limits: a token bucket per key (a phone, or an address for joining); and deadlines:
a connection still sending its request when its time is up is cut off."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimit:
    """At most ``burst`` at once per key, then ``per_second`` on average."""

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float] = time.monotonic, keys: int = 4096):
        self.burst, self.per_second, self.clock, self.keys = burst, per_second, clock, keys
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, spend: bool = True) -> bool:
        """Whether ``key`` may go on; with ``spend`` false only asked, nothing used up."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.keys:  # many keys: forget the full ones
                    self._buckets = {k: b for k, b in self._buckets.items() if b.tokens < self.burst - 1}
                bucket = self._buckets[key] = _Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.per_second)
            bucket.at = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1 if spend else 0
            return True

    def refund(self, key: str) -> None:
        """Give back what one ``allow`` took."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is not None:
                bucket.tokens = min(self.burst, bucket.tokens + 1)


class Watched:
    def __init__(self, deadlines: Deadlines, key: int):
        self._deadlines, self._key = deadlines, key

    def cancel(self) -> None:
        self._deadlines._forget(self._key)


class Deadlines:
    """One thread for every connection's deadline (not a timer thread each)."""

    def __init__(self, every: float = 0.5, clock: Callable[[], float] = time.monotonic):
        self.clock, self.every = clock, every
        self._due: dict[int, tuple[float, socket.socket]] = {}
        self._lock = threading.Lock()
        self._next = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="phones-deadlines", daemon=True)
        self._thread.start()

    def watch(self, conn: socket.socket, seconds: float) -> Watched:
        with self._lock:
            self._next += 1
            self._due[self._next] = (self.clock() + seconds, conn)
            return Watched(self, self._next)

    def _forget(self, key: int) -> None:
        with self._lock:
            self._due.pop(key, None)

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            now = self.clock()
            with self._lock:
                late = [k for k, (at, _conn) in self._due.items() if at <= now]
                cut = [self._due.pop(k)[1] for k in late]
            for conn in cut:
                with contextlib.suppress(OSError):  # closed meanwhile
                    conn.shutdown(socket.SHUT_RDWR)
