"""Help › Keyboard shortcuts lists every shortcut (issue 12), each saying what it does."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from coprod_desktop.ui.live.room_view import RoomView


def test_every_shortcut_is_listed_with_what_it_does(window):
    window.add_sample_group()
    run = window.run_view  # built, as once the room is running
    for index in range(run.tools.count()):
        run.tools.page(index)
    room = RoomView(window.context, window.hub)
    expected = set()
    for root in (window, room):
        for action in root.findChildren(QAction):
            expected |= {k.toString(QKeySequence.NativeText) for k in action.shortcuts()}
        expected |= {s.key().toString(QKeySequence.NativeText) for s in root.findChildren(QShortcut)}
    room.deleteLater()
    dialog = window.shortcuts_dialog()
    listed = {keys for keys, _what, _where in dialog.rows}
    assert expected and expected <= listed, expected - listed
    assert all(what.strip() for _keys, what, _where in dialog.rows)
    assert {"F11", "G", "N"} <= listed and "Ctrl+Shift+D" in listed and "Ctrl+Y" in listed
    texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Draw a card" in texts and "Close the room view" in texts
