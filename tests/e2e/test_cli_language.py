"""The command line in Welsh and English: its messages and help in the language asked for
(--language, else the locale), and PDFs in Welsh, English or both (--in)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from .test_cli import run


def _text(pdf) -> str:
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_help_and_errors_in_welsh(tmp_path):
    out = run("--language", "cy", "--help")
    assert out.returncode == 0
    assert "defnydd:" in out.stdout and "usage:" not in out.stdout  # argparse's own words too
    out = run(
        "export-pdf",
        "--archive",
        str(tmp_path / "a.sqlite"),
        "--out",
        str(tmp_path / "x.pdf"),
        env={"LANG": "cy_GB.UTF-8"},
    )
    assert out.returncode == 2
    assert "usage:" not in out.stderr and "defnydd:" in out.stderr


def test_export_in_welsh_english_and_both(tmp_path):
    path = tmp_path / "a.sqlite"
    assert run("demo", "--archive", str(path)).returncode == 0
    closed = [line.split("\t") for line in run("sessions", "--archive", str(path)).stdout.splitlines()][1]
    found = {}
    for choice in ("cy", "en", "both"):
        out = tmp_path / f"summary-{choice}.pdf"
        done = run(
            "export-pdf",
            "--archive",
            str(path),
            "--session",
            closed[0],
            "--document",
            "participant",
            "--in",
            choice,
            "--out",
            str(out),
        )
        assert done.returncode == 0, done.stderr
        found[choice] = (PdfReader(io.BytesIO(out.read_bytes())).trailer["/Root"]["/Lang"], _text(out))
    assert found["cy"][0] == "cy-GB" and "Tudalen 1" in found["cy"][1] and "Page 1" not in found["cy"][1]
    assert found["en"][0] == "en-GB" and "Page 1" in found["en"][1] and "Tudalen" not in found["en"][1]
    assert found["both"][0] == "cy-GB" and "Tudalen 1" in found["both"][1] and "Page" in found["both"][1]
    assert found["both"][1].index("Tudalen 1") < found["both"][1].index("Page")
