from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.ui.planner.agenda_tab import AgendaTab
from coprod_desktop.ui.planner.details_tab import DetailsTab
from coprod_desktop.ui.planner.participants_panel import ParticipantsPanel
from coprod_desktop.ui.planner.rules_tab import RulesTab


class SessionPage(QWidget):
    """Planning one session: details, agenda, ground rules and who is coming."""

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.session: Session | None = None
        self.heading = QLabel()
        self.heading.setObjectName("sessionHeading")
        self.heading.setWordWrap(True)
        self.details = DetailsTab(undoable)
        self.agenda = AgendaTab(undoable)
        self.rules = RulesTab(undoable)
        self.people = ParticipantsPanel(undoable, with_attendance=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, "&Details")
        self.tabs.addTab(self.agenda, "&Agenda")
        self.tabs.addTab(self.rules, "Ground &rules")
        self.tabs.addTab(self.people, "Pe&ople")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        undoable.hub.changed.connect(self._on_changed)

    def show_session(self, session: Session | None) -> None:
        self.session = session
        self.details.show_session(session)
        if session is not None:
            self.agenda.show_session(session)
            self.rules.show_session(session)
            self.people.show_group(session.group_id, session.id)
        self._update_heading()

    def _update_heading(self) -> None:
        if self.session is None:
            self.heading.clear()
            return
        group = self.undoable.archive.find(Group, self.session.group_id)
        self.heading.setText(f"{group.name if group else ''} › {self.session.state.label} session")

    def _on_changed(self, kind: str, record_id: str) -> None:
        if self.session is not None and kind in ("Session", "Group", "*"):
            fresh = self.undoable.archive.find(Session, self.session.id)
            if fresh is not None:
                self.session = fresh
                self._update_heading()
