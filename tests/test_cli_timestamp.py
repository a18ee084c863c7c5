"""casefile config / add / timestamp / verify with trusted timestamps, against a real TSA on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import new_case, run


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def test_without_a_tsa_nothing_is_stamped_and_it_is_said(capsys, lib, files):
    number = new_case(capsys, lib)
    code, _out, err = run(capsys, "--library", str(lib), "add", number, str(files))
    assert code == 0 and "no timestamp authority (TSA) is chosen in the settings" in err
    code, _out, err = run(capsys, "--library", str(lib), "timestamp", "--pending")
    assert code == 2 and "casefile config tsa_url URL" in err
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--status", number)
    assert "   1  queued" in out


def test_add_stamps_queues_when_down_and_verify_checks(capsys, lib, files, tmp_path, tsa, local_ca):
    assert run(capsys, "config", "tsa_url", tsa.url)[0] == 0
    assert run(capsys, "config", "tsa_ca_file", str(local_ca.pem))[0] == 0
    assert run(capsys, "config", "tsa_timeout", "ten")[0] == 2
    code, out, _ = run(capsys, "config", "tsa_url")
    assert tsa.url in out
    number = new_case(capsys, lib)
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(files))
    assert code == 0 and f"{number}: timestamp 0001 for exhibits 1, 2, 3, 4" in out and "CaseFile Test TSA" in out
    tsa.down = True
    extra = tmp_path / "补充.txt"
    extra.write_text("补充说明", "utf-8")
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(extra))
    assert code == 0 and "exhibits 5 queued for a timestamp" in out
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--status", number)
    assert "   5  queued (last try: the TSA at" in out and "   1  stamped" in out
    tsa.down = False
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--pending")
    assert code == 0 and f"{number}: timestamp 0002 for exhibits 5" in out
    code, out, _ = run(capsys, "--library", str(lib), "verify", number)
    assert code == 0 and "2 trusted timestamps valid" in out
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--renew", number)
    assert code == 0 and "no timestamp needs renewing within 90 days" in out
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--renew", "--within", "400", number)
    assert code == 0 and "timestamp 0003 (renews timestamp 0001)" in out and "(renews timestamp 0002)" in out


def test_a_walk_in_is_stamped_when_a_tsa_is_chosen(capsys, tmp_path, tsa, local_ca):
    from PIL import Image

    assert run(capsys, "config", "tsa_url", tsa.url)[0] == 0
    assert run(capsys, "config", "tsa_ca_file", str(local_ca.pem))[0] == 0
    photo = tmp_path / "牙刷.jpg"
    Image.new("RGB", (64, 48), (10, 120, 30)).save(photo, "JPEG")
    lib = tmp_path / "lib"
    argv = ["--library", str(lib), "walk-in", str(photo), "--title", "电动牙刷无法开机", "--type", "quality"]
    code, out, err = run(capsys, *argv, "--complainant", "王芳", "--phone", "139 1234 5678")
    assert code == 0, err
    lines = out.strip().splitlines()
    number = lines[-1]
    assert lines[-2].startswith("receipt: ")  # scripts read the receipt and the number from the end
    assert f"{number}: timestamp 0001 for exhibits 1" in out
