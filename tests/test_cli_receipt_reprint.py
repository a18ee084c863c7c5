"""A walk-in receipt printed again from the command line: the reprint after a correction is the next edition and
says what changed; printed again unchanged, it says 补打; the custody log keeps each receipt's edition."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from casefile.cli import main
from casefile.core.settings import Settings, save_settings

WALK_IN = ["--title", "电动牙刷无法开机", "--type", "quality", "--complainant", "王芳", "--phone", "13912345678"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pages(pdf: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(pdf).pages]


def receipts(custody: Path) -> list[dict]:
    """The receipts' custody entries, oldest first."""
    entries = [json.loads(line) for line in custody.read_text("utf-8").splitlines()]
    return [e for e in entries if e["action"] == "bundle" and e["details"]["venue"] == "receipt"]


def test_a_receipt_reprinted_after_a_phone_correction_is_the_second_edition_and_names_the_change(capsys, tmp_path):
    save_settings(Settings(org_name="幸福路数码店"))
    lib = tmp_path / "lib"
    picture = tmp_path / "牙刷.jpg"
    Image.new("RGB", (64, 48), (20, 30, 40)).save(picture, "JPEG")
    code, out, err = run(capsys, "--library", str(lib), "walk-in", str(picture), *WALK_IN)
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    custody = lib / "cases" / number / "CUSTODY.jsonl"
    assert receipts(custody)[0]["details"]["receipt"] == {"edition": 1}

    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--complainant-phone", "13912345687")
    assert code == 0, err
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt")
    assert code == 0, err
    customer, store = pages(Path(out.split()[0]))
    for page in (customer, store):
        assert f"回执编号{number}（第2版）" in page
        assert re.search(r"更正本回执于[\d\- :]+更正，原于[\d\- :]+出具的回执作废。", page)
    assert "电话139****5678改为139****5687" in customer and "13912345687" not in customer
    assert "电话13912345678改为13912345687" in store
    first, second = receipts(custody)
    assert second["details"]["receipt"] == {
        "edition": 2,
        "previous": first["seq"],
        "reissue": "correction",
        "changed": ["电话"],
    }

    # Printed again with nothing changed: 补打 of the second edition, the same edition in the log.
    code, out, err = run(capsys, "--library", str(lib), "bundle", number, "--venue", "receipt", "--layout", "80mm")
    assert code == 0, err
    customer, _store = pages(Path(out.split()[0]))
    assert f"{number}（第2版）" in customer and "【补打】" in customer and "【更正】" not in customer
    assert receipts(custody)[2]["details"]["receipt"] == {"edition": 2, "previous": second["seq"], "reissue": "reprint"}
    code, out, err = run(capsys, "--library", str(lib), "show", number)
    assert code == 0, err
    editions = [line.rsplit("  ", 1)[-1] for line in out.splitlines() if "投诉受理回执" in line]
    assert editions == ["(edition 1)", "(edition 2, correction)", "(edition 2, reprint)"]
    # The correction says what changed, from the value the receipt before printed to the one it prints (the store's
    # copy), under its line alone.
    lines = out.splitlines()
    changed = [line.strip() for line in lines if line.strip().startswith("changed:")]
    assert changed == ["changed: 电话：13912345678 → 13912345687"]
    assert "(edition 2, correction)" in lines[lines.index(next(x for x in lines if "changed:" in x)) - 1]


def test_list_search_finds_the_case_by_the_number_before_the_correction_and_says_so(capsys, tmp_path):
    lib = tmp_path / "lib"
    code, out, err = run(capsys, "--library", str(lib), "new", *WALK_IN, "--channel", "store")
    assert code == 0, err
    number = out.strip().splitlines()[-1].split()[0]
    code, out, err = run(capsys, "--library", str(lib), "edit", number, "--complainant-phone", "13912345687")
    assert code == 0, err
    code, out, err = run(capsys, "--library", str(lib), "list", "--search", "5678")
    assert code == 0, err
    assert out.startswith(number) and "(曾用 13912345678)" in out
    code, out, err = run(capsys, "--library", str(lib), "list", "--search", "5687")
    assert out.startswith(number) and "曾用" not in out
