"""Built artefacts start and find their resources: a wheel in a fresh venv, and the PyInstaller bundle."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COPROD_ARCHIVE")}
    env.update(
        QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config")
    )
    return env


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_starts(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(wheels.glob("coprod_desktop-*.whl"))
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=300)
    # Dependencies come from this environment's site-packages, added as a plain
    # path: its .pth files (our editable install among them) are not processed.
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import coprod_desktop.assets as a, coprod_desktop.app.content as c; print(a.__file__); print(a.resources_dir()); print(len(c.ground_rule_library()))",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        check=True,
    )
    module_file, resources, rules = probe.stdout.split("\n")[:3]
    assert Path(module_file).is_relative_to(site), "the wheel, not the source checkout, was imported"
    assert Path(resources) == site / "coprod_desktop" / "resources"
    assert int(rules) >= 10

    started = subprocess.run(
        [str(fresh / "bin" / "coprod-desktop"), "--quit-after-start", "--archive", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    assert (tmp_path / "a.sqlite").is_file()


@pytest.mark.slow
def test_pyinstaller_bundle_builds_and_starts(tmp_path):
    pytest.importorskip("PyInstaller")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        check=True,
        timeout=900,
        cwd=tmp_path,
    )
    app_dir = tmp_path / "dist" / "coprod-desktop"
    binary = app_dir / "coprod-desktop"
    assert binary.is_file()
    assert (app_dir / "_internal" / "coprod_desktop" / "resources" / "content" / "ground_rules.json").is_file()
    assert not list(app_dir.rglob("*WebEngine*")), "WebEngine must not be bundled"
    assert list(app_dir.rglob("platformthemes/libqgtk3*")), "the GTK theme (a dark or high-contrast desktop)"
    started = subprocess.run(
        [str(binary), "--quit-after-start", "--archive", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    listed = subprocess.run(
        [str(binary), "sessions", "--archive", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=120,
    )
    assert listed.returncode == 0 and listed.stdout == ""
    # The bundled fonts and ReportLab work frozen: a PDF with Welsh in it.
    demo = tmp_path / "demo.sqlite"
    subprocess.run([str(binary), "demo", "--archive", str(demo)], check=True, env=_env(tmp_path), timeout=120)
    session_id = (
        subprocess.run(
            [str(binary), "sessions", "--archive", str(demo)],
            capture_output=True,
            text=True,
            check=True,
            env=_env(tmp_path),
            timeout=120,
        )
        .stdout.splitlines()[1]
        .split("\t")[0]
    )
    out = tmp_path / "frozen.pdf"
    subprocess.run(
        [
            str(binary),
            "export-pdf",
            "--archive",
            str(demo),
            "--session",
            session_id,
            "--document",
            "participant",
            "--out",
            str(out),
        ],
        check=True,
        env=_env(tmp_path),
        timeout=120,
    )
    from pypdf import PdfReader

    assert "mae hynny'n bwysig" in " ".join(p.extract_text() for p in PdfReader(str(out)).pages)
    # Frozen too: the Welsh catalogue, Welsh dates from Babel's data, the fallback fonts.
    welsh = tmp_path / "frozen-cy.pdf"
    subprocess.run(
        [str(binary), "export-pdf", "--archive", str(demo), "--session", session_id, "--document", "participant",
         "--in", "cy", "--out", str(welsh)],
        check=True, env=_env(tmp_path), timeout=120,
    )  # fmt: skip
    text = " ".join(p.extract_text() for p in PdfReader(str(welsh)).pages)
    assert "Tudalen 1" in text and "Dydd " in text, text[:300]
    # The frozen binary opens an encrypted archive (SQLCipher, Argon2id), refuses a wrong
    # passphrase, and saves a password-protected record (AES-256 through pyaes).
    locked = tmp_path / "locked.sqlite"
    right = {**_env(tmp_path), "COPROD_PASSPHRASE": "a frozen long passphrase"}
    subprocess.run([str(binary), "demo", "--archive", str(locked)], check=True, env=right, timeout=120)
    assert not locked.read_bytes().startswith(b"SQLite format 3")
    opened = subprocess.run(
        [str(binary), "--quit-after-start", "--archive", str(locked)], capture_output=True, text=True,
        env=right, timeout=120,
    )  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    wrong = subprocess.run(
        [str(binary), "sessions", "--archive", str(locked)], capture_output=True, text=True,
        env={**right, "COPROD_PASSPHRASE": "not it"}, timeout=120,
    )  # fmt: skip
    assert wrong.returncode == 2 and "does not open" in wrong.stderr
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("Cwtch-2026\n", encoding="utf-8")
    listed = subprocess.run(
        [str(binary), "sessions", "--archive", str(locked)], capture_output=True, text=True, env=right, timeout=120
    )
    record = tmp_path / "record.pdf"
    subprocess.run(
        [str(binary), "export-pdf", "--archive", str(locked), "--session", listed.stdout.split("\t")[0],
         "--document", "record", "--support-needs", "--pdf-password-file", str(secret), "--out", str(record)],
        check=True, env=right, timeout=120,
    )  # fmt: skip
    import pypdfium2

    assert b"/AESV3" in record.read_bytes()
    assert pypdfium2.PdfDocument(str(record), password="Cwtch-2026")[0].get_textpage().get_text_range()
