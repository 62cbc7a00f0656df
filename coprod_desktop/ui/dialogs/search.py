"""Ctrl+F: search every group and session as you type; Enter opens a result where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from coprod_desktop.domain.records import Session
from coprod_desktop.domain.wording import short_date
from coprod_desktop.language import N_, _, ngettext

HitRole = Qt.UserRole + 1
KIND_LABELS = {  # the English, marked; translated where shown
    "Contribution": N_("Said"),
    "Decision": N_("Decision"),
    "Action": N_("Action"),
    "AgendaItem": N_("Agenda item"),
    "Outcome": N_("Outcome"),
    "OutcomeEvidence": N_("Evidence"),
}


SHOWN = 20  # results listed at most


class SearchDialog(QDialog):
    opened = Signal(object)  # the SearchHit chosen

    def __init__(self, parent, archive):
        super().__init__(parent)
        self.setWindowTitle(_("Search everything"))
        self.resize(720, 520)
        self.archive = archive
        self.box = QLineEdit(placeholderText=_("Words to find in what was said, decided, planned or agreed…"))
        self.box.setAccessibleName(_("Search"))
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAccessibleName(_("Results"))
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
            if where and where.date:
                place = _("{title} ({date})").format(title=where.title, date=short_date(where.date))
            else:
                place = where.title if where else _("the group")
            kind = _(KIND_LABELS[hit.kind]) if hit.kind in KIND_LABELS else hit.kind
            item = QListWidgetItem(
                _("{kind} · {place}\n    {snippet}").format(kind=kind, place=place, snippet=hit.snippet)
            )
            item.setData(HitRole, hit)
            self.results.addItem(item)
        text = self.box.text().strip()
        if len(hits) == SHOWN:  # there may be more: say so rather than claim a total
            found = _("The best {n} matches; add a word to narrow the search").format(n=SHOWN)
        else:
            found = ngettext("{n} match, best first", "{n} matches, best first", len(hits)).format(n=len(hits))
        self.count.setText("" if not text else (found if hits else _("Nothing found.")))
        if hits:
            self.results.setCurrentRow(0)

    def retranslate(self) -> None:
        """The results and their count, again in the language now in use."""
        if self.box.text().strip():
            self.run_search()

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
