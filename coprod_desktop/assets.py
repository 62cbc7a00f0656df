"""Finding bundled resources and the default archive, with no Qt (what is in them: app/content.py).

``resources/`` sits at the top of a source checkout; the wheel and the
PyInstaller bundle both place it at ``coprod_desktop/resources`` beside this
module. One lookup serves all three.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

APP_NAME = "coprod-desktop"
ARCHIVE_ENV = "COPROD_ARCHIVE"
ARCHIVE_FILENAME = "archive.coprod.sqlite"
PASSPHRASE_ENV = "COPROD_PASSPHRASE"  # for scripts and tests: the archive's passphrase


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "content").is_dir():
            return candidate
    raise FileNotFoundError(
        f"coprod-desktop's resources folder is missing (looked in {here / 'resources'} "
        f"and {here.parent / 'resources'}); reinstall the app."
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder for the app (created on demand by the archive)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_archive_path() -> Path:
    """``$COPROD_ARCHIVE`` if set, else the archive in the user's data folder."""
    chosen = os.environ.get(ARCHIVE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / ARCHIVE_FILENAME


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
