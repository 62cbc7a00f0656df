"""Who said something, and how they may be shown.

A contribution is attributed to a participant present, to a role only, or to
no one. In anything a room or a reader sees, a person appears by name only if
they chose to be named *and* names are switched on; otherwise by role, and a
person who chose "not at all" is never more than anonymous.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_desktop.domain.values import Role, ShownInPrint

ANONYMOUS = "Anonymous"


@dataclass(frozen=True)
class Who:
    participant_id: str | None = None
    role: Role | None = None
    label: str = ANONYMOUS  # what the facilitator sees

    @property
    def anonymous(self) -> bool:
        return self.participant_id is None and self.role is None


def choices(present: Sequence) -> list[Who]:
    """Numbered people present, then each role alone, then anonymous."""
    people = [
        Who(p.id, p.roles[0] if p.roles else None, f"{n} {p.preferred_name}") for n, p in enumerate(present, start=1)
    ]
    roles = [Who(None, role, f"{role.label} (role only)") for role in Role]
    return [*people, *roles, Who()]


def resolve(text: str, present: Sequence) -> Who | None:
    """The attribution meant by what was typed: a number, part of a name or a role; None if unclear."""
    typed = text.strip().casefold()
    options = choices(present)
    if not typed or typed in ("anon", "anonymous", "-", "0"):
        return Who()
    if typed.isdecimal():  # not isdigit(): "²" (a key on AZERTY keyboards) is a digit int() refuses
        index = int(typed)
        return options[index - 1] if 1 <= index <= len(present) else None
    exact = [w for w in options if w.label.casefold() == typed]
    exact += [w for w, p in zip(options, present) if p.preferred_name.casefold() == typed]
    if len(exact) == 1 or (exact and all(w == exact[0] for w in exact)):
        return exact[0]
    people = [w for w, p in zip(options, present) if typed in p.preferred_name.casefold()]
    if len(people) == 1:
        return people[0]
    if people:
        return None
    roles = [w for w in options[len(present) : -1] if w.role.label.casefold().startswith(typed)]
    return roles[0] if len(roles) == 1 else None


def quote_allowed_by_default(person) -> bool:
    """Quotes are opt-in: on only for someone who chose to be named."""
    return person is not None and person.shown_in_print is ShownInPrint.BY_NAME


def public_label(contribution, person, *, names_on: bool) -> str:
    """How a contribution's speaker is shown to the room or in print."""
    if person is not None and person.shown_in_print is ShownInPrint.NOT_AT_ALL:
        return ANONYMOUS
    if person is not None and names_on and person.shown_in_print is ShownInPrint.BY_NAME:
        return person.preferred_name
    role = contribution.role or (person.roles[0] if person is not None and person.roles else None)
    return role.label if role else ANONYMOUS


def owner_in_words(action, people_by_id) -> str:
    """Who owns an action, for the facilitator's own screens (print uses reports.common.owner_label)."""
    person = people_by_id.get(action.owner_participant_id)
    if person is not None:
        return person.preferred_name
    if action.owner_role:
        return f"{action.owner_role.label} (role)"
    return action.owner or "no owner yet"
