"""The command line as a script or a person would use it: separate processes, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args, env=None, cwd=None):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "coprod_desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for word in ("demo", "sessions", "--archive", "--quit-after-start", "--version"):
        assert word in out.stdout


def test_version():
    from coprod_desktop import __version__

    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"coprod-desktop {__version__}"


def test_demo_then_sessions_prints_tab_separated_lines(tmp_path):
    path = tmp_path / "a.sqlite"
    assert run("demo", "--archive", str(path)).returncode == 0
    out = run("sessions", "--archive", str(path))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 3
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 4 for r in rows)
    assert [r[2] for r in rows] == ["planned", "closed", "closed"]
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)
    assert rows[0][3] == "Version 2 checklist: first feedback"


def test_top_level_archive_option_also_works(tmp_path):
    path = tmp_path / "a.sqlite"
    run("--archive", str(path), "demo")
    assert len(run("--archive", str(path), "sessions").stdout.splitlines()) == 3


@pytest.mark.parametrize(
    "content, message",
    [
        (b"just some notes", "not a coprod-desktop archive"),
        (b"SQLite format 3\x00" + b"\x00" * 10, "cut short"),
        (None, "There is no archive there"),
    ],
)
def test_bad_archives_give_a_message_not_a_traceback(tmp_path, content, message):
    path = tmp_path / "bad.sqlite"
    if content is not None:
        path.write_bytes(content)
    for args in (["sessions", "--archive", str(path)], ["--archive", str(path), "--quit-after-start"]):
        out = run(*args)
        if content is None and "--quit-after-start" in args:
            continue  # the GUI creates a missing archive
        assert out.returncode != 0
        assert message in out.stderr
        assert "Traceback" not in out.stderr
        if content is not None:
            assert path.read_bytes() == content


def test_bad_option_is_a_clear_error():
    out = run("sessions", "--nope")
    assert out.returncode == 2 and "unrecognized arguments" in out.stderr and "Traceback" not in out.stderr


def test_quit_after_start_creates_the_archive_in_the_data_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "COPROD_ARCHIVE"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "--quit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 0, out.stderr
    archive = Path(tmp_path / "data" / "coprod-desktop" / "archive.coprod.sqlite")
    assert archive.is_file()
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_coprod_archive_variable_chooses_the_archive(tmp_path):
    path = tmp_path / "from-env.sqlite"
    out = run("--quit-after-start", env={"COPROD_ARCHIVE": str(path)})
    assert out.returncode == 0, out.stderr
    assert path.is_file()


def test_export_pdf_writes_both_documents(tmp_path):
    import io

    from pypdf import PdfReader

    path = tmp_path / "a.sqlite"
    run("demo", "--archive", str(path))
    closed = [line.split("\t") for line in run("sessions", "--archive", str(path)).stdout.splitlines()][1]
    for document, heading in (("participant", "We asked, you said"), ("record", "Every contribution")):
        out = tmp_path / f"{document}.pdf"
        done = run(
            "export-pdf",
            "--archive",
            str(path),
            "--session",
            closed[0],
            "--document",
            document,
            "--paper",
            "letter",
            "--large-print",
            "--out",
            str(out),
        )
        assert done.returncode == 0, done.stderr
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
        assert heading in " ".join(text.split())


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--session", "no-such-id", "--document", "record"], "There is no session with the id"),
        (["--session", "{id}", "--document", "record", "--paper", "a3"], "invalid choice: 'a3'"),
        (["--session", "{id}", "--document", "minutes"], "invalid choice: 'minutes'"),
    ],
)
def test_export_pdf_errors_are_clear(tmp_path, extra, message):
    path = tmp_path / "a.sqlite"
    run("demo", "--archive", str(path))
    session_id = run("sessions", "--archive", str(path)).stdout.split("\t")[0]
    args = [a.replace("{id}", session_id) for a in extra]
    out = run("export-pdf", "--archive", str(path), *args, "--out", str(tmp_path / "x.pdf"))
    assert out.returncode != 0 and message in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_pdf_to_an_unwritable_place(tmp_path):
    path = tmp_path / "a.sqlite"
    run("demo", "--archive", str(path))
    session_id = run("sessions", "--archive", str(path)).stdout.split("\t")[0]
    for target, message in ((tmp_path / "nowhere" / "x.pdf", "does not exist"), (tmp_path, "is a folder")):
        out = run(
            "export-pdf",
            "--archive",
            str(path),
            "--session",
            session_id,
            "--document",
            "participant",
            "--out",
            str(target),
        )
        assert out.returncode == 1 and message in out.stderr and "Traceback" not in out.stderr


def test_export_group_report_from_the_command_line(tmp_path):
    import io
    import sqlite3

    from pypdf import PdfReader

    path = tmp_path / "a.sqlite"
    run("demo", "--archive", str(path))
    group_id = sqlite3.connect(path).execute("SELECT id FROM groups").fetchone()[0]
    out = tmp_path / "group.pdf"
    done = run(
        "export-pdf", "--archive", str(path), "--group", group_id, "--document", "group-report", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages).split())
    assert "Group report: we asked, you said, we did" in text
    wrong = run("export-pdf", "--archive", str(path), "--group", group_id, "--document", "record", "--out", str(out))
    assert wrong.returncode == 2 and "needs --session ID" in wrong.stderr
    missing = run(
        "export-pdf",
        "--archive",
        str(path),
        "--group",
        "nope",
        "--document",
        "group-report",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert (
        missing.returncode == 1
        and "There is no group with the id" in missing.stderr
        and "Traceback" not in missing.stderr
    )


STARTUP_PROBE = """
import gc, sys
from coprod_desktop.cli import main
code = main(["--archive", sys.argv[1], "--quit-after-start"])
print(code, gc.isenabled(), gc.get_freeze_count() > 0)
print(",".join(sorted(sys.modules)))
"""


def test_opening_the_planner_leaves_later_work_unloaded(tmp_path):
    """Start-up stays quick by loading only what the planner shows: the live session,
    the write path and the reports wait until they are used."""
    path = tmp_path / "a.sqlite"
    assert run("demo", "--archive", str(path)).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 0, out.stderr
    status, modules = out.stdout.splitlines()[-2:]
    assert status == "0 True True"  # the collector is back on, with start-up's objects frozen
    loaded = set(modules.split(","))
    assert "coprod_desktop.ui.main_window" in loaded and "coprod_desktop.domain.records" in loaded
    for deferred in (
        "sqlite_utils",
        "reportlab",
        "coprod_desktop.ui.live.run_view",
        "coprod_desktop.ui.planner.outcomes_panel",
        "coprod_desktop.ui.planner.session_page",
    ):
        assert deferred not in loaded, deferred


def test_export_pdf_never_replaces_the_archive(tmp_path):
    path = tmp_path / "a.sqlite"
    run("demo", "--archive", str(path))
    session_id = run("sessions", "--archive", str(path)).stdout.split("\t")[0]
    before = path.read_bytes()
    out = run(
        "export-pdf", "--archive", str(path), "--session", session_id, "--document", "participant", "--out", str(path)
    )
    assert out.returncode == 1 and "the archive itself" in out.stderr
    assert path.read_bytes() == before


def test_an_empty_archive_path_is_refused_not_the_default(tmp_path):
    default = tmp_path / "real.sqlite"
    out = run("demo", "--archive", "", env={"COPROD_ARCHIVE": str(default)})  # e.g. an unset variable
    assert out.returncode == 2 and "empty path" in out.stderr and not default.exists()


def test_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9.sqlite")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "demo", "--archive", str(tmp_path / name)],
        capture_output=True,
        env=environment,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr[-300:]
    listed = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "sessions", "--archive", str(tmp_path / name)],
        capture_output=True,
        env=environment,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
