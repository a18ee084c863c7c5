"""The integrity annex (电子证据完整性校验表): each file's time as its source allows, and where its original is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from preflight_cases import exhibit

from casefile.core.bundle.parts import annex_time, original_carrier, short_time
from casefile.core.model import EvidenceKind, ExhibitMetadata, Transcript

CST = timezone(timedelta(hours=8))
PHOTO = EvidenceKind.PHOTO


def test_times_say_what_they_are():
    taken = datetime(2026, 11, 20, 19, 5, 12, tzinfo=CST)
    assert annex_time(exhibit(1, PHOTO, captured_at=taken, captured_at_source="exif")) == short_time(taken)
    # A phone's clock with no zone: printed as the phone showed it, not moved into the office's zone.
    local = datetime(2026, 11, 20, 19, 15, 2)
    no_zone = exhibit(
        1, PHOTO, captured_at=local, captured_at_source="file-name", metadata=ExhibitMetadata(time_without_offset=True)
    )
    assert annex_time(no_zone) == "2026-11-20 19:15:02（设备时间）"
    copied = exhibit(1, PHOTO, captured_at=taken, captured_at_source="file-mtime")
    assert annex_time(copied) == short_time(taken) + "（文件修改时间）"
    assert annex_time(exhibit(1, PHOTO, captured_at=None)) == "—"


def test_the_original_is_where_the_file_and_its_source_say():
    phone = ExhibitMetadata(camera_make="Xiaomi", camera_model="Redmi K70")
    assert (
        original_carrier(exhibit(1, PHOTO, source="投诉人手机拍摄", metadata=phone))
        == "投诉人手机拍摄；Xiaomi Redmi K70"
    )
    call = exhibit(1, EvidenceKind.AUDIO, transcript=Transcript(device="iPhone 15 通话录音"))
    assert original_carrier(call) == "iPhone 15 通话录音"
    assert original_carrier(exhibit(1, PHOTO, source="天猫订单页截图")) == "天猫订单页截图"
    assert original_carrier(exhibit(1, PHOTO)) == "随附存储介质"  # nothing known: the copy handed in with the packet


def test_the_check_method_is_written_for_its_reader():
    """The annex tells a 消协, 12315 or an arbitration commission how to check a file (ask for the original,
    compute its SHA-256, compare), the shell command only as a note for a technical checker; the courts' rules on
    hash verification are cited in a court's packet only."""
    from test_documents import context, full_case
    from test_venue_documents import routed

    from casefile.core.bundle.context import Route, Venue
    from casefile.core.bundle.parts import check_method, timestamp_flowables

    def texts(ctx):
        """The numbered paragraphs, then the technical note (its paragraphs and commands) as one text."""
        flowables = check_method(ctx)
        at = next(i for i, p in enumerate(flowables) if p.text.startswith("技术核对说明"))
        return [p.text for p in flowables[:at]] + [" | ".join(p.text for p in flowables[at:])]

    def stamps(ctx):
        return "".join(getattr(p, "text", "") for p in timestamp_flowables(ctx))

    for ctx, holder in (
        (routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.CONSUMER_ASSOCIATION), "投诉人"),
        (routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR), "投诉人"),
        (context(full_case(), Venue.ARBITRATION), "提交人"),
    ):
        *main, note = texts(ctx)
        body = "".join(main)
        assert f"如需核对某一文件：请{holder}提供该原始文件" in body, body
        assert "sha256sum" not in body and "互联网法院" not in body and "在线诉讼规则" not in body
        # A single file's commands; not a folder its reader does not have.
        assert note.startswith("技术核对说明") and "certutil -hashfile 文件名 SHA256" in note
        assert "MANIFEST" not in note and "文件夹" not in note
        assert "仅有上述哈希值校验。" in stamps(ctx) and "互联网法院" not in stamps(ctx)
    court = "".join(texts(context(full_case(), Venue.COURT)))
    assert (
        "提交人提供案卷文件夹的，在该文件夹中运行下列命令，可一次比对全部文件： | sha256sum -c MANIFEST.sha256" in court
    )
    assert "《最高人民法院关于互联网法院审理案件若干问题的规定》第十一条" in court
    assert "《人民法院在线诉讼规则》第十六条、第十七条、第十八条" in court
    assert "互联网法院审理案件若干问题的规定》第十一条第二款" in stamps(context(full_case(), Venue.COURT))


def test_the_original_column_is_headed_for_every_venues_cells(tmp_path):
    """The annex's last column says where each original is: a device, a paper, the storage medium handed in, or
    (消协/12315) the complainant who keeps it, with how it was obtained. Its heading fits them all (原件来源及所在),
    not 原始存储介质, which a cell reading 投诉人保存 contradicts."""
    from bundle_pages import page_texts
    from test_documents import context, full_case
    from test_venue_documents import routed

    from casefile.core.bundle.context import Route, Venue
    from casefile.core.bundle.parts import annex_flowables
    from casefile.core.bundle.pdfkit import render_story

    contexts = {
        "消协": routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.CONSUMER_ASSOCIATION),
        "12315": routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR),
        "仲裁": context(full_case(), Venue.ARBITRATION),
        "法院": context(full_case(), Venue.COURT),
        "快递": context(full_case(), Venue.COURIER_CLAIM),
    }
    for name, ctx in contexts.items():
        path = tmp_path / f"{len(name)}-{id(ctx)}.pdf"
        render_story(path, annex_flowables(ctx, 0))
        text = "".join("".join(page.split()) for page in page_texts(path))
        assert "原件来源及所在" in text and "原始存储介质" not in text, name


def annex_text(ctx, path) -> str:
    from bundle_pages import page_texts

    from casefile.core.bundle.parts import annex_flowables
    from casefile.core.bundle.pdfkit import render_story

    render_story(path, annex_flowables(ctx, 0))
    return "".join("".join(page.split()) for page in page_texts(path))


def test_every_original_cell_says_where_the_original_is(tmp_path):
    """Under 原件来源及所在 a cell giving only a source (快递公司, 被投诉人开具) reads as if that source held the
    original: each cell ends with where it is, the filer who keeps it, or (arbitration, court) the copy on the
    medium handed in and the original carrier kept by the filer."""
    from test_documents import context, full_case
    from test_venue_documents import routed

    from casefile.core.bundle.context import Route, Venue
    from casefile.core.bundle.parts import original_where

    for ctx, role in (
        (routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.CONSUMER_ASSOCIATION), "投诉人"),
        (context(full_case(), Venue.ARBITRATION), "申请人"),
        (context(full_case(), Venue.COURT), "原告"),
    ):
        ctx.entries[-1].on_medium = True
        text = annex_text(ctx, tmp_path / f"{ctx.venue.value}.pdf")
        kept = len(ctx.entries) if ctx.venue is Venue.CONSUMER_ASSOCIATION else len(ctx.entries) - 1
        assert text.count(f"原件由{role}保存") == kept, (ctx.venue, text)
        if ctx.venue is not Venue.CONSUMER_ASSOCIATION:
            assert original_where(ctx, ctx.entries[-1]) == f"复制件随附存储介质，原始载体由{role}保存"
            assert f"复制件随附存储介质，原始载体由{role}保存" in text


def test_the_annex_speaks_to_its_reader_in_every_venue(tmp_path):
    """The custody log by its file name and the case folder's manifest are a court's technical checker's; a 消协, a
    regulator, a commission or a carrier reads 保管记录 and is shown how to check a file, not a folder."""
    from test_documents import context, full_case
    from test_venue_documents import routed

    from casefile.core.bundle.context import Route, Venue

    for ctx in (
        routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.CONSUMER_ASSOCIATION),
        routed(full_case(), Venue.CONSUMER_ASSOCIATION, Route.MARKET_REGULATOR),
        context(full_case(), Venue.ARBITRATION),
        context(full_case(), Venue.COURIER_CLAIM),
    ):
        text = annex_text(ctx, tmp_path / f"{id(ctx)}.pdf")
        assert "保管记录" in text
        assert "CUSTODY.jsonl" not in text and "MANIFEST" not in text and "在案卷文件夹中" not in text, ctx.venue
    court = annex_text(context(full_case(), Venue.COURT), tmp_path / "court.pdf")
    assert "保管记录（CUSTODY.jsonl）" in court and "sha256sum-cMANIFEST.sha256" in court


def test_the_time_column_heading_agrees_with_device_times(tmp_path):
    """生成/获取时间（UTC+08:00） over a cell marked （设备时间） contradicts it: the heading then says those are not
    in the zone; with no device time it names the zone alone."""
    from test_documents import context, full_case

    from casefile.core.bundle.context import Venue
    from casefile.core.bundle.parts import zone_name

    plain = annex_text(context(full_case(), Venue.ARBITRATION), tmp_path / "plain.pdf")
    assert f"生成/获取时间（{zone_name()}）" in plain and "设备时间" not in plain
    case = full_case()
    e = case.exhibits[0]
    e.captured_at, e.captured_at_source = datetime(2026, 11, 20, 19, 15, 2), "file-name"
    e.metadata.time_without_offset = True
    text = annex_text(context(case, Venue.ARBITRATION), tmp_path / "device.pdf")
    assert "2026-11-2019:15:02（设备时间）" in text
    assert f"生成/获取时间（{zone_name()}，标“设备时间”者除外）" in text


def test_the_time_column_heading_also_excepts_an_e_mail_date_without_a_zone(tmp_path):
    """An e-mail whose Date names no zone is marked （未记录时区） in the time column; the heading then says those
    times, like a device's, are not in the zone it names."""
    from test_documents import context, full_case

    from casefile.core.bundle.context import Venue
    from casefile.core.bundle.parts import zone_name
    from casefile.core.model import MailHeaders

    case = full_case()
    e = case.exhibits[0]
    e.captured_at, e.captured_at_source = datetime(2026, 11, 20, 10, 0, tzinfo=UTC), "container"
    e.metadata.email = MailHeaders(date="Fri, 20 Nov 2026 10:00:00")
    text = annex_text(context(case, Venue.ARBITRATION), tmp_path / "mail.pdf")
    assert "（未记录时区）" in text
    assert f"生成/获取时间（{zone_name()}，标“未记录时区”者除外）" in text
