"""One file per component for online filing: named in Chinese, each under the size limit, each
numbered on its own, and an evidence list whose page column finds each exhibit in the evidence file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bundle_pages import MM, build, layout, mixed_case, page_texts, statuses_after_tampering
from PIL import Image

from casefile.cli import main
from casefile.core.bundle.context import Venue
from casefile.core.evidence import AddOptions, add_files
from casefile.core.record.history import bundle_history
from casefile.core.verify import FileStatus, verify_case


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def packet_base(path: Path) -> str:
    """The name every file of a packet starts with (a volume's name less its -第1册-共3册 or -vol1of3)."""
    return re.sub(r"-(vol\d+of\d+|第\d+册-共\d+册)$", "", path.stem)


@pytest.fixture
def number(library, tmp_path) -> str:
    number = mixed_case(library, tmp_path / "in")
    big = tmp_path / "big"
    big.mkdir()
    for i in range(3):
        Image.effect_noise((900, 900), 80).convert("RGB").save(big / f"noise{i}.jpg", quality=95)
    list(add_files(library, number, [big], AddOptions(purpose="证明外包装破损")))
    return number


def test_court_components_named_in_chinese_and_under_the_limit(library, number):
    result = build(library, number, Venue.COURT, force=True, components=True, split_mb=1)
    base = packet_base(result.files[0])
    names = [p.name for p in result.components]
    evidence = [n for n in names if n.startswith(f"{base}-证据-第")]
    assert len(evidence) > 1, names  # 3 MB of photos under a 1 MB limit: volumes
    assert names == [
        f"{base}-民事起诉状.pdf",
        f"{base}-证据目录.pdf",
        *[f"{base}-证据-第{v}册.pdf" for v in range(1, len(evidence) + 1)],
        f"{base}-身份证明.pdf",
        f"{base}-送达地址确认书.pdf",
    ]
    for path in result.components:
        pages = page_texts(path)
        assert path.stat().st_size <= 1024 * 1024 * 1.05 or len(pages) <= 3, path.name
    # The packet is still made, whole (no split asked of it beyond the limit given).
    assert result.files and all(p.exists() for p in result.files)


def test_each_component_numbers_its_own_pages(library, number):
    result = build(library, number, Venue.COURT, force=True, components=True, split_mb=1)
    by_name = {p.name.rsplit("-", 1)[-1]: p for p in result.components}
    for name, label in (("民事起诉状.pdf", "民事起诉状"), ("证据目录.pdf", "证据目录"), ("身份证明.pdf", "身份证明")):
        pages = [flat(p) for p in page_texts(by_name[name])]
        assert pages and all(f"第{n}页/共{len(pages)}页" in p for n, p in enumerate(pages, start=1)), name
        assert all(label in p for p in pages)
    volumes = [p for p in result.components if "-证据-第" in p.name]
    total = sum(len(page_texts(v)) for v in volumes)
    n = 0
    for v, volume in enumerate(volumes, start=1):
        for text in page_texts(volume):
            n += 1
            assert f"证据文件第{n}页/共{total}页" in flat(text) and f"第{v}册/共{len(volumes)}册" in flat(text)
    # The cover is a paper packet's: not in any component. The annex ends the evidence.
    assert not any("民事起诉材料" in t for p in result.components for t in page_texts(p)[:1])
    assert "电子证据完整性校验表" in "".join(page_texts(volumes[-1])[-3:])


def test_the_evidence_list_finds_each_exhibit_in_the_evidence_file(library, number):
    """证据目录's page column: the volume and the evidence file's page of each exhibit's separator."""
    result = build(library, number, Venue.COURT, force=True, components=True, split_mb=1)
    listing = next(p for p in result.components if p.name.endswith("-证据目录.pdf"))
    volumes = [p for p in result.components if "-证据-第" in p.name]
    # Where each exhibit's separator is: (volume, page number printed in its footer).
    where: dict[str, tuple[int, int]] = {}
    for v, volume in enumerate(volumes, start=1):
        for text in page_texts(volume):
            found = re.search(r"证据(\d+)第1/\d+页", flat(text))
            page = re.search(r"证据文件第(\d+)页", flat(text))
            if found and page:
                where.setdefault(found.group(1), (v, int(page.group(1))))
    case = library.load_case(number)
    assert len(where) == len(case.exhibits)
    text = flat("".join(page_texts(listing)))
    assert "证据文件页码" in text and f"{packet_base(result.files[0])}-证据-第n册.pdf" in text
    rows = 0
    for page in layout(listing):
        for line in page.lines:
            label = "".join(w.text for w in line)
            if not re.fullmatch(r"证据\d+", label):
                continue
            middle = (line[0].y0 + line[0].y1) / 2
            # The 页码 column: 25 mm binding margin + the widths before it.
            column = [
                w.text for w in page.words if 141 * MM <= w.x0 <= 155 * MM and abs((w.y0 + w.y1) / 2 - middle) < 14
            ]
            volume, first = where[label[2:]]
            cell = "".join(column)
            assert f"第{volume}册" in cell and re.search(rf"(^|册){first}(-\d+)?$", cell), (label, cell)
            rows += 1
    assert rows == len(case.exhibits)


def test_components_recorded_and_verified(library, number):
    result = build(library, number, Venue.COURT, force=True, components=True)
    made = bundle_history(library.folder(number).custody.read())[-1]
    assert [f.name for f in made.components] == [f"bundles/{p.name}" for p in result.components]
    assert [f.sha256 for f in made.components] == result.component_sha256
    assert [f.component for f in made.components] == ["民事起诉状", "证据目录", "证据", "身份证明", "送达地址确认书"]
    report = list(verify_case(library, number))[-1]
    assert report.ok
    intact = {f.path for f in report.files if f.status is FileStatus.INTACT}
    assert {f.name for f in made.components} <= intact
    assert statuses_after_tampering(library, number, result.components[2]) == [FileStatus.MODIFIED]


def test_other_venues_get_their_own_main_document(library, number):
    result = build(library, number, Venue.CONSUMER_ASSOCIATION, force=True, components=True)
    names = [p.name.split("-")[-1] for p in result.components]
    assert names == ["消费投诉书.pdf", "证据目录.pdf", "证据.pdf", "身份证明.pdf"]


def test_identity_placeholder_lists_what_to_attach(library, number):
    result = build(library, number, Venue.COURT, force=True, components=True)
    identity = next(p for p in result.components if p.name.endswith("-身份证明.pdf"))
    text = "".join(page_texts(identity)).replace("\n", "")
    assert "居民身份证复印件" in text and "企业信用信息公示报告" in text and "张三" in text


@pytest.mark.parametrize(
    "venue, document, copies",
    [(Venue.ARBITRATION, "仲裁申请书", "本申请书副本1份"), (Venue.COURT, "民事起诉状", "本状副本1份")],
    ids=["arbitration", "court"],
)
def test_the_packet_holds_what_its_document_attaches(library, tmp_path, venue, document, copies):
    """附 lists the copies for the other side and the identity papers: the filing holds them, the
    copies as many as listed, and the 身份证明 component is the same page as the filing's."""
    number = mixed_case(library, tmp_path / "in")
    result = build(library, number, venue, force=True, components=True)
    (packet,) = result.files
    pages = [flat(p) for p in page_texts(packet)]
    main = next(p for p in pages if document in p and "附：" in p)
    assert copies in main and "身份证明" in main
    assert sum(1 for p in pages if p.startswith("副本（送达被") and document in p) == 1
    identity = [p for p in pages if p.startswith("身份证明")]
    assert len(identity) == 1 and "请将下列材料扫描或拍照后" in identity[0]
    # Online filing: the identity papers once, as their own file; no copy for the other side.
    names = [p.name.rsplit("-", 1)[-1] for p in result.components]
    assert names.count("身份证明.pdf") == 1 and not any("副本" in n for n in names)
    (component,) = [p for p in result.components if p.name.endswith("-身份证明.pdf")]
    assert "请将下列材料扫描或拍照后" in flat("".join(page_texts(component)))


def test_command_line_components(library, number, capsys, tmp_path: Path):
    code = main(["--library", str(library.root), "bundle", number, "--venue", "court", "--components", "--force"])
    out = capsys.readouterr().out
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("component: ")]
    assert len(lines) == 5 and "民事起诉状.pdf" in lines[0] and "送达地址确认书.pdf" in lines[-1]
    assert any(line.startswith("guidance (not part of the packet): ") for line in out.splitlines())
