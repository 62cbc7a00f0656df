"""Part of MainWindow: locking (Ctrl+L, and after the idle time the facilitator sets), the
passphrase, the recovery sheet, and a decrypted copy for the facilitator's own tools."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QToolBar

from coprod_desktop.app import remembered
from coprod_desktop.language import _
from coprod_desktop.storage import ArchiveError

INPUT_EVENTS = frozenset({QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel, QEvent.TouchBegin})


class IdleWatch(QObject):
    """When a person last pressed a key or moved the mouse anywhere in the app."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.last_input = time.monotonic()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_input


class WindowProtection:
    def _make_protection_actions(self, menu) -> None:
        menu.addSeparator()
        self.lock_action = self._action(
            menu, _("&Lock"), "Ctrl+L", self.lock, _("Hide everything until the passphrase is typed again")
        )
        self._action(menu, _("Lock when &idle for…"), None, self.choose_idle_lock)
        self._action(menu, _("Change the &passphrase…"), None, self.change_passphrase)
        self.remember_action = self._action(menu, _("Re&member the passphrase on this laptop"), None, self.remember_key)
        self.remember_action.setCheckable(True)
        self.remember_action.setChecked(self._remembers())
        self._action(menu, _("Save the &recovery sheet…"), None, self.save_recovery_sheet)
        self._action(menu, _("Save a &decrypted copy…"), None, self.save_decrypted_copy)
        self.lock_screen = None
        self._hidden_while_locked: list = []
        self._focus_before_lock = None
        self.idle = IdleWatch(self)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(15_000)
        self.idle_timer.timeout.connect(self.lock_if_idle)
        self.idle_timer.start()

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def lock_if_idle(self) -> None:
        minutes = self.settings.lock_after_minutes
        if not minutes or self.locked or not self.archive.encrypted or QApplication.activeModalWidget():
            return
        if self.idle.idle_seconds() >= minutes * 60:
            self.lock()

    def lock(self) -> None:
        from coprod_desktop.ui.lock_screen import LockScreen

        if self.locked:
            return
        if not self.archive.encrypted:
            self.hub.notice.emit(
                _("This archive is not encrypted, so it cannot be locked. Encrypt it at the next start.")
            )
            return
        self.undoable.commit_cell_being_edited()
        self._focus_before_lock = QApplication.focusWidget()
        self._hidden_while_locked = [
            (a, a.isEnabled()) for a in self.findChildren(QAction) if a is not self.lock_action
        ]
        for action, _enabled in self._hidden_while_locked:
            action.setEnabled(False)
        for bar in (self.menuBar(), *self.findChildren(QToolBar)):
            bar.setVisible(False)
        self._central = self.takeCentralWidget()
        self.lock_screen = LockScreen(self.archive.path.name if self.archive.path else "")
        self.lock_screen.unlockRequested.connect(self.unlock)
        self.setCentralWidget(self.lock_screen)
        self.lock_screen.edit.setFocus()
        self.statusBar().clearMessage()
        if self.room_view is not None:
            self.room_view.set_locked(True)

    def unlock(self, passphrase: str) -> bool:
        from coprod_desktop.app.protection import unlocks

        if not self.locked:
            return True
        if not unlocks(self.archive, passphrase):
            self.lock_screen.refuse()
            return False
        self.lock_screen = None
        self.setCentralWidget(self._central)  # the lock screen goes (deleteLater)
        self._central.show()
        for action, enabled in self._hidden_while_locked:
            action.setEnabled(enabled)
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        for bar in (self.menuBar(), *self.findChildren(QToolBar)):
            bar.setVisible(True)
        if self.room_view is not None:
            self.room_view.set_locked(False)
        self.idle.last_input = time.monotonic()
        try:
            if self._focus_before_lock is not None and self._focus_before_lock.isVisible():
                self._focus_before_lock.setFocus()
        except RuntimeError:  # that widget has gone meanwhile
            pass
        return True

    def choose_idle_lock(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self, _("Lock when idle"), _("Lock after this many minutes with no key pressed (0: never):"),
            self.settings.lock_after_minutes, 0, 240,
        )  # fmt: skip
        if ok:
            self.settings.lock_after_minutes = minutes

    def change_passphrase(self) -> None:
        from coprod_desktop.app.protection import WeakPassphrase
        from coprod_desktop.app.protection import change_passphrase as change
        from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog
        from coprod_desktop.ui.opening import RecoverySheet

        if not self.archive.encrypted:
            self.hub.notice.emit(
                _("This archive is not encrypted, so it has no passphrase. Encrypt it at the next start.")
            )
            return
        chosen = NewPassphraseDialog.ask(
            self, _("The archive will be encrypted again under the new passphrase; the old one stops working.")
        )
        if chosen is None:
            return
        self.phone_door.close()  # its writer holds the old key
        try:
            change(self.archive, chosen)
        except (WeakPassphrase, ArchiveError) as error:
            self.hub.failed.emit(_("The passphrase was not changed"), str(error))
            return
        if self._remembers():
            remembered.remember(self.archive)  # the key the keyring holds has changed with it
        self.hub.notice.emit(_("The passphrase is changed. The old recovery sheet no longer works: save the new one."))
        RecoverySheet.offer(self, self.archive)

    def _remembers(self) -> bool:
        path = self.archive.path
        return bool(path and self.archive.encrypted and self.settings.remembers_key(remembered.account(path)))

    def remember_key(self, on: bool) -> None:
        """Keep the key in this laptop's keyring, or take it out (the menu's tick)."""
        from coprod_desktop.ui.opening import remember_on_this_laptop

        if not self.archive.encrypted or self.archive.path is None:
            self.remember_action.setChecked(False)
            self.hub.notice.emit(_("This archive is not encrypted, so there is no passphrase to remember."))
            return
        if on:
            kept = remember_on_this_laptop(self.archive, self.settings, self)
            self.remember_action.setChecked(kept)
            if kept:
                self.hub.notice.emit(_("Remembered on this laptop: it opens without asking. Ctrl+L still locks it."))
            return
        remembered.forget(self.archive.path)
        self.settings.set_remembers_key(remembered.account(self.archive.path), False)
        self.hub.notice.emit(_("Forgotten on this laptop: the passphrase is asked at every start."))

    def save_recovery_sheet(self) -> None:
        from coprod_desktop.ui.opening import RecoverySheet

        if self.archive.encrypted:
            RecoverySheet.save(self, self.archive)
        else:
            self.hub.notice.emit(_("This archive is not encrypted, so it has no recovery key."))

    def save_decrypted_copy(self) -> None:
        box = QMessageBox(
            QMessageBox.Warning,
            _("Save a decrypted copy"),
            _(
                "The copy is not encrypted: whoever has it can read every name, support need and story in it. "
                "Keep it only as long as you need it, then delete it."
            ),
            QMessageBox.Cancel,
            self,
        )
        go = box.addButton(_("Choose where…"), QMessageBox.AcceptRole)
        box.exec()
        if box.clickedButton() is not go:
            return
        out, _chosen = QFileDialog.getSaveFileName(self, _("Save a decrypted copy"), "", "SQLite (*.sqlite *.db)")
        if not out:
            return
        try:
            made = self.archive.decrypted_copy(out)
        except ArchiveError as error:
            self.hub.failed.emit(_("No copy was saved"), str(error))
            return
        self.hub.notice.emit(
            _("Saved a decrypted copy at {path}. Delete it when you are done with it.").format(path=made)
        )
