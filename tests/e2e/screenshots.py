"""Screenshots of every screen and dialog, to look at: at a size, a scale and a palette.

    QT_SCALE_FACTOR=2 python tests/e2e/screenshots.py OUT_DIR --size 683x384 [--dark] [--language cy]

(--size in the app's own pixels: 1366×768 at 200% is 683×384.)

Offscreen, so no display is needed. Not a test: the walker (tests/ui/test_every_screen.py)
checks what can be checked; these are for eyes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _screen(width: int, height: int) -> None:
    """An offscreen screen of the laptop's size in pixels (Qt's default is 800×800), so
    that a dialog at 200% meets the room a real 1366×768 screen gives it."""
    scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
    config = Path(tempfile.mkdtemp()) / "screens.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": round(width * scale), "height": round(height * scale),
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


class _Patch:
    def setattr(self, target, name, value):
        setattr(target, name, value)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--language", choices=["cy", "en"], default="en")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    _screen(width, height)
    from PySide6.QtWidgets import QApplication

    app = QApplication(["screenshots"])
    if args.dark:  # the palette a dark desktop theme gives (the walker checks contrast on it)
        from tests.ui.test_every_screen import dark_palette

        app.setPalette(dark_palette())
    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.main_window import MainWindow
    from coprod_desktop.ui.translator import use_language

    use_language(args.language)
    from tests.ui.test_every_screen import dialog_screens, main_window_screens

    args.out.mkdir(parents=True, exist_ok=True)
    tag = f"{args.size}{'@' + os.environ['QT_SCALE_FACTOR'] if os.environ.get('QT_SCALE_FACTOR') else ''}"
    tag += "-dark" if args.dark else ""
    tag += f"-{args.language}" if args.language != "en" else ""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        for which in ("window", "dialogs"):
            archive = Archive.open(Path(tmp) / f"{which}.sqlite")
            window = MainWindow(archive)
            window.remember_layout = False
            window.resize(width, height)
            window.show()
            screens = main_window_screens(window, _Patch()) if which == "window" else dialog_screens(window)
            for n, (name, top) in enumerate(screens):
                top.show()
                for _ in range(3):
                    app.processEvents()
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "")).strip("-")
                top.grab().save(str(args.out / f"{tag}-{which[0]}{n:02d}-{slug}.png"))
                if top is not window:
                    top.close()
            if which == "window":
                window.open_room_view()
                room = window.room_view
                room.showNormal()
                room.resize(width, height)
                app.processEvents()
                room.grab().save(str(args.out / f"{tag}-room-view.png"))
                room.close()
            window.close()
            archive.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
