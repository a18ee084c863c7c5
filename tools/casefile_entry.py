"""Entry point of the packaged app: the casefile command; without arguments, the window."""

import sys

from casefile.cli import main

if __name__ == "__main__":
    sys.exit(main())
