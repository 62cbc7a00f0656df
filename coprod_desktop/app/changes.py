"""Typed change notices: what one user action changed, for each screen to answer.

One action sends one notice: which records it touched (kind and id), and who
made it (the widget, so it need not redraw what it just showed). A screen
refreshes only when a notice concerns what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SOME = ""  # an id that stands for "some records of this kind" (which, unknown)


@dataclass(frozen=True)
class Change:
    touched: frozenset[tuple[type, str]] = frozenset()  # (record class, id or SOME)
    source: Any = field(default=None, compare=False)
    everything: bool = False  # the whole archive may differ (a sample group added)

    @classmethod
    def of(cls, kind: type, *ids: str, source: Any = None) -> Change:
        return cls(frozenset((kind, i or SOME) for i in ids or (SOME,)), source)

    @classmethod
    def all(cls, source: Any = None) -> Change:
        return cls(everything=True, source=source)

    @property
    def kinds(self) -> frozenset[type]:
        return frozenset(kind for kind, _ in self.touched)

    def ids(self, kind: type) -> frozenset[str]:
        """The ids of ``kind`` touched (SOME among them if which is not known)."""
        return frozenset(i for k, i in self.touched if k is kind)

    def touches(self, *kinds: type) -> bool:
        """True if the change may concern records of any of ``kinds``."""
        return self.everything or any(k in kinds for k, _ in self.touched)

    def concerns(self, kind: type, record_id: str | None) -> bool:
        """True if the change may concern that one record."""
        ids = self.ids(kind)
        return self.everything or record_id in ids or SOME in ids

    def __or__(self, other: Change) -> Change:
        return Change(self.touched | other.touched, self.source or other.source, self.everything or other.everything)

    def from_(self, source: Any) -> Change:
        """The same change, made by ``source``."""
        return Change(self.touched, source, self.everything)
