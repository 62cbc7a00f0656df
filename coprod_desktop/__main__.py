import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the installed app, started again as the phones' server, serves
    from coprod_desktop.cli import main

    sys.exit(main())
