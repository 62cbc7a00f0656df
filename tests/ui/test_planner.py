"""The planner driven as a facilitator would: keyboard, clicks, undo."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget

from coprod_desktop.domain.records import AgendaItem, GroundRule, Group, Session
from coprod_desktop.domain.values import Role, ShownInPrint
from coprod_desktop.storage import Archive
from coprod_desktop.ui.dialogs.simple import Confirm
from coprod_desktop.ui.models.agenda import MINUTES, TITLE

from .conftest import MIXED, RTL, WELSH, select_all_and_type, type_text


def dump(archive):
    tables = [t for t in archive.db.table_names() if not t.startswith("_") and "_fts" not in t]
    return {t: sorted(map(repr, archive.db[t].rows)) for t in tables}


def make_session(qtbot, window):
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.selected()[0] == "group"
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    kind, session_id = window.selected()
    assert kind == "session"
    return window.archive.get(Session, session_id)


def test_create_group_and_session_by_keyboard_with_any_script(qtbot, window, archive_path):
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    select_all_and_type(window.group_page.name, MIXED)
    group = window.archive.groups()[0]
    assert group.name == MIXED
    assert window.tree_model.find(group.id).text() == MIXED

    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    details = window.session_page.details
    assert QApplication.focusWidget() is details.title
    select_all_and_type(details.title, f"Sesiwn {WELSH}")
    type_text(details.purpose, f"Clywed {RTL}\nline two")
    type_text(details.place, "Neuadd & <Hall>")
    session = window.archive.sessions()[0]
    assert (session.title, session.purpose, session.place) == (
        f"Sesiwn {WELSH}",
        f"Clywed {RTL}\nline two",
        "Neuadd & <Hall>",
    )
    assert f"Sesiwn {WELSH}" in window.tree_model.find(session.id).text()

    # The archive on disk has it, read by a fresh connection.
    again = Archive.open(archive_path)
    try:
        assert again.get(Session, session.id).title == f"Sesiwn {WELSH}"
        assert again.get(Group, group.id).name == MIXED
    finally:
        again.close()


def test_typing_undoes_as_one_step_and_redoes(qtbot, window):
    session = make_session(qtbot, window)
    title = window.session_page.details.title
    select_all_and_type(title, "Carers' day")
    assert window.archive.get(Session, session.id).title == "Carers' day"
    window.undo_action.trigger()
    assert window.archive.get(Session, session.id).title == "New session"
    assert title.text() == "New session"
    window.redo_action.trigger()
    assert window.archive.get(Session, session.id).title == "Carers' day"
    assert title.text() == "Carers' day"


def agenda_titles(window, session_id):
    return [i.title for i in window.archive.agenda(session_id)]


def test_agenda_add_edit_reorder_by_keyboard_and_drag(qtbot, window):
    session = make_session(qtbot, window)
    page = window.session_page
    page.tabs.setCurrentWidget(page.agenda)
    tab = page.agenda
    tab.view.setFocus()
    for name, minutes in [("Welcome", 10), ("Stories", 45), ("Ideas ✨", 30)]:
        qtbot.keyClick(tab.view, Qt.Key_Insert)
        index = tab.view.currentIndex()
        tab.model.setData(index.siblingAtColumn(TITLE), name)
        tab.model.setData(index.siblingAtColumn(MINUTES), minutes)
    assert agenda_titles(window, session.id) == ["Welcome", "Stories", "Ideas ✨"]
    assert tab.total.text() == "Planned 85 of 120 minutes · 35 to spare"
    assert [tab.model.index(r, 0).data() for r in range(3)] == ["10:00", "10:10", "10:55"]

    # Keyboard: Alt+Up moves the selected item up.
    tab.view.setCurrentIndex(tab.model.index(2, TITLE))
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key_Up, Qt.AltModifier)
    assert agenda_titles(window, session.id) == ["Welcome", "Ideas ✨", "Stories"]
    assert tab.view.currentIndex().row() == 1

    # Drag: the first row dropped at the end.
    mime = tab.model.mimeData([tab.model.index(0, TITLE)])
    tab.model.dropMimeData(mime, Qt.MoveAction, 3, 0, tab.view.rootIndex())
    assert agenda_titles(window, session.id) == ["Ideas ✨", "Stories", "Welcome"]

    window.undo_action.trigger()
    assert agenda_titles(window, session.id) == ["Welcome", "Ideas ✨", "Stories"]

    # Over-length agenda is flagged.
    tab.model.setData(tab.model.index(0, MINUTES), 100)
    assert "over" in tab.total.text()


def test_agenda_notes_are_saved_per_item(qtbot, window):
    session = make_session(qtbot, window)
    tab = window.session_page.agenda
    window.session_page.tabs.setCurrentWidget(tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key_Insert)
    type_text(tab.notes, "Bring the checklist ŵ")
    assert window.archive.agenda(session.id)[0].notes == "Bring the checklist ŵ"


def test_ground_rules_from_library_and_the_groups_own(qtbot, window):
    session = make_session(qtbot, window)
    tab = window.session_page.rules
    window.session_page.tabs.setCurrentWidget(tab)
    tab.library.setCurrentRow(2)
    tab.library.setFocus()
    qtbot.keyClick(tab.library, Qt.Key_Return)
    type_text(tab.own, f"Te a bara brith {WELSH}")
    qtbot.keyClick(tab.own, Qt.Key_Return)
    rules = window.archive.ground_rules(session.id)
    assert [r.origin.value for r in rules] == ["library", "group"]
    assert rules[1].text == f"Te a bara brith {WELSH}" and tab.own.text() == ""
    # The same library rule is not added twice.
    tab.library.setFocus()
    qtbot.keyClick(tab.library, Qt.Key_Return)
    assert len(window.archive.ground_rules(session.id)) == 2
    # Reorder by keyboard.
    tab.view.setCurrentIndex(tab.model.index(1, 0))
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key_Up, Qt.AltModifier)
    assert window.archive.ground_rules(session.id)[0].text.startswith("Te a bara")
    # "Add all" is one undo step.
    tab.add_all_defaults()
    count = len(window.archive.ground_rules(session.id))
    assert count == 2 + tab.library.count() - 1
    window.undo_action.trigger()
    assert len(window.archive.ground_rules(session.id)) == 2


def test_participants_roster_and_attendance(qtbot, window):
    session = make_session(qtbot, window)
    page = window.session_page
    page.tabs.setCurrentWidget(page.people)
    panel = page.people
    panel.add_person()
    form = panel.form
    assert QApplication.focusWidget() is form.name
    select_all_and_type(form.name, RTL)
    type_text(form.pronouns, "hi/hen")
    for box in (form.roles[Role.CARER], form.roles[Role.PROFESSIONAL], form.needs["bsl"]):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key_Space)
    form.shown_in_print.activated.emit(form.shown_in_print.findData(ShownInPrint.BY_NAME))
    type_text(form.consent_notes, "Told about the archive & withdrawal")
    person = window.archive.participants(session.group_id)[0]
    assert person.preferred_name == RTL and person.pronouns == "hi/hen"
    assert person.roles == (Role.CARER, Role.PROFESSIONAL)
    assert person.support_needs == ("bsl",)
    assert person.shown_in_print is ShownInPrint.BY_NAME
    assert person.consent_notes == "Told about the archive & withdrawal"

    here = panel.model.index(0, 0)
    panel.model.setData(here, Qt.Checked.value, Qt.CheckStateRole)
    assert window.archive.attending(session.id) == {person.id}
    assert panel.count.text() == "1 of 1 here"
    window.undo_action.trigger()
    assert window.archive.attending(session.id) == frozenset()


def test_delete_then_undo_restores_exactly(qtbot, window, monkeypatch):
    window.add_sample_group()
    before = dump(window.archive)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    group = window.archive.groups()[0]
    session = window.archive.sessions(group.id)[1]

    # A session, from the tree with the Delete key.
    window.select(session.id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_Delete)
    assert window.archive.find(Session, session.id) is None
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert dump(window.archive) == before
    assert window.selected() == ("session", session.id)

    # An agenda item, a ground rule and a participant from their lists.
    page = window.session_page
    for tab, kind in ((page.agenda, AgendaItem), (page.rules, GroundRule)):
        page.tabs.setCurrentWidget(tab)
        tab.view.setCurrentIndex(tab.model.index(1, 0))
        tab.view.setFocus()
        qtbot.keyClick(tab.view, Qt.Key_Delete)
        assert tab.model.rowCount() == len(tab.model.records)
        assert dump(window.archive) != before
        window.undo_action.trigger()
        assert dump(window.archive) == before, kind
    page.people.view.setCurrentIndex(page.people.model.index(0, 1))
    page.people.remove_current()
    window.undo_action.trigger()
    assert dump(window.archive) == before

    # The whole group, in the list of groups' own history: then redo and undo again.
    window.select(group.id)
    window.delete_selected()
    assert window.archive.groups() == []
    window.undo_action.trigger()  # nothing else is on screen: the list of groups is
    assert dump(window.archive) == before
    assert window.selected() == ("group", group.id)
    window.redo_groups_action.trigger()
    assert window.archive.groups() == []
    window.undo_groups_action.trigger()
    assert dump(window.archive) == before


def test_declining_the_confirmation_deletes_nothing(qtbot, window, monkeypatch):
    make_session(qtbot, window)
    before = dump(window.archive)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: False))
    window.delete_selected()
    assert dump(window.archive) == before


def test_a_failed_save_is_shown_and_keeps_data(qtbot, window):
    session = make_session(qtbot, window)
    archive = window.archive
    pages = archive.db.execute("PRAGMA page_count").fetchone()[0]
    archive.db.execute(f"PRAGMA max_page_count = {pages}")
    purpose = window.session_page.details.purpose
    for _ in range(9000):  # each key is saved: typed until the pages left are used up
        type_text(purpose, "x")
        if window.message_bar.text():
            break
    assert "disk is full" in window.message_bar.text()
    archive.db.execute("PRAGMA max_page_count = 1000000")
    assert archive.get(Session, session.id).title == "New session"
    assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_too_long_text_is_refused_with_a_message(qtbot, window):
    session = make_session(qtbot, window)
    purpose = window.session_page.details.purpose
    purpose.setPlainText("y" * 20_001)
    assert "most it can hold is 20,000" in window.message_bar.text()
    assert window.archive.get(Session, session.id).purpose == ""
    assert purpose.toPlainText() == ""  # the editor shows what is kept


def test_session_details_numbers_and_dates(qtbot, window):
    from datetime import date

    from PySide6.QtCore import QDate, QTime

    session = make_session(qtbot, window)
    details = window.session_page.details
    details.length.setValue(90)
    details.start.setTime(QTime(13, 30))
    details.date.setDate(QDate(2027, 3, 1))
    kept = window.archive.get(Session, session.id)
    assert (kept.length_minutes, kept.start_time, kept.date) == (90, "13:30", date(2027, 3, 1))
    details.date.setDate(details.date.minimumDate())
    assert window.archive.get(Session, session.id).date is None
    assert details.date.text() == "Not set"


def test_ctrl_z_in_a_saved_field_undoes_in_the_archive_too(qtbot, window):
    session = make_session(qtbot, window)
    title = window.session_page.details.title
    select_all_and_type(title, "Typed")
    qtbot.keyClick(title, Qt.Key_Z, Qt.ControlModifier)
    assert window.archive.get(Session, session.id).title == "New session"
    assert title.text() == "New session"
    qtbot.keyClick(title, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.archive.get(Session, session.id).title == "Typed" and title.text() == "Typed"


def _agenda_with_open_editor(qtbot, window):
    session = make_session(qtbot, window)
    page = window.session_page
    page.tabs.setCurrentWidget(page.agenda)
    tab = page.agenda
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key_Insert)  # adds "New item" and opens its title editor
    editor = QApplication.focusWidget()
    assert editor is not tab.view and tab.view.isAncestorOf(editor)
    editor.selectAll()
    type_text(editor, f"Welcome {WELSH}")
    return session, tab, editor


def test_a_title_being_typed_in_a_cell_is_kept_whatever_comes_next(qtbot, window):
    # Shortcuts and toolbar clicks leave the focus in the cell; the change they make used to
    # reset the table and drop the typing.
    session, tab, editor = _agenda_with_open_editor(qtbot, window)
    qtbot.keyClick(editor, Qt.Key_Insert)  # the next item
    assert [i.title for i in window.archive.agenda(session.id)] == [f"Welcome {WELSH}", "New item"]
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "Stories")
    qtbot.keyClick(editor, Qt.Key_Up, Qt.AltModifier)  # move it above "Welcome"
    assert [i.title for i in window.archive.agenda(session.id)] == ["Stories", f"Welcome {WELSH}"]
    qtbot.keyClick(tab.view, Qt.Key_Insert)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "Next steps")
    qtbot.keyClick(editor, Qt.Key_N, Qt.ControlModifier)  # a new session
    assert "Next steps" in [i.title for i in window.archive.agenda(session.id)]


def test_ctrl_z_undoes_a_saved_change_in_length_date_and_start_time(qtbot, window):
    session = make_session(qtbot, window)
    details = window.session_page.details
    details.length.setFocus()
    qtbot.keyClick(details.length, Qt.Key_Up)  # 120 -> 135, saved at once
    assert window.archive.get(Session, session.id).length_minutes == 135
    qtbot.keyClick(details.length, Qt.Key_Z, Qt.ControlModifier)  # not the spin box's own undo
    assert window.archive.get(Session, session.id).length_minutes == 120
    qtbot.keyClick(details.length, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.archive.get(Session, session.id).length_minutes == 135
    before = window.archive.get(Session, session.id).date
    details.date.setFocus()
    details.date.setCurrentSection(details.date.Section.DaySection)
    qtbot.keyClick(details.date, Qt.Key_Down)
    assert window.archive.get(Session, session.id).date != before
    qtbot.keyClick(details.date, Qt.Key_Z, Qt.ControlModifier)
    assert window.archive.get(Session, session.id).date == before
    details.start.setFocus()
    qtbot.keyClick(details.start, Qt.Key_Up)
    assert window.archive.get(Session, session.id).start_time != "10:00"
    qtbot.keyClick(details.start, Qt.Key_Z, Qt.ControlModifier)
    assert window.archive.get(Session, session.id).start_time == "10:00"


def test_ctrl_z_after_adding_the_groups_own_rule_undoes_the_add(qtbot, window):
    session = make_session(qtbot, window)
    tab = window.session_page.rules
    window.session_page.tabs.setCurrentWidget(tab)
    type_text(tab.own, "Phones on silent")
    qtbot.keyClick(tab.own, Qt.Key_Backspace)
    qtbot.keyClick(tab.own, Qt.Key_Z, Qt.ControlModifier)  # while typing: the box's own undo
    assert tab.own.text() == "Phones on silent"
    qtbot.keyClick(tab.own, Qt.Key_Return)
    assert len(window.archive.ground_rules(session.id)) == 1
    qtbot.keyClick(tab.own, Qt.Key_Z, Qt.ControlModifier)  # box empty: the add
    assert window.archive.ground_rules(session.id) == [] and tab.own.text() == ""


def test_group_tree_stays_in_archive_order_after_a_rename(qtbot, window):
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    select_all_and_type(window.group_page.name, "Beta")
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    select_all_and_type(window.group_page.name, "Alpha")
    model = window.tree_model
    shown = [model.item(r).text() for r in range(model.rowCount())]
    assert shown == [g.name for g in window.archive.groups()]


def test_deleting_a_session_leaves_its_group_selected(qtbot, window, monkeypatch):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    session = make_session(qtbot, window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_Delete)
    assert window.selected() == ("group", session.group_id)
    assert window.new_session_action.isEnabled()


def test_collapsed_group_stays_collapsed_after_a_date_change(qtbot, window):
    first = make_session(qtbot, window)
    make_session(qtbot, window)  # a second group with a session
    window.tree.collapse(window.tree_model.find(first.group_id).index())
    window.session_page.details.date.setDate(QDate(2027, 5, 1))  # in the second group
    assert not window.tree.isExpanded(window.tree_model.find(first.group_id).index())


def test_session_heading_shows_the_group_name_as_typed(qtbot, window):
    session = make_session(qtbot, window)
    window.select(session.group_id)
    select_all_and_type(window.group_page.name, "Carers <b>Cardiff</b> & co")
    window.select(session.id)
    heading = window.session_page.heading
    assert heading.textFormat() == Qt.PlainText and "<b>Cardiff</b>" in heading.text()


def test_ctrl_2_puts_the_keyboard_in_an_editable_field(qtbot, window):
    make_session(qtbot, window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_2, Qt.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is not window.session_page and focused.focusPolicy() != Qt.NoFocus


def test_space_ticks_who_is_here_from_any_column(qtbot, window):
    from coprod_desktop.ui.planner.lists import select_row

    session = make_session(qtbot, window)
    page = window.session_page
    page.tabs.setCurrentWidget(page.people)
    panel = page.people
    panel.add_person()  # leaves the cursor on the new person's Name
    person = panel.current_person()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key_Space)
    assert window.archive.attending(session.id) == {person.id}
    select_row(panel.view, panel.model.row_of(person.id), 0)  # the "Here" column itself: once, not twice
    qtbot.keyClick(panel.view, Qt.Key_Space)
    assert window.archive.attending(session.id) == frozenset()


def test_text_cleaned_as_it_is_kept_leaves_the_cursor_where_it_was(qtbot, window):
    session = make_session(qtbot, window)
    purpose = window.session_page.details.purpose
    type_text(purpose, "Hello 🙂")
    purpose.insertPlainText(" wor\x0cld")  # pasted from a PDF: the form feed is dropped when kept
    type_text(purpose, "!")
    purpose.insertPlainText(" Cafe\u0301")  # decomposed accent, as macOS pastes it: kept composed
    type_text(purpose, " ar agor")
    assert window.archive.get(Session, session.id).purpose == "Hello 🙂 world! Café ar agor"
    title = window.session_page.details.title
    select_all_and_type(title, "Day")
    title.insert("\x07 one")  # a control character in a one-line field
    type_text(title, "!")
    assert window.archive.get(Session, session.id).title == "Day one!"


def test_pasting_an_over_long_title_is_refused_with_a_message_not_cut_short(qtbot, window):
    session = make_session(qtbot, window)
    title = window.session_page.details.title
    QApplication.clipboard().setText("A" * 600 + "END")
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key_V, Qt.ControlModifier)
    assert window.archive.get(Session, session.id).title == "New session"  # not 500 A's, silently
    assert "500" in window.message_bar.text()


def test_undoing_an_edit_restores_the_archive_exactly(qtbot, window):
    make_session(qtbot, window)
    qtbot.wait(5)
    before = dump(window.archive)
    select_all_and_type(window.session_page.details.title, "Carers' day")
    window.undo_action.trigger()
    assert dump(window.archive) == before


def _alt_keys(window):
    """Alt+letter -> the visible things it would reach: menus, tabs, buttons, labelled fields."""
    import re as _re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar

    found = {}

    def add(text, where):
        match = _re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(where or text)

    for action in window.menuBar().actions():
        add(action.text(), f"menu {action.text()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i), f"tab {widget.tabText(i)}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None or isinstance(widget, QAbstractButton):
            add(widget.text(), None)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), None)
    return {key: where for key, where in found.items() if len(where) > 1}


def test_every_alt_key_on_the_planner_reaches_one_thing(qtbot, window):
    session = make_session(qtbot, window)
    page = window.session_page
    for tab in (page.details, page.agenda, page.rules, page.people):
        page.tabs.setCurrentWidget(tab)
        if tab is page.people:
            page.people.add_person()
        assert _alt_keys(window) == {}, tab
    window.select(session.group_id)
    group_page = window.group_page
    assert _alt_keys(window) == {}  # the roster, with the person selected
    group_page.tabs.setCurrentIndex(1)
    assert _alt_keys(window) == {}  # outcomes
    page.details.title.setFocus()
    window.select(session.id)
    page.tabs.setCurrentWidget(page.details)
    page.details.title.setFocus()
    qtbot.keyClick(page.details.title, Qt.Key_B, Qt.AltModifier)
    assert QApplication.focusWidget() is page.details.facilitators
