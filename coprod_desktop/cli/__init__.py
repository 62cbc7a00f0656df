"""Command line: no subcommand starts the GUI; subcommands serve scripting and tests.

This module is kept light on purpose: an encrypted archive's key starts being derived
(cli.early) before argparse, the commands or Qt load.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from coprod_desktop.cli.early import derive_key_early

    derive_key_early(sys.argv[1:] if argv is None else argv)
    from coprod_desktop.cli.commands import run

    return run(argv)
