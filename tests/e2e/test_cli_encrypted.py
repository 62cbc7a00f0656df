"""The command line with an encrypted archive: --passphrase-file or $COPROD_PASSPHRASE;
a wrong or missing passphrase is a message and a non-zero exit, and changes no byte."""

from __future__ import annotations

from .test_cli import run

PASSPHRASE = "a long passphrase for the carers' group"


def _bytes(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_an_archive_made_with_a_passphrase_is_encrypted_and_opens_with_it(tmp_path):
    path = tmp_path / "a.sqlite"
    made = run("demo", "--archive", str(path), env={"COPROD_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"Rhiannon" not in data and b"discharge" not in data
    listed = run("sessions", "--archive", str(path), env={"COPROD_PASSPHRASE": PASSPHRASE})
    assert listed.returncode == 0 and "Testing the discharge day checklist" in listed.stdout
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    session_id = listed.stdout.split("\t")[0]
    out = tmp_path / "summary.pdf"
    exported = run(
        "export-pdf", "--archive", str(path), "--passphrase-file", str(secret),
        "--session", session_id, "--document", "participant", "--out", str(out),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_wrong_or_missing_passphrase_is_a_message_and_changes_nothing(tmp_path):
    path = tmp_path / "a.sqlite"
    assert run("demo", "--archive", str(path), env={"COPROD_PASSPHRASE": PASSPHRASE}).returncode == 0
    before = _bytes(tmp_path)
    for attempt in ("wrong", PASSPHRASE.upper(), PASSPHRASE[:-1]):
        out = run("sessions", "--archive", str(path), env={"COPROD_PASSPHRASE": attempt})
        assert out.returncode == 2 and "does not open" in out.stderr and "Traceback" not in out.stderr
    out = run("sessions", "--archive", str(path), env={"COPROD_PASSPHRASE": ""})
    assert out.returncode == 2 and "passphrase" in out.stderr and "Traceback" not in out.stderr
    out = run("--archive", str(path), "--quit-after-start", env={"COPROD_PASSPHRASE": "wrong"})
    assert out.returncode == 2 and "does not open" in out.stderr
    missing = run("sessions", "--archive", str(path), "--passphrase-file", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    assert _bytes(tmp_path) == before
