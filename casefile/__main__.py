from casefile.cli import run

run()
