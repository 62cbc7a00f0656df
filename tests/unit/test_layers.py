"""The layers: domain, storage, reports and app (and the CLI's scripted commands) never
import Qt; widgets hold no SQL; who may be named is decided in domain/privacy.py alone.
(import-linter checks the direction of every import: tests/unit/test_house.py.)"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import coprod_desktop.domain, coprod_desktop.storage, coprod_desktop.reports
for package in (coprod_desktop.domain, coprod_desktop.storage, coprod_desktop.reports):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
import coprod_desktop.assets, coprod_desktop.app.sample, coprod_desktop.cli, coprod_desktop.app.export, coprod_desktop.app.deck
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(qt) or "none")
"""


def test_domain_storage_reports_and_app_never_import_qt():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none"


def test_domain_imports_nothing_of_ours_but_domain_and_the_language():
    import ast
    from pathlib import Path

    import coprod_desktop.domain as domain

    for path in Path(domain.__path__[0]).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coprod_desktop"):
                assert node.module.startswith(("coprod_desktop.domain", "coprod_desktop.language")), (
                    f"{path.name} imports {node.module}"
                )


def test_widgets_hold_no_sql():
    import re
    from pathlib import Path

    import coprod_desktop.ui as ui

    pattern = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|\.execute\(|\.conn\b")
    offenders = [
        f"{path.name}:{n}"
        for path in Path(ui.__path__[0]).rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_who_may_be_named_quoted_or_counted_is_decided_in_privacy_alone():
    """No module but domain/privacy.py compares a person's choice (ShownInPrint) or
    reads it to decide: the values and the records only define it, the sample lists it,
    and the person form edits it."""
    import ast
    from pathlib import Path

    import coprod_desktop

    root = Path(coprod_desktop.__path__[0])
    members = {"BY_NAME", "ROLE_ONLY", "NOT_AT_ALL"}
    defining = {"domain/privacy.py", "domain/values.py", "domain/records/plan.py", "app/sample_data.py"}
    deciders = []
    for path in root.rglob("*.py"):
        where = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                for part in [node.left, *node.comparators]:
                    for sub in ast.walk(part):
                        named = isinstance(sub, ast.Attribute) and (
                            sub.attr == "shown_in_print"
                            or (
                                sub.attr in members
                                and isinstance(sub.value, ast.Name)
                                and sub.value.id == "ShownInPrint"
                            )
                        )
                        if named and where != "domain/privacy.py":
                            deciders.append(f"{where}:{node.lineno}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in members
                and isinstance(node.value, ast.Name)
                and node.value.id == "ShownInPrint"
                and where not in defining
            ):
                deciders.append(f"{where}:{node.lineno}")
    assert deciders == []
