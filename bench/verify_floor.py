"""The least any verification of a case folder written in Python can do, as a command of its own.

It does only what ``sha256sum -c MANIFEST.sha256`` does (hash each listed file, compare) and reads
the custody log as any check of the log and record must before anything else: each line parsed as
JSON. It does not re-hash the chain, fold the log into a record, compare it with case.json or
look for files no entry accounts for, all of which ``casefile verify`` must also do. Run with
``python -I`` (no site, nothing imported but the standard library's json, hashlib and os), it
measures the floor that ``bench/scaling.py --only verify`` sets beside ``casefile verify``.

    python -I bench/verify_floor.py CASE_FOLDER
"""

import hashlib
import json
import os
import sys

_READ = 1 << 16  # bounded reads: a read of a megabyte per small file would cost a page-faulted buffer each


def main(folder: str) -> int:
    os.chdir(folder)
    with open("CUSTODY.jsonl", "rb") as fh:
        entries = [json.loads(line) for line in fh if line.strip()]
    bad = 0
    with open("MANIFEST.sha256", "rb") as fh:
        for line in fh:
            digest, name = line.rstrip(b"\n").split(b"  ", 1)
            fd = os.open(name, os.O_RDONLY)
            try:
                sha = hashlib.sha256()
                while chunk := os.read(fd, _READ):
                    sha.update(chunk)
            finally:
                os.close(fd)
            bad += sha.hexdigest().encode() != digest
    return 1 if bad or not entries else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
