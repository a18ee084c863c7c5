"""The integrity annex prints each exhibit's trusted timestamp and the openssl command that checks it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bundle_pages import build, page_texts
from casefile_testing import filed_case

from casefile.cli import main
from casefile.core.bundle import Venue
from casefile.core.evidence import add_files
from casefile.core.timestamps.stamping import TsaConfig, stamp_case


def _annex(path: Path) -> str:
    pages = page_texts(path)
    return "\n".join(p for p in pages if "时间戳" in p)


def test_annex_prints_stamps_and_the_command_that_checks_them(capsys, library, files, tsa, local_ca, tmp_path):
    case = filed_case(library)
    list(add_files(library, case.number, [files]))
    stamp = stamp_case(library, case.number, TsaConfig(tsa.url, str(local_ca.pem))).stamp
    assert stamp is not None
    out_dir = tmp_path / "for-the-expert"
    code = main(
        ["--library", str(library.root), "bundle", case.number, "--venue", "court", "--force"]
        + ["--stamp-files", str(out_dir)]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    pdf = Path(re.search(r"^(\S+\.pdf)  sha256", out, re.M).group(1))
    annex = _annex(pdf)
    assert "CaseFile Test TSA" in annex and f"序列号 {stamp.serial}" in annex
    assert "openssl ts -verify -digest" in annex and stamp.root[:32] in annex and stamp.root[32:] in annex
    assert "0x00" in annex and "树根" in annex
    # The files written beside the packet check with openssl alone, with the command the annex prints.
    base = "timestamps/0001"
    result = subprocess.run(
        ["openssl", "ts", "-verify", "-digest", stamp.root, "-in", f"{base}/token.tsr", "-CAfile", f"{base}/ca.pem"]
        + ["-untrusted", f"{base}/chain.pem"],
        cwd=out_dir,
        capture_output=True,
        text=True,
    )
    assert "Verification: OK" in result.stdout, result.stderr
    assert (out_dir / "README-timestamps.txt").is_file() and (out_dir / base / "tree.json").is_file()
    # The commands as printed, typed from paper: one line, a space at each of their line breaks.
    verify = _printed_command(annex, "openssl ts -verify")
    assert stamp.root in verify
    result = subprocess.run(verify, cwd=out_dir, capture_output=True, text=True)
    assert "Verification: OK" in result.stdout, (verify, result.stderr)
    fingerprint = _printed_command(annex, "openssl x509 -in")
    assert fingerprint == ["openssl", "x509", "-in", f"{base}/ca.pem", "-noout", "-fingerprint", "-sha256"]
    result = subprocess.run(fingerprint, cwd=out_dir, capture_output=True, text=True)
    assert result.returncode == 0 and "Fingerprint=" in result.stdout, result.stderr
    # No command is left in running text, where a line break may fall inside a word or lose a space.
    assert "openssl x509 -in timestamps/编号" not in annex and "摘要连续输入" not in annex


def _printed_command(text: str, start: str) -> list[str]:
    """The words of the command printed from ``start`` on, to the blank line after it."""
    at = text.index(start)
    block = text[at : text.find("\n\n", at)]
    return block.split()


def test_annex_says_when_nothing_is_stamped(library, files):
    case = filed_case(library)
    list(add_files(library, case.number, [files]))
    result = build(library, case.number, Venue.COURT, force=True)
    annex = _annex(result.files[0])
    assert "本案证据未申请可信时间戳" in annex and "互联网法院" in annex


def _bundle(capsys, library, case_number: str) -> str:
    code = main(["--library", str(library.root), "bundle", case_number, "--venue", "court", "--force"])
    out = capsys.readouterr().out
    assert code == 0, out
    pdf = Path(re.search(r"^(\S+\.pdf)  sha256", out, re.M).group(1))
    return "\n".join(p for p in page_texts(pdf) if "RFC 3161" in p or "Verification" in p)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_annex_names_the_root_and_calls_an_unpinned_one_unchecked(capsys, library, files, tsa, local_ca):
    """The annex prints the TSA's certificate, the root's subject and SHA-256 fingerprint, and says that
    openssl's OK shows only that the token matches the ca.pem beside it; a root the user did not pin is never
    printed as 可信时间戳, one they pinned is printed as checked against their fingerprint."""
    import hashlib

    from asn1crypto import pem

    case = filed_case(library)
    list(add_files(library, case.number, [files]))
    stamp = stamp_case(library, case.number, TsaConfig(tsa.url, str(local_ca.pem))).stamp
    assert stamp is not None
    digest = hashlib.sha256(pem.unarmor(local_ca.pem.read_bytes())[2]).hexdigest().upper()
    fingerprint = ":".join(digest[i : i + 2] for i in range(0, 64, 2))
    annex = _flat(_bundle(capsys, library, case.number))
    assert "时间戳（根证书未经核对）0001" in annex and "可信时间戳0001" not in annex
    assert "可信时间戳（RFC3161）" not in annex and "时间戳（RFC3161）" in annex
    assert "CaseFileTestRootCA" in annex and fingerprint in annex and "CaseFileTestTSA" in annex
    assert "即时间戳有效" not in annex and "-fingerprint-sha256" in annex and "公布的根证书指纹" in annex
    assert "已与用户配置的根证书指纹核对" not in annex

    assert main(["config", "tsa_root_sha256", str(local_ca.pem)]) == 0
    capsys.readouterr()
    annex = _flat(_bundle(capsys, library, case.number))
    assert "可信时间戳0001" in annex and "已与用户配置的根证书指纹核对" in annex and "可信时间戳（RFC3161）" in annex
    assert "根证书未经核对" not in annex and fingerprint in annex and "即时间戳有效" not in annex
