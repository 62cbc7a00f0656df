import sys

from coprod_desktop.cli import main

sys.exit(main())
