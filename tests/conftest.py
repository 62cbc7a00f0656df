"""Every test runs against temporary folders: never the user's archive or settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("COPROD_ARCHIVE", str(home / "data" / "archive.coprod.sqlite"))
    return home


@pytest.fixture
def archive_path(tmp_path):
    return tmp_path / "archive.coprod.sqlite"


@pytest.fixture
def archive(archive_path):
    from coprod_desktop.storage import Archive

    opened = Archive.open(archive_path)
    yield opened
    opened.close()
