"""The writer thread: what the phones send is kept in batches, each one transaction, and
each sender is answered only once its batch is committed (so an acknowledged post is in
the archive, whatever happens to the laptop after). The window is then told what was kept."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod_desktop.domain.records import PhonePost, RoundAnswer
from coprod_desktop.storage.writing import is_lock

log = logging.getLogger(__name__)
BATCH = 200  # at most this many records a transaction
WAIT_SECONDS = 10.0  # a sender waits this long for its commit, then is told to try again


@dataclass(frozen=True)
class Kept:
    """What the window is told of one record kept (it crosses from the server's process)."""

    record: PhonePost | RoundAnswer
    accepted: Any = None


@dataclass
class Pending:
    record: PhonePost | RoundAnswer
    accepted: Any = None  # the contribution it becomes at once (auto-accept), or None
    done: threading.Event = field(default_factory=threading.Event)
    kept: bool = False
    given_up: bool = False  # the sender was told "not sent": it must not be kept after all
    lock: threading.Lock = field(default_factory=threading.Lock)


class InboxWriter:
    """``open_inbox`` makes the thread's connection (storage.phone_inbox.PhoneInbox);
    ``on_kept`` is called on this thread with each batch kept (the window queues it)."""

    def __init__(
        self,
        open_inbox: Callable[[], Any],
        on_kept: Callable[[Sequence[Kept]], None],
        on_failed: Callable[[Exception], None] | None = None,
    ):
        self._open, self._on_kept, self._on_failed = open_inbox, on_kept, on_failed
        self._queue: queue.Queue[Pending | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="phones-writer", daemon=True)
        self._ready = threading.Event()
        self._failed: BaseException | None = None

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(10)
        if self._failed is not None:
            raise self._failed

    def keep(self, record: PhonePost | RoundAnswer, accepted: Any = None) -> bool:
        """Keep ``record`` (from a server thread); True once committed, False if not."""
        pending = Pending(record, accepted)
        self._queue.put(pending)
        if pending.done.wait(WAIT_SECONDS):
            return pending.kept
        with pending.lock:  # too long: given up, unless the writer has it in hand
            if pending.done.is_set():
                return pending.kept
            pending.given_up = True
            return False

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(15)

    def _run(self) -> None:
        try:
            inbox = self._open()
        except BaseException as error:  # noqa: BLE001 - told to the one who started it
            self._failed = error
            self._ready.set()
            return
        self._ready.set()
        try:
            while True:
                first = self._queue.get()
                if first is None:
                    return
                batch = [first]
                stopping = False
                while len(batch) < BATCH:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        stopping = True
                        break
                    batch.append(more)
                self._keep(inbox, batch)
                if stopping:
                    return
        finally:
            inbox.close()

    def _keep(self, inbox: Any, batch: list[Pending]) -> None:
        """Keep what its senders still wait for; the senders are answered only after the
        commit (each ``lock`` is held from before the commit until ``done``, so a sender
        either gives up before, and it is not kept, or is told it was)."""
        for p in batch:
            p.lock.acquire()
        try:
            batch_now = [p for p in batch if not p.given_up]
            kept, failure = self._commit(inbox, batch_now)
            if failure is not None and len(batch_now) > 1 and not is_lock(failure):
                # one bad record (its person just erased) must not refuse the rest
                kept = [p for p in batch_now if self._commit(inbox, [p])[0]]
            for p in batch:
                p.done.set()
        finally:
            for p in batch:
                p.lock.release()
        if failure is not None and self._on_failed is not None and len(kept) < len(batch_now):
            try:
                self._on_failed(failure)
            except Exception:  # noqa: BLE001 - as below
                log.exception("telling the window what phones sent was not kept")
        if kept:
            try:
                self._on_kept([Kept(p.record, p.accepted) for p in kept])
            except Exception:  # noqa: BLE001 - the window's trouble must not stop the keeping
                log.exception("telling the window what phones sent")

    @staticmethod
    def _commit(inbox: Any, batch: list[Pending]) -> tuple[list[Pending], Exception | None]:
        """Keep ``batch`` in one transaction: all of it (marked kept), or none (and why)."""
        if not batch:
            return [], None
        try:
            inbox.keep([p.record for p in batch], [p.accepted for p in batch if p.accepted is not None])
        except Exception as error:  # noqa: BLE001 - the senders are told "not sent"; nothing is acknowledged
            log.warning("posts from phones not kept: %s", type(error).__name__)
            return [], error
        for p in batch:
            p.kept = True
        return batch, None
