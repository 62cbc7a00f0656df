"""What the run view's tool panels share: the session they show and when to refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LivePanel(QWidget):
    watches: tuple[str, ...] = ()  # record kinds whose changes this panel shows

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

    def _on_changed(self, kind: str, _record_id: str) -> None:
        if kind in self.watches or kind == "*":
            self.refresh()
