"""The room view's phone corner fits whatever projector it is on: every line of a revealed
fist of five (the longest round), in one language or both, lies inside the corner, the card
keeps the height its words need, and the ground rules give way to the round and come back
when the facilitator takes its answers off the room view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coprod_desktop.domain.values import RoundKind
from tests.phone_client import Phone

from .test_phones import open_to_phones, qr_address

SIZES = [(800, 600), (1024, 600), (1280, 720), (1920, 1080)]


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _revealed_fist_of_five(qtbot, window, run):
    panel = open_to_phones(qtbot, run)
    box = panel.rounds
    box.kind.setCurrentIndex(box.kind.findData(RoundKind.FIST_OF_FIVE.value))
    box.question.setText("How well does the new discharge leaflet work for you and your family? ✋ — ŵ")
    box.open_round()
    for finger in "012345":
        assert Phone(panel.door.join_url).answer(box.current.id, finger).status == 200
    qtbot.waitUntil(lambda: "6 answers so far" in box.state.text(), timeout=3000)
    box.close_round()
    box.reveal()
    window.open_room_view()
    return window.room_view


def _inside(corner) -> list[str]:
    """What of the corner is cut off: a label out of its bounds, or shorter than its words."""
    cut = []
    for label in (corner.qr, corner.join, corner.round):
        if not label.isVisibleTo(corner):
            continue
        g = label.geometry()
        if g.top() < 0 or g.bottom() >= corner.height() or g.right() >= corner.width():
            cut.append(f"{label.accessibleName() or label.text()[:20]!r} at {g.getRect()} in {corner.size()}")
        if label is not corner.qr and g.height() < label.heightForWidth(g.width()):
            cut.append(f"{label.text()[:20]!r} is {g.height()} px, needs {label.heightForWidth(g.width())}")
    return cut


@pytest.mark.parametrize("both", [False, True], ids=["one language", "both languages"])
def test_a_revealed_fist_of_five_fits_on_every_projector(qtbot, running, both):
    window, run, _session, _people = running
    room = _revealed_fist_of_five(qtbot, window, run)
    if both:
        room.toggle_languages()
    corner = room.phones
    for width, height in SIZES:
        room.resize(width, height)
        room.show()
        _settle()
        assert "5 — I fully support it: 1" in corner.round.text()
        assert _inside(corner) == [], (width, height)
        assert corner.qr.pixmap().height() >= 72 and qr_address(corner.qr) == run.phones.door.join_url
        card = room.card
        assert card.height() >= card.heightForWidth(card.width()), f"the card is squeezed at {width}×{height}"
    assert corner.round.font().pixelSize() > 20  # on a big screen the words grow with it


def test_the_ground_rules_give_way_to_a_round_and_come_back(qtbot, running):
    window, run, _session, _people = running
    window.open_room_view()
    room = window.room_view
    room.resize(1024, 600)
    room.show()
    _settle()
    assert room.rules.isVisible()
    room.close()
    room = _revealed_fist_of_five(qtbot, window, run)
    room.resize(1024, 600)
    room.show()
    _settle()
    assert not room.rules.isVisible() and room.phones.round.isVisible()
    box = run.phones.rounds
    assert box.take_off_button.isEnabled()
    box.take_off_button.click()  # the facilitator takes the answers off the projector
    _settle()
    assert room.rules.isVisible() and not room.phones.round.isVisible() and room.phones.qr.isVisible()
    assert not box.take_off_button.isEnabled() and "5 — I fully support it: 1" in box.state.text()
    box.open_round()  # the next round shows as it opens, and the rules give way again
    _settle()
    assert room.phones.round.isVisible() and not room.rules.isVisible()


def test_the_phones_tab_fits_a_small_screen_without_scrolling_sideways(qtbot, running):
    from PySide6.QtWidgets import QScrollArea

    window, run, _session, _people = running
    window.resize(1024, 600)
    panel = open_to_phones(qtbot, run)
    _settle()
    area = panel.parent()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parent()
    assert area is not None and area.horizontalScrollBar().maximum() == 0
    assert panel.url.text() == panel.door.join_url and qr_address(panel.qr) == panel.door.join_url
    assert panel.auto.box.accessibleName() == "Put what phones send straight into the record"
    qtbot.mouseClick(panel.auto.words, Qt.LeftButton)  # the words tick the box, as a check box's do
    assert panel.auto.isChecked() and panel.door.auto_accept
