"""Who said something, as the facilitator types it: a participant present, a role
only, or no one. How they may then be shown is decided in ``privacy``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_desktop.domain.privacy import ANONYMOUS, role_only
from coprod_desktop.domain.text import fold
from coprod_desktop.domain.values import Role
from coprod_desktop.language import _


@dataclass(frozen=True)
class Who:
    participant_id: str | None = None
    role: Role | None = None
    label: str = ANONYMOUS  # what the facilitator sees: ``choices`` gives it in the language spoken

    @property
    def anonymous(self) -> bool:
        return self.participant_id is None and self.role is None


def choices(present: Sequence) -> list[Who]:
    """Numbered people present, then each role alone, then anonymous."""
    people = [
        Who(p.id, p.roles[0] if p.roles else None, f"{n} {p.preferred_name}") for n, p in enumerate(present, start=1)
    ]
    roles = [Who(None, role, role_only(role.label)) for role in Role]
    return [*people, *roles, Who(label=_(ANONYMOUS))]


def resolve(text: str, present: Sequence) -> Who | None:
    """The attribution meant by what was typed: a number, part of a name or a role; None if
    unclear (then ``candidates`` says who it could be)."""
    found = candidates(text, present)
    return found[0] if len(found) == 1 else None


def _names(person) -> list[str]:
    return [fold(n) for n in (person.preferred_name, getattr(person, "known_as", "")) if n.strip()]


def candidates(text: str, present: Sequence) -> list[Who]:
    """Everyone (or every role) what was typed could mean, best matches only: an exact name
    (as called or as typed for them) before a part of one, a person before a role. Case,
    accents and marks are ignored: "gwyr" finds Gŵyr."""
    raw, typed = text.strip(), fold(text.strip())  # folding would make "²" a "2"
    options = choices(present)
    if not typed or typed in ("anon", "anonymous", "-", "0", fold(_(ANONYMOUS))):
        return [options[-1]]
    if raw.isdecimal():  # not isdigit(): "²" (a key on AZERTY keyboards) is a digit int() refuses
        index = int(raw)
        return [options[index - 1]] if 1 <= index <= len(present) else []
    people = list(zip(options, present))
    exact = [w for w in options if fold(w.label) == typed] + [w for w, p in people if typed in _names(p)]
    if exact:
        return list(dict.fromkeys(exact))
    part = [w for w, p in people if any(typed in n for n in _names(p))]
    if part:
        return part
    return [
        w
        for w in options[len(present) : -1]
        if w.role and any(fold(label).startswith(typed) for label in (w.role.label, w.role.english))
    ]
