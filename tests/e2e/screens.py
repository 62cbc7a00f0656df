"""Not a test: renders every planner screen to PNG files, to look at them.

    xvfb-run -s "-screen 0 1366x768x24" python tests/e2e/screens.py OUTDIR [WIDTHxHEIGHT]

Uses a fresh archive with the sample group, and the real platform plugin
when a display is present (Xvfb), so fonts and styles are what people see.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


def live_screens(window, archive, planned, shot) -> None:
    """Start the planned session, capture a few things, draw a card, open the room view."""
    from coprod_desktop.domain.values import ContributionKind

    for person in archive.participants(planned.group_id)[:5]:
        archive.set_attending(planned.id, person.id, True)
    window.select(planned.id)
    window.show_run_view()
    run = window.run_view
    run.start()
    capture = run.capture
    said = [
        ("I rang the ward three times and nobody knew who was bringing him home.", "2", ContributionKind.EXPERIENCE),
        ("Mae angen i'r daflen fod yn Gymraeg hefyd — ŵ ŷ", "1", ContributionKind.IDEA),
        ("What happens if transport is late again? <b>&amp;</b>", "carer", ContributionKind.QUESTION),
        ("الرعاية تبدأ بالاستماع 😀", "", ContributionKind.CONCERN),
    ]
    for text, who, kind in said:
        capture.text.setText(text)
        capture.who.setText(who)
        capture.kinds.button(list(ContributionKind).index(kind)).setChecked(True)
        capture.capture()
    shot("12-since-last-time")
    run.deck.draw()
    run.tools.setCurrentIndex(0)
    shot("6-run-view")
    run.tools.setCurrentWidget(run.balance)
    shot("7-run-balance")
    window.open_room_view()
    room = window.room_view
    room.resize(window.size())
    room.show()
    QApplication.processEvents()
    shot("8-room-view", room)
    from datetime import datetime, timedelta

    from coprod_desktop.domain.clock import StoppedClock

    started = datetime.fromisoformat(archive.agenda(planned.id)[0].actual_start)
    for minutes, name in ((8.5, "amber"), (13, "red")):
        window.context.clock = StoppedClock(started + timedelta(minutes=minutes))
        run.tick()
        room.tick()
        shot(f"9-timer-{name}", run)
        shot(f"9-room-{name}", room)
    room.close()
    loop_screens(window, archive, planned, run, shot)


def loop_screens(window, archive, planned, run, shot) -> None:
    """Self-check at the end, outcomes, "you said, we did" and search."""
    from coprod_desktop.domain.records import Outcome, OutcomeEvidence
    from coprod_desktop.domain.values import LadderRung, TokenismCheck
    from coprod_desktop.ui.dialogs import simple
    from coprod_desktop.ui.dialogs.loop_view import LoopView
    from coprod_desktop.ui.dialogs.search import SearchDialog

    simple.Confirm.ask = classmethod(lambda cls, *a, **k: True)
    run.end()
    panel = run.self_check
    for rung, n in ((LadderRung.CONSULTATION, 1), (LadderRung.ENGAGEMENT, 3), (LadderRung.CO_DESIGN, 4)):
        panel.hands[rung].setValue(n)
    panel.checks[TokenismCheck.CONSTRAINTS_EXPLAINED]["yes"].click()
    panel.checks[TokenismCheck.PRESSED_TO_SHARE]["no"].click()
    shot("13-self-check")
    outcome = archive.add(Outcome(planned.group_id, "Carers know who is bringing someone home, and when"))
    archive.add(OutcomeEvidence(outcome.id, "Three carers on Ward 7 were rung the day before", planned.id))
    window.select(planned.group_id)
    window.group_page.tabs.setCurrentIndex(1)
    shot("14-outcomes")
    view = LoopView(window, archive, archive.find(type(window.archive.groups()[0]), planned.group_id))
    view.show()
    shot("15-you-said-we-did", view)
    view.close()
    search = SearchDialog(window, archive)
    search.box.setText("checklist Welsh")
    search.run_search()
    search.show()
    shot("16-search", search)
    search.close()


def export_screens(window, archive, group, shot) -> None:
    """The Export dialog and the preview of a closed session's summary."""
    from coprod_desktop.app.export import build, gather
    from coprod_desktop.ui.dialogs.export import ExportDialog, PreviewDialog

    closed = [s for s in archive.sessions(group.id) if s.state.value == "closed"][0]
    dialog = ExportDialog(window, archive.path, closed, Path(tempfile.gettempdir()))
    dialog.show()
    shot("10-export-dialog", dialog)
    preview = PreviewDialog(window, build(gather(archive, closed.id), dialog.options()), closed.title)
    preview.show()
    shot("11-preview", preview)
    preview.close()
    dialog.close()


def main() -> None:
    out = Path(sys.argv[1])
    size = sys.argv[2] if len(sys.argv) > 2 else "1366x768"
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.app import make_application
    from coprod_desktop.ui.main_window import MainWindow

    app = make_application()
    archive = Archive.open(tmp / "screens.sqlite")
    group = add_sample_group(archive, date.today())
    from coprod_desktop.domain.records import Participant

    first = archive.participants(group.id)[0]
    archive.update(Participant, first.id, preferred_name="مريم Gwŷn ŵ 😀 <b>&amp;")
    window = MainWindow(archive)
    window.resize(width, height)
    window.show()
    shots = []

    def shot(name, widget=None):
        app.processEvents()
        path = out / f"{name}-{size}.png"
        (widget or window).grab().save(str(path))
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
        window.message_bar.hide()
        live_screens(window, archive, planned, shot)
        window.tree.setCurrentIndex(window.tree.model().index(-1, -1))
        window.pages.setCurrentWidget(window.empty_page)
        shot("5-empty")
        export_screens(window, archive, group, shot)
        for p in shots:
            print(p)
        app.quit()

    QTimer.singleShot(300, run)
    app.exec()


if __name__ == "__main__":
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())
    main()
