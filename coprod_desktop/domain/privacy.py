"""Who may be named, shown by role, quoted or counted: the one place that decides.

Every output asks here: the PDFs, the room view, the balance panel, search
results, the "you said, we did" view and any export. A person is shown

- by name only if they chose "by name" (and, on the projector, only once the
  facilitator has switched names on);
- by role if they chose "role only", or chose "by name" while names are off;
- never, not even by role, if they chose "not at all": they are "Anonymous".

Words are quoted only where the contribution may be quoted *and* its speaker
did not choose "not at all". Someone no longer on the roster (or a person of
another group) is known only by what the contribution itself kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

from coprod_desktop.domain import wording
from coprod_desktop.domain.values import Role, ShownInPrint
from coprod_desktop.language import N_, _, ngettext

ANONYMOUS = N_("Anonymous")  # marked: the functions here return it translated, _(ANONYMOUS)

# An action's owner, who chose to be shown by role, or a role that owns one: whole phrases.
_ONE_IN_THE_GROUP = {
    Role.SERVICE_USER: N_("A service user in the group"),
    Role.PATIENT: N_("A patient in the group"),
    Role.CARER: N_("A carer in the group"),
    Role.PROFESSIONAL: N_("A professional in the group"),
    Role.OTHER: N_("Someone else in the group"),
}
_ALL_IN_THE_GROUP = {
    Role.SERVICE_USER: N_("Service users in the group"),
    Role.PATIENT: N_("Patients in the group"),
    Role.CARER: N_("Carers in the group"),
    Role.PROFESSIONAL: N_("Professionals in the group"),
    Role.OTHER: N_("Others in the group"),
}


def role_only(role_label: str) -> str:
    """ "Carer (role only)": someone shown by their role, or a role chosen on its own."""
    return _("{role} (role only)").format(role=role_label)


class Audience(str, Enum):
    """Who is reading: decides whether a chosen name may show."""

    PRINT = "print"  # anything printed or exported: names for those who chose them
    ROOM = "room"  # the projector: names only once switched on
    ROOM_NAMES_ON = "room_names_on"
    FACILITATOR = "facilitator"  # the facilitator's own screens: the roster's names


def choice(person: Any) -> ShownInPrint | None:
    """How ``person`` chose to be shown; None for no one (anonymous, or not on this roster).
    Someone who withdrew their consent is shown "not at all", whatever they chose before."""
    if person is None:
        return None
    if getattr(person, "withdrawn_on", None) is not None:
        return ShownInPrint.NOT_AT_ALL
    return person.shown_in_print


def names_show(audience: Audience) -> bool:
    return audience in (Audience.PRINT, Audience.ROOM_NAMES_ON, Audience.FACILITATOR)


def person(someone: Any, audience: Audience) -> str:
    """How a person on the roster is shown, outside any one contribution."""
    if audience is Audience.FACILITATOR:
        return someone.preferred_name
    chose = choice(someone)
    if chose is ShownInPrint.BY_NAME and names_show(audience):
        return someone.preferred_name
    if chose is ShownInPrint.NOT_AT_ALL or not someone.roles:
        return _(ANONYMOUS)
    return someone.roles[0].label


def speaker(contribution: Any, person: Any, audience: Audience) -> str:
    """How the speaker of ``contribution`` is shown; ``person`` is the roster's record of
    them, or None (said anonymously, by a role, or by someone no longer on the roster)."""
    if audience is Audience.FACILITATOR and person is not None:
        return person.preferred_name
    chose = choice(person)
    if chose is ShownInPrint.NOT_AT_ALL:
        return _(ANONYMOUS)
    if chose is ShownInPrint.BY_NAME and names_show(audience):
        return person.preferred_name
    role = contribution.role or (person.roles[0] if person is not None and person.roles else None)
    return role.label if role else _(ANONYMOUS)


def speaker_in(contribution: Any, people_by_id: Mapping[str, Any], audience: Audience) -> str:
    return speaker(contribution, people_by_id.get(contribution.participant_id), audience)


def may_quote(contribution: Any, person: Any) -> bool:
    """Word for word, in print (the projector: may_project)."""
    return bool(contribution.quote_allowed) and choice(person) is not ShownInPrint.NOT_AT_ALL


def may_quote_in(contribution: Any, people_by_id: Mapping[str, Any]) -> bool:
    return may_quote(contribution, people_by_id.get(contribution.participant_id))


def may_project(contribution: Any, sent_by_phone: bool) -> bool:
    """Whether the room view may show a contribution's words. Words said aloud the room has
    already heard; words typed on a phone it has not, so they go up on the screen only if
    their sender let them be quoted (the phone page says so beside the box)."""
    return not sent_by_phone or bool(contribution.quote_allowed)


def may_ever_be_quoted(person: Any) -> bool:
    """False for someone who chose "not at all": no flag makes their words printable."""
    return choice(person) is not ShownInPrint.NOT_AT_ALL


def may_post_as_themselves(person: Any) -> bool:
    """A personal code for the phones (to say something as themselves) is given only to
    someone who chose to be named; anyone else posts anonymously."""
    return choice(person) is ShownInPrint.BY_NAME


def as_sent(post: Any, person: Any) -> dict[str, Any]:
    """Who a contribution from a phone is by, as its sender chose and never more: no one,
    unless they sent it as themselves (with their personal code) and may still be named;
    then them, with their first role. Words are quoted only if they said so."""
    if post.participant_id is None or person is None or not may_post_as_themselves(person):
        return {"participant_id": None, "role": None, "quote_allowed": bool(post.quote_allowed)}
    role = person.roles[0] if person.roles else None
    return {"participant_id": person.id, "role": role, "quote_allowed": bool(post.quote_allowed)}


def quote_by_default(person: Any) -> bool:
    """Quotes are opt-in: the capture box starts with "may be quoted" on only for someone
    who chose to be named."""
    return choice(person) is ShownInPrint.BY_NAME


def owner(action: Any, people_by_id: Mapping[str, Any], audience: Audience = Audience.PRINT) -> str:
    """Who owns an action. Names are looked up, never copied, so a person who leaves the
    roster is not named by an action they once owned."""
    person = people_by_id.get(action.owner_participant_id)
    if person is not None:
        if audience is Audience.FACILITATOR:
            return person.preferred_name
        chose = choice(person)
        if chose is ShownInPrint.BY_NAME and names_show(audience):
            return person.preferred_name
        if chose is not ShownInPrint.NOT_AT_ALL and person.roles:
            return _(_ONE_IN_THE_GROUP[person.roles[0]])
        return _("A group member")
    if action.owner_role:
        if audience is Audience.FACILITATOR:
            return _("{role} (role)").format(role=action.owner_role.label)
        return _(_ALL_IN_THE_GROUP[action.owner_role])
    if action.owner:
        return action.owner
    return _("no owner yet") if audience is Audience.FACILITATOR else _("Not yet agreed")


def named(people: Iterable[Any]) -> list[str]:
    """The names that may be printed: those who chose to be named, in alphabetical order."""
    return sorted((p.preferred_name for p in people if choice(p) is ShownInPrint.BY_NAME), key=str.casefold)


def attendance_lines(present: Sequence[Any]) -> list[str]:
    """The full record's attendance: names where chosen, roles where not, and a count of
    those who asked not to be shown."""
    shown = sorted(
        (p.preferred_name if choice(p) is ShownInPrint.BY_NAME else role_only(p.roles_label))
        for p in present
        if choice(p) is not ShownInPrint.NOT_AT_ALL
    )
    hidden = sum(1 for p in present if choice(p) is ShownInPrint.NOT_AT_ALL)
    more = ngettext("{n} more who asked not to be shown", "{n} more who asked not to be shown", hidden)
    return sorted(shown, key=str.casefold) + ([more.format(n=hidden)] if hidden else [])


def support_needs_label(person: Any) -> str:
    """Whose needs these are, in the confidential support-needs section."""
    chose = choice(person)
    if chose is ShownInPrint.BY_NAME:
        return person.preferred_name
    if chose is ShownInPrint.ROLE_ONLY:
        return role_only(person.roles_label)
    return _("{role} (asked not to be named)").format(role=person.roles_label)


def role_counts(present: Iterable[Any]) -> Counter:
    """Each person counted once, by their first role. Someone who chose "not at all" is
    counted with no role, as one of the others: in a small group, "1 patient" would
    name the only patient there."""
    return Counter(Role.OTHER if choice(p) is ShownInPrint.NOT_AT_ALL or not p.roles else p.roles[0] for p in present)


def roles_in_words(present: Iterable[Any]) -> str:
    """e.g. "3 carers, 2 professionals and 1 other person"."""
    counts = role_counts(present)
    parts = [wording.role_count(r, counts[r]) for r in Role if counts[r]]
    if not parts:
        return _("No one was recorded as taking part.")
    return wording.in_a_list(parts)


def who_agreed(decision: Any, people_by_id: Mapping[str, Any]) -> str:
    """Names of those who chose to be named; everyone else as a count."""
    if decision.agreed_count is not None:
        n = decision.agreed_count
        return ngettext("{n} person agreed.", "{n} people agreed.", n).format(n=n)
    agreed = [people_by_id[i] for i in decision.agreed_by if i in people_by_id]
    if not agreed:
        return ""
    shown = sorted(p.preferred_name for p in agreed if choice(p) is ShownInPrint.BY_NAME)
    unnamed = len(agreed) - len(shown)
    if unnamed:
        shown.append(wording.others(unnamed) if shown else wording.people(unnamed))
    return _("Agreed by {who}.").format(who=wording.in_a_list(shown))


def contributions_by_role(contributions: Iterable[Any], people_by_id: Mapping[str, Any]) -> Counter:
    """How many contributions each role made, as a chart may show them; None is anonymous.
    What a "not at all" person said counts as anonymous."""
    counts: Counter = Counter()
    for c in contributions:
        person = people_by_id.get(c.participant_id)
        counts[None if choice(person) is ShownInPrint.NOT_AT_ALL else c.role] += 1
    return counts


def cleared_on_leaving(person: Any) -> dict[str, Any]:
    """What to clear on a person's contributions when they leave the roster: their words
    lose the link to them (and with it their choice), so for someone who chose "not at
    all", the role and the quote flag go too."""
    if choice(person) is ShownInPrint.NOT_AT_ALL:
        return {"role": None, "quote_allowed": False}
    return {}
