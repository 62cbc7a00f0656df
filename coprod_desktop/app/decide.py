"""Deciding: a decision recorded or corrected, an action drafted (due in four weeks by
default) or corrected. The dialogs gather the words; these make the steps."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, EditRecord
from coprod_desktop.domain.records import Action, Decision
from coprod_desktop.language import _

DUE_IN = timedelta(weeks=4)


def blank_action(context: Context, session_id: str, decision_id: str | None = None) -> Action:
    return Action(session_id, "", due_date=context.clock.today() + DUE_IN, decision_id=decision_id)


def record(made: Decision | Action) -> AddRecord:
    return AddRecord(made, _("Record decision") if isinstance(made, Decision) else _("Record action"))


def correct(before: Any, after: Any) -> EditRecord | None:
    """The step that turns ``before`` into ``after`` (the same record, edited); None if
    nothing changed."""
    new = {
        f.name: getattr(after, f.name)
        for f in dataclasses.fields(after)
        if getattr(before, f.name) != getattr(after, f.name)
    }
    if not new:
        return None
    old = {k: getattr(before, k) for k in new}
    text = _("Edit decision") if isinstance(before, Decision) else _("Edit action")
    return EditRecord(type(before), before.id, old, new, text)
