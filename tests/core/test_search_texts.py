"""The derived-text store: keyed by SHA-256 and producer, derived data that may vanish or rot."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casefile.core.search.texts import DerivedText, PageText, TextBox, TextStore


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_round_trip_and_listing(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    sha = _sha(b"a")
    item = DerivedText(
        sha256=sha,
        producer="ocr",
        engine="rapidocr 3.10.0",
        pages=(PageText(1, "退款 13800138000", (TextBox(1, 2, 30, 12, "退款", 0.98),), width=100, height=50),),
    )
    path = store.put(item)
    assert path.parent.parent == tmp_path / ".derived" / "text"
    assert store.get(sha, "ocr") == item
    assert store.get(sha, "pdf-text") is None
    store.put(DerivedText(sha, "pdf-text", "pdfium", (PageText(1, "a"), PageText(2, "b"))))
    assert store.producers(sha) == ["ocr", "pdf-text"]
    assert store.get(sha, "pdf-text").text == "a\fb"  # type: ignore[union-attr]
    assert sorted(i.producer for i in store.all()) == ["ocr", "pdf-text"]


def test_damaged_or_misplaced_records_count_as_absent(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    one, two = _sha(b"1"), _sha(b"2")
    store.put(DerivedText(one, "ocr", "e", (PageText(1, "x"),)))
    store.path(one, "ocr").write_text("{not json", encoding="utf-8")
    assert store.get(one, "ocr") is None
    store.put(DerivedText(two, "ocr", "e", (PageText(1, "y"),)))
    moved = store.path(one, "ocr")
    moved.write_bytes(store.path(two, "ocr").read_bytes())
    assert store.get(one, "ocr") is None
    assert [i.sha256 for i in store.all()] == [two]
    store.path(two, "ocr").write_text("[" * 5_000 + "]" * 5_000, encoding="utf-8")
    assert store.get(two, "ocr") is None


def test_refuses_names_that_are_not_keys(tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    with pytest.raises(ValueError):
        store.path("../../etc", "ocr")
    with pytest.raises(ValueError):
        store.path(_sha(b"a"), "../x")
