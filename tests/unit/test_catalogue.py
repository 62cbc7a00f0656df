"""The Welsh catalogue is whole: every word the app can show is in it, translated, not
fuzzy, with the same placeholders and Alt-key marks, six plural forms, and the .mo the app
reads is the compiled .po. Each check is shown to catch what it looks for."""

from __future__ import annotations

import threading
from datetime import date

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from coprod_desktop import language
from coprod_desktop.language import dates
from tools import catalogue


def test_the_welsh_catalogue_is_whole():
    found = catalogue.problems()
    assert found == [], "\n".join(found[:40]) + f"\n… {len(found)} in all"


def _po(tmp_path, *entries, plural_forms=None):
    made = Catalog(locale="cy")
    if plural_forms:
        made._num_plurals, made._plural_expr = plural_forms
    for entry in entries:
        made.add(*entry[:2], **(entry[2] if len(entry) > 2 else {}))
    po = tmp_path / "coprod.po"
    with po.open("wb") as f:
        write_po(f, made)
    return po


def test_the_checks_catch_what_they_look_for(tmp_path):
    wanted = Catalog()
    for message in ("Save", "Time left: {time}", "&Quit", "Missing here"):
        wanted.add(message)
    wanted.add(("{n} idea", "{n} ideas"))
    po = _po(
        tmp_path,
        ("Save", ""),
        ("Time left: {time}", "Amser ar ôl: {amser}"),
        ("&Quit", "Gadael"),
        (("{n} idea", "{n} ideas"), ("{n} syniad", "{n} syniad")),
        ("Keep", "Cadw", {"flags": ["fuzzy"]}),
    )
    found = "\n".join(catalogue.problems(po, tmp_path / "none.mo", wanted))
    assert "not in the catalogue (run update): 'Missing here'" in found
    assert "untranslated: 'Save'" in found
    assert "placeholders differ: 'Time left: {time}'" in found
    assert "the Alt-key mark (&) is missing: '&Quit'" in found
    assert "untranslated: '{n} idea'" in found  # two forms where Welsh needs six
    assert "fuzzy: 'Keep'" in found
    assert "coprod.mo is not the compiled coprod.po" in found


def test_welsh_has_six_plural_forms_in_the_compiled_catalogue():
    welsh = language.catalogue(language.WELSH)
    assert [welsh.plural(n) for n in (0, 1, 2, 3, 4, 5, 6, 7, 11, 100)] == [0, 1, 2, 3, 5, 5, 4, 5, 5, 5]


def test_dates_are_told_in_the_language_being_spoken():
    day = date(2026, 12, 1)
    with language.speaking(language.WELSH):
        assert dates.long_date(day) == "Dydd Mawrth 1 Rhagfyr 2026"
        assert dates.short_date(date(2027, 2, 7)) == "07 Chwef 2027"
    with language.speaking(language.ENGLISH):
        assert dates.long_date(day) == "Tuesday 1 December 2026"


def test_speaking_holds_only_where_it_is_said():
    seen = {}
    with language.speaking(language.WELSH):
        worker = threading.Thread(target=lambda: seen.setdefault("thread", language.current()))
        worker.start()
        worker.join()
        seen["here"] = language.current()
    assert seen == {"here": language.WELSH, "thread": language.ENGLISH}
    assert language.current() == language.ENGLISH


def test_no_word_is_translated_when_a_module_loads():
    """A word translated at import (a module constant, a class attribute, a default
    argument) would stay in the language the app started in: tables use N_ and translate
    where they are shown."""
    import ast
    from pathlib import Path

    calls = ("_", "ngettext", "pgettext", "npgettext")
    found = []

    def visit(node, in_function: bool, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for default in [*child.args.defaults, *(d for d in child.args.kw_defaults if d is not None)]:
                    found.extend((path.name, n.lineno) for n in ast.walk(default) if _is_call(n, calls))
                visit(child, True, path)
            else:
                if not in_function and _is_call(child, calls):
                    found.append((path.name, child.lineno))
                visit(child, in_function, path)

    for path in (catalogue.ROOT / "coprod_desktop").rglob("*.py"):
        visit(ast.parse(path.read_text(encoding="utf-8")), False, path)
    assert found == []


def _is_call(node, names) -> bool:
    import ast

    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


MARKERS = {"_", "N_", "ngettext", "pgettext", "npgettext", "Q_"}


def _calls_inside_f_strings(source: str) -> list[int]:
    """Lines where a word is marked inside an f-string: Babel's extractor (on Python 3.11)
    does not see it, so it never reaches the catalogue and stays English."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in MARKERS
                    and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in inner.args)
                ):  # a word written out there (a marked constant passed by name was extracted where it is written)
                    found.append(inner.lineno)
    return found


def test_no_word_is_marked_inside_an_f_string():
    from pathlib import Path

    root = Path(catalogue.ROOT) / "coprod_desktop"
    found = {
        str(path.relative_to(root)): lines
        for path in sorted(root.rglob("*.py"))
        if (lines := _calls_inside_f_strings(path.read_text(encoding="utf-8")))
    }
    assert not found, found
    assert _calls_inside_f_strings("x = f\"<h2>{_('Say something')}</h2>\"") == [1]  # the check sees one
