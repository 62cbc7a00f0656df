"""Every test runs against temporary folders: never the user's archive or settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest

# Besides today (or --today), tests marked "dated" run on each of these: a leap day,
# the last day of a year, and a day years ahead.
OTHER_DAYS = (date(2028, 2, 29), date(2027, 12, 31), date(2041, 6, 17))


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        metavar="YYYY-MM-DD",
        type=date.fromisoformat,
        help="run every test as if today were this date (the clock is shifted, time still runs)",
    )
    parser.addoption(
        "--only-today", action="store_true", help="run tests marked 'dated' on today alone, not also on the other days"
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "dated: the test reads today's date; it runs on today and on other days")
    import gc

    gc.disable()  # as in the app: only the main thread collects (coprod_desktop/ui/collector.py)


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread():
    """What tests leave (closed windows in reference cycles) is collected here, on the main
    thread, never by whichever export or phone thread crosses a threshold: that destroys Qt
    widgets off the GUI thread and crashes the run. Once there is a QApplication, its timer
    collects during long tests too, as in the app."""
    import gc
    import sys

    from coprod_desktop.ui.collector import collect_due, collect_on_gui_thread

    collect_due(gc.get_threshold())
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is not None:
        collect_on_gui_thread(app)
    yield


def _base_day(config) -> date:
    from coprod_desktop.domain.clock import Clock

    return config.getoption("--today") or Clock().today()


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("dated") and "today" in metafunc.fixturenames:
        days = [_base_day(metafunc.config)]
        if not metafunc.config.getoption("--only-today"):
            days += [d for d in OTHER_DAYS if d != days[0]]
        metafunc.parametrize("today", days, ids=[d.isoformat() for d in days])


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that speaks Welsh leaves the next one in English (Qt's translator too)."""
    yield
    import sys

    from coprod_desktop import language

    if language.current() == language.ENGLISH:
        return
    translator = sys.modules.get("coprod_desktop.ui.translator")
    if translator is not None:  # takes Qt's translator away too
        translator.use_language(language.ENGLISH)
    else:
        language.set_language(language.ENGLISH)


@pytest.fixture
def today(request) -> date:
    """The day the test runs on: today, or --today."""
    return _base_day(request.config)


@pytest.fixture
def clock(today):
    """The clock every test passes in: the system's, moved to ``today``."""
    from coprod_desktop.domain.clock import Clock

    return Clock.on(today)


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


@pytest.fixture
def filled(archive_path):
    """A closed archive of one session with 300 long agenda items (several pages of data)."""
    from coprod_desktop.domain.records import AgendaItem, Group, Session
    from coprod_desktop.storage import Archive

    archive = Archive.open(archive_path)
    group = archive.add(Group("A group"))
    session = archive.add(Session(group.id, "A session"))
    for i in range(300):
        archive.add(AgendaItem(session.id, f"Item {i} " + "x" * 200))
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return archive_path


def damage_data_pages(path, page: int = 4096) -> None:
    """Scribble over the last few pages (table data, not the schema at the start)."""
    import os

    data = bytearray(path.read_bytes())
    for offset in range(len(data) - page * 6, len(data) - page, page):
        data[offset + 8 : offset + 600] = os.urandom(592)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium through selenium (tests/e2e/axe.py), or the test is skipped where
    it is not installed (.ci/run installs it)."""
    from tests.e2e.axe import browser

    driver = browser()
    if driver is None:
        pytest.skip("chromium and chromedriver are not installed (.ci/run installs them)")
    yield driver
    driver.quit()
