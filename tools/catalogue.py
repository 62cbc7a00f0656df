"""The Welsh catalogue: gather the app's words, merge them into the .po, compile the .mo,
and say what is missing. Babel does the reading, merging and compiling.

    python tools/catalogue.py update    # new words into resources/i18n/cy/…/coprod.po
    python tools/catalogue.py compile   # coprod.po → coprod.mo (committed: the app reads it)
    python tools/catalogue.py check     # untranslated, fuzzy, placeholders, a stale .mo
    python tools/catalogue.py fill PART.json…       # Welsh from JSON lists into the .po
    python tools/catalogue.py unmatched PART.json FILE…  # words in FILEs PART lacks

The words come from the code (``_``, ``N_``, ``ngettext``, ``pgettext``, ``npgettext``,
and ``Q_`` for Qt's own words in coprod_desktop/ui/qt_words.py) and from the shipped
content files (resources/content/*.json: every text a person reads).
"""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
PO = I18N / "cy" / "LC_MESSAGES" / "coprod.po"
MO = PO.with_suffix(".mo")
POT = I18N / "coprod.pot"
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "Q_": ((1, "c"), 2),
}
# In the content files, the keys whose values a person reads.
CONTENT_KEYS = {"text", "label", "name", "title", "theme", "question", "note", "items"}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")


def _content_words(catalog: Catalog) -> None:
    for path in sorted((ROOT / "resources" / "content").glob("*.json")):
        where = str(path.relative_to(ROOT))

        def walk(value, key: str = "", where: str = where) -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k, where)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key, where)
            elif isinstance(value, str) and key in CONTENT_KEYS and value.strip():
                catalog.add(value, locations=[(where, 0)], context="content")

        walk(json.loads(path.read_text(encoding="utf-8")))


# Fixed, so that the files change only when the words do.
HEADER = dict(
    project="coprod-desktop",
    version="",
    copyright_holder="the coprod-desktop authors",
    msgid_bugs_address="",
    last_translator="coprod-desktop",
    language_team="Cymraeg",
    creation_date=datetime(2026, 12, 3, tzinfo=UTC),
    revision_date=datetime(2026, 12, 3, tzinfo=UTC),
    fuzzy=False,
)


def _blank(locale: str | None = None) -> Catalog:
    return Catalog(locale=locale, **HEADER)  # type: ignore[arg-type]


def extract() -> Catalog:
    """Every word the app can show, as a template."""
    catalog = _blank()
    found = extract_from_dir(
        str(ROOT / "coprod_desktop"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    )
    for filename, lineno, message, comments, context in found:
        where = [(f"coprod_desktop/{filename}", lineno)]
        catalog.add(message, locations=where, auto_comments=comments, context=context)
    _content_words(catalog)
    return catalog


def read(po: Path = PO) -> Catalog:
    with po.open("rb") as f:
        return read_po(f, locale="cy")


def update() -> Catalog:
    template = extract()
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as f:
        write_po(f, template, width=100, omit_header=False)
    if PO.exists():
        kept = read()
        catalog = _blank("cy")
        for message in kept:
            if message.id:
                catalog[message.id] = message
    else:
        catalog = _blank("cy")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, include_previous=False)
    return catalog


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_mo() -> None:
    MO.write_bytes(compiled(read()))


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(po: Path = PO, mo: Path = MO, wanted: Catalog | None = None) -> list[str]:
    """What stops the Welsh being whole: each a line a person can act on."""
    if not po.exists():
        return [f"{po} is missing: python tools/catalogue.py update"]
    catalog = read(po)
    wanted = wanted if wanted is not None else extract()
    found: list[str] = []
    for message in wanted:
        if message.id and catalog.get(message.id, message.context) is None:
            found.append(f"not in the catalogue (run update): {message.id!r}")
    if catalog.num_plurals != 6:
        found.append(f"Welsh has six plural forms; the catalogue says {catalog.num_plurals}")
    for message in catalog:
        if not message.id:
            continue
        ids = tuple(message.id) if isinstance(message.id, (tuple, list)) else (str(message.id),)
        raw = message.string
        strings = tuple(str(s or "") for s in raw) if isinstance(raw, (tuple, list)) else (str(raw or ""),)
        name = repr(ids[0]) + (f" [{message.context}]" if message.context else "")
        if message.fuzzy:
            found.append(f"fuzzy: {name}")
        if not all(strings) or len(strings) != (6 if len(ids) > 1 else 1):
            found.append(f"untranslated: {name}")
            continue
        want = set().union(*(_placeholders(i) for i in ids))
        for s in strings:
            if _placeholders(s) - want or (len(ids) == 1 and _placeholders(s) != want):
                found.append(f"placeholders differ: {name} → {s!r}")
        if ids[0].count("&") == 1 and not all("&" in s for s in strings):
            found.append(f"the Alt-key mark (&) is missing: {name}")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        found.append("coprod.mo is not the compiled coprod.po: python tools/catalogue.py compile")
    return found


def _part(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _key(message_id, context) -> tuple:
    first = message_id[0] if isinstance(message_id, (tuple, list)) else message_id
    return (context or None, first)


def unmatched(part: Path, files: list[str]) -> list[str]:
    """The words marked in ``files`` (paths under coprod_desktop/) that ``part`` lacks."""
    have = {_key(e["id"], e.get("context")) for e in _part(part)}
    lacking = []
    for path in files:
        relative = Path(path).resolve().relative_to(ROOT / "coprod_desktop")
        found = extract_from_dir(
            str(ROOT / "coprod_desktop"), method_map=[(str(relative), "python")], keywords=KEYWORDS
        )
        for _filename, lineno, message, _comments, context in found:
            if _key(message, context) not in have:
                lacking.append(f"{path}:{lineno}: {message!r}")
    return lacking


def fill(parts: list[Path]) -> int:
    """Put the Welsh from ``parts`` (JSON lists of {id, plural, context, cy}) into the .po."""
    catalog = read()
    filled = 0
    for part in parts:
        for entry in _part(part):
            message = catalog.get(entry["id"], entry.get("context") or None)
            if message is None:
                print(f"{part.name}: not in the catalogue (run update first): {entry['id']!r}")
                continue
            welsh = entry["cy"]
            message.string = tuple(welsh) if isinstance(welsh, list) else welsh
            message.flags.discard("fuzzy")
            filled += 1
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, include_previous=False)
    return filled


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "unmatched":
        lacking = unmatched(Path(argv[2]), argv[3:])
        print("\n".join(lacking) if lacking else "every marked word has its Welsh")
        return 1 if lacking else 0
    if command == "fill":
        print(f"filled {fill([Path(p) for p in argv[2:]])} messages")
        return 0
    if command == "update":
        catalog = update()
        print(f"{PO.relative_to(ROOT)}: {len(catalog)} messages")
        return 0
    if command == "compile":
        compile_mo()
        print(f"wrote {MO.relative_to(ROOT)}")
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) if found else "the Welsh catalogue is whole")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
