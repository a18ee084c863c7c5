"""casefile config / add / timestamp / verify with trusted timestamps, against a real TSA on 127.0.0.1."""

from __future__ import annotations

import json
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
    assert run(capsys, "config", "tsa_root_sha256", str(local_ca.pem))[0] == 0  # the user confirmed this root
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


def _fingerprint(pem: Path) -> str:
    """The root's SHA-256 fingerprint as openssl prints it."""
    import hashlib

    from asn1crypto import pem as asn1_pem

    _type, _headers, der = asn1_pem.unarmor(pem.read_bytes())
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, 64, 2))


def test_a_stamp_whose_root_is_not_pinned_is_never_called_trusted(capsys, lib, files, tmp_path, tsa, local_ca):
    """Anyone can make a root and a TSA under any name: until the user pins the root (its fingerprint, checked
    against what the authority publishes), add, status, show and verify say "root not checked" and how to pin."""
    fingerprint = _fingerprint(local_ca.pem)
    assert run(capsys, "config", "tsa_url", tsa.url)[0] == 0
    assert run(capsys, "config", "tsa_ca_file", str(local_ca.pem))[0] == 0
    number = new_case(capsys, lib)
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(files))
    assert code == 0 and f"{number}: timestamp 0001 for exhibits 1, 2, 3, 4" in out
    assert "timestamp (root not checked)" in out and "trusted" not in out
    assert "CaseFile Test Root CA" in out and fingerprint in out
    assert err.count("not one you pinned") == 1 and "casefile config tsa_root_sha256 FILE.pem" in err
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--status", number)
    assert "   1  stamped" in out and "root not checked" in out and fingerprint in out
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert "0001" in out and "timestamp (root not checked)" in out and fingerprint in out
    # A script reads the same as a person: the stamp's root is not pinned, and which root it is.
    stamp = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])["timestamps"][0]
    assert stamp["root_pinned"] is False and stamp["root_label"] == "timestamp (root not checked)"
    assert [(r["subject"], r["sha256"]) for r in stamp["roots"]] == [
        ("CN=CaseFile Test Root CA", fingerprint.replace(":", "").lower())
    ]
    code, out, _ = run(capsys, "--library", str(lib), "verify", number)
    assert code == 0 and "1 timestamps valid (root not checked: " in out and "trusted" not in out
    assert fingerprint in out

    # Pinned from the root's file (as the user got it from the authority): the same stamps are trusted now.
    code, out, _ = run(capsys, "config", "tsa_root_sha256", str(local_ca.pem))
    assert code == 0 and fingerprint in out and "CaseFile Test Root CA" in out
    code, out, _ = run(capsys, "--library", str(lib), "verify", number)
    assert code == 0 and "1 trusted timestamps valid (root pinned)" in out
    extra = tmp_path / "补充.txt"
    extra.write_text("补充说明", "utf-8")
    code, out, err = run(capsys, "--library", str(lib), "add", number, str(extra))
    assert code == 0 and "trusted timestamp (root pinned)" in out and "tsa_root_sha256" not in err
    code, out, _ = run(capsys, "--library", str(lib), "show", number)
    assert "root not checked" not in out and out.count("trusted timestamp (root pinned)") == 2
    stamps = json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])["timestamps"]
    assert [(s["root_pinned"], s["root_label"]) for s in stamps] == [(True, "trusted timestamp (root pinned)")] * 2


def test_pinning_by_fingerprint_and_pinning_nothing(capsys, local_ca, tmp_path):
    fingerprint = _fingerprint(local_ca.pem)
    code, _out, err = run(capsys, "config", "tsa_root_sha256", str(tmp_path / "missing-root.pem"))
    assert code == 2 and "is not a file" in err
    tsa_cert, _key = local_ca.issue_tsa("not-a-root")
    code, _out, err = run(capsys, "config", "tsa_root_sha256", str(tsa_cert))
    assert code == 2 and "holds no root certificate" in err
    code, out, _ = run(capsys, "config", "tsa_root_sha256", f"SHA256 Fingerprint={fingerprint}")
    assert code == 0 and fingerprint.replace(":", "").lower() in out
    code, _out, err = run(capsys, "config", "tsa_root_sha256", "ab:cd")
    assert code == 2 and "is not a SHA-256 fingerprint" in err
    code, out, _ = run(capsys, "config", "tsa_root_sha256")
    assert fingerprint.replace(":", "").lower() in out  # the refused value changed nothing
    code, out, _ = run(capsys, "config", "tsa_root_sha256", "")
    assert code == 0 and "tsa_root_sha256 = ''" in out


def test_a_pinned_root_does_not_vouch_for_another_authority_of_the_same_name(capsys, lib, files, tmp_path, local_ca):
    """A self-made root under a real authority's name: pinning the real root leaves the forger's stamps unchecked,
    and an imported case says which roots its stamps rely on."""
    from tsa_server import TSA, make_ca

    forger = make_ca(tmp_path / "forged-ca", "CaseFile Test Root CA")  # the same name, another key
    cert, key = forger.issue_tsa("forged")
    server = TSA(forger, tmp_path / "forged-tsa", cert, key, embed_ca=True)
    (tmp_path / "forged-tsa").mkdir()
    server.start()
    try:
        assert run(capsys, "config", "tsa_url", server.url)[0] == 0
        assert run(capsys, "config", "tsa_root_sha256", str(local_ca.pem))[0] == 0
        number = new_case(capsys, lib)
        code, out, err = run(capsys, "--library", str(lib), "add", number, str(files))
        assert code == 0 and "timestamp (root not checked)" in out and _fingerprint(forger.pem) in out
        assert "not one you pinned" in err
        archive = tmp_path / "case.zip"
        assert run(capsys, "--library", str(lib), "export", number, "-o", str(archive))[0] == 0
    finally:
        server.stop()
    code, out, err = run(capsys, "--library", str(tmp_path / "other"), "import", str(archive))
    assert (
        code == 0 and f"its timestamps rely on root CN=CaseFile Test Root CA, SHA-256 {_fingerprint(forger.pem)}" in out
    )
    assert "timestamp (root not checked)" in out and "tsa_root_sha256" in err


def test_a_stamps_time_is_shown_in_the_zone_times_are_shown_in(capsys, lib, files, tsa, local_ca, machine_zone):
    """add and timestamp --status give the stamp's time as the integrity annex prints it (Beijing time, to the
    second), not in the TSA's UTC; in the computer's zone, when chosen, with that zone's offset."""
    from casefile.core import zone
    from casefile.core.library import Library

    assert run(capsys, "config", "tsa_url", tsa.url)[0] == 0
    assert run(capsys, "config", "tsa_ca_file", str(local_ca.pem))[0] == 0
    number = new_case(capsys, lib)
    code, out, _ = run(capsys, "--library", str(lib), "add", number, str(files))
    assert code == 0
    stamp = Library(lib, "测试员").load_case(number).timestamps[0]
    assert stamp.time is not None
    beijing = zone.shown(stamp.time).strftime("%Y-%m-%d %H:%M:%S")
    assert f"for exhibits 1, 2, 3, 4: {beijing} by " in out and "+00:00" not in out
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--status", number)
    assert f"   1  stamped {beijing} by " in out
    machine_zone("America/Los_Angeles")
    assert run(capsys, "config", "times_in_computer_zone", "true")[0] == 0
    zone.use_computer_zone(True)
    pacific = zone.shown(stamp.time)
    offset = zone.offset_label(stamp.time)
    assert offset.startswith("UTC-0")
    code, out, _ = run(capsys, "--library", str(lib), "timestamp", "--status", number)
    assert f"   1  stamped {pacific:%Y-%m-%d %H:%M:%S} ({offset}) by " in out
