"""Damaged archives, made on purpose, put through the commands a person would run.

    python tests/e2e/damaged_archives.py OUT_DIR [--count 300] [--seed 11] [--jobs 2] [--json FILE]

Makes ``--count`` variants of four sound archives (small and over 32 MB, plain and
encrypted): byte flips, truncations, zeroed pages, damaged values (text that is not
UTF-8, an unknown state, role or kind, broken JSON, a bad date), and -wal files that
are another archive's, damaged, cut short or garbage. Each goes through ``sessions``,
``export-pdf`` and ``--quit-after-start``, each run in a process forked from this one
(the app's modules already loaded, so 900 runs take minutes, not a quarter of an
hour), --jobs at a time. Prints the figures; with --json, writes them and every finding.

What counts as damaged is decided from outside: SQLite's integrity check on a copy,
and reading every row, with the key. A flip inside someone's words is not detectable
damage (the words are simply different); the figures show how many variants were.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

PASSPHRASE = "a long passphrase for the damaged archives"
NAME = "archive.sqlite"
PAGE = 4096
COMMANDS = ("sessions", "export-pdf", "quit-after-start")


@dataclass
class Variant:
    name: str
    folder: str
    encrypted: bool
    damaged: bool = False  # SQLite, from outside, finds damage: no command may exit 0
    value_damage: bool = False  # a value the app never writes: commands that read it must fail
    stray_wal: bool = False  # a -wal not to be applied silently: the person must be told
    session_id: str = ""


@dataclass
class Finding:
    variant: str
    command: str
    code: int
    traceback: bool
    changed: list[str] = field(default_factory=list)
    told_wal: bool = True
    stderr: str = ""


# -- the sound archives ---------------------------------------------------------------


def make_base(folder: Path, *, encrypted: bool, big: bool) -> str:
    """A sample archive (with ~33 MB more contributions if ``big``); returns a session id."""
    from datetime import date

    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain.records import Contribution
    from coprod_desktop.domain.values import ContributionKind
    from coprod_desktop.storage import Archive

    folder.mkdir(parents=True)
    archive = Archive.open(folder / NAME, passphrase=PASSPHRASE if encrypted else None)
    group = add_sample_group(archive, date(2026, 11, 1))
    session = next(s for s in archive.sessions(group.id) if s.state.value == "closed")
    items = archive.agenda(session.id)
    rng = random.Random(3)
    words = "carer ward discharge transport nurse phone wait family support stairs meals".split()
    count = 75_000 if big else 400
    with archive.transaction():
        for n in range(count):
            text = f"{n} " + " ".join(rng.choice(words) for _ in range(60 if big else 12))
            archive.add(Contribution(session.id, text, list(ContributionKind)[n % 5], items[n % len(items)].id))
    archive.close()
    return session.id


def key_of(folder: Path):
    """The key of a sound archive, derived once (a damaged copy keeps its base's key)."""
    from coprod_desktop.storage import keys

    salt = keys.salt_of(folder / NAME)
    if salt not in _KEYS:
        _KEYS[salt] = keys.derive(PASSPHRASE, salt)
    return _KEYS[salt]


_KEYS: dict[bytes, object] = {}


def pending_wal(base: Path, into: Path, *, encrypted: bool, text: str) -> bytes:
    """The -wal a crash would leave after one more contribution: made on a copy."""
    from coprod_desktop.storage import connection

    shutil.copytree(base, into)
    conn = connection.connect(into / NAME, "rw", key_of(into) if encrypted else None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE contributions SET text = ? WHERE rowid = 1", [text])
    conn.commit()
    wal = (into / f"{NAME}-wal").read_bytes()
    conn.close()
    shutil.rmtree(into)
    return wal


# -- damage ----------------------------------------------------------------------------


def flip(data: bytearray, rng: random.Random) -> str:
    at = rng.randrange(len(data))
    n = rng.choice((1, 1, 2, 4, 8))
    for i in range(at, min(at + n, len(data))):
        data[i] ^= rng.randrange(1, 256)
    return f"flip {n}@{at}"


def truncate(data: bytearray, rng: random.Random) -> str:
    at = rng.choice((rng.randrange(1, 100), rng.randrange(len(data)), len(data) - rng.randrange(1, PAGE * 3)))
    del data[max(1, at) :]
    return f"cut at {max(1, at)}"


def zero_page(data: bytearray, rng: random.Random) -> str:
    page = rng.randrange(len(data) // PAGE)
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
    return f"page {page + 1} zeroed"


VALUE_DAMAGE = [  # (what, SQL on a plain copy)
    ("session title not UTF-8", "UPDATE sessions SET title = CAST(x'4361726572fffe' AS TEXT)"),
    ("session state unknown", "UPDATE sessions SET state = 'paused-forever'"),
    ("session date broken", "UPDATE sessions SET date = '2026-13-45'"),
    ("participant name not UTF-8", "UPDATE participants SET preferred_name = CAST(x'52c3' AS TEXT)"),
    ("participant roles broken JSON", "UPDATE participants SET roles = '[\"carer\"'"),
    ("participant role unknown", "UPDATE participants SET roles = '[\"astronaut\"]'"),
    ("participant print choice unknown", "UPDATE participants SET shown_in_print = 'sometimes'"),
    ("support needs broken JSON", "UPDATE participants SET support_needs = '{'"),
    ("contribution kind unknown", "UPDATE contributions SET kind = 'rumour'"),
    ("contribution text not UTF-8", "UPDATE contributions SET text = CAST(x'80808080' AS TEXT)"),
    ("contribution role unknown", "UPDATE contributions SET role = 'astronaut' WHERE role IS NOT NULL"),
    ("decision ids broken JSON", "UPDATE decisions SET contribution_ids = 'not json'"),
    ("decision fist counts broken", "UPDATE decisions SET fist_counts = '[1, \"two\"]'"),
    ("group name not UTF-8", "UPDATE groups SET name = CAST(x'ffff' AS TEXT)"),
    ("action status unknown", "UPDATE actions SET status = 'lost'"),
]


def damage_values(folder: Path, sql: str, key) -> None:
    from coprod_desktop.storage import connection

    conn = connection.connect(folder / NAME, "rw", key)
    conn.execute(sql)
    conn.commit()
    conn.close()


def detectably_damaged(folder: Path, key) -> bool:
    """From outside: on a copy, does SQLite (with the key) find damage, or fail to read a row?"""
    from coprod_desktop.storage import connection

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy"
        shutil.copytree(folder, copy)
        try:
            conn = connection.connect(copy / NAME, "rw", key)
            try:
                if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                    return True
                tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                for table in tables:
                    conn.execute(f"SELECT * FROM [{table}]").fetchall()
            finally:
                conn.close()
        except Exception:
            return True
    return False


def make_variants(root: Path, count: int, seed: int) -> list[Variant]:
    rng = random.Random(seed)
    bases: dict[tuple[bool, bool], tuple[Path, str]] = {}
    for encrypted in (False, True):
        for big in (False, True):
            folder = root / f"base-{'enc' if encrypted else 'plain'}-{'big' if big else 'small'}"
            bases[(encrypted, big)] = (folder, make_base(folder, encrypted=encrypted, big=big))
    wals = {
        encrypted: pending_wal(bases[(encrypted, False)][0], root / "wal-tmp", encrypted=encrypted, text="ours")
        for encrypted in (False, True)
    }
    other = root / "other"  # another archive, its pending -wal
    make_base(other, encrypted=False, big=False)
    foreign = pending_wal(other, root / "wal-tmp", encrypted=False, text="theirs")
    shutil.rmtree(other)

    plan: list[tuple[str, bool, bool]] = []  # kind, encrypted, big
    share = {"flip": 0.36, "truncate": 0.12, "zero": 0.17, "value": 0.1, "wal": 0.25}
    for kind, part in share.items():
        n = round(count * part)
        for i in range(n):
            encrypted = i % 2 == 1
            big = kind in ("flip", "truncate", "zero") and i % 5 == 4
            plan.append((kind, encrypted, big))
    plan = plan[:count] + [("flip", False, False)] * max(0, count - len(plan))

    variants: list[Variant] = []
    for n, (kind, encrypted, big) in enumerate(plan):
        base, session_id = bases[(encrypted, big)]
        key = key_of(base) if encrypted else None
        folder = root / f"v{n:03d}"
        shutil.copytree(base, folder)
        variant = Variant("", str(folder), encrypted, session_id=session_id)
        path = folder / NAME
        if kind in ("flip", "truncate", "zero"):
            data = bytearray(path.read_bytes())
            what = {"flip": flip, "truncate": truncate, "zero": zero_page}[kind](data, rng)
            path.write_bytes(bytes(data))
        elif kind == "value":
            what, sql = VALUE_DAMAGE[n % len(VALUE_DAMAGE)]
            damage_values(folder, sql, key)
            variant.value_damage = True
        else:
            what = rng.choice(("another archive's -wal", "-wal flipped", "-wal cut short", "garbage -wal"))
            own = bytearray(wals[encrypted])
            wal = {
                "another archive's -wal": bytearray(foreign),
                "-wal flipped": own,
                "-wal cut short": own[: rng.randrange(40, len(own) - 10)],
                "garbage -wal": bytearray(rng.randbytes(rng.randrange(1, 20_000))),
            }[what]
            if what == "-wal flipped":
                flip(wal, rng)
            (folder / f"{NAME}-wal").write_bytes(bytes(wal))
            variant.stray_wal = True
        size = "big" if big else "small"
        variant.name = f"v{n:03d} {'encrypted' if encrypted else 'plain'} {size}: {what}"
        variant.damaged = detectably_damaged(folder, key) and not variant.stray_wal
        variants.append(variant)
    return variants


# -- running ---------------------------------------------------------------------------


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def argv_for(command: str, variant: Variant, out: Path) -> list[str]:
    archive = str(Path(variant.folder) / NAME)
    if command == "sessions":
        return ["sessions", "--archive", archive]
    if command == "export-pdf":
        return [
            "export-pdf", "--archive", archive, "--session", variant.session_id,
            "--document", "record", "--support-needs", "--out", str(out),
        ]  # fmt: skip
    return ["--archive", archive, "--quit-after-start"]


def run_forked(argv: list[str], env: dict[str, str], stderr_file: Path) -> tuple[int, bool]:
    """Run the command line in a child forked from this process; (exit code, traceback?)."""
    pid = os.fork()
    if pid == 0:  # the child
        code = 99
        try:
            os.environ.update(env)
            fd = os.open(stderr_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd, 2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            sys.stderr = os.fdopen(2, "w", buffering=1)
            from coprod_desktop.cli import main

            code = main(argv)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 98
        finally:
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    text = stderr_file.read_text(encoding="utf-8", errors="replace")
    return code, "Traceback (most recent call last)" in text


def check(variant: Variant, command: str, work: Path) -> Finding:
    folder = Path(variant.folder)
    before = fingerprint(folder)
    env = {
        "COPROD_PASSPHRASE": PASSPHRASE if variant.encrypted else "",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(work / "config"),
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_STATE_HOME": str(work / "state"),
        "XDG_CACHE_HOME": str(work / "cache"),
    }
    if not variant.encrypted:
        env.pop("COPROD_PASSPHRASE")
        os.environ.pop("COPROD_PASSPHRASE", None)
    stderr_file = work / "stderr.txt"
    code, tb = run_forked(argv_for(command, variant, work / "out.pdf"), env, stderr_file)
    stderr = stderr_file.read_text(encoding="utf-8", errors="replace")
    after = fingerprint(folder)
    kept = set(after.values())
    changed = []
    for name, digest in before.items():
        if after.get(name) == digest:
            continue
        moved_aside = command == "quit-after-start" and name.endswith("-wal") and digest in kept
        archive_folded = command == "quit-after-start" and name == NAME and variant.stray_wal and digest in kept
        if not (moved_aside or archive_folded):
            changed.append(name)
    told = not variant.stray_wal or code != 0 or "-wal" in stderr
    return Finding(variant.name, command, code, tb, changed, told, stderr.strip()[-400:])


def summarise(variants: list[Variant], findings: list[Finding]) -> dict:
    by_name = {v.name: v for v in variants}

    def must_fail(f: Finding) -> bool:
        v = by_name[f.variant]
        return v.damaged and not v.stray_wal

    return {
        "variants": len(variants),
        "runs": len(findings),
        "detectably damaged": sum(v.damaged for v in variants),
        "damaged values": sum(v.value_damage for v in variants),
        "stray -wal": sum(v.stray_wal for v in variants),
        "tracebacks": [f"{f.variant} / {f.command}" for f in findings if f.traceback or f.code in (98, 99)],
        "exit 0 on damage": [f"{f.variant} / {f.command}" for f in findings if must_fail(f) and f.code == 0],
        "changed bytes": [f"{f.variant} / {f.command}: {f.changed}" for f in findings if f.changed],
        "stray -wal not told": [f"{f.variant} / {f.command}" for f in findings if not f.told_wal],
        "exit codes": {str(c): sum(f.code == c for f in findings) for c in sorted({f.code for f in findings})},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    args.out.mkdir(parents=True, exist_ok=True)
    variants = make_variants(args.out / "variants", args.count, args.seed)
    import PySide6.QtWidgets  # noqa: F401 - loaded once, before the forks (no QApplication here)
    import reportlab.pdfgen.canvas  # noqa: F401

    import coprod_desktop.cli  # noqa: F401

    findings = run_all(variants, args.out / "work", args.jobs)
    summary = summarise(variants, findings)
    for key, value in summary.items():
        shown = value if not isinstance(value, list) else (len(value), value[:5])
        print(f"{key}: {shown}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "findings": [asdict(f) for f in findings]}))


def run_all(variants: list[Variant], work: Path, jobs: int) -> list[Finding]:
    """Every variant through every command, in ``jobs`` workers forked from this process."""
    workers = []
    for n in range(jobs):
        folder = work / f"worker{n}"
        folder.mkdir(parents=True, exist_ok=True)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                found = [asdict(check(v, c, folder)) for v in variants[n::jobs] for c in COMMANDS]
                (folder / "findings.json").write_text(json.dumps(found))
                code = 0
            finally:
                os._exit(code)
        workers.append((pid, folder))
    findings = []
    for pid, folder in workers:
        os.waitpid(pid, 0)
        findings += [Finding(**f) for f in json.loads((folder / "findings.json").read_text())]
    return findings


if __name__ == "__main__":
    main()
