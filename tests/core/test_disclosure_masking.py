"""The masker: one normaliser for every way a number is written, and who may be seen by whom."""

from __future__ import annotations

import pytest
from casefile_testing import filed_case, make_case

from casefile.core.disclosure import DisclosureReport, disclosure_for
from casefile.core.disclosure.masking import Kind, Masker, find_personal, mask_address, mask_name, mask_phone
from casefile.core.model import case_from_data, case_to_data
from casefile.core.venues import Venue


@pytest.mark.parametrize(
    ("text", "found", "kind"),
    [
        ("请拨138-1234-5678", "138-1234-5678", Kind.MOBILE),
        ("+86 138 1234 5678 找我", "+86 138 1234 5678", Kind.MOBILE),
        ("电话138 1234 5678。", "138 1234 5678", Kind.MOBILE),
        ("电话００８６１３８１２３４５６７８", "００８６１３８１２３４５６７８", Kind.MOBILE),
        ("１３８１２３４５６７８", "１３８１２３４５６７８", Kind.MOBILE),
        ("身份证11010519900101123x", "11010519900101123x", Kind.ID),
        ("身份证 110105 19900101 123X", "110105 19900101 123X", Kind.ID),
        ("身份证１１０１０５１９９００１０１１２３Ｘ", "１１０１０５１９９００１０１１２３Ｘ", Kind.ID),
        ("座机010-12345678", "010-12345678", Kind.LANDLINE),
        ("(0755)87654321", "(0755)87654321", Kind.LANDLINE),
        ("0755 8765 4321", "0755 8765 4321", Kind.LANDLINE),
        ("卡号6222021234567894", "6222021234567894", Kind.BANK_CARD),
        ("邮箱zhang.san@qq.com", "zhang.san@qq.com", Kind.EMAIL),
        ("送到朝阳区建国路88号院3号楼2单元501", "朝阳区建国路88号院3号楼2单元501", Kind.ADDRESS),
        ("住在建国路88号3单元", "建国路88号3单元", Kind.ADDRESS),
        ("浙江省杭州市西湖区文三路90号东部软件园", "浙江省杭州市西湖区文三路90号", Kind.ADDRESS),
    ],
)
def test_every_spelling_is_found(text, found, kind):
    spans = find_personal(text)
    assert [(text[s.start : s.end], s.kind) for s in spans] == [(found, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 3456789012345678901",  # a 19-digit order number
        "订单202611201234567890",
        "单号SF1234567890123",
        "金额1299.00元",
        "2026-11-20 10:00",
        "时间 2026年11月20日 14:30",
        "身份证号格式 110105 20991301 1234",  # no such birth date
        "卡号6222021234567897",  # fails the Luhn check
        "服务热线400-123-4567",
    ],
)
def test_what_is_not_personal_is_left_alone(text):
    assert find_personal(text) == []


def test_masked_forms():
    assert mask_phone("+86 138-1234-5678") == "138****5678"
    assert mask_phone("(0755) 8765 4321") == "0755-****4321"
    assert mask_address("朝阳区建国路88号院3号楼501") == "朝阳区****"
    assert mask_address("建国路88号") == "****"


def test_a_party_the_destination_sees_stays_and_everyone_else_is_masked(library):
    case = make_case(
        library,
        complainant={"name": "张三", "phone": "13812345678", "id_number": "110105199001011232"},
        respondent={"kind": "organisation", "name": "某店", "address": "杭州市余杭区文一西路969号"},
        shipment={"signer": "王五"},
    )
    text = "张三（138 1234 5678，身份证110105199001011232）与王五（13700001111）在文一西路969号见面"
    report = DisclosureReport("court")
    court = Masker(case, disclosure_for(Venue.COURT), report).text(text, "证据1")
    assert "138 1234 5678" in court and "110105199001011232" in court  # the complainant, complete for a court
    assert "13700001111" not in court and "137****1111" in court and "王五" not in court  # a third party
    assert "文一西路969号" in court  # the respondent's own address
    assert {(i.what, i.count) for i in report.items} == {("手机号", 1), ("姓名", 1)}
    courier = Masker(case, disclosure_for(Venue.COURIER_CLAIM)).text(text)
    assert "张三" not in courier and "138****5678" in courier and "110105********1232" in courier


def test_the_stores_own_receipt_copy_masks_nothing_and_the_customers_everything(library):
    case = make_case(library, complainant={"name": "张三", "phone": "13812345678"})
    text = "张三留下备用电话13700001111"
    assert Masker(case, disclosure_for(Venue.RECEIPT)).text(text) == text
    customer = Masker(case, disclosure_for(Venue.RECEIPT, copy="customer")).text(text)
    assert "张三" not in customer and "13700001111" not in customer


def test_text_without_a_run_of_digits_is_not_searched_for_numbers_and_nothing_is_missed(monkeypatch):
    """The pre-filter (10 digits, each at most two characters from the next) only skips searches
    that find nothing: random text of digits, separators, brackets and full-width or circled digits
    finds the same with and without it, and digit-free text runs none of the number searches."""
    import random
    import re

    from casefile.core.disclosure import masking

    rng = random.Random(13)
    alphabet = list("0123456789０１２３４５６７８９①² -.·()（）+@aXx号路\t")
    seeds = ["13812345678", "010-12345678", "(0755) 8765 4321", "110105199001011232", "6222021234567894"]
    texts = []
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(4, 40)))
        if rng.random() < 0.3:
            text = rng.choice(seeds).replace("1", rng.choice("1１")) + text
        texts.append(text)
    filtered = [find_personal(t) for t in texts]
    assert sum(1 for f in filtered if f) > 1_000
    monkeypatch.setattr(masking, "_NUMBER_LIKE", re.compile(""))  # every text searched for every kind
    assert [find_personal(t) for t in texts] == filtered

    searched = []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str):
            searched.append(self.pattern.pattern)
            return self.pattern.finditer(text)

    monkeypatch.undo()
    for name in ("_ID", "_CARD", "_MOBILE", "_LANDLINE"):
        monkeypatch.setattr(masking, name, Counting(getattr(masking, name)))
    assert find_personal("Statement 12 page 3 line 45: order 2026-11-20 paid 1299.00") == []
    assert searched == []
    assert [s.kind for s in find_personal("call 138 1234 5678")] == [Kind.MOBILE]
    assert len(searched) == 4


COMPLAINT_MAIL = (
    "From: Zhang San <ZhangSan@example.com>\n"
    "To: service@shop.example.cn\n"
    "Cc: li.si@example.org\n"
    "Subject: refund\n"
    "Date: Thu, 19 Nov 2026 10:02:00 +0800\n"
    "Message-ID: <complaint-1@example.com>\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
    "请退款。回复请发 zhangsan@example.com 或 li.si@example.org。\n"
)


def _mail_case(library, tmp_path, **fields):
    from casefile.core.evidence import AddOptions, add_files

    case = filed_case(library, complainant={"name": "张三", "phone": "13812345678"}, **fields)
    mail = tmp_path / "投诉邮件.eml"
    mail.write_text(COMPLAINT_MAIL, "utf-8")
    list(add_files(library, case.number, [mail], AddOptions(source="投诉人邮箱", purpose="证明已要求退款")))
    return library.load_case(case.number)


def test_the_complainants_own_address_is_known_from_their_contact_however_it_is_spelt(library):
    case = make_case(library, complainant={"name": "张三", "email": " ＺhangSan@Example.com "})
    text = "发件人 zhangsan@example.com，抄送 li.si@example.org"
    court = Masker(case, disclosure_for(Venue.COURT)).text(text)
    assert "zhangsan@example.com" in court  # the plaintiff's own, in their own complaint
    assert "li.si@example.org" not in court and "l***@example.org" in court  # a stranger's


def test_the_address_a_complaint_was_emailed_from_is_the_complainants(library, tmp_path):
    case = _mail_case(library, tmp_path, channel="email", channel_ref="complaint-1@example.com")
    masker = Masker(case, disclosure_for(Venue.COURT))
    shown = masker.case(case)
    mail = shown.ordered_exhibits()[0].metadata.email
    assert mail is not None and "ZhangSan@example.com" in mail.sender  # the complaint's sender: the plaintiff
    assert "li.si" not in mail.cc and mail.to == "s***@shop.example.cn"  # a stranger and an unrecorded business
    body = masker.text("回复请发 zhangsan@example.com 或 li.si@example.org")
    assert "zhangsan@example.com" in body and "l***@example.org" in body
    # A courier claim does not show the customer: their address is masked there, now that it is known as theirs.
    assert "zhangsan@" not in Masker(case, disclosure_for(Venue.COURIER_CLAIM)).text(body)


@pytest.mark.parametrize(
    "fields",
    [
        {},  # nothing says whose the address is: the exhibit's source names a mailbox, not the sender
        {"channel": "email", "channel_ref": "<another@example.com>"},  # the complaint was another mail
        {"channel": "online", "channel_ref": "complaint-1@example.com"},  # not a complaint by e-mail
    ],
)
def test_an_address_whose_owner_the_record_does_not_give_stays_masked(library, tmp_path, fields):
    case = _mail_case(library, tmp_path, **fields)
    shown = Masker(case, disclosure_for(Venue.COURT)).case(case)
    mail = shown.ordered_exhibits()[0].metadata.email
    assert mail is not None and "ZhangSan@" not in mail.sender and "Z***@example.com" in mail.sender


def test_a_court_packet_prints_the_plaintiffs_complaint_mail_address_and_masks_a_strangers(library, tmp_path):
    from bundle_pages import build, page_texts

    case = _mail_case(library, tmp_path, channel="email", channel_ref="<complaint-1@example.com>")
    text = "\n".join(page_texts(build(library, case.number, Venue.COURT, force=True).files[0]))
    assert "ZhangSan@example.com" in text and "zhangsan@example.com" in text
    assert "li.si@example.org" not in text and "l***@example.org" in text


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("某某速运理赔专员", "某某速运理赔专员"),  # a title at an organisation: no one's personal data
        ("快递员", "快递员"),
        ("门卫", "门卫"),
        ("菜鸟驿站", "菜鸟驿站"),
        ("某某数码客服", "某某数码客服"),  # the organisation as the record names it (某某数码旗舰店)
        ("理赔专员王五", "理赔专员王*"),  # the name beside the title is still masked
        ("某某速运理赔专员王五", "某某速运理赔专员王*"),
        ("王五理赔专员", "王*理赔专员"),
        ("王五（快递员）", "王*（快递员）"),
        ("王经理", "王经理"),  # a surname and a title: no more than a masked name shows
        ("张三", "张*"),
        ("王*", "王*"),  # masked already
    ],
)
def test_a_title_or_role_stays_readable_and_the_name_beside_it_is_masked(written, shown):
    from casefile.core.disclosure.masking import mask_person

    assert mask_person(written, organisations=["某某数码旗舰店"]) == shown


def test_a_signer_recorded_by_a_title_is_not_masked_in_text_and_a_signers_name_is(library):
    porter = make_case(library, shipment={"signer": "门卫"})
    text = "包裹由门卫代收，门卫室电话未接"
    assert Masker(porter, disclosure_for(Venue.COURT)).text(text) == text
    named = make_case(library, shipment={"signer": "快递员王五"})
    masked = Masker(named, disclosure_for(Venue.COURT)).text("王五称已放门卫处")
    assert "王五" not in masked and masked == "王*称已放门卫处"


def test_a_business_mailbox_is_the_business_only_as_recorded_or_at_a_domain_the_user_gave_as_its_own(library):
    """A business is not a natural person: its recorded mailboxes are shown wherever it is shown, and every
    address at a domain the user gave as its own (@shop.example.cn) too. The domain of a recorded address is not
    enough: a business at a webmail service would make every stranger's mailbox there its own."""
    text = "收件人 service@shop.example.cn、after-sales@mail.shop.example.cn；抄送 li.si@example.com、wang@qq.com"

    def shown(respondent_email: str, venue: Venue = Venue.CONSUMER_ASSOCIATION) -> str:
        case = make_case(
            library,
            complainant={"name": "张三", "email": "zhangsan@example.com"},
            respondent={"kind": "organisation", "name": "某某数码", "email": respondent_email},
            courier={"kind": "organisation", "name": "某某速运", "email": "claims@qq.com；@qq.com"},
        )
        return Masker(case, disclosure_for(venue)).text(text)

    recorded = shown("kefu@shop.example.cn；service@shop.example.cn")
    assert "service@shop.example.cn" in recorded and "a***@mail.shop.example.cn" in recorded
    for venue in (Venue.CONSUMER_ASSOCIATION, Venue.ARBITRATION):
        own = shown("kefu@shop.example.cn；@shop.example.cn", venue)
        assert "service@shop.example.cn" in own and "after-sales@mail.shop.example.cn" in own
        assert "l***@example.com" in own and "w***@qq.com" in own  # a person's domain, a public service's


@pytest.mark.parametrize(
    ("business", "strangers"),
    [
        ("hkshop@yahoo.com.hk", "chan.taiman@yahoo.com.hk wong@YAHOO.COM.HK lee@mail.yahoo.com.hk"),
        ("hkshop@yahoo.com.hk；@yahoo.com.hk", "chan.taiman@yahoo.com.hk wong@YAHOO.COM.HK lee@mail.yahoo.com.hk"),
        ("shop@vip.126.com；@vip.126.com", "li@vip.126.com"),
        ("shop@gmx.de；@gmx.de", "li@gmx.de"),
        ("shop@webmail-nobody-lists.example；", "li@webmail-nobody-lists.example"),
        ("shop@hotmail.co.uk；@hotmail.co.uk", "peter@hotmail.co.uk"),
    ],
)
def test_strangers_at_a_business_mailbox_service_stay_masked(library, business, strangers):
    case = make_case(library, respondent={"kind": "organisation", "name": "某某数码", "email": business})
    shown = Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(f"抄送 {strangers}")
    for address in strangers.split():
        assert address not in shown, shown


def test_public_mail_services_are_known_by_name_in_any_country():
    from casefile.core.disclosure.masking import public_mail_domain

    for domain in (
        "yahoo.com.hk",
        "mail.yahoo.com.hk",
        "yahoo.co.jp",
        "yahoo.com.tw",
        "hotmail.co.uk",
        "live.cn",
        "aol.com",
        "gmx.net",
        "yandex.ru",
        "outlook.jp",
        "vip.126.com",
        "163.net",
        "sina.com.cn",
    ):
        assert public_mail_domain(domain), domain
    for domain in ("shop.example.cn", "mail.shop.example.cn", "live.shop.example.cn", "yahoo-shop.cn"):
        assert not public_mail_domain(domain), domain


def test_an_email_exhibits_masking_is_reported_once_under_its_name_in_the_packet(library, tmp_path):
    """The sender masked on the exhibit's details page and again in its printed text is one masking of 证据1."""
    from bundle_pages import build

    case = _mail_case(library, tmp_path)
    report = build(library, case.number, Venue.CONSUMER_ASSOCIATION, force=True).disclosure
    masked = [(i.where, i.count) for i in report.items if i.what == "电子邮箱"]
    # From, To and Cc (three addresses), whether in the headers or the text, once each
    assert masked == [("证据1", 3)], report.items


def test_the_preflight_asks_whose_an_unrecorded_mail_address_is_and_entering_it_shows_it(library, tmp_path):
    from bundle_pages import build, page_texts

    from casefile.core.bundle.context import ExhibitEntry
    from casefile.core.bundle.preflight import preflight

    def findings(case):
        entries = [ExhibitEntry(e, str(i)) for i, e in enumerate(case.ordered_exhibits(), start=1)]
        return [f for f in preflight(case, Venue.CONSUMER_ASSOCIATION, entries, size_limit_mb=None)]

    case = _mail_case(library, tmp_path)
    (finding,) = [f for f in findings(case) if f.code == "mail-address-of-no-party"]
    assert "ZhangSan@example.com" in finding.message and "service@shop.example.cn" in finding.message
    assert "li.si" not in finding.message and finding.field == "complainant.email"
    with library.edit(case.number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant.email = "zhangsan@example.com"
        changed.respondent.email = "service@shop.example.cn"
        writer.update(changed)
    case = library.load_case(case.number)
    assert "mail-address-of-no-party" not in {f.code for f in findings(case)}
    text = "\n".join(page_texts(build(library, case.number, Venue.CONSUMER_ASSOCIATION, force=True).files[0]))
    assert "ZhangSan@example.com" in text and "service@shop.example.cn" in text and "l***@example.org" in text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("抄送 stranger@例子.中国, 张三@example.com", "stranger@例子.中国"),
        ("抄送 stranger@例子.中国, 张三@example.com", "张三@example.com"),
        ("回复到 x@商店.中国.evil.com 即可", "x@商店.中国.evil.com"),
        ("回复到 kf@xn--czrs0t.xn--fiqs8s 即可", "kf@xn--czrs0t.xn--fiqs8s"),
        ("发到li@shop.example.cn谢谢", "li@shop.example.cn"),
        ("ｓｔｒａｎｇｅｒ＠ｑｑ．ｃｏｍ", "ｓｔｒａｎｇｅｒ＠ｑｑ．ｃｏｍ"),
    ],
)
def test_addresses_in_any_script_are_masked(library, text, address):
    case = make_case(library)
    shown = Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text)
    assert address not in shown and "***@" in shown, shown
    assert "发到" in shown or "发到" not in text  # the words before an address are not taken for it


def test_a_domain_in_unicode_and_in_punycode_is_one_domain(library):
    """The business recorded as kf@商店.中国 writes from kf@xn--czrs0t.xn--fiqs8s, the same mailbox."""
    case = make_case(library, respondent={"kind": "organisation", "name": "某某商店", "email": "KF@商店.中国"})
    masker = Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION))
    for written in ("kf@xn--czrs0t.xn--fiqs8s", "Kf@XN--CZRS0T.xn--FIQS8S", "kf@商店.中国"):
        assert masker.text(f"发件人 {written}") == f"发件人 {written}"
        assert masker.unowned_addresses(written) == []
    # An address no one's is named whole, as written, for the preflight's warning.
    assert masker.unowned_addresses("To: li@xn--czrs0t.xn--fiqs8s") == ["li@xn--czrs0t.xn--fiqs8s"]
    assert masker.unowned_addresses("To: 李四@例子.中国") == ["李四@例子.中国"]


def test_a_consumer_association_packet_masks_strangers_at_idn_and_webmail_domains(library):
    """The mails of the review: strangers copied at 例子.中国 and at the business's webmail service (yahoo.com.hk)
    are masked in the headers and the text, the business's own recorded mailbox is not."""
    from pathlib import Path

    from bundle_pages import build, page_texts

    from casefile.core.evidence import AddOptions, add_files

    fixtures = Path(__file__).parents[1] / "fixtures" / "mail"
    case = make_case(library, respondent={"kind": "organisation", "name": "某某商行", "email": "hkshop@yahoo.com.hk"})
    list(
        add_files(library, case.number, [fixtures / "hk.eml", fixtures / "m6.eml"], AddOptions(purpose="证明商家答复"))
    )
    text = "".join(page_texts(build(library, case.number, Venue.CONSUMER_ASSOCIATION, force=True).files[0]))
    text = text.replace("\n", "")
    for stranger in (
        "chan.taiman@",
        "wong@",
        "lee@mail",
        "peter@",
        "stranger@例子",
        "张三@example",
        "ｓｔｒａｎｇｅｒ",
    ):
        assert stranger not in text, stranger
    assert "hkshop@yahoo.com.hk" in text and "c***@yahoo.com.hk" in text and "s***@例子.中国" in text


# --------------------------------------------------------------------------- a party in two roles


def test_a_merchant_complaining_of_its_own_parcel_is_not_reported_masked() -> None:
    """The merchant's own courier claim: the shop is the complainant, the sender and (from the settings) the
    claimant, printed in full on the claim; only the end customer, the recipient, is masked, and the report says
    so of her alone, not of the 投诉人/消费者."""
    from datetime import datetime, timedelta, timezone

    from casefile.core.bundle.context import BundleContext, Organisation
    from casefile.core.model import Case, CaseType, Channel, Party, PartyKind, Shipment

    shop = Party(
        PartyKind.ORGANISATION, name="深圳小铺电子商行", phone="13600001111", address="深圳市福田区华强北路1号"
    )
    customer = Party(PartyKind.PERSON, name="陈小红", phone="13987654321", address="昆明市五华区翠湖北路12号")
    case = Case(
        number="202611-001",
        title="三部手机快递途中压碎",
        complained_at=datetime(2026, 11, 24, 10, 2, tzinfo=timezone(timedelta(hours=8))),
        channel=Channel.ONLINE,
        type=CaseType.LOGISTICS,
        complainant=shop,
        shipment=Shipment(waybill_no="ZT7788990011223", sender=shop, recipient=customer),
        facts="客户陈小红（13987654321）取件后发现外箱压扁；本店电话13600001111。",
    )
    ctx = BundleContext(
        case=case,
        venue=Venue.COURIER_CLAIM,
        entries=[],
        org=Organisation(name=shop.name, phone=shop.phone),
        operator="周小铺",
        generated_at=datetime(2026, 12, 1, 3, 35, tzinfo=timezone(timedelta(hours=8))),
    )
    report = ctx.report.to_text("")
    assert "投诉人/消费者的个人信息" not in report and "已遮盖 收件人的个人信息" in report
    assert ctx.case.complainant == shop  # the copy the documents read
    assert "13600001111" in ctx.case.facts and "13987654321" not in ctx.case.facts and "陈*" in ctx.case.facts
    # The same shop without the sender entered: the organisation in the settings is the claimant.
    case.shipment.sender = None
    alone = BundleContext(
        case=case,
        venue=Venue.COURIER_CLAIM,
        entries=[],
        org=Organisation(name=shop.name, phone=shop.phone),
        operator="周小铺",
        generated_at=datetime(2026, 12, 1, 3, 35, tzinfo=timezone(timedelta(hours=8))),
    )
    assert "投诉人/消费者的个人信息" not in alone.report.to_text("")
    # A consumer's complaint in the same packet is still masked and reported.
    case.complainant = Party(PartyKind.PERSON, name="张三", phone="13812345678")
    consumer = BundleContext(
        case=case,
        venue=Venue.COURIER_CLAIM,
        entries=[],
        org=Organisation(name=shop.name, phone=shop.phone),
        operator="周小铺",
        generated_at=datetime(2026, 12, 1, 3, 35, tzinfo=timezone(timedelta(hours=8))),
    )
    assert "已遮盖 投诉人/消费者的个人信息" in consumer.report.to_text("")
    assert consumer.case.complainant.phone == "138****5678"


# Every shape of address keeps its province, city and district as written and nothing after them; where no
# district is written, nothing after the city; where none of them is, nothing at all.
@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("朝阳区建国路88号院3号楼501", "朝阳区"),
        ("北京市朝阳区建国路88号", "北京市朝阳区"),
        ("北京朝阳区建国路1号", "北京朝阳区"),
        ("上海市浦东新区张江镇祖冲之路100号", "上海市浦东新区"),
        ("上海浦东新区世纪大道100号", "上海浦东新区"),
        ("天津市滨海新区中新生态城", "天津市滨海新区"),
        ("重庆市渝中区解放碑大厦8楼", "重庆市渝中区"),
        ("广东省深圳市南山区粤海街道科技园社区科苑路15号", "广东省深圳市南山区"),
        ("广东深圳南山区科苑路15号", "广东深圳南山区"),
        ("四川省成都市武侯区某某街道阳光小区5栋2单元301室", "四川省成都市武侯区"),
        ("成都市武侯区阳光小区5栋", "成都市武侯区"),
        ("杭州市西湖区文三路小区", "杭州市西湖区"),
        ("浙江省杭州市西湖区文三路阳光花园小区3幢", "浙江省杭州市西湖区"),
        ("河南省新乡市红旗区某某乡某某村3组", "河南省新乡市红旗区"),
        ("江苏省苏州市昆山市玉山镇人民路1号", "江苏省苏州市昆山市"),
        ("江苏省镇江市京口区解放路1号", "江苏省镇江市京口区"),
        ("河北省石家庄市长安区中山路1号", "河北省石家庄市长安区"),
        ("南京市鼓楼区中山路1号", "南京市鼓楼区"),
        ("黑龙江省哈尔滨市道里区中央大街1号", "黑龙江省哈尔滨市道里区"),
        ("山东省济南市市中区经十路", "山东省济南市市中区"),
        ("湖南省长沙县星沙街道", "湖南省长沙县"),
        ("安徽省和县某某镇", "安徽省和县"),
        ("广西壮族自治区南宁市青秀区民族大道100号", "广西壮族自治区南宁市青秀区"),
        ("新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路1号", "新疆维吾尔自治区伊犁哈萨克自治州伊宁市"),
        ("内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路8号", "内蒙古自治区锡林郭勒盟锡林浩特市"),
        ("内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇", "内蒙古自治区呼伦贝尔市鄂温克族自治旗"),
        ("云南省红河哈尼族彝族自治州蒙自市天马路3号", "云南省红河哈尼族彝族自治州蒙自市"),
        ("湖北省神农架林区松柏镇", "湖北省神农架林区"),
        ("香港特别行政区九龙旺角弥敦道1号", "香港特别行政区"),
        ("广东省 深圳市 南山区 科技园 科苑路 15 号", "广东省 深圳市 南山区"),
        ("广东省深圳市南山区科苑路１５号", "广东省深圳市南山区"),
        # No district: nothing after the city (a 小区, a 市场 or a shop is not one).
        ("成都市阳光小区5栋", "成都市"),
        ("广东省东莞市长安镇某某路", "广东省东莞市"),
        ("北京市新发地市场5号", "北京市"),
        ("深圳市华润万家超市3楼", "深圳市"),
        # Nothing of a province, a city or a district: all of it.
        ("建国路88号", ""),
        ("江西路100号", ""),
        ("阳光小区5栋2单元301", ""),
        ("某某村3组", ""),
    ],
)
def test_an_address_keeps_its_province_city_and_district_only(address, kept):
    assert mask_address(address) == kept + "****"


def test_an_address_of_a_province_city_and_district_only_is_kept_whole():
    assert mask_address("浙江省杭州市西湖区") == "浙江省杭州市西湖区"
    assert mask_address("湖北省恩施土家族苗族自治州恩施市") == "湖北省恩施土家族苗族自治州恩施市"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("我的地址是杭州市西湖区文三路阳光花园小区3幢2单元501室，请寄到这里", "我的地址是杭州市西湖区****，请寄到这里"),
        ("收货地址：广东省 深圳市 南山区 科苑路 15 号", "收货地址：广东省 深圳市 南山区****"),
        ("寄到成都市武侯区某某街道阳光小区5栋2单元301室", "寄到成都市武侯区****"),
        ("地址:上海市浦东新区张江镇祖冲之路１００号", "地址:上海市浦东新区****"),
        ("住在河南省新乡市红旗区某某乡某某村3组", "住在河南省新乡市红旗区****"),
    ],
)
def test_an_address_in_text_is_masked_after_its_district_however_written(library, text, shown):
    case = make_case(library)
    assert Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text) == shown


# A chat or an e-mail names people after a label as a parcel's label does: the text masking finds them as the
# check of a picture's OCR text does, and masks them wherever the text writes them.
LABELLED = "收件人：李四 电话：13900001111\n寄件人：某某数码\n联系人：菜鸟驿站\n联系人：王经理\n李四说已经签收了"


def test_a_name_given_after_a_label_in_evidence_text_is_masked_wherever_the_text_writes_it(library):
    case = make_case(
        library,
        complainant={"name": "张三", "phone": "13812345678"},
        respondent={"kind": "organisation", "name": "某某数码旗舰店"},
    )
    report = DisclosureReport("consumer-association")
    shown = Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION), report).text(LABELLED, "证据1")
    assert "李四" not in shown and shown.count("李*") == 2, shown
    assert "139****1111" in shown
    # A business (the respondent's name, a parcel station) and a title with a surname are no one's name.
    assert "寄件人：某某数码" in shown and "联系人：菜鸟驿站" in shown and "联系人：王经理" in shown
    assert ("姓名", 1) in {(i.what, i.count) for i in report.items}
    # The store's own copy masks nothing.
    assert Masker(case, disclosure_for(Venue.RECEIPT)).text(LABELLED) == LABELLED


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("收件人：李四", "李四"),
        ("收货人 李四 13900001111", "李四"),
        ("姓名:欧阳娜娜\n", "欧阳娜娜"),
        ("客户姓名：李四。", "李四"),
        ("户名：李四，卡号尾号1234", "李四"),
        ("持卡人：李四", "李四"),
    ],
)
def test_every_label_a_picture_check_knows_is_known_in_text(library, text, name):
    from casefile.core.disclosure.pictures import shown_in

    masker = Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION))
    assert name not in masker.text(text)
    assert [s.masked for s in shown_in(masker, text) if s.kind is Kind.NAME] == [mask_name(name)]


@pytest.mark.parametrize(
    "text",
    [
        "客户：我要退货\n客服：好的",  # a chat log's speakers, not labels of a name
        "买家：你好\n卖家：亲在的",
        "联系人：快递员",
        "寄件人：某某速运",
    ],
)
def test_what_follows_a_speaker_or_names_a_business_is_not_masked(library, text):
    assert Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text) == text


# After-sales chats, waybills and complaint forms name a person by their part in the sale or the complaint (客户,
# 买家, 卖家, 顾客, 消费者, 投诉人…), or by their job (快递员, 店员, 客服), whatever their surname.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("客户：郗强说手机坏了", "郗强"),
        ("客户:郗强说手机坏了", "郗强"),
        ("客户 郗强说手机坏了", "郗强"),
        ("买家：张伟", "张伟"),
        ("买家: 张伟\n", "张伟"),
        ("卖家：王小明 13900001111", "王小明"),
        ("顾客：李娜", "李娜"),
        ("消费者：赵敏，电话13900001111", "赵敏"),
        ("联系人：郗强", "郗强"),
        ("投诉人：亓官明", "亓官明"),
        ("买方：王芳\u3000卖方：某某数码旗舰店", "王芳"),
        ("快递员郗强来取件", "郗强"),
        ("店员亓官明说不能退", "亓官明"),
        ("客服欧阳娜娜", "欧阳娜娜"),
        ("您好，客服欧阳娜娜为您服务", "欧阳娜娜"),
        ("您好，客服：欧阳娜娜很高兴为您服务", "欧阳娜娜"),
        ("受理人：仉督红", "仉督红"),
        ("快递员：第五强", "第五强"),
        ("发货人：冼文杰", "冼文杰"),
        ("收方：郗强 寄方：某某数码", "郗强"),
        ("下单人：亓官明", "亓官明"),
        ("掌柜郗强说可以退", "郗强"),
    ],
)
def test_a_name_after_a_role_or_a_party_label_is_masked_whatever_the_surname(library, text, name):
    shown = Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text)
    assert name not in shown and mask_name(name) in shown, shown


# What follows a role or a speaker's label in a chat is most often no name: it stays as written.
@pytest.mark.parametrize(
    "text",
    [
        "快递员来了",
        "客服说明天",
        "店员已经",
        "快递员明天来",
        "快递员马上到",
        "快递员高兴地说",
        "快递员第五次来",
        "客服安排了补发",
        "客服：方便的话拍个视频",
        "客户：谢谢",
        "客户：何时发货？",
        "客户：周一吧",
        "买家：包邮吗",
        "卖家：江浙沪包邮",
        "卖家：某某数码专营店",
        "卖家：东莞仓发货",
        "客服：曲面屏",
        "客户：麻烦快点",
        "被投诉人经营的淘宝店铺",
        "邮政业用户申诉书",
        "与客户通话",
        "被投诉人向投诉人支付1,299.00元",
    ],
)
def test_an_everyday_word_after_a_role_or_a_speaker_is_not_masked(library, text):
    assert Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text) == text


# A masked name says 张* or 张**, however long the name: neither its length nor a cell's width of stars.
@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张*"),
        ("张小明", "张**"),
        ("欧阳娜娜", "欧**"),
        ("阿卜杜热合曼·买买提明", "阿**"),
        ("Muhammad Ali", "M***"),
    ],
)
def test_a_masked_name_is_capped_whatever_its_length(library, name, masked):
    from casefile.core.disclosure.masking import masked_party
    from casefile.core.model import Party, PartyKind

    assert mask_name(name) == masked
    assert masked_party(Party(kind=PartyKind.PERSON, name=name)).name == masked
    if not name.isascii():  # a Latin name is not read after a label
        shown = Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(f"收件人：{name}说")
        assert shown == f"收件人：{masked}说"


def test_a_party_named_after_a_label_is_masked_only_where_the_destination_does_not_see_them(library):
    case = make_case(library, complainant={"name": "张三", "phone": "13812345678"})
    text = "收件人：张三\n张三已签收"
    assert Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text) == text
    assert Masker(case, disclosure_for(Venue.COURT)).text(text) == text
    assert "张三" not in Masker(case, disclosure_for(Venue.COURIER_CLAIM)).text(text)


# Every prefecture-level division of GB/T 2260 (and the county-level cities governed by a province or an autonomous
# region directly), by province.
PREFECTURES = {
    "河北省": ("石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 定州市 辛集市"),
    "山西省": ("太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市"),
    "内蒙古自治区": (
        "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟"
    ),
    "辽宁省": ("沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市"),
    "吉林省": ("长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州"),
    "黑龙江省": (
        "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区"
    ),
    "江苏省": ("南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市"),
    "浙江省": ("杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市"),
    "安徽省": (
        "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 "
        "滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市"
    ),
    "福建省": "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市",
    "江西省": ("南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市"),
    "山东省": (
        "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 "
        "日照市 莱芜市 临沂市 德州市 聊城市 滨州市 菏泽市"
    ),
    "河南省": (
        "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 "
        "许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市"
    ),
    "湖北省": (
        "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 "
        "咸宁市 随州市 恩施土家族苗族自治州 仙桃市 潜江市 天门市 神农架林区"
    ),
    "湖南省": (
        "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 "
        "郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州"
    ),
    "广东省": (
        "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 "
        "惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 "
        "云浮市"
    ),
    "广西壮族自治区": (
        "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市"
    ),
    "海南省": (
        "海口市 三亚市 三沙市 儋州市 五指山市 琼海市 文昌市 万宁市 东方市 "
        "定安县 屯昌县 澄迈县 临高县 白沙黎族自治县 昌江黎族自治县 乐东黎族自治县 "
        "陵水黎族自治县 保亭黎族苗族自治县 琼中黎族苗族自治县"
    ),
    "四川省": (
        "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 "
        "乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 "
        "阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州"
    ),
    "贵州省": (
        "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州"
    ),
    "云南省": (
        "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 "
        "红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 "
        "德宏傣族景颇族自治州 怒江傈僳族自治州 迪庆藏族自治州"
    ),
    "西藏自治区": "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲地区 那曲市 阿里地区",
    "陕西省": "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市",
    "甘肃省": (
        "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 "
        "庆阳市 定西市 陇南市 临夏回族自治州 甘南藏族自治州"
    ),
    "青海省": (
        "西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州 海西蒙古族藏族自治州"
    ),
    "宁夏回族自治区": "银川市 石嘴山市 吴忠市 固原市 中卫市",
    "新疆维吾尔自治区": (
        "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 "
        "巴音郭楞蒙古自治州 阿克苏地区 克孜勒苏柯尔克孜自治州 喀什地区 和田地区 "
        "伊犁哈萨克自治州 塔城地区 阿勒泰地区 石河子市 阿拉尔市 图木舒克市 "
        "五家渠市 铁门关市 北屯市 双河市 可克达拉市 昆玉市 胡杨河市 新星市 "
        "白杨市"
    ),
}


@pytest.mark.parametrize("province", sorted(PREFECTURES))
def test_every_prefecture_is_kept_with_its_province_and_alone(province):
    for city in PREFECTURES[province].split():
        assert mask_address(f"{province}{city}人民路1号") == f"{province}{city}****"
        assert mask_address(f"{city}人民路1号") == f"{city}****"
        if not city.endswith(("县", "林区")):
            assert mask_address(f"{province}{city}某某区人民路1号") == f"{province}{city}某某区****"


# Real cities, counties and districts whose names hold a word of a street, a shop or a township (门市, 乡, 镇, 园,
# 楼, 集), or that are longer than most, each after its prefecture.
@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("福建省厦门市思明区鼓浪屿龙头路1号", "福建省厦门市思明区"),
        ("福建省厦门市集美区集美大道1号", "福建省厦门市集美区"),
        ("浙江省桐乡市梧桐街道1号", "浙江省桐乡市"),
        ("浙江省嘉兴市桐乡市梧桐街道1号", "浙江省嘉兴市桐乡市"),
        ("广东省江门市蓬江区1号", "广东省江门市蓬江区"),
        ("湖北省荆门市东宝区1号", "湖北省荆门市东宝区"),
        ("湖北省天门市竟陵街道1号", "湖北省天门市"),
        ("甘肃省酒泉市玉门市1号", "甘肃省酒泉市玉门市"),
        ("江西省萍乡市安源区1号", "江西省萍乡市安源区"),
        ("江西省景德镇市珠山区1号", "江西省景德镇市珠山区"),
        ("湖南省湘潭市湘乡市1号", "湖南省湘潭市湘乡市"),
        ("湖南省长沙市宁乡市某某路1号", "湖南省长沙市宁乡市"),  # 宁乡县 until 2017
        ("江苏省南通市海门区某某路1号", "江苏省南通市海门区"),  # 海门市 until 2020
        ("河南省商丘市梁园区1号", "河南省商丘市梁园区"),
        ("河南省郑州市上街区1号", "河南省郑州市上街区"),
        ("江苏省常州市钟楼区1号", "江苏省常州市钟楼区"),
        ("湖南省岳阳市岳阳楼区1号", "湖南省岳阳市岳阳楼区"),
        ("吉林省通化市集安市1号", "吉林省通化市集安市"),
        ("黑龙江省双鸭山市集贤县1号", "黑龙江省双鸭山市集贤县"),
        ("内蒙古自治区乌兰察布市集宁区1号", "内蒙古自治区乌兰察布市集宁区"),
        ("内蒙古自治区乌兰察布市察哈尔右翼后旗1号", "内蒙古自治区乌兰察布市察哈尔右翼后旗"),
        ("内蒙古自治区包头市达尔罕茂明安联合旗1号", "内蒙古自治区包头市达尔罕茂明安联合旗"),
        ("黑龙江省齐齐哈尔市梅里斯达斡尔族区1号", "黑龙江省齐齐哈尔市梅里斯达斡尔族区"),
        ("河北省承德市鹰手营子矿区1号", "河北省承德市鹰手营子矿区"),
        ("湖南省常德市津市市1号", "湖南省常德市津市市"),
        ("湖北省荆州市沙市区1号", "湖北省荆州市沙市区"),
        ("甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县1号", "甘肃省临夏回族自治州积石山保安族东乡族撒拉族自治县"),
        # What is not a division is still masked.
        ("某某门市部3号", ""),
        ("杭州市某某门市部3号", "杭州市"),
        ("杭州市集贸市场3号", "杭州市"),
    ],
)
def test_real_divisions_named_like_a_street_or_a_shop_are_kept(address, kept):
    assert mask_address(address) == kept + "****"


# A functional zone (工业园区, 高新区, 经开区, 自贸区, 国家级新区) is no division of GB/T 2260: the province and the
# city before it are kept, the zone and the street masked. The districts named 新区 (浦东新区, 滨海新区) are divisions.
@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("江苏省苏州市苏州工业园区星湖街328号", "江苏省苏州市"),
        ("陕西省西安市高新区锦业路1号", "陕西省西安市"),
        ("安徽省合肥市经开区翡翠路88号", "安徽省合肥市"),
        ("上海市自贸区张江路88号", "上海市"),
        ("上海自贸区临港新片区环湖西二路888号", "上海"),
        ("北京经济技术开发区荣华中路1号院2号楼", "北京"),
        ("天津经济技术开发区第三大街1号", "天津"),
        ("河南省郑州市郑东新区商务外环路1号", "河南省郑州市"),
        ("重庆市两江新区金开大道1号", "重庆市"),
        ("广东省深圳市前海深港合作区前湾一路1号", "广东省深圳市"),
        ("湖北省武汉市东湖新技术开发区光谷大道1号", "湖北省武汉市"),
        ("辽宁省大连市金普新区金马路1号", "辽宁省大连市"),
        ("天津市滨海新区第三大街15号", "天津市滨海新区"),
        ("上海市浦东新区张江镇祖冲之路100号", "上海市浦东新区"),
        ("广东省清远市清新区太和镇1号", "广东省清远市清新区"),
    ],
)
def test_a_functional_zone_is_masked_with_the_street_and_its_city_kept(address, kept):
    assert mask_address(address) == kept + "****"


@pytest.mark.parametrize(
    "text",
    [
        "寄到江苏省苏州市苏州工业园区星湖街328号",
        "收货地址 陕西省西安市高新区锦业路1号",
        "地址:合肥经开区翡翠路88号",
        "北京经济技术开发区荣华中路1号院2号楼",
        "深圳前海深港合作区前湾一路1号A栋201室",
        "送到上海市中国(上海)自由贸易试验区张江路88号3楼",
    ],
)
def test_no_street_of_a_functional_zone_shows_in_text(library, text):
    shown = Masker(make_case(library), disclosure_for(Venue.CONSUMER_ASSOCIATION)).text(text)
    assert not any(street in shown for street in ("星湖街", "锦业路", "翡翠路", "荣华中路", "前湾一路", "张江路")), (
        shown
    )
    assert "****" in shown


# A party's people follow the party: the legal representative the record gives an organisation is shown wherever
# the organisation is (a court's and an arbitration's packets show both parties complete, spec §6.3), and masked
# where it is not.
REPRESENTATIVE = "我司法定代表人：李建国，联系人：李建国 0571-88886666"


@pytest.mark.parametrize("venue", [Venue.COURT, Venue.ARBITRATION, Venue.CONSUMER_ASSOCIATION])
def test_the_respondents_legal_representative_stays_where_the_respondent_is_shown(library, venue):
    case = make_case(
        library,
        complainant={"name": "张三", "phone": "13812345678"},
        respondent={
            "kind": "organisation",
            "name": "某某数码科技有限公司",
            "phone": "0571-88886666",
            "legal_representative": "李建国",
        },
    )
    report = DisclosureReport(venue.value)
    assert Masker(case, disclosure_for(venue), report).text(REPRESENTATIVE, "证据10") == REPRESENTATIVE
    assert not report.items
    # A stranger beside him is still masked.
    assert Masker(case, disclosure_for(venue)).text("联系人：王小五") == "联系人：王**"


def test_a_masked_organisations_legal_representative_is_masked_with_it(library):
    case = make_case(
        library,
        respondent={"kind": "organisation", "name": "某某数码旗舰店"},
        shipment={
            "waybill_no": "SF1234567890123",
            "recipient": {"kind": "organisation", "name": "某某贸易有限公司", "legal_representative": "赵大海"},
        },
    )
    shown = Masker(case, disclosure_for(Venue.COURIER_CLAIM)).text("收货单位负责人赵大海签收")
    assert "赵大海" not in shown and "赵**" in shown


# Words after a label that are no name stay as written: the carrier's defence (signed for in person) must be
# readable.
@pytest.mark.parametrize(
    "text",
    [
        "快递员称系收件人本人签收，我国快递规定不赔",
        "收件人本人签收",
        "签收人：本人",
        "收件人已签收",
        "联系人：自己",
        "签收人：他人代收",
        "收件人家人代签",
        "快递员：好的，马上到",
        "快递员说放驿站了",
        "快递员明天送",
        "经办人签字确认",
        "快递员王师傅",
    ],
)
def test_words_after_a_label_that_are_no_name_are_not_masked(library, text):
    case = make_case(library, complainant={"name": "张三", "phone": "13812345678"})
    assert Masker(case, disclosure_for(Venue.COURIER_CLAIM)).text(text) == text


# A role written before a name is a label too (快递员李四, 经办人王小明): the person is masked, the role stays.
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("调解员联系快递员李四13912345678核实", "调解员联系快递员李*139****5678核实"),
        ("首期退款，经办人王小明", "首期退款，经办人王**"),
        ("快递员：李四，取件码 8812", "快递员：李*，取件码 8812"),
        ("派件员张伟电话13900001111", "派件员张*电话139****1111"),
        ("业务员：欧阳娜娜", "业务员：欧**"),
        ("收件人张三已签收", "收件人张*已签收"),
        ("快递员李四说已放驿站，李四的电话打不通", "快递员李*说已放驿站，李*的电话打不通"),
    ],
)
def test_a_name_after_a_role_is_masked_and_the_role_kept(library, text, shown):
    case = make_case(library, complainant={"name": "赵六", "phone": "13812345678"})
    for venue in (Venue.CONSUMER_ASSOCIATION, Venue.COURT, Venue.COURIER_CLAIM):
        assert Masker(case, disclosure_for(venue)).text(text) == shown


def test_a_masked_organisation_party_masks_its_legal_representative_field():
    from casefile.core.disclosure.masking import masked_party
    from casefile.core.model import Party, PartyKind

    shop = Party(PartyKind.ORGANISATION, name="某某贸易有限公司", legal_representative="赵大海")
    assert masked_party(shop).legal_representative == "赵**"
    assert masked_party(shop).name == "某某贸易有限公司"
