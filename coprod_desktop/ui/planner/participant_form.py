from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app.content import support_need_checklist
from coprod_desktop.domain.records import Participant
from coprod_desktop.domain.values import ConsentBasis, PaperLanguage, Role, ShownInPrint
from coprod_desktop.language import N_, _, pgettext
from coprod_desktop.ui.inputs import ComboBox, DateEdit
from coprod_desktop.ui.planner.record_form import RecordForm
from coprod_desktop.ui.undo_keys import LineEdit, TextEdit


def _short_text(placeholder: str) -> TextEdit:
    edit = TextEdit(placeholderText=placeholder)
    edit.setFixedHeight(64)
    return edit


class ParticipantForm(QScrollArea):
    """Everything kept about one person: who they are, what they bring, what they need, what they agreed."""

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        # Laid out in one narrow column to fit beside the roster on a 1366-wide laptop;
        # should a translation or a large font still not fit, scroll rather than clip.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.form = RecordForm(undoable, Participant, self)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.name = LineEdit(placeholderText=_("The name they want to be called"))
        self.pronouns = LineEdit(placeholderText=_("e.g. she/her, they/them (optional)"))
        self.known_as = LineEdit(placeholderText=_("Another spelling to type them by when capturing (never printed)"))
        self.organisation = LineEdit(placeholderText=_("Optional"))
        self.roles = {role: QCheckBox(role.label) for role in Role}
        self.strengths = _short_text(_("What they know, can do and care about"))
        self.networks = _short_text(_("People, services and groups they connect with"))
        self.shown_in_print = ComboBox()
        self.shown_in_print.setAccessibleName(_("How they may appear in print"))
        self.consent_basis = ComboBox()
        self.consent_basis.setAccessibleName(_("Basis for keeping their details"))
        self.language = ComboBox()
        self.language.setAccessibleName(_("Language for their papers"))
        self.consent_date = DateEdit()
        self.consent_notes = _short_text(
            _("What they were told: what is kept, who sees it, for how long, how to withdraw")
        )
        self.withdrawn_on = DateEdit()
        self.withdrawn_on.setToolTip(_('From this date they are shown "not at all" in anything printed or projected'))
        self.needs = {need.key: QCheckBox(pgettext("content", need.label)) for need in support_need_checklist()}
        self.support_notes = _short_text(_("Anything else that helps them take part fully (needs, not diagnoses)"))

        about = QFormLayout()
        about.addRow(_("&Name"), self.name)
        about.addRow(_("Prono&uns"), self.pronouns)
        about.addRow(_("Also typed as"), self.known_as)
        roles_grid = QGridLayout()
        for i, box in enumerate(self.roles.values()):
            roles_grid.addWidget(box, i // 2, i % 2)
        about.addRow(_("Roles"), roles_grid)
        about.addRow(_("Or&ganisation"), self.organisation)
        about.addRow(_("&Strengths"), self.strengths)
        about.addRow(_("Net&works"), self.networks)
        about.addRow(_("Papers in"), self.language)
        layout.addLayout(about)

        needs_box = QGroupBox(_("Support needs"))
        column = QVBoxLayout(needs_box)
        self._categories: list[tuple[QLabel, str]] = []  # each heading, and its English
        for category, needs in groupby(support_need_checklist(), key=lambda n: n.category):
            heading = QLabel()
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self._categories.append((heading, category))
            column.addWidget(heading)
            for need in needs:
                column.addWidget(self.needs[need.key])
        self._label_choices()
        notes_label = QLabel(_("Other support"))
        notes_label.setBuddy(self.support_notes)
        column.addWidget(notes_label)
        column.addWidget(self.support_notes)
        layout.addWidget(needs_box)

        consent_box = QGroupBox(_("Print and consent"))
        consent = QFormLayout(consent_box)
        consent.addRow(_("In &printed summaries"), self.shown_in_print)
        consent.addRow(_("&Basis"), self.consent_basis)
        consent.addRow(_("Re&corded on"), self.consent_date)
        consent.addRow(_("What they were &told"), self.consent_notes)
        consent.addRow(_("Consent &lapsed or withdrawn on"), self.withdrawn_on)
        layout.addWidget(consent_box)
        layout.addStretch(1)

        f = self.form
        f.line(self.name, "preferred_name", N_("Edit name"))
        f.line(self.pronouns, "pronouns", N_("Edit pronouns"))
        f.line(self.known_as, "known_as", N_("Edit another spelling"))
        f.several(self.roles, "roles", N_("Edit roles"))
        f.line(self.organisation, "organisation", N_("Edit organisation"))
        f.text(self.strengths, "strengths", N_("Edit strengths"))
        f.text(self.networks, "networks", N_("Edit networks"))
        f.several(self.needs, "support_needs", N_("Edit support needs"))
        f.text(self.support_notes, "support_notes", N_("Edit support notes"))
        f.choice(self.shown_in_print, "shown_in_print", N_("Edit how they appear in print"), ShownInPrint)
        f.choice(self.consent_basis, "consent_basis", N_("Edit basis"), ConsentBasis)
        f.choice(self.language, "language", N_("Edit the language of their papers"), PaperLanguage)
        f.day(self.consent_date, "consent_date", N_("Edit consent date"))
        f.text(self.consent_notes, "consent_notes", N_("Edit what they were told"))
        f.day(self.withdrawn_on, "withdrawn_on", N_("Edit consent withdrawn"))

    def _label_choices(self) -> None:
        """The roles, the support needs and their headings, in the language now in use."""
        for role, box in self.roles.items():
            box.setText(role.label)
        for need in support_need_checklist():
            self.needs[need.key].setText(pgettext("content", need.label))
        for heading, category in self._categories:
            heading.setText(pgettext("content", category))

    def retranslate(self) -> None:
        self._label_choices()

    def show_person(self, person: Participant | None) -> None:
        self.form.set_record(person)
