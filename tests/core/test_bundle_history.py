"""The bundles made for a case, file by file: newest first, and whether each file is still the one saved."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from casefile_testing import filed_case

from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
from casefile.core.bundle.history import FileRole, FileState, bundle_files, made_files
from casefile.core.hashing import hash_file
from casefile.core.library import Library
from casefile.core.model import EventKind, TimelineEvent
from casefile.core.record.history import BundleFile, BundleRecord
from casefile.core.settings import Settings


def build(library: Library, number: str, options: BundleOptions) -> BundleResult:
    return [r for r in build_bundle(library, number, options, Settings()) if isinstance(r, BundleResult)][0]


def test_each_file_of_each_bundle_newest_first_and_what_became_of_it(library: Library) -> None:
    number = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}).number
    receipt = build(library, number, BundleOptions(Venue.RECEIPT, layout="80mm", force=True))
    packet = build(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True))

    files = bundle_files(library, number)
    assert [f.path for f in files] == [*packet.files, packet.guidance_file, *receipt.files]
    assert [f.role for f in files] == [FileRole.PACKET, FileRole.GUIDANCE, FileRole.PACKET]
    assert [f.venue for f in files] == ["consumer-association", "consumer-association", "receipt"]
    assert files[0].route == "consumer-association" and files[2].layout == "80mm"
    assert files[0].pages == packet.pages and files[0].sha256 == packet.sha256[0]
    assert files[0].size == packet.files[0].stat().st_size
    assert all(f.state is FileState.PRESENT and not f.superseded for f in files)

    # The packet is altered, the receipt deleted: the history says so, and still lists them.
    os.chmod(packet.files[0], stat.S_IWUSR | stat.S_IRUSR)
    with open(packet.files[0], "ab") as fh:
        fh.write(b"%% appended")
    receipt.files[0].unlink()
    states = [f.state for f in bundle_files(library, number)]
    assert states == [FileState.CHANGED, FileState.PRESENT, FileState.MISSING]


def test_the_history_parses_only_the_log_lines_that_name_a_bundle(library: Library, monkeypatch) -> None:
    """A case of thousands of exhibits has thousands of log lines: only the bundles' are parsed, and a
    line that says "bundle" otherwise (here the case's title) is parsed and still no bundle."""
    number = filed_case(library, title="bundle", complainant={"name": "张三", "phone": "13812345678"}).number
    with library.edit(number) as writer:
        writer.add_event(TimelineEvent(at=datetime(2026, 11, 21, 9, tzinfo=UTC), kind=EventKind.CALL, summary="来电"))
    packet = build(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True))
    import casefile.core.custody as custody

    parsed: list[str] = []
    loads = custody.json.loads
    monkeypatch.setattr(custody.json, "loads", lambda line: parsed.append(line) or loads(line))
    files = bundle_files(library, number)
    assert [f.path for f in files] == [*packet.files, packet.guidance_file]
    monkeypatch.undo()
    entries = library.folder(number).custody.read()
    assert any('"title":"bundle"' in line for line in parsed)  # parsed, and found to be no bundle
    assert all('"bundle"' in line for line in parsed) and len(parsed) < len(entries)
    assert library.folder(number).custody.read(containing="") == entries


def test_a_later_bundle_for_the_same_destination_supersedes_the_earlier(tmp_path: Path) -> None:
    (tmp_path / "bundles").mkdir()

    def made(seq: int, venue: str, route: str = "", layout: str = "") -> BundleRecord:
        name = f"bundles/{seq}.pdf"
        (tmp_path / name).write_bytes(f"packet {seq}".encode())
        saved = BundleFile(name, hash_file(tmp_path / name).sha256, 1, 8)
        at = datetime(2026, 11, 29, 10, seq, tzinfo=UTC)
        return BundleRecord(seq, at, "测试员", venue, layout, (), (saved,), route=route)

    records = [
        made(1, "court"),
        made(2, "consumer-association", "consumer-association"),
        made(3, "consumer-association", "12315"),  # another destination: both stand
        made(4, "receipt", layout="a5"),
        made(5, "receipt", layout="80mm"),  # another paper
        made(6, "court"),
    ]
    files = made_files(tmp_path, records)
    assert [(f.bundle.seq, f.superseded) for f in files] == [
        (6, False),
        (5, False),
        (4, False),
        (3, False),
        (2, False),
        (1, True),
    ]
    assert all(f.state is FileState.PRESENT for f in files)


def test_casefile_show_says_which_files_are_gone_or_changed(tmp_path: Path, capsys) -> None:
    from casefile.cli import main

    library = Library.open(tmp_path / "lib", "测试员")
    number = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}).number
    receipt = build(library, number, BundleOptions(Venue.RECEIPT, layout="80mm", force=True))
    packet = build(library, number, BundleOptions(Venue.CONSUMER_ASSOCIATION, force=True))
    library.close()
    assert main(["--library", str(tmp_path / "lib"), "show", number]) == 0
    assert "(no longer" not in capsys.readouterr().out
    os.chmod(packet.files[0], stat.S_IWUSR | stat.S_IRUSR)
    packet.files[0].write_bytes(b"%PDF-1.7 another file\n")
    receipt.files[0].unlink()
    assert main(["--library", str(tmp_path / "lib"), "show", number]) == 0
    out = capsys.readouterr().out
    (changed,) = [line for line in out.splitlines() if packet.files[0].name in line]
    (gone,) = [line for line in out.splitlines() if receipt.files[0].name in line]
    assert changed.endswith("(changed since it was saved)") and gone.endswith("(no longer in the case folder)")
    assert packet.guidance_file is not None
    (notes,) = [line for line in out.splitlines() if packet.guidance_file.name in line]
    assert "(" not in notes.split("sha256")[-1]


def _changed(library: Library, number: str, respondent_address: str, recipient_phone: str) -> None:
    from casefile.core.model import Party, PartyKind, case_from_data, case_to_data

    with library.edit(number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.respondent.address = respondent_address
        changed.shipment.recipient = Party(PartyKind.PERSON, name="李四", phone=recipient_phone)
        changed.shipment.claimant = Party(PartyKind.ORGANISATION, name="某某数码科技有限公司")
        writer.update(changed)


def test_a_packet_made_again_says_each_change_from_old_to_new_masked_as_the_packet_masked_it(
    library: Library, capsys
) -> None:
    """An arbitration packet made again after the respondent moved: 被申请人地址：旧 → 新. A courier claim made again
    after the recipient's phone was corrected: the customer is no party to the claim, so the history shows the
    phone masked as the claim printed it, never the number itself; the packets before say nothing changed."""
    from casefile.cli import main
    from casefile.core.bundle.receipt_history import said

    number = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}).number
    _changed(library, number, "杭州市余杭区文一西路1号", "13912345678")
    build(library, number, BundleOptions(Venue.ARBITRATION, force=True))
    build(library, number, BundleOptions(Venue.COURIER_CLAIM, force=True))
    _changed(library, number, "杭州市西湖区文三路99号", "13987654321")
    build(library, number, BundleOptions(Venue.ARBITRATION, force=True))
    build(library, number, BundleOptions(Venue.COURIER_CLAIM, force=True))

    packets = [f for f in bundle_files(library, number) if f.role is FileRole.PACKET]
    by_venue = {(f.venue, f.superseded): [said(c) for c in f.changes] for f in packets}
    assert by_venue[("arbitration", False)] == ["被申请人地址：杭州市余杭区文一西路1号 → 杭州市西湖区文三路99号"]
    assert by_venue[("arbitration", True)] == []
    courier = by_venue[("courier-claim", False)]
    assert courier == ["收件人电话：139****5678 → 139****4321"], courier
    assert by_venue[("courier-claim", True)] == []

    library.close()
    assert main(["--library", str(library.root), "show", number]) == 0
    out = capsys.readouterr().out
    assert "      changed: 被申请人地址：杭州市余杭区文一西路1号 → 杭州市西湖区文三路99号" in out.splitlines()
    changed = [line.strip() for line in out.splitlines() if line.strip().startswith("changed:")]
    assert changed == [
        "changed: 被申请人地址：杭州市余杭区文一西路1号 → 杭州市西湖区文三路99号",
        "changed: 收件人电话：139****5678 → 139****4321",
    ]
