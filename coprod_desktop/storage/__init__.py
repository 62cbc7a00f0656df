"""The SQLite archive (through sqlite-utils). Never imports Qt."""

from coprod_desktop.storage.archive import Archive, Snapshot
from coprod_desktop.storage.errors import ArchiveError

__all__ = ["Archive", "ArchiveError", "Snapshot"]
