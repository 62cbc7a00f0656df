"""Starting the GUI: the QApplication, the archive (with clear dialogs when it is bad), the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from coprod_desktop import __version__
from coprod_desktop.assets import log_dir, resource
from coprod_desktop.language import _
from coprod_desktop.storage import Archive, ArchiveError, connection, key_ahead
from coprod_desktop.storage.damage import as_damage
from coprod_desktop.ui.collector import collect_on_gui_thread

log = logging.getLogger("coprod_desktop")


def _setup_logging() -> Path | None:
    """The log: readable by its owner only (0600, rotated files too). It never holds what
    people said or typed: the excepthook logs where an error happened, not its message."""
    from logging.handlers import RotatingFileHandler

    class PrivateLog(RotatingFileHandler):
        def _open(self):
            return open(
                os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a", encoding="utf-8"
            )

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "coprod-desktop.log"
        for old in folder.glob("coprod-desktop.log*"):  # from versions that made them 0644
            os.chmod(old, 0o600)
        handler = PrivateLog(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path | None) -> None:
    """Log unexpected errors and say so in a dialog, instead of dying with a traceback."""
    from coprod_desktop.ui.dialogs.simple import ErrorReport

    showing = []

    def hook(kind, value, tb):
        where = "".join(traceback.format_list(traceback.extract_tb(tb)))
        log.error(
            "unexpected error: %s (its message is left out: it may hold what was typed)\n%s", kind.__name__, where
        )
        if showing or QApplication.instance() is None:
            return
        damage = as_damage(value) if isinstance(value, Exception) else None
        if damage is not None and _tell_the_window(damage):
            return
        showing.append(True)
        try:
            ErrorReport.show(QApplication.activeWindow(), f"{kind.__name__}: {value}", str(log_path or ""))
        finally:
            showing.clear()

    sys.excepthook = hook


def _tell_the_window(damage: ArchiveError) -> bool:
    """Damage met while reading (a value the app never writes): the banner says so and stays."""
    for widget in QApplication.topLevelWidgets():
        show_failure = getattr(widget, "show_failure", None)
        if show_failure is not None:
            show_failure(damage.title, str(damage))
            return True
    return False


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("coprod-desktop")
    app.setOrganizationName("coprod-desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("coprod-desktop")
    collect_on_gui_thread(app)  # before any thread starts: garbage with widgets in it dies here
    icon = resource("icons", "coprod-desktop.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(
    archive_path: Path | str, *, quit_after_start: bool = False, passphrase: str | None = None, language=None
) -> int:
    """The window on ``archive_path``; in ``language`` if given (else the one chosen last)."""
    log_path = None if quit_after_start else _setup_logging()
    app = make_application()
    from coprod_desktop.ui.language_menu import chosen_language
    from coprod_desktop.ui.settings import AppSettings
    from coprod_desktop.ui.translator import use_language

    use_language(chosen_language(AppSettings(), language))
    archive_path = Path(archive_path)
    # Loaded before the archive opens: an encrypted archive's key is being derived on
    # another thread meanwhile (storage.key_ahead), and this is time it can use.
    from coprod_desktop.ui.main_window import MainWindow

    if key_ahead.pending():  # and if there is time left, what comes after the key, too
        connection.load_sqlcipher()
        MainWindow.load_first_page()

    if quit_after_start:
        try:
            archive = Archive.open(archive_path, passphrase=passphrase)  # as the window opens it
        except ArchiveError as error:
            print(_("coprod-desktop: {title}. {message}").format(title=error.title, message=error), file=sys.stderr)
            return 2
    else:
        install_excepthook(log_path)
        from coprod_desktop.ui.opening import open_archive_interactively

        archive = open_archive_interactively(archive_path, passphrase)
        if archive is None:
            return 1

    met: list[BaseException] = []  # a smoke test: what went wrong in a slot, said after
    if quit_after_start:
        sys.excepthook = lambda kind, value, tb: met.append(value)
        if archive.gate is not None:  # the values (and a big archive's structure), meanwhile
            threading.Thread(target=archive.gate.run, name="full-check", daemon=True).start()
    try:
        window = MainWindow(archive)
        window.remember_layout = not quit_after_start
        window.show()
        app.processEvents()
        if met:
            raise met[0]
    except Exception as error:  # a value the app never writes, met while building the window
        damage = as_damage(error, archive_path)
        archive.close()
        if damage is None:
            if not quit_after_start:
                raise
            said = _("coprod-desktop: something went wrong at start ({error}).").format(error=type(error).__name__)
            print(said, file=sys.stderr)
            return 1
        _say_damage(damage, quit_after_start)
        return 2
    for note in archive.opening_notes:  # files kept aside while opening
        if quit_after_start:
            print(_("coprod-desktop: {note}").format(note=note), file=sys.stderr)
        else:
            log.warning("%s", note)
            window.message_bar.show_problem(_("Files were kept aside"), note, lasting=True)
    app.processEvents()
    from coprod_desktop.ui.screen_fonts import add_fallback_fonts

    QTimer.singleShot(0, add_fallback_fonts)  # after the first paint: names in any script
    settle_memory()
    if quit_after_start:  # a smoke test: the rest of the check (it ran while the window was built)
        window.close()
        problem = archive.gate.run() if archive.gate is not None else None
        if problem:
            archive.close()
            print(_("coprod-desktop: The archive is damaged. {problem}").format(problem=problem), file=sys.stderr)
            return 2
        return _try_serving_phones(archive)
    QTimer.singleShot(0, archive.warm_up)  # load the write path before the first keystroke
    QTimer.singleShot(0, window.check_integrity_in_background)
    offer_sample_if_empty(window)
    offer_erasure_if_overdue(window)
    code = app.exec()
    archive.close()
    return code


def _try_serving_phones(archive) -> int:
    """The smoke test's last step: the phones' server starts (this build can start itself
    again as the server) and stops."""
    from coprod_desktop.phones.process import try_serving

    try:
        problem = try_serving(archive.path, archive.key)
    finally:
        archive.close()
    if problem:
        print(_("coprod-desktop: phones could not be served: {problem}").format(problem=problem), file=sys.stderr)
        return 1
    return 0


def _say_damage(damage: ArchiveError, quietly: bool) -> None:
    print(_("coprod-desktop: {title}. {message}").format(title=damage.title, message=damage), file=sys.stderr)
    if not quietly:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, damage.title, str(damage))


def settle_memory() -> None:
    """Once the window is up: move everything start-up made out of the collector's
    sight (gc.freeze), so that later collections in a live session walk only what
    was made since, not the whole of Qt and the app. Collection stays with the GUI
    thread's timer (ui/collector.py), never automatic."""
    gc.freeze()


def offer_sample_if_empty(window) -> None:
    from coprod_desktop.ui.dialogs.simple import SampleOffer

    archive = window.archive
    key = str(archive.path)
    if archive.groups() or window.settings.sample_offered(key):
        return
    window.settings.mark_sample_offered(key)
    if SampleOffer.ask(window):
        window.add_sample_group()


def offer_erasure_if_overdue(window) -> None:
    """The groups kept past the period their summaries promised: offered for erasure, one at
    a time, each confirmed by typing its name. Nothing goes without that."""
    from coprod_desktop.app.people_data import NameMismatch, erase_group, overdue
    from coprod_desktop.ui.dialogs.people_data import EraseDialog, KeptTooLong

    archive = window.archive
    while late := overdue(archive, window.context.clock.today()):
        group_id = KeptTooLong.ask(window, late)
        group = next((k.group for k in late if k.group.id == group_id), None)
        if group is None:
            return
        typed = EraseDialog.ask_group(window, group.name)
        if typed is None:
            return
        window.phone_door.close()  # its writer and its memory of people go first
        try:
            done = erase_group(archive, group.id, typed)
        except (NameMismatch, ArchiveError) as error:
            window.hub.failed.emit(_("Nothing was erased"), str(error))
            return
        window.undoable.forget_history()
        window.hub.announce(done.change)
        window.hub.notice.emit(_("Erased {name} and everything in it.").format(name=done.person_name))
