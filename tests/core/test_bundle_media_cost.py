"""What a bundle of photos and PDFs costs beyond the work, counted (never timed).

- each photo printed byte for byte (a court's packet) is read once from start to end, as it is
  copied into the bundle: its hash, its markers and the decode of its tables are checked on
  that read; before it, only its header is read, for its page;
- ``casefile bundle`` of JPEG photos and PDFs loads neither the HEIC plugin, nor the video
  library, nor Qt, in a fresh process.
"""

from __future__ import annotations

import builtins
import io
from collections import Counter
from pathlib import Path
from typing import Any

from casefile_testing import filed_case, modules_loaded
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle import fill as fill_module
from casefile.core.bundle.imagepage import JpegHeader
from casefile.core.bundle.jpeg import Verdict, inspect_jpeg
from casefile.core.evidence import AddOptions, add_files
from casefile.core.library import Library
from casefile.core.settings import Settings
from casefile.core.store import reader as reader_module


def _photos_and_pdf(library: Library, tmp_path: Path) -> str:
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(3):  # bigger than a read chunk (1 MiB), so that a chunk read again shows
        img = Image.effect_noise((1400, 1000), 90 + i).convert("RGB")
        img.save(folder / f"photo-{i}.jpg", quality=100, exif=Image.Exif().tobytes())
    canvas = Canvas(str(folder / "statement.pdf"))
    for page in range(2):
        canvas.drawString(72, 720, f"Statement page {page + 1}")
        canvas.showPage()
    canvas.save()
    number = filed_case(library).number
    list(add_files(library, number, sorted(folder.iterdir()), AddOptions(purpose="证明交涉经过")))
    return number


class _Counted(io.RawIOBase):
    """A file read through, counting the bytes read from it."""

    def __init__(self, fh: Any, name: str, read: Counter[str]) -> None:
        super().__init__()
        self.fh, self.name_, self.read_ = fh, name, read

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self.fh.readinto(buffer) or 0
        self.read_[self.name_] += n
        return n

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.fh.read(size)
        self.read_[self.name_] += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return int(self.fh.seek(offset, whence))

    def tell(self) -> int:
        return int(self.fh.tell())

    def fileno(self) -> int:
        return int(self.fh.fileno())

    def close(self) -> None:
        self.fh.close()
        super().close()


def test_each_photo_is_read_once_from_start_to_end(library, tmp_path, monkeypatch):
    number = _photos_and_pdf(library, tmp_path)
    photos = {Path(e.stored_path).name: e.size for e in library.load_case(number).exhibits if e.mime == "image/jpeg"}
    assert len(photos) == 3 and min(photos.values()) > 1 << 20
    opened: Counter[str] = Counter()
    read: Counter[str] = Counter()

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = builtins.open(file, mode, *args, **kwargs)  # noqa: SIM115 - handed to the caller, who closes it
        name = Path(file).name
        if name not in photos:
            return fh
        opened[name] += 1
        return _Counted(fh, name, read)

    monkeypatch.setattr(reader_module, "open", counting_open, raising=False)
    monkeypatch.setattr(fill_module, "open", counting_open, raising=False)
    results = list(build_bundle(library, number, BundleOptions(Venue.COURT, force=True), Settings(org_name="某公司")))
    assert isinstance(results[-1], BundleResult)
    assert opened == {name: 2 for name in photos}  # a glance at its header, and the copy into the bundle
    for name, size in photos.items():  # every byte once, and the header's few hundred twice
        assert size <= read[name] <= size + (16 << 10), name


def test_a_bundle_of_photos_and_pdfs_loads_no_plugin_it_does_not_use(library, tmp_path):
    number = _photos_and_pdf(library, tmp_path)
    library.close()
    argv = ["--library", str(library.root), "bundle", number, "--venue", "court", "--force"]
    code, loaded, _out, err = modules_loaded(argv, ["pillow_heif", "av", "PySide6", "watchdog", "fitz"])
    assert (code, loaded) == (0, []), err


def _mpo() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6
    first, second = (Image.effect_noise((300, 200), 40 + i).convert("RGB") for i in range(2))
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second], exif=exif.tobytes(), dpi=(300, 300))
    return buffer.getvalue()


def _cmyk() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((300, 200), 40).convert("CMYK").save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_header_read_from_the_kept_segments_is_the_files():
    for data in (_mpo(), _cmyk()):
        inspection = inspect_jpeg(io.BytesIO(data))
        assert inspection.verdict is Verdict.CLEAN
        with Image.open(io.BytesIO(data)) as whole, Image.open(io.BytesIO(inspection.skeleton)) as kept:
            assert (kept.format, JpegHeader.of(kept)) == (whole.format, JpegHeader.of(whole))
        assert len(inspection.skeleton) < len(data) // 2  # the scans' data is not in it
