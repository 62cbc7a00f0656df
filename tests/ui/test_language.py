"""Welsh and English at any moment: View › Language switches every open window with no
restart, Qt's own buttons too, and the choice is remembered. On every screen (each planner
tab, the run view in each state, the room view) nothing of the app's own English is left
once it speaks Welsh, and switching back gives back every word as it was. Dialogs are modal
(the menu cannot be reached while one is open): each is checked made in Welsh."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListWidget

from coprod_desktop import language
from coprod_desktop.app.content import default_deck
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.language_menu import KEY, chosen_language, switch_language

from .language_checks import _texts, english_left
from .screen_checks import problems
from .test_every_screen import dialog_screens, main_window_screens


def _choose(window, code: str) -> None:
    action = next(a for a in window.language_menu.actions() if a.data() == code)
    action.trigger()
    QApplication.processEvents()


def _words(top) -> list[tuple[str, str]]:
    """What ``top`` shows, but the running clock (it moves on while the words switch)."""
    return [(where, text) for where, text in _texts(top) if text and not where.startswith("TimerLabel")]


def test_the_menu_switches_the_window_and_qt_buttons_and_is_remembered(window, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    menus = window.menuBar().actions()
    assert [a.text() for a in menus][:2] == ["&File", "&Edit"]
    _choose(window, language.WELSH)
    assert language.current() == language.WELSH
    assert [a.text() for a in menus][:4] == ["&Ffeil", "&Golygu", "Gol&wg", "&Help"]
    assert box.button(QDialogButtonBox.Ok).text() == "Iawn"
    assert box.button(QDialogButtonBox.Cancel).text() == "Canslo"
    assert window.undo_action.text().startswith("&Dadwneud")
    assert QSettings().value(KEY) == language.WELSH or window.settings.value(KEY) == language.WELSH
    assert chosen_language(window.settings) == language.WELSH  # the next start
    assert chosen_language(window.settings, "en") == language.ENGLISH  # unless asked otherwise
    _choose(window, language.ENGLISH)
    assert [a.text() for a in menus][:2] == ["&File", "&Edit"]
    assert box.button(QDialogButtonBox.Ok).text() == "OK"


def _settle() -> None:
    """Let the layouts (and what is fitted to them once laid out) finish."""
    from PySide6.QtTest import QTest

    for _ in range(3):
        QApplication.processEvents()
        QTest.qWait(10)


def _switch_and_back(name: str, top, found: dict) -> None:
    """On ``top`` as it is: to Welsh (nothing English left), then back (every word again)."""
    top.show()
    _settle()
    before = _words(top)
    switch_language(language.WELSH)
    _settle()
    if left := english_left(top):
        found[f"{name}: English left in Welsh"] = left
    switch_language(language.ENGLISH)
    _settle()
    if (after := _words(top)) != before:
        found[f"{name}: not as it was after switching back"] = sorted(set(before) ^ set(after))[:12]


def _said(found: dict) -> str:
    return "\n".join(f"{where}: {items}" for where, items in found.items())


def test_every_screen_switches_to_welsh_and_back_while_open(window, monkeypatch):
    window.resize(1024, 600)
    found: dict = {}
    for name, top in main_window_screens(window, monkeypatch):
        _switch_and_back(name, top, found)
    window.open_room_view()
    _switch_and_back("room view", window.room_view, found)
    assert not found, _said(found)


def _in_welsh(name: str, top, found: dict, *, size: bool = True) -> None:
    top.show()
    top.activateWindow()
    _settle()
    if left := english_left(top):
        found[f"{name}: English left"] = left
    for what, items in problems(top, size=size).items():
        found[f"{name}: {what}"] = items


def test_every_screen_made_in_welsh_holds_to_the_house_rules(window, monkeypatch):
    """Welsh words are longer and have their own Alt letters: each screen, made while the
    app speaks Welsh, still fits 1024×600, cuts nothing off and uses no Alt letter twice."""
    switch_language(language.WELSH)
    window.resize(1024, 600)
    found: dict = {}
    for name, top in main_window_screens(window, monkeypatch):
        _in_welsh(name, top, found)
    window.open_room_view()
    _in_welsh("room view", window.room_view, found)
    assert not found, _said(found)


def test_every_dialog_made_in_welsh_holds_to_the_house_rules(window, qtbot):
    switch_language(language.WELSH)
    found: dict = {}
    for name, dialog in dialog_screens(window):
        qtbot.addWidget(dialog)
        _in_welsh(name, dialog, found, size=True)
        dialog.close()
    assert not found, _said(found)


def test_the_english_left_check_can_fail(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from coprod_desktop.language import _

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    switch_language(language.WELSH)
    layout.addWidget(QPushButton(_("&Quit")))  # said in Welsh: fine
    layout.addWidget(QLabel("Search everything…"))  # the app's English, never translated
    layout.addWidget(QLabel("Gwenllian said: Search everything…"))  # people's words: fine
    top.show()
    assert english_left(top) == ["QLabel: 'Search everything…'"]


def _welsh_content() -> tuple[set[str], set[str]]:
    """The shipped content's English and its Welsh."""
    welsh = language.catalogue(language.WELSH)
    english, said = set(), set()
    for key, value in getattr(welsh, "_catalog", {}).items():
        if isinstance(key, str) and key.startswith("content\x04"):
            english.add(key.split("\x04", 1)[1])
            said.add(value)
    return english - said, said


def test_the_shipped_content_is_shown_in_welsh(window, monkeypatch):
    """The ground-rule library, the support needs and the prompt deck, in Welsh once the
    app speaks it (the content's words are excluded from the English-left walk, since a
    group's own words may be the same)."""
    english, welsh = _welsh_content()
    window.add_sample_group()
    group = window.archive.groups()[0]
    planned = next(s for s in window.archive.sessions(group.id) if s.state is SessionState.PLANNED)
    window.select(planned.id)
    window.show_plan()
    switch_language(language.WELSH)
    _settle()
    tabs = window.session_page.tabs
    for index in range(tabs.count()):  # each tab is made when first shown
        tabs.setCurrentIndex(index)
        _settle()
    library = [w for w in window.session_page.findChildren(QListWidget) if w.count() > 10][0]
    shown = [library.item(r).text() for r in range(library.count())]
    assert shown and not [t for t in shown if any(e in t for e in english)]
    assert sum(any(w in t for w in welsh) for t in shown) >= 10
    window.select(group.id)  # the roster: each person's support needs, by the checklist
    _settle()
    from PySide6.QtWidgets import QCheckBox

    from coprod_desktop.app.content import support_need_checklist

    needs = {box.text() for box in window.group_page.people.form.findChildren(QCheckBox)}
    for need in support_need_checklist():
        assert need.label not in needs or need.label in welsh, need.label
    assert sum(text in welsh for text in needs) >= len(support_need_checklist()) - 2
    deck = default_deck()
    from coprod_desktop.app.deck import group_deck

    cards = group_deck(window.archive, group.id)
    assert {c.text for c in cards if not c.own} <= welsh and len(deck) == len([c for c in cards if not c.own])


def test_the_sample_group_is_added_in_the_language_being_spoken(archive, today):
    from coprod_desktop.app.sample import add_sample_group

    _, welsh = _welsh_content()
    with language.speaking(language.WELSH):
        group = add_sample_group(archive, today)
    assert group.name == "Grŵp gofalwyr gadael yr ysbyty"
    planned = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    assert all(rule.text in welsh for rule in archive.ground_rules(planned.id))
    assert [i.title for i in archive.agenda(planned.id)][0] == "Croeso a rheolau sylfaenol"


def test_the_room_view_shows_one_language_or_both(window, monkeypatch):
    screens = main_window_screens(window, monkeypatch)
    for name, _top in screens:
        if name.startswith("run view (live)"):
            break
    window.open_room_view()
    room = window.room_view
    _settle()
    assert room.rules.text().startswith("Our ground rules\n")
    room.toggle_languages()  # L on the projector
    _settle()
    assert room.rules.text().startswith("Ein rheolau sylfaenol · Our ground rules\n")
    assert "Beth rydyn ni wedi'i glywed · What we have heard" in room.recent.text()
    switch_language(language.WELSH)
    _settle()
    assert room.rules.text().startswith("Ein rheolau sylfaenol · Our ground rules\n")  # Welsh first, always
    room.toggle_languages()
    _settle()
    assert room.rules.text().startswith("Ein rheolau sylfaenol\n")
