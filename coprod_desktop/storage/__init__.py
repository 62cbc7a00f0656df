"""The SQLite archive (through sqlite-utils). Never imports Qt.

``Archive`` is loaded when first asked for, so that a light part (storage.keys, whose key
derivation starts before the window's modules load) can be imported alone."""

from typing import TYPE_CHECKING

from coprod_desktop.storage.errors import ArchiveError

if TYPE_CHECKING:
    from coprod_desktop.storage.archive import Archive, Snapshot

__all__ = ["Archive", "ArchiveError", "Snapshot"]


def __getattr__(name: str):
    if name in ("Archive", "Snapshot"):
        from coprod_desktop.storage import archive

        return getattr(archive, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
