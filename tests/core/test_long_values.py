"""Every form prints any value the record accepts: a value at its field's length limit flows over pages (or, where
the layout keeps a block on one page, is cut with a note) and never stops the packet or receipt being made."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from casefile.core.bundle import BundleOptions, BundleResult, build_bundle
from casefile.core.errors import CaseFileError
from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case, Party, from_data
from casefile.core.settings import Settings
from casefile.core.validate import SHORT_TEXT_LIMIT, check_input, text_limit
from casefile.core.venues import Venue

SETTINGS = Settings(org_name="某某数码科技有限公司", org_phone="400-800-1234", org_address="上海市浦东新区某路1号")
PERSON = {
    "kind": "person",
    "name": "张三",
    "phone": "13812345678",
    "email": "a@example.cn",
    "address": "上海市徐汇区某路8号",
    "postcode": "200030",
    "gender": "男",
    "ethnicity": "汉",
    "occupation": "职员",
    "employer": "某公司",
    "store": "某店",
    "platform": "淘宝",
}
COMPANY = {
    "kind": "organisation",
    "name": "某某数码旗舰店",
    "phone": "021-12345678",
    "address": "杭州市余杭区某街1号",
    "legal_representative": "李四",
    "representative_title": "总经理",
    "store": "某某店",
    "platform": "淘宝",
}
# A case with every field a packet or the receipt prints filled in; every text among them is then made as long
# as its field accepts.
FULL: dict[str, Any] = {
    "title": "手机屏幕碎裂",
    "complained_at": "2026-11-20T10:30:00+08:00",
    "channel": "store",
    "type": "quality",
    "channel_ref": "GD2026112000001",
    "responsibility_rationale": "商品收货时即已损坏",
    "complainant": PERSON,
    "respondent": COMPANY,
    "courier": {**COMPANY, "name": "某某速运有限公司"},
    "agent": {"name": "王五", "phone": "13912345678", "employer": "某某律师事务所", "licence_no": "13101200000000000"},
    "filing": {
        "court": "上海市徐汇区人民法院",
        "arbitration_body": "上海仲裁委员会",
        "consumer_body": "上海市徐汇区消费者权益保护委员会",
        "cause": "买卖合同纠纷",
        "jurisdiction_clause": True,
        "jurisdiction_terms": "争议提交上海仲裁委员会仲裁",
        "preservation": True,
        "preservation_detail": "上海市徐汇区人民法院",
    },
    "transaction": {
        "order_no": "TB2026112000001",
        "platform": "淘宝",
        "product": "手机",
        "brand_model": "某牌X1",
        "quantity": 1,
        "amount": "1299.00",
        "payment_method": "支付宝",
        "purchased_at": "2026-11-10T10:00:00+08:00",
    },
    "shipment": {
        "waybill_no": "SF1234567890123",
        "carrier": "某某速运",
        "outlet": "徐汇网点",
        "signer": "本人",
        "delivery_mode": "送货上门",
        "exception_type": "破损",
        "sender": COMPANY,
        "recipient": PERSON,
        "claimant": PERSON,
    },
    "demands": [{"type": "refund", "amount": "1299.00", "description": "退还货款", "basis": "消费者权益保护法"}],
    "facts": "2026年11月18日收到手机，开箱发现屏幕碎裂。",
    "timeline": [
        {
            "at": "2026-11-18T10:00:00+08:00",
            "kind": "note",
            "summary": "开箱发现屏幕碎裂",
            "place": "家中",
            "people": "张三",
            "ref": "记录1",
            "party": "respondent",
            "decision": "拍照留存",
        }
    ],
    "handed_items": [{"name": "购物小票", "count": 1, "handed_in": "original", "disposition": "returned"}],
}
LONG = "很长的名字"  # CJK: wraps anywhere, as a name or a product pasted from a shop's page does


def _strings(data: Any) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(where, the dict holding it, key) of every text in ``data``, ``where`` as validation names it."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from _leaf(data, key, value, "")


def _leaf(holder: Any, key: Any, value: Any, path: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    where = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else key
    if isinstance(value, str):
        yield where, holder, key
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _leaf(value, k, v, where)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaf(value, i, v, where)


def at_the_limit(text: str = LONG) -> tuple[dict[str, Any], list[str]]:
    """:data:`FULL` with every text the record accepts at any length as long as its field allows (at most
    SHORT_TEXT_LIMIT: a long text such as the facts already flows over pages), and the fields made long."""
    data = copy.deepcopy(FULL)
    longer = []
    for where, holder, key in list(_strings(data)):
        size = min(text_limit(where), SHORT_TEXT_LIMIT)
        old = holder[key]
        holder[key] = (text * size)[:size]
        try:
            check_input(from_data(Case, {"number": "", **data}))
        except CaseFileError:  # a phone, a date, a choice: a form of its own, not free text
            holder[key] = old
        else:
            longer.append(where)
    return data, longer


def build(library: Library, number: str, venue: Venue, **kw: Any) -> BundleResult:
    result = list(build_bundle(library, number, BundleOptions(venue, force=True, **kw), SETTINGS))[-1]
    assert isinstance(result, BundleResult)
    return result


def test_the_long_case_has_every_name_address_and_product_at_the_limit():
    _, longer = at_the_limit()
    for where in ("complainant.name", "respondent.name", "transaction.product", "filing.court", "agent.name"):
        assert where in longer
    assert "complainant.phone" not in longer


PACKETS = [
    *[(venue, {"route": route}) for venue in Venue if venue is not Venue.RECEIPT for route in venue.routes or [None]],
    (Venue.RECEIPT, {"layout": "a5"}),
    (Venue.RECEIPT, {"layout": "80mm"}),
]


@pytest.mark.parametrize(
    ("venue", "options"),
    PACKETS,
    ids=lambda v: str(v.get("route") or v.get("layout") or "-") if isinstance(v, dict) else str(v),
)
def test_every_venue_prints_every_text_field_at_its_length_limit(library, venue, options):
    data, _ = at_the_limit()
    number = library.create_case(case_from_fields(data)).number
    result = build(library, number, venue, **options)
    reader = PdfReader(result.files[0])
    assert len(reader.pages) == result.pages > 1
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert LONG * 20 in text.replace("\n", "")


def test_a_correction_repeating_an_old_long_name_prints(library):
    """The 更正 row beside the QR code names the old value: a name at the limit, corrected, still prints."""
    name = (LONG * SHORT_TEXT_LIMIT)[:SHORT_TEXT_LIMIT]
    number = library.create_case(case_from_fields({**FULL, "complainant": {**PERSON, "name": name}})).number
    build(library, number, Venue.RECEIPT, layout="80mm")
    with library.edit(number) as writer:
        changed = copy.deepcopy(writer.case)
        changed.complainant = Party(name="张三", phone="13812345678")
        writer.update(changed)
    result = build(library, number, Venue.RECEIPT, layout="a5")
    text = "".join(page.extract_text() or "" for page in PdfReader(result.files[0]).pages).replace("\n", "")
    assert "更正" in text
    assert LONG * 20 in text  # the old name, on the store's copy
