"""The export dialog's choice of language for a document."""

from __future__ import annotations

from coprod_desktop import language
from coprod_desktop.language import _
from coprod_desktop.reports.languages import BOTH, EACH
from coprod_desktop.ui.inputs import ComboBox


def document_language_box(each: bool) -> ComboBox:
    """Welsh, English, or both (Welsh first), and with ``each`` a copy for each person
    present in the language on their record; the app's language to start with."""
    box = ComboBox()
    box.addItem(language.NAMES[language.WELSH], language.WELSH)
    box.addItem(language.NAMES[language.ENGLISH], language.ENGLISH)
    box.addItem(_("Cymraeg and English (Welsh first)"), BOTH)
    if each:
        box.addItem(_("A copy for each person present, in the language on their record"), EACH)
    box.setCurrentIndex(box.findData(language.current()))
    box.setAccessibleName(_("Language of the document"))
    return box
