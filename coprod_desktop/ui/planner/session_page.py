from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.records import Group, Session
from coprod_desktop.language import N_, _
from coprod_desktop.ui.lazy_tabs import LazyTabs
from coprod_desktop.ui.when_shown import WhenShown


def _details(undoable):
    from coprod_desktop.ui.planner.details_tab import DetailsTab

    return DetailsTab(undoable)


def _agenda(undoable):
    from coprod_desktop.ui.planner.agenda_tab import AgendaTab

    return AgendaTab(undoable)


def _rules(undoable):
    from coprod_desktop.ui.planner.rules_tab import RulesTab

    return RulesTab(undoable)


def _people(undoable):
    from coprod_desktop.ui.planner.participants_panel import ParticipantsPanel

    return ParticipantsPanel(undoable, with_attendance=True)


class SessionPage(QWidget):
    """Planning one session: details, agenda, ground rules and who is coming.

    A tab is built the first time it is shown, so opening the app and moving
    between sessions costs only what is on screen.
    """

    runRequested = Signal()

    TABS = (
        ("details", N_("Deta&ils"), _details),
        ("agenda", N_("&Agenda"), _agenda),
        ("rules", N_("Ground &rules"), _rules),
        ("people", N_("Pe&ople"), _people),
    )
    _KEYS = [key for key, _title, _factory in TABS]
    HEADINGS = {
        "planned": N_("{group} › Planned session"),
        "live": N_("{group} › Live session"),
        "closed": N_("{group} › Closed session"),
    }
    RUN = {
        "planned": N_("Run this session ▶"),
        "live": N_("Back to the run view ▶"),
        "closed": N_("Open the run view ▶"),
    }

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.session: Session | None = None
        self.heading = QLabel()
        self.heading.setObjectName("sessionHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)  # a group name is text, never markup
        self.tabs = LazyTabs(scrolled=True)
        for _key, title, factory in self.TABS:
            self.tabs.add_lazy(_(title), lambda factory=factory: factory(undoable))
        self.tabs.built.connect(self._built)
        self.run_button = QPushButton(_(self.RUN["planned"]))
        self.run_button.setToolTip(_("Open the run view: timer, capture, deck, decisions (Ctrl+R)"))
        self.run_button.clicked.connect(self.runRequested.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        undoable.hub.changed.connect(WhenShown(self, self._on_changed))

    def tab(self, key: str) -> QWidget:
        """The tab ``key``, built (and shown the current session) on first use."""
        return self.tabs.page(self._KEYS.index(key))

    def _built(self, index: int, widget: QWidget) -> None:
        if self.session is not None:
            self._show_in(self._KEYS[index], widget)

    details = property(lambda self: self.tab("details"))
    agenda = property(lambda self: self.tab("agenda"))
    rules = property(lambda self: self.tab("rules"))
    people = property(lambda self: self.tab("people"))

    def _show_in(self, key: str, widget: QWidget) -> None:
        if key == "people":
            widget.show_group(self.session.group_id, self.session.id)
        else:
            widget.show_session(self.session)

    def show_session(self, session: Session | None) -> None:
        self.session = session
        self.tabs.page(self.tabs.currentIndex())
        for index, widget in self.tabs.built_pages().items():
            key = self._KEYS[index]
            if session is None and key == "details":
                widget.show_session(None)
            elif session is not None:
                self._show_in(key, widget)
        self._update_heading()

    def _update_heading(self) -> None:
        if self.session is None:
            self.heading.clear()
            return
        group = self.undoable.archive.find(Group, self.session.group_id)
        state = self.session.state.value
        self.heading.setText(_(self.HEADINGS[state]).format(group=group.name if group else ""))
        self.run_button.setText(_(self.RUN[state]))

    def retranslate(self) -> None:
        """The heading and the run button, built from the session, in the language now in use."""
        self._update_heading()

    def _on_changed(self, change) -> None:
        if self.session is not None and change.touches(Session, Group):
            fresh = self.undoable.archive.find(Session, self.session.id)
            if fresh is not None:
                self.session = fresh
                self._update_heading()
