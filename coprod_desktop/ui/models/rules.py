from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.values import RuleOrigin
from coprod_desktop.ui.models.ordered import OrderedRecordsModel


class RulesModel(OrderedRecordsModel):
    headers = ("Ground rule", "From")
    editable_columns = {0: "text"}

    def cell(self, rule, row, column, role):
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            if column == 0:
                return rule.text if role != Qt.DisplayRole else f"{row + 1}. {rule.text}"
            return "Library" if rule.origin is RuleOrigin.LIBRARY else "Group's own"
        return None
