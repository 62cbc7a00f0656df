"""What every record has: a UUID, so archives from different laptops can be merged
without clashes, and stamps in ISO 8601, UTC, that keep the order things were made in."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


def new_id() -> str:
    import uuid  # on first use: on Python 3.11 it imports `platform`, ~1 ms the planner need not pay at start

    return str(uuid.uuid4())


_last_stamp = [""]
_stamp_lock = threading.Lock()


def now_iso() -> str:
    """The time now in UTC, strictly later than any earlier call in this process,
    so records made in the same instant (a burst of captures) keep their order."""
    with _stamp_lock:
        stamp = datetime.now(UTC).isoformat(timespec="microseconds")
        if stamp <= _last_stamp[0]:
            later = datetime.fromisoformat(_last_stamp[0]) + timedelta(microseconds=1)
            stamp = later.isoformat(timespec="microseconds")
        _last_stamp[0] = stamp
        return stamp
