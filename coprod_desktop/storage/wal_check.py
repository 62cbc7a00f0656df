"""A -wal file found beside an archive, judged before SQLite folds it in.

SQLite applies the committed frames of a -wal whose header and checksums are sound,
silently ignores what follows the last good commit (a log cut short), and cannot tell a
log from another database with the same page size. Before any connection that could
fold or reset it, the log is read here (its format: sqlite.org/walformat.html) and, when
something is wrong, the files as they were are kept aside and the person is told.
"""

from __future__ import annotations

import os
import shutil
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coprod_desktop.language import _

WAL_HEADER = 32
FRAME_HEADER = 24
MAGICS = (0x377F0682, 0x377F0683)  # checksums little- or big-endian
VERSION = 3007000


@dataclass(frozen=True)
class WalState:
    size: int
    readable: bool  # a sound header
    page_size: int = 0
    committed_frames: int = 0  # up to the last commit frame whose checksums hold
    damaged: bool = False  # cut mid-frame, or a frame of this log whose checksum fails


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def read_wal(wal: Path) -> WalState | None:
    """The state of ``wal``; None if there is none, or it is empty."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if not data:
        return None
    if len(data) < WAL_HEADER:
        return WalState(len(data), readable=False)
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:WAL_HEADER])
    big = magic == MAGICS[1]
    valid_size = page_size >= 512 and page_size & (page_size - 1) == 0 and page_size <= 65536
    if magic not in MAGICS or version != VERSION or not valid_size:
        return WalState(len(data), readable=False)
    s0, s1 = _checksum(data[:24], big, 0, 0)
    if (s0, s1) != (c0, c1):
        return WalState(len(data), readable=False)
    frame = FRAME_HEADER + page_size
    # SQLite writes whole frames; after a checkpoint it starts again from the top with new
    # salts, leaving older frames behind (harmless: their salts differ). A log cut mid-frame,
    # or a frame of this log that fails its checksum, means committed changes may be lost.
    damaged = (len(data) - WAL_HEADER) % frame != 0
    offset = WAL_HEADER
    committed = count = 0
    while offset + frame <= len(data):
        page, db_size, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", data[offset : offset + FRAME_HEADER])
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        s0, s1 = _checksum(data[offset : offset + 8], big, s0, s1)
        s0, s1 = _checksum(data[offset + FRAME_HEADER : offset + frame], big, s0, s1)
        if (s0, s1) != (f0, f1) or page == 0:
            damaged = True
            break
        count += 1
        offset += frame
        if db_size:  # a commit frame: everything up to here is applied
            committed = count
    return WalState(len(data), True, page_size, committed, damaged)


def keep_aside(path: Path, *, move_wal: bool) -> Path:
    """Copy the archive and its -wal/-shm as they are into a new private folder beside it;
    with ``move_wal``, the -wal and -shm are moved there instead (so they are not applied).
    Returns the folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = path.with_name(f"{path.name}.kept-{stamp}")
    n = 1
    while folder.exists():
        folder = path.with_name(f"{path.name}.kept-{stamp}.{n}")
        n += 1
    folder.mkdir(mode=0o700)
    shutil.copy2(path, folder / path.name)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if companion.exists():
            target = folder / companion.name
            if move_wal:
                os.replace(companion, target)
            else:
                shutil.copy2(companion, target)
    for kept in folder.iterdir():
        os.chmod(kept, 0o600)
    return folder


def settle_wal(path: Path, *, read_only: bool) -> list[str]:
    """Judge a -wal left beside ``path`` before any connection could fold or reset it.
    Read-write: a log that cannot be read is moved aside (SQLite would write over it); one
    cut short is copied aside with the archive (SQLite applies what can be read). Read-only:
    nothing is touched. Returns what to tell the person."""
    state = read_wal(path.with_name(path.name + "-wal"))
    if state is None or (state.readable and not state.damaged and _same_page_size(path, state)):
        return []
    if read_only:
        return [
            _(
                "The log beside {name} (its -wal file) is damaged or is not its own: this shows what "
                "could be read, and nothing was changed. Open the archive in coprod-desktop to keep the "
                "files aside and go on."
            ).format(name=path.name)
        ]
    if not state.readable or not _same_page_size(path, state):
        folder = keep_aside(path, move_wal=True)
        return [
            _(
                "A -wal file beside {name} is not a log of this archive (or cannot be read), so it was "
                "not applied. It is kept, with a copy of the archive as it was, in {folder}, beside it."
            ).format(name=path.name, folder=folder.name)
        ]
    folder = keep_aside(path, move_wal=False)
    return [
        _(
            "The last changes to {name} before it was closed (its -wal file) were cut short or damaged: what "
            "could be read was kept, and anything after it may be missing. The files as they were are kept in "
            "{folder}, beside it."
        ).format(name=path.name, folder=folder.name)
    ]


def move_stray_wal(path: Path) -> list[str]:
    """The archive is sound without its -wal and damaged with it: the log is another's."""
    folder = keep_aside(path, move_wal=True)
    return [
        _(
            "A -wal file beside {name} would have damaged it (it belongs to another database), so it was "
            "not applied. It is kept, with a copy of the archive as it was, in {folder}, beside it."
        ).format(name=path.name, folder=folder.name)
    ]


def _same_page_size(path: Path, state: WalState) -> bool:
    """A plain archive states its page size in its header; an encrypted one does not."""
    with path.open("rb") as f:
        header = f.read(18)
    if not header.startswith(b"SQLite format 3\x00"):
        return True
    size = int.from_bytes(header[16:18], "big")
    return (65536 if size == 1 else size) == state.page_size
