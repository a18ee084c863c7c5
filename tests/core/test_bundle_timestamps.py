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
    return "\n".join(p for p in pages if "可信时间戳" in p)


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


def test_annex_says_when_nothing_is_stamped(library, files):
    case = filed_case(library)
    list(add_files(library, case.number, [files]))
    result = build(library, case.number, Venue.COURT, force=True)
    annex = _annex(result.files[0])
    assert "本案证据未申请可信时间戳" in annex and "互联网法院" in annex
