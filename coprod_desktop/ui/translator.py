"""Qt's own words in the app's language: a QTranslator that answers from the same gettext
catalogue as the rest of the app (Qt ships no Welsh; ui/qt_words.py lists what it asks)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from coprod_desktop import language


class CatalogueTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 (Qt's)
        # Qt's English when there is no Welsh (an empty answer would blank the button).
        if not context or not source_text or language.current() == language.ENGLISH:
            return source_text
        return language.catalogue(language.current()).pgettext(context, source_text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


_installed: CatalogueTranslator | None = None


def use_language(code: str) -> str:
    """Make ``code`` the app's language for Qt too: its own buttons, dates and numbers.
    Qt sends every widget a LanguageChange when a translator comes or goes, so that is done
    only when the language changes; in English there is none (Qt's words are English)."""
    global _installed
    before = language.current()
    chosen = language.set_language(code)
    QLocale.setDefault(QLocale(QLocale.Welsh if chosen == language.WELSH else QLocale.English, QLocale.UnitedKingdom))
    app = QCoreApplication.instance()
    if app is None:
        return chosen
    wanted = chosen != language.ENGLISH
    if _installed is not None and (not wanted or chosen != before):
        app.removeTranslator(_installed)
        _installed = None
    if wanted and _installed is None:
        _installed = CatalogueTranslator(app)
        app.installTranslator(_installed)
    return chosen
