"""Who said something, as the facilitator types it: a participant present, a role
only, or no one. How they may then be shown is decided in ``privacy``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_desktop.domain.privacy import ANONYMOUS
from coprod_desktop.domain.values import Role


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
    roles = [w for w in options[len(present) : -1] if w.role and w.role.label.casefold().startswith(typed)]
    return roles[0] if len(roles) == 1 else None
