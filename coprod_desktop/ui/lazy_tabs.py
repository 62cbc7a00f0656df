"""A tab widget whose pages are built the first time they are shown; ``scrolled`` pages
sit in scroll areas and wrap their text, so the tabs never force the window wider than the
screen (ui/fitting.py). The pages themselves are what the methods here give and take."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from coprod_desktop.ui.fitting import let_it_fit, scrolling


class LazyTabs(QTabWidget):
    built = Signal(int, QWidget)  # index, the page just made

    def __init__(self, parent=None, *, scrolled: bool = False):
        super().__init__(parent)
        self.scrolled = scrolled
        self._factories: list[tuple[str, Callable[[], QWidget]]] = []
        self._pages: dict[int, QWidget] = {}
        self.currentChanged.connect(self.page)

    def add_lazy(self, title: str, factory: Callable[[], QWidget]) -> int:
        self._factories.append((title, factory))
        return self.addTab(QWidget(), title)

    def page(self, index: int) -> QWidget:
        """The real page at ``index``, made now if it has not been yet."""
        if index not in self._pages:
            factory = self._factories[index][1]
            title = self.tabText(index)  # as shown now: a language switch may have changed it
            widget = factory()
            self._pages[index] = widget
            holder = widget
            if self.scrolled:
                let_it_fit(widget)
                holder = scrolling(widget)
            current = self.currentIndex()
            placeholder = self.widget(index)
            self.blockSignals(True)
            self.removeTab(index)
            self.insertTab(index, holder, title)
            self.setCurrentIndex(current)
            self.blockSignals(False)
            placeholder.deleteLater()
            self.built.emit(index, widget)
        return self._pages[index]

    def built_pages(self) -> dict[int, QWidget]:
        return dict(self._pages)

    def _index_of_page(self, page: QWidget) -> int:
        return next((i for i, p in self._pages.items() if p is page), self.indexOf(page))

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        self.setCurrentIndex(self._index_of_page(page))

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        return self._pages.get(index) or super().currentWidget()
