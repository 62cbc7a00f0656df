from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.values import RuleOrigin
from coprod_desktop.language import N_, _, pgettext
from coprod_desktop.ui.models.ordered import OrderedRecordsModel


class RulesModel(OrderedRecordsModel):
    headers = (N_("Ground rule"), "From")  # "From" has a sense of its own: see headerData
    editable_columns = {0: "text"}

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt's name
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and section == 1:
            return pgettext("where a ground rule came from", "From")
        return super().headerData(section, orientation, role)

    def cell(self, rule, row, column, role):
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            if column == 0:
                return rule.text if role != Qt.DisplayRole else f"{row + 1}. {rule.text}"
            return _("Library") if rule.origin is RuleOrigin.LIBRARY else _("Group's own")
        return None
