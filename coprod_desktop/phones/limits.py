"""Rate limits: a token bucket per key (a phone, or an address for joining)."""

from __future__ import annotations

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

    def allow(self, key: str) -> bool:
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
            bucket.tokens -= 1
            return True
