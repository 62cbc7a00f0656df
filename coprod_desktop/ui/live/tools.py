"""The run view's tool panels (deck, decide, rules, balance, since last time, self-check),
each built the first time it is opened."""

from __future__ import annotations

from coprod_desktop.language import N_, _
from coprod_desktop.ui.lazy_tabs import LazyTabs


class RunTools(LazyTabs):
    def __init__(self, undoable, parent=None):
        super().__init__(parent, scrolled=True)
        self.undoable = undoable
        self._titles = (
            N_("&Deck"),
            N_("De&cide"),
            N_("R&ules"),
            N_("&Balance"),
            N_("Since &last time"),
            N_("Self-chec&k"),
            N_("Phones"),  # every letter of it is taken: Ctrl+Tab reaches it
        )
        factories = (self._deck, self._decide, self._rules, self._balance, self._since, self._self_check, self._phones)
        for title, factory in zip(self._titles, factories):
            self.add_lazy(_(title), factory)

    def retranslate(self) -> None:
        for index, title in enumerate(self._titles):
            self.setTabText(index, _(title))

    def _deck(self):
        from coprod_desktop.ui.live.deck_panel import DeckPanel

        return DeckPanel(self.undoable)

    def _decide(self):
        from coprod_desktop.ui.live.decide_panel import DecidePanel

        return DecidePanel(self.undoable)

    def _rules(self):
        from coprod_desktop.ui.live.rules_panel import RulesPanel

        return RulesPanel(self.undoable)

    def _balance(self):
        from coprod_desktop.ui.live.balance_panel import BalancePanel

        return BalancePanel(self.undoable)

    def _since(self):
        from coprod_desktop.ui.live.report_back_panel import ReportBackPanel

        return ReportBackPanel(self.undoable)

    def _self_check(self):
        from coprod_desktop.ui.live.self_check_panel import SelfCheckPanel

        return SelfCheckPanel(self.undoable)

    def _phones(self):
        from coprod_desktop.ui.live.phones_panel import PhonesPanel

        return PhonesPanel(self.undoable)

    deck = property(lambda self: self.page(0))
    decide = property(lambda self: self.page(1))
    rules = property(lambda self: self.page(2))
    balance = property(lambda self: self.page(3))
    since = property(lambda self: self.page(4))
    self_check = property(lambda self: self.page(5))
    phones = property(lambda self: self.page(6))

    def show_session(self, session, present) -> None:
        for widget in self.built_pages().values():
            widget.show_session(session, present)
