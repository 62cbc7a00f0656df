"""The undoable edits a facilitator makes, as plain Python: each applies in one
transaction and says what it changed; reverting puts back exactly what it did.

The ui keeps them on Qt's undo stack (ui/commands.py); the command line and
tests call ``apply`` and ``revert`` directly.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from coprod_desktop.app.changes import Change
from coprod_desktop.domain.records import Attendance, GroupCard
from coprod_desktop.domain.text import shorten
from coprod_desktop.language import _
from coprod_desktop.storage import Archive

MERGE_SECONDS = 3.0  # typing in one field within this gap undoes as one step
WORDS = ("text", "title", "name")  # what a record is called by, for "Undone: …"


class Edit:
    """One undoable step. ``kind`` is the record class it touches."""

    kind: type

    def __init__(self, text: str):
        self.text = text

    def apply(self, archive: Archive) -> None:
        raise NotImplementedError

    def revert(self, archive: Archive) -> None:
        raise NotImplementedError

    def record_id(self) -> str:
        return ""

    def describe(self) -> str:
        """What the step did, in words, for "Undone: …"."""
        return self.text

    def change(self) -> Change:
        return Change.of(self.kind, self.record_id())

    def merge(self, other: Edit) -> bool:
        """Take in ``other``, made just after; True if it was merged into this one."""
        return False

    @property
    def obsolete(self) -> bool:
        """True once merging has made this step change nothing."""
        return False


class AddRecord(Edit):
    def __init__(self, record: Any, text: str, position: int | None = None):
        super().__init__(text)
        self.record, self.kind, self.position = record, type(record), position
        self.snapshot: Any = None

    def apply(self, archive: Archive) -> None:
        if self.snapshot is not None:  # redo: put back exactly what undo took away, with what hung from it
            archive.restore(self.snapshot)
            return
        self.record = archive.add(self.record, self.position)
        self.position = getattr(self.record, "position", None)

    def revert(self, archive: Archive) -> None:
        self.snapshot = archive.delete(self.kind, self.record.id)

    def record_id(self) -> str:
        return self.record.id

    def describe(self) -> str:
        words = next(
            (getattr(self.record, name) for name in WORDS if isinstance(getattr(self.record, name, None), str)), ""
        )
        if not words.strip():
            return self.text
        # TRANSLATORS: {step} is what was done ("Add item"), {words} what the record says.
        return _("{step} “{words}”").format(step=self.text, words=shorten(words, 40))


class DeleteRecord(Edit):
    def __init__(self, kind: type, record_id: str, text: str):
        super().__init__(text)
        self.kind, self.rid = kind, record_id
        self.snapshot: Any = None

    def apply(self, archive: Archive) -> None:
        self.snapshot = archive.delete(self.kind, self.rid)

    def revert(self, archive: Archive) -> None:
        archive.restore(self.snapshot)

    def record_id(self) -> str:
        return self.rid


class EditRecord(Edit):
    """Set fields of one record. Consecutive edits of the same fields merge."""

    def __init__(self, kind: type, record_id: str, old: dict, new: dict, text: str):
        super().__init__(text)
        self.kind, self.rid, self.old, self.new = kind, record_id, dict(old), dict(new)
        self.at = time.monotonic()
        self._stamp: str | None = None
        self._stamped = False

    def apply(self, archive: Archive) -> None:
        if not self._stamped:  # first time: what undo puts back, to the microsecond
            before = archive.find(self.kind, self.rid)
            self._stamp, self._stamped = getattr(before, "updated_at", None), True
        archive.update(self.kind, self.rid, **self.new)

    def revert(self, archive: Archive) -> None:
        stamp = {"updated_at": self._stamp} if self._stamp else {}
        archive.update(self.kind, self.rid, **self.old, **stamp)

    def record_id(self) -> str:
        return self.rid

    def merge(self, other: Edit) -> bool:
        if not (
            isinstance(other, EditRecord)
            and (other.kind, other.rid, set(other.new)) == (self.kind, self.rid, set(self.new))
            and other.at - self.at < MERGE_SECONDS
        ):
            return False
        self.new, self.at = other.new, other.at
        return True

    @property
    def obsolete(self) -> bool:
        return self.new == self.old


class MoveRecord(Edit):
    def __init__(self, kind: type, record_id: str, old: int, new: int, text: str):
        super().__init__(text)
        self.kind, self.rid, self.old, self.new = kind, record_id, old, new

    def apply(self, archive: Archive) -> None:
        archive.move(self.kind, self.rid, self.new)

    def revert(self, archive: Archive) -> None:
        archive.move(self.kind, self.rid, self.old)

    def record_id(self) -> str:
        return self.rid


class SetAttendance(Edit):
    kind = Attendance

    def __init__(self, session_id: str, participant_id: str, attending: bool, text: str):
        super().__init__(text)
        self.session_id, self.participant_id, self.attending = session_id, participant_id, attending

    def apply(self, archive: Archive) -> None:
        archive.set_attending(self.session_id, self.participant_id, self.attending)

    def revert(self, archive: Archive) -> None:
        archive.set_attending(self.session_id, self.participant_id, not self.attending)

    def change(self) -> Change:
        return Change.of(Attendance, self.session_id)


class SetDeckCardRetired(Edit):
    """Retire (or bring back) one of the default deck's cards for a group."""

    kind = GroupCard

    def __init__(self, group_id: str, card_key: str, retired: bool, text: str):
        super().__init__(text)
        self.group_id, self.card_key, self.retired = group_id, card_key, retired

    def apply(self, archive: Archive) -> None:
        archive.set_deck_card_retired(self.group_id, self.card_key, self.retired)

    def revert(self, archive: Archive) -> None:
        archive.set_deck_card_retired(self.group_id, self.card_key, not self.retired)


class Together(Edit):
    """Several edits as one step: one transaction, one notice, one undo."""

    def __init__(self, text: str, edits: Sequence[Edit]):
        super().__init__(text)
        self.edits = list(edits)
        self.kind = self.edits[0].kind if self.edits else type(None)

    def apply(self, archive: Archive) -> None:
        with archive.transaction():
            for edit in self.edits:
                edit.apply(archive)

    def revert(self, archive: Archive) -> None:
        with archive.transaction():
            for edit in reversed(self.edits):
                edit.revert(archive)

    def change(self) -> Change:
        total = Change()
        for edit in self.edits:
            total = total | edit.change()
        return total
