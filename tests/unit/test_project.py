"""The README's promises match what CI runs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command():
    readme = ROOT.joinpath("README.md").read_text()
    ci_lines = [
        line for line in ROOT.joinpath(".ci", "run").read_text().splitlines() if line.startswith("python3 -m venv")
    ]
    assert len(ci_lines) == 1
    assert ci_lines[0] in readme


def test_readme_opens_with_the_two_commands():
    blocks = ROOT.joinpath("README.md").read_text().split("```sh\n")
    install, tests = blocks[1].split("\n")[0], blocks[2].split("\n")[0]
    assert install.endswith("bin/coprod-desktop")
    assert tests.endswith(".venv/bin/python -m pytest")
