"""Entry point of the packaged app: the casefile command; without arguments, the window."""

import multiprocessing

from casefile.cli import run

if __name__ == "__main__":
    # The OCR worker is this executable spawned again: it must run the worker, not the command.
    multiprocessing.freeze_support()
    run()
