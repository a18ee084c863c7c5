"""A case's custody log read again after a change costs what the change appended, and reads what the core does."""

from __future__ import annotations

import json

from casefile.core import custody
from casefile.core.custody import CustodyLog, LogTail


def counted_parses(monkeypatch) -> list[bytes]:
    parsed: list[bytes] = []
    loads = json.loads

    def counted(line, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(line)
        return loads(line, *args, **kwargs)

    monkeypatch.setattr(custody.json, "loads", counted)
    return parsed


def test_an_appended_entry_is_the_only_one_read_again(tmp_path, monkeypatch):
    path = tmp_path / "CUSTODY.jsonl"
    path.write_bytes(b"".join(json.dumps({"seq": n}).encode() + b"\n" for n in range(1, 1001)))
    tail = LogTail(path)
    first = tail.read()
    assert first == CustodyLog(path).read() and len(first) == 1000
    parsed = counted_parses(monkeypatch)
    with open(path, "ab") as fh:
        fh.write(b'{"seq": 1001}\n')
    again = tail.read()
    assert parsed == [b'{"seq": 1001}']  # not the thousand before it
    assert again == CustodyLog(path).read() and again[-1] == {"seq": 1001}
    assert len(first) == 1000  # the list handed out before is not changed


def test_a_line_being_written_lines_that_do_not_parse_and_a_rewritten_log(tmp_path):
    path = tmp_path / "CUSTODY.jsonl"
    path.write_bytes(b'{"seq": 1}\n\nnot json\n{"seq": 2}\n{"seq": 3')
    tail = LogTail(path)
    assert tail.read() == CustodyLog(path).read() == [{"seq": 1}, {"seq": 2}]  # the line half written: skipped
    with open(path, "ab") as fh:
        fh.write(b'}\n{"seq": 4}\n')
    assert tail.read() == CustodyLog(path).read() == [{"seq": 1}, {"seq": 2}, {"seq": 3}, {"seq": 4}]
    # Rewritten (a case imported over it, repaired): read whole again, never glued to what was read.
    path.write_bytes(b'{"seq": 1, "v": 2}\n{"seq": 2, "v": 2}\n')
    assert tail.read() == CustodyLog(path).read() == [{"seq": 1, "v": 2}, {"seq": 2, "v": 2}]
    path.write_bytes(b'{"seq": 7}\n')
    assert tail.read() == [{"seq": 7}]
    path.unlink()
    assert tail.read() == [] == CustodyLog(path).read()
