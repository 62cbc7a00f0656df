"""What the run view's tool panels share: the session they show and when to refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coprod_desktop.app.changes import Change


class LivePanel(QWidget):
    watches: tuple[type, ...] = ()  # record kinds whose changes this panel shows

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.archive = undoable.archive
        self.session = None
        self.present: list = []
        undoable.hub.changed.connect(self._on_changed)

    def show_session(self, session, present) -> None:
        self.session, self.present = session, present
        self.refresh()

    def refresh(self) -> None:
        if self.session is not None:
            self.fill()

    def fill(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """After a change of language: the words built from the records, again."""
        self.refresh()

    def concerns(self, change: Change) -> bool:
        return change.touches(*self.watches)

    def _on_changed(self, change: Change) -> None:
        if self.session is not None and self.concerns(change):
            self.refresh()
