"""The command line parsed and run: no subcommand starts the GUI; subcommands serve
scripting and tests. Qt is imported only when a window is needed, so scripted commands stay quick.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from coprod_desktop import __version__
from coprod_desktop.assets import ARCHIVE_ENV, ARCHIVE_FILENAME, PASSPHRASE_ENV, default_archive_path
from coprod_desktop.cli import protection
from coprod_desktop.cli.early import choose_language, passphrase_given, read_secret
from coprod_desktop.cli.protection import complain
from coprod_desktop.language import ENGLISH, N_, _, current

# argparse's own words, as it writes them (Python 3.11+), marked here for the catalogue.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def argparse_in_our_words() -> None:
    """argparse says its own words (usage, help, errors) through our catalogue from now on:
    for a language other than English, before the parser is built."""
    argparse._ = _  # type: ignore[attr-defined]  # it looks its words up as it says them


def build_parser() -> argparse.ArgumentParser:
    archive_help = _(
        "the archive file to use (default: ${variable}, else {file} in your data folder, "
        "e.g. ~/.local/share/coprod-desktop/)"
    ).format(variable=ARCHIVE_ENV, file=ARCHIVE_FILENAME)
    parser = argparse.ArgumentParser(
        prog="coprod-desktop",
        description=_("Plan, run and report co-production workshops, offline. With no command, opens the app."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"coprod-desktop {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("--archive", metavar="PATH", help=archive_help)
    passphrase_help = _(
        "read the archive's passphrase from FILE (its first line) instead of asking; or set "
        "${variable}. A new archive made with a passphrase is encrypted"
    ).format(variable=PASSPHRASE_ENV)
    parser.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    language_help = _("the language of the app and of what it prints: cy (Cymraeg) or en (English)")
    parser.add_argument("--language", choices=["cy", "en"], help=language_help)
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help=_("open the archive, show the main window, then exit 0 (a smoke test for installed builds)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # SUPPRESS keeps a top-level --archive when the subcommand is not given one.
    common = protection.common_options(archive_help, passphrase_help, language_help)
    common(commands.add_parser("demo", help=_("add the sample carers' group to an archive")))
    common(
        commands.add_parser(
            "sessions", help=_("print the sessions, one a line: id, date, state, title (tab-separated)")
        )
    )
    export = commands.add_parser(
        "export-pdf", help=_("write a session's participant summary or full record, or a group's report, as PDF")
    )
    common(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", metavar="ID", help=_("the session's id (see `sessions`)"))
    which.add_argument("--group", metavar="ID", help=_("the group's id, for --document group-report"))
    export.add_argument(
        "--document",
        choices=["participant", "easy-read", "record", "group-report"],
        required=True,
        help=_(
            "participant: the summary to hand out; easy-read: the same in easy read; record: the facilitator's "
            "full record; group-report: a group's sessions, outcomes and open items"
        ),
    )
    export.add_argument("--paper", choices=["a4", "letter"], default="a4")
    export.add_argument("--large-print", action="store_true", help=_("body text at 16 pt with generous spacing"))
    export.add_argument("--support-needs", action="store_true", help=_("include support needs (full record only)"))
    export.add_argument(
        "--pdf-password-file",
        metavar="FILE",
        help=_("protect the full record with the password in FILE (its first line): AES-256, it opens only with it"),
    )
    export.add_argument(
        "--in",
        dest="document_language",
        choices=["cy", "en", "both", "each"],
        help=_(
            "the language of the PDF: cy, en, or both (Welsh first); each: a participant summary for each person "
            "present, in the language on their record; the app's language if not given"
        ),
    )
    export.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help=_("where to write it: a .pdf, or a .html for the accessible web page (participant or easy-read)"),
    )
    protection.add_commands(commands, common)
    return parser


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    asked = choose_language(argv)  # before the parser: its help is in the language chosen
    if current() != ENGLISH:
        argparse_in_our_words()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.archive is not None and not args.archive.strip():
        # An unset variable in a script must not quietly mean the real archive.
        parser.error(_("--archive was given an empty path"))
    archive_path = args.archive or default_archive_path()
    try:
        passphrase = passphrase_given(args.passphrase_file)
    except OSError as error:
        told = _("the passphrase file cannot be read: {reason}.").format(reason=error.strerror or error)
        complain(told)
        return 2
    if args.command is None:
        return _gui(archive_path, args.quit_after_start, passphrase, asked)
    from coprod_desktop.app.export import ExportError
    from coprod_desktop.storage import Archive, ArchiveError

    try:
        if args.command == "demo":
            return _demo(Archive, archive_path, passphrase)
        if args.command == "sessions":
            return _sessions(Archive, archive_path, passphrase)
        if args.command == "export-pdf":
            return _export(Archive, archive_path, args, passphrase)
        return protection.run(Archive, args, archive_path, passphrase, read_secret)
    except ExportError as error:
        complain(str(error))
        return 1
    except OSError as error:
        complain(f"{error.strerror or error}.")
        return 1
    except ArchiveError as error:
        complain(f"{error.title}. {error}")
        return 2
    except (BrokenPipeError, KeyboardInterrupt):
        return 1
    except Exception as error:  # damage met while reading, or a bug: never a traceback
        from coprod_desktop.storage.damage import as_damage

        damage = as_damage(error, Path(archive_path))
        if damage is not None:
            complain(f"{damage.title}. {damage}")
            return 2
        told = _("something went wrong ({error}). Please report it.").format(error=f"{type(error).__name__}: {error}")
        complain(told)
        return 1


def _gui(archive_path, quit_after_start: bool, passphrase: str | None, language: str | None) -> int:
    # Start-up makes tens of thousands of objects that live as long as the app
    # (Qt's wrappers, modules, the records on screen); collecting them again and
    # again while they are being made is wasted work. run_gui freezes them once the
    # window is up; from then on the GUI thread collects (ui/collector.py).
    gc.disable()
    if passphrase:  # the key is derived while Qt loads, not after
        from coprod_desktop.storage import key_ahead

        key_ahead.start(passphrase, archive_path)
    try:
        from coprod_desktop.ui.app import run_gui

        return run_gui(archive_path, quit_after_start=quit_after_start, passphrase=passphrase, language=language)
    finally:
        gc.enable()


def _demo(Archive, path, passphrase) -> int:
    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain.clock import Clock

    archive = Archive.open(path, passphrase=passphrase)
    try:
        group = add_sample_group(archive, Clock().today())
        print(
            _("Added the sample group {name} ({id}) to {path}").format(
                name=repr(group.name), id=group.id, path=archive.path
            )
        )
    finally:
        archive.close()
    return 0


def _reading(Archive, path, passphrase):
    archive = Archive.open_for_reading(path, passphrase=passphrase)
    for note in archive.opening_notes:
        complain(note)
    return archive


def _sessions(Archive, path, passphrase) -> int:
    archive = _reading(Archive, path, passphrase)
    try:
        for s in archive.sessions():
            date = s.date.isoformat() if s.date else ""
            print(f"{s.id}\t{date}\t{s.state.value}\t{s.title}")
    finally:
        archive.close()
    return 0


def _export(Archive, path, args, passphrase) -> int:
    from coprod_desktop.app.export import ExportError, export_group, export_session
    from coprod_desktop.reports.data import Document, Options, Paper

    document = Document(args.document)
    if (document is Document.GROUP_REPORT) != bool(args.group):
        needs = "--group ID" if document is Document.GROUP_REPORT else "--session ID"
        told = _("--document {document} needs {needs}.").format(document=document.value, needs=needs)
        complain(told)
        return 2
    password = read_secret(args.pdf_password_file) if args.pdf_password_file else ""
    if password and document is not Document.RECORD:
        told = _("--pdf-password-file protects the full record (--document record).")
        complain(told)
        return 2
    options = Options(
        document, Paper(args.paper), args.large_print, args.support_needs, password, args.document_language or ""
    )
    web = str(args.out).lower().endswith((".html", ".htm"))
    if web and document not in (Document.PARTICIPANT, Document.EASY_READ):
        complain(_("A web page (.html) is made of the participant summary or the easy read."))
        return 2
    archive = _reading(Archive, path, passphrase)
    try:
        if web:
            from coprod_desktop.app.export_html import export_html

            easy = document is Document.EASY_READ
            out = export_html(archive, args.session, args.out, args.document_language, easy_read=easy)
        elif args.group:
            out = export_group(archive, args.group, options, args.out)
        else:
            out = export_session(archive, args.session, options, args.out)
    except ExportError as error:
        complain(str(error))
        return 1
    finally:
        archive.close()
    print(_("Wrote {path}").format(path=out))
    return 0
