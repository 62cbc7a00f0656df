"""Subcommands for a data-protection officer's scripts: who is held, everything held about a
person, erasing a person, what is past its retention period, and the archive's encryption."""

from __future__ import annotations

import argparse
import sys

from coprod_desktop.domain.clock import Clock
from coprod_desktop.language import N_, _

# Each command's help, and its description (the same as a sentence).
HELP = {
    "people": (
        N_("list everyone on every roster, one a line: id, group, name (tab-separated)"),
        N_("List everyone on every roster, one a line: id, group, name (tab-separated)."),
    ),
    "subject-access": (
        N_("write everything held about a person (a PDF to hand over, and JSON) into a folder"),
        N_("Write everything held about a person (a PDF to hand over, and JSON) into a folder."),
    ),
    "erase-person": (
        N_("erase a person for good: their record, attendance and what they said (cannot be undone)"),
        N_("Erase a person for good: their record, attendance and what they said (cannot be undone)."),
    ),
    "retention": (
        N_("list each group with the day its notes fall due for erasure; OVERDUE marks those past it"),
        N_("List each group with the day its notes fall due for erasure; OVERDUE marks those past it."),
    ),
    "decrypted-copy": (
        N_("write a plain, unencrypted copy of the archive for sqlite3 or Datasette (keep it safe)"),
        N_("Write a plain, unencrypted copy of the archive for sqlite3 or Datasette (keep it safe)."),
    ),
    "encrypt": (
        N_("encrypt a plain archive in place with the passphrase given (--passphrase-file or $COPROD_PASSPHRASE)"),
        N_("Encrypt a plain archive in place with the passphrase given (--passphrase-file or $COPROD_PASSPHRASE)."),
    ),
    "change-passphrase": (
        N_("re-encrypt an encrypted archive under a new passphrase"),
        N_("Re-encrypt an encrypted archive under a new passphrase."),
    ),
}


def add_commands(commands, common) -> None:
    """The subcommands, each with the common --archive and --passphrase-file (``common``)."""
    made = {name: commands.add_parser(name, help=_(text), description=_(described))
            for name, (text, described) in HELP.items()}  # fmt: skip
    for parser in made.values():
        common(parser)
    person_help = _("the person's id (see `people`)")
    made["subject-access"].add_argument("--person", metavar="ID", required=True, help=person_help)
    made["subject-access"].add_argument("--out", metavar="FOLDER", required=True, help=_("an existing folder"))
    erase = made["erase-person"]
    erase.add_argument("--person", metavar="ID", required=True, help=person_help)
    erase.add_argument(
        "--confirm-name", metavar="NAME", required=True, help=_("the person's name as on the roster, to confirm")
    )
    erase.add_argument(
        "--words",
        choices=["delete", "anonymise"],
        required=True,
        help=_("delete what they said, or keep it with nothing that links it to them (no name, role or quote)"),
    )
    made["decrypted-copy"].add_argument("--out", metavar="FILE", required=True, help=_("a new file to write"))
    made["change-passphrase"].add_argument(
        "--new-passphrase-file", metavar="FILE", required=True, help=_("the new passphrase (its first line)")
    )


def run(Archive, args, path, passphrase, read_secret) -> int:
    command = args.command
    if command == "encrypt":
        if not passphrase:
            told = _("give the new passphrase with --passphrase-file or $COPROD_PASSPHRASE.")
            complain(told)
            return 2
        Archive.encrypt(path, passphrase).close()
        print(
            _("Encrypted {path}. Keep the passphrase safe: without it the archive cannot be opened.").format(path=path)
        )
        return 0
    archive = Archive.open(path, create=False, passphrase=passphrase)
    try:
        return _COMMANDS[command](archive, args, read_secret)
    finally:
        archive.close()


def _people(archive, args, read_secret) -> int:
    for group in archive.groups():
        for person in archive.participants(group.id):
            print(f"{person.id}\t{group.name}\t{person.preferred_name}")
    return 0


def _subject_access(archive, args, read_secret) -> int:
    from coprod_desktop.app.people_data import subject_access, write_subject_access

    pdf, data = write_subject_access(subject_access(archive, args.person), args.out, Clock().today())
    print(_("Wrote {path}").format(path=pdf))
    print(_("Wrote {path}").format(path=data))
    return 0


def _erase_person(archive, args, read_secret) -> int:
    from coprod_desktop.app.people_data import NameMismatch, erase_person

    try:
        done = erase_person(archive, args.person, args.confirm_name, delete_words=args.words == "delete")
    except NameMismatch as error:
        complain(str(error))
        return 2
    print(_("Erased {name}: {what}").format(name=done.person_name, what=done.told()))
    return 0


def _retention(archive, args, read_secret) -> int:
    from coprod_desktop.app.people_data import retention

    today = Clock().today()
    for kept in retention(archive):
        flag = "OVERDUE" if kept.overdue(today) else ""
        print(f"{kept.group.id}\t{kept.until.isoformat()}\t{flag}\t{kept.group.name}")
    return 0


def _decrypted_copy(archive, args, read_secret) -> int:
    out = archive.decrypted_copy(args.out)
    warning = _(
        "{path} is NOT encrypted. Anyone who has it can read every name, need and story in it. "
        "Delete it when you are done."
    ).format(path=out)
    complain(warning)
    print(_("Wrote {path}").format(path=out))
    return 0


def _change_passphrase(archive, args, read_secret) -> int:
    new = read_secret(args.new_passphrase_file)
    if not new:
        complain(_("the new passphrase file is empty."))
        return 2
    if not archive.encrypted:
        complain(_("this archive is not encrypted; use `encrypt` first."))
        return 2
    archive.change_passphrase(new)
    print(_("Changed the passphrase of {path}. The old one no longer opens it.").format(path=archive.path))
    return 0


_COMMANDS = {
    "people": _people,
    "subject-access": _subject_access,
    "erase-person": _erase_person,
    "retention": _retention,
    "decrypted-copy": _decrypted_copy,
    "change-passphrase": _change_passphrase,
}


def complain(message: str) -> None:
    """A problem, said on stderr after the program's name."""
    print(f"coprod-desktop: {message}", file=sys.stderr)


def common_options(archive_help: str, passphrase_help: str, language_help: str):
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--archive", metavar="PATH", default=argparse.SUPPRESS, help=archive_help)
        parser.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS, help=passphrase_help)
        parser.add_argument("--language", choices=["cy", "en"], default=argparse.SUPPRESS, help=language_help)

    return add
