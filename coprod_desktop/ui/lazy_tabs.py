"""A tab widget whose pages are built the first time they are shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QTabWidget):
    built = Signal(int, QWidget)  # index, the page just made

    def __init__(self, parent=None):
        super().__init__(parent)
        self._factories: list[tuple[str, Callable[[], QWidget]]] = []
        self._pages: dict[int, QWidget] = {}
        self.currentChanged.connect(self.page)

    def add_lazy(self, title: str, factory: Callable[[], QWidget]) -> int:
        self._factories.append((title, factory))
        return self.addTab(QWidget(), title)

    def page(self, index: int) -> QWidget:
        """The real page at ``index``, made now if it has not been yet."""
        if index not in self._pages:
            title, factory = self._factories[index]
            widget = factory()
            self._pages[index] = widget
            current = self.currentIndex()
            placeholder = self.widget(index)
            self.blockSignals(True)
            self.removeTab(index)
            self.insertTab(index, widget, title)
            self.setCurrentIndex(current)
            self.blockSignals(False)
            placeholder.deleteLater()
            self.built.emit(index, widget)
        return self._pages[index]

    def built_pages(self) -> dict[int, QWidget]:
        return dict(self._pages)
