"""Not a test: renders every planner screen to PNG files, to look at them.

    xvfb-run -s "-screen 0 1366x768x24" python tests/e2e/screens.py OUTDIR [WIDTHxHEIGHT]

Uses a fresh archive with the sample group, and the real platform plugin
when a display is present (Xvfb), so fonts and styles are what people see.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


def main() -> None:
    out = Path(sys.argv[1])
    size = sys.argv[2] if len(sys.argv) > 2 else "1366x768"
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    from coprod_desktop.sample import add_sample_group
    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.app import make_application
    from coprod_desktop.ui.main_window import MainWindow

    app = make_application()
    archive = Archive.open(tmp / "screens.sqlite")
    group = add_sample_group(archive)
    from coprod_desktop.domain.model import Participant

    first = archive.participants(group.id)[0]
    archive.update(Participant, first.id, preferred_name="مريم Gwŷn ŵ 😀 <b>&amp;")
    window = MainWindow(archive)
    window.resize(width, height)
    window.show()
    shots = []

    def shot(name):
        app.processEvents()
        path = out / f"{name}-{size}.png"
        window.grab().save(str(path))
        shots.append(path)

    def run():
        window.select(group.id)
        shot("1-group")
        people = window.group_page.people
        people.view.setCurrentIndex(people.model.index(1, 0))
        shot("2-group-person")
        planned = archive.sessions(group.id)[0]
        window.select(planned.id)
        page = window.session_page
        for key in ("details", "agenda", "rules", "people"):
            page.tabs.setCurrentWidget(page.tab(key))
            if key == "people":
                page.people.view.setCurrentIndex(page.people.model.index(0, 1))
            shot(f"3-session-{key}")
        page.tabs.setCurrentWidget(page.details)
        page.details.purpose.setPlainText("x" * 20_001)
        shot("4-error-banner")
        window.undoable.hub.failed.emit("", "")
        window.message_bar.hide()
        window.tree.setCurrentIndex(window.tree.model().index(-1, -1))
        window.pages.setCurrentWidget(window.empty_page)
        shot("5-empty")
        for p in shots:
            print(p)
        app.quit()

    QTimer.singleShot(300, run)
    app.exec()


if __name__ == "__main__":
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())
    main()
