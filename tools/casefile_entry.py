"""Entry point of the packaged app: the casefile command; without arguments, the window."""

from casefile.cli import run

if __name__ == "__main__":
    run()
