"""Typed access to the app's QSettings, with defaults (window layout, first-start offers)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter


class AppSettings(QSettings):
    def __init__(self, parent=None):
        super().__init__(QSettings.IniFormat, QSettings.UserScope, "coprod-desktop", "coprod-desktop", parent)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.setValue("window/state", value)

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self.setValue("window/splitter", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.setValue(f"splitters/{name}", state)

    @property
    def last_selected(self) -> str:
        return str(self.value("planner/last_selected", "") or "")

    @last_selected.setter
    def last_selected(self, value: str) -> None:
        self.setValue("planner/last_selected", value)

    @property
    def phones_address(self) -> str:
        """The address the room was last opened to phones on (the hotspot's)."""
        return str(self.value("phones/address", "") or "")

    @phones_address.setter
    def phones_address(self, value: str) -> None:
        self.setValue("phones/address", value)

    @property
    def lock_after_minutes(self) -> int:
        """Minutes with no key pressed before the window locks (0: never)."""
        try:
            return max(0, int(self.value("security/lock_after_minutes", 15)))
        except (TypeError, ValueError):
            return 15

    @lock_after_minutes.setter
    def lock_after_minutes(self, minutes: int) -> None:
        self.setValue("security/lock_after_minutes", int(minutes))

    def remembers_key(self, account: str) -> bool:
        """Whether the archive's key was put in the keyring (``app.remembered.account``): only
        then is the keyring looked at when it opens. The key itself is never here."""
        return str(self.value(f"security/remembered/{account}", "")) == "true"

    def set_remembers_key(self, account: str, remembered: bool) -> None:
        if remembered:
            self.setValue(f"security/remembered/{account}", "true")
        else:
            self.remove(f"security/remembered/{account}")

    def sample_offered(self, archive_path: str) -> bool:
        """Whether the sample group was already offered for this archive file."""
        offered = self.value("first_start/sample_offered", []) or []
        return archive_path in (offered if isinstance(offered, list) else [offered])

    def mark_sample_offered(self, archive_path: str) -> None:
        offered = self.value("first_start/sample_offered", []) or []
        offered = offered if isinstance(offered, list) else [offered]
        self.setValue("first_start/sample_offered", [*offered, archive_path][-20:])

    def move_old_draft(self, session_id: str, keep) -> str:
        """Earlier versions kept capture drafts here, in plain text: hand one to ``keep``
        (into the archive) and remove it from here once kept."""
        key = f"capture_drafts/{session_id}"
        draft = str(self.value(key, "") or "")
        if draft and keep(session_id, draft):
            self.remove(key)
            self.sync()
        return draft


def remembered_splitter(
    settings: AppSettings, name: str, *widgets, stretch: tuple[int, ...] = (), vertical: bool = False
) -> QSplitter:
    """A splitter holding ``widgets`` whose sizes are kept between runs under ``name``."""
    from PySide6.QtCore import Qt

    split = QSplitter(Qt.Vertical if vertical else Qt.Horizontal)
    for widget in widgets:
        split.addWidget(widget)
    for index, factor in enumerate(stretch):
        split.setStretchFactor(index, factor)
    state = settings.splitter_state(name)
    if state is not None:
        split.restoreState(state)
    split.splitterMoved.connect(lambda *_: settings.set_splitter_state(name, split.saveState()))
    return split
