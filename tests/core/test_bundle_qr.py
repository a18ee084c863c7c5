"""Separator pages' QR codes: the same modules segno makes, without segno's cost per code."""

from __future__ import annotations

import random

import segno

from casefile.core.bundle.parts import qr_payload
from casefile.core.bundle.pdfkit import QrCode
from casefile.core.bundle.qr import ALPHANUMERIC, qr_modules


def _segno(data: str) -> list[list[bool]]:
    return [[bool(v) for v in row] for row in segno.make_qr(data, error="m", boost_error=False, mask=0).matrix]


def test_codes_are_segnos_for_every_length_and_version():
    rng = random.Random(13)
    versions = set()
    for length in range(1, 280):  # up to past version 9's capacity, where segno takes over
        for _ in range(2):
            data = "".join(rng.choice(ALPHANUMERIC) for _ in range(length))
            assert qr_modules(data) == _segno(data), data
            versions.add(len(qr_modules(data)))
    assert {21, 25, 29, 33, 37, 41, 45, 49, 53} <= versions  # versions 1 to 9 and beyond


def test_other_text_is_left_to_segno():
    for data in ("1234567", "case 202611-001", "网购纠纷", "https://example.cn/a?b=1"):
        assert qr_modules(data) == _segno(data)


def test_separator_codes_never_run_segno(monkeypatch):
    calls = [0]
    real = segno.make_qr

    def counted(*args: object, **kwargs: object) -> segno.QRCode:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    payloads = [qr_payload("202611-001", str(n), "ab" * 32, n) for n in (1, 9, 10, 99, 100, 999, 1000, 4999, 12345)]
    expected = [_segno(payload) for payload in payloads]
    monkeypatch.setattr(segno, "make_qr", counted)
    assert [QrCode(payload, 100).modules for payload in payloads] == expected
    assert calls[0] == 0  # the payload is upper-case ASCII: encoded here, once a code
