"""Ctrl+F: search every group and session as you type; Enter opens a result where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from coprod_desktop.domain.records import Session
from coprod_desktop.domain.wording import plural, short_date

HitRole = Qt.UserRole + 1
KIND_LABELS = {
    "Contribution": "Said",
    "Decision": "Decision",
    "Action": "Action",
    "AgendaItem": "Agenda item",
    "Outcome": "Outcome",
    "OutcomeEvidence": "Evidence",
}


SHOWN = 20  # results listed at most


class SearchDialog(QDialog):
    opened = Signal(object)  # the SearchHit chosen

    def __init__(self, parent, archive):
        super().__init__(parent)
        self.setWindowTitle("Search everything")
        self.resize(720, 520)
        self.archive = archive
        self.box = QLineEdit(placeholderText="Words to find in what was said, decided, planned or agreed…")
        self.box.setAccessibleName("Search")
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAccessibleName("Results")
        self.results.itemActivated.connect(self._open)
        self.count = QLabel()
        self._timer = QTimer(self, singleShot=True, interval=120)  # search once typing pauses
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

    def run_search(self) -> None:
        hits = self.archive.search(self.box.text(), limit=SHOWN)
        sessions: dict[str, Session | None] = {}
        self.results.clear()
        for hit in hits:
            if hit.session_id and hit.session_id not in sessions:
                sessions[hit.session_id] = self.archive.find(Session, hit.session_id)
            where = sessions.get(hit.session_id)
            place = (
                f"{where.title} ({short_date(where.date)})"
                if where and where.date
                else (where.title if where else "the group")
            )
            item = QListWidgetItem(f"{KIND_LABELS.get(hit.kind, hit.kind)} · {place}\n    {hit.snippet}")
            item.setData(HitRole, hit)
            self.results.addItem(item)
        text = self.box.text().strip()
        if len(hits) == SHOWN:  # there may be more: say so rather than claim a total
            found = f"The best {SHOWN} matches; add a word to narrow the search"
        else:
            found = f"{plural(len(hits), 'match', 'matches')}, best first"
        self.count.setText("" if not text else (found if hits else "Nothing found."))
        if hits:
            self.results.setCurrentRow(0)

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.results.count():
            self._open(self.results.currentItem())

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._timer.stop()  # no search after the dialog (or the archive) has gone
        super().closeEvent(event)

    def _open(self, item: QListWidgetItem) -> None:
        self.opened.emit(item.data(HitRole))
        self.accept()
