"""Every field the documents print can be entered, is checked where it enters, and reads back.

Identity numbers by their check characters and dates, postcodes, phones, birth dates; the
record's new parts (agent, receipt and exception times, weights, the courier-claim parties,
structured demands) round trip through case.json and the custody log; unknown stays unknown.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from casefile_testing import make_case

from casefile.core.errors import InvalidValueError
from casefile.core.model import (
    Agent,
    AgentAuthority,
    Demand,
    DemandType,
    Party,
    PartyKind,
    Shipment,
    case_from_data,
    case_to_data,
    from_data,
    to_data,
)
from casefile.core.record import fold
from casefile.core.record.fields import (
    BY_OPTION,
    BY_PATH,
    FIELDS,
    Changes,
    FieldError,
    apply,
    changes_from_json,
    check_changes,
    demand_from_words,
    demands_from_json,
    set_fields,
)
from casefile.core.record.roles import courier_claim_parties
from casefile.core.settings import Settings
from casefile.core.validate import (
    check_birth_date,
    check_credit_code,
    check_input,
    check_postcode,
    check_resident_id,
)

# Resident ID numbers with correct check digits (GB 11643), and credit codes with correct check characters.
GOOD_IDS = ["110105199001011232", "440305198502031234", "11010519491231002X", "11010519491231002x"]
GOOD_CODES = ["91310000MA1FL0000N", "91110105MA01234565", "91330110MA2XXXXX1T"]


# ---------------------------------------------------------------------------- resident ID numbers


@pytest.mark.parametrize("number", GOOD_IDS)
def test_good_resident_ids_are_accepted_in_capitals(number):
    assert check_resident_id(number) == number.upper()
    assert check_resident_id(f" {number[:6]} {number[6:14]} {number[14:]} ") == number.upper()  # as people space it


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("12345", "is not a resident ID number"),
        ("110105199001011234", "check digit of this ID number is wrong"),  # one digit off
        ("110105199001011233", "check digit"),
        ("11010519900101123", "is not a resident ID number"),  # 17 characters
        ("1101051990010112345", "is not a resident ID number"),
        ("11010519900101123Y", "is not a resident ID number"),
        ("ABCDEF199001011232", "is not a resident ID number"),
    ],
)
def test_bad_resident_ids_are_refused_naming_what_is_wrong(number, words):
    with pytest.raises(InvalidValueError, match=words) as caught:
        check_resident_id(number, "--complainant-id")
    assert str(caught.value).startswith("--complainant-id: ")


def _with_check_digit(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def test_an_id_with_a_right_check_digit_but_an_impossible_birth_date_is_refused():
    for born in ("19900230", "19901301", "18991231"):
        number = _with_check_digit(f"110105{born}123")
        with pytest.raises(InvalidValueError, match="birth date in this ID number .* is not a real date"):
            check_resident_id(number)


def test_an_id_born_in_the_future_is_refused():
    tomorrow = date.today() + timedelta(days=2)
    number = _with_check_digit(f"110105{tomorrow:%Y%m%d}123")
    with pytest.raises(InvalidValueError, match="is in the future"):
        check_resident_id(number)


def test_an_old_15_digit_id_is_accepted_only_with_a_real_birth_date_and_says_why():
    assert check_resident_id("110105900101123") == "110105900101123"  # 1990-01-01
    with pytest.raises(InvalidValueError, match="old 15-digit ID number, which has no check digit") as caught:
        check_resident_id("110105901301123")  # month 13
    assert "19901301 is not a real date" in str(caught.value)


# ---------------------------------------------------------------------------- credit codes, postcodes, dates


@pytest.mark.parametrize("code", GOOD_CODES)
def test_good_credit_codes_are_accepted(code):
    assert check_credit_code(code.lower(), "--respondent-credit-code") == code


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("91310000MA1FL0000X", "check character of this credit code is wrong"),
        ("91310000MA1FL0000", "not an 18-character unified social credit code"),
        ("91310000MA1FL000ON", "not an 18-character"),  # the letter O is not used
    ],
)
def test_bad_credit_codes_are_refused_naming_the_field(code, words):
    with pytest.raises(InvalidValueError, match=words) as caught:
        check_credit_code(code, "--respondent-credit-code")
    assert str(caught.value).startswith("--respondent-credit-code: ")


def test_postcodes_and_birth_dates():
    assert check_postcode("２０００３０") == "200030"  # full-width digits, as an input method types them
    for bad in ("20003", "2000301", "20003a"):
        with pytest.raises(InvalidValueError, match="not a postcode"):
            check_postcode(bad, "postcode")
    assert check_birth_date("1990/5/1") == "1990-05-01"
    for bad in ("1990-02-30", "yesterday", "1899-12-31", (date.today() + timedelta(days=1)).isoformat()):
        with pytest.raises(InvalidValueError):
            check_birth_date(bad)


# ---------------------------------------------------------------------------- check_input by the party's kind


def test_check_input_checks_a_party_by_its_kind():
    check_input(Party(kind=PartyKind.PERSON, id_number=GOOD_IDS[0], phone="13812345678", postcode="100020"), "c")
    check_input(Party(kind=PartyKind.ORGANISATION, id_number=GOOD_CODES[0], phone="0571-88886666"), "r")
    with pytest.raises(InvalidValueError, match=r"^c\.id_number: '12345' is not a resident ID number"):
        check_input(Party(kind=PartyKind.PERSON, id_number="12345"), "c")
    with pytest.raises(InvalidValueError, match=r"^r\.id_number: .* is a resident ID number; an organisation is"):
        check_input(Party(kind=PartyKind.ORGANISATION, id_number=GOOD_IDS[0]), "r")
    with pytest.raises(InvalidValueError, match=r"^c\.id_number: .* is a unified social credit code; for a person"):
        check_input(Party(kind=PartyKind.PERSON, id_number=GOOD_CODES[0]), "c")
    with pytest.raises(InvalidValueError, match=r"^r\.id_number: .* check character of this credit code is wrong"):
        check_input(Party(kind=PartyKind.ORGANISATION, id_number="91310000MA1FL0000X"), "r")
    with pytest.raises(InvalidValueError, match=r"^c\.phone: '12ab' is not a phone number"):
        check_input(Party(phone="12ab"), "c")
    with pytest.raises(InvalidValueError, match=r"^c\.postcode"):
        check_input(Party(postcode="1000"), "c")
    with pytest.raises(InvalidValueError, match=r"^c\.birth_date: the birth date 1991-01-01 does not match"):
        check_input(Party(id_number=GOOD_IDS[0], birth_date="1991-01-01"), "c")
    with pytest.raises(InvalidValueError, match=r"^agent\.id_number"):
        check_input(Agent(name="李律师", id_number="12345"), "agent")
    check_input(Party(), "nothing entered")  # empty is "not entered", never checked


def test_times_things_happened_cannot_be_in_the_future_and_weights_and_quantities_are_checked():
    later = datetime.now().astimezone() + timedelta(days=3)
    with pytest.raises(InvalidValueError, match=r"shipment\.signed_at: .* is in the future"):
        check_input(Shipment(signed_at=later), "shipment")
    check_input(Shipment(weight=Decimal("1.255")), "shipment")  # to the gram
    with pytest.raises(InvalidValueError, match="not a weight"):
        check_input(Shipment(weight=Decimal("1.2555")), "shipment")
    with pytest.raises(InvalidValueError, match="not a quantity"):
        check_input({"quantity": 0}["quantity"], "transaction.quantity")


def test_reading_never_validates_an_old_bad_value(library):
    case = make_case(library)
    data = case_to_data(case)
    data["complainant"]["id_number"] = "12345"  # saved before the check existed, and printed
    data["complainant"]["phone"] = "12ab"
    assert case_from_data(data).complainant.id_number == "12345"


# ---------------------------------------------------------------------------- the model's new parts


def full_changes() -> Changes:
    changes = changes_from_json(
        {
            "complainant": {
                "kind": "person",
                "name": "张三",
                "id_number": GOOD_IDS[0],
                "address": "北京市朝阳区建国路88号",
                "postcode": "100020",
                "gender": "男",
                "birth_date": "1990-01-01",
                "ethnicity": "汉族",
                "occupation": "工程师",
                "employer": "某某公司",
                "email": "zs@example.com",
                "phone": "138 1234 5678",
            },
            "respondent": {
                "name": "某某数码科技有限公司",
                "id_number": GOOD_CODES[0],
                "legal_representative": "李四",
                "representative_title": "执行董事",
                "store": "某某旗舰店",
                "platform": "天猫",
                "address": "杭州市余杭区文一西路1号",
                "phone": "0571-88886666",
            },
            "courier": {"name": "某某速运有限公司", "id_number": GOOD_CODES[1]},
            "agent": {
                "name": "王律师",
                "id_number": GOOD_IDS[1],
                "phone": "13900001111",
                "employer": "上海某某律师事务所",
                "licence_no": "13101201810123456",
                "authority": "special",
            },
            "transaction": {
                "purchased_at": "2026-11-16T14:20+08:00",
                "received_at": "2026-11-18T19:40+08:00",
                "brand_model": "X12 256G",
                "quantity": 1,
                "payment_method": "支付宝",
                "amount": 6299,
            },
            "shipment": {
                "insured": True,
                "insured_value": "6000",
                "declared_value": 6000,
                "insurance_fee": "30.00",
                "freight": 23,
                "weight": 1.25,
                "signed_at": "2026-11-18T19:40+08:00",
                "signer": "王五",
                "exception_type": "外包装破损",
                "exception_at": "2026-11-18T10:00+08:00",
                "discovered_at": "2026-11-18T20:00+08:00",
                "sender": {"kind": "organisation", "name": "某某数码科技有限公司"},
                "recipient": {"name": "张三", "phone": "13812345678", "address": "北京市朝阳区建国路88号"},
                "claimant": {"name": "某某数码科技有限公司", "id_number": GOOD_CODES[0]},
            },
            "demands": [
                {
                    "type": "refund",
                    "amount": "6299",
                    "basis": "《消费者权益保护法》第二十四条",
                    "description": "退货退款",
                }
            ],
        }
    )
    return changes


def test_every_new_field_round_trips_through_case_json_and_the_custody_log(library):
    case = make_case(library)
    changed = apply(case, full_changes())
    check_changes(case, changed)
    with library.edit(case.number) as writer:
        writer.update(changed)
    stored = library.load_case(case.number)
    assert stored.complainant.phone == "13812345678" and stored.complainant.gender == "男"
    assert stored.respondent.platform == "天猫" and stored.respondent.id_number == GOOD_CODES[0]
    assert stored.agent == Agent("王律师", GOOD_IDS[1], "13900001111", "上海某某律师事务所", "13101201810123456",
                                 AgentAuthority.SPECIAL)  # fmt: skip
    assert stored.transaction.received_at is not None and stored.transaction.quantity == 1
    assert stored.transaction.amount == Decimal("6299")
    shipment = stored.shipment
    assert shipment.insured is True and shipment.insured_value == Decimal("6000")
    assert shipment.weight == Decimal("1.25") and shipment.exception_at is not None
    assert shipment.sender is not None and shipment.sender.kind is PartyKind.ORGANISATION
    assert shipment.recipient is not None and shipment.recipient.kind is PartyKind.PERSON
    assert shipment.claimant is not None and shipment.claimant.id_number == GOOD_CODES[0]
    assert stored.demands == [Demand(DemandType.REFUND, Decimal("6299"), "退货退款", "《消费者权益保护法》第二十四条")]
    folder = library.folder(case.number)
    assert fold(folder.custody.read()) == stored  # the log says the same
    assert from_data(type(stored), json.loads(json.dumps(to_data(stored)))) == stored
    data = json.loads(folder.record_path.read_text("utf-8"))
    assert data["version"] == 3 and data["agent"]["authority"] == "special"


def test_unknown_is_kept_apart_from_no_and_from_zero(library):
    case = make_case(library)
    assert case.shipment.insured is None and case.transaction.quantity is None and case.shipment.freight is None
    data = json.loads(library.folder(case.number).record_path.read_text("utf-8"))
    assert data["shipment"]["insured"] is None  # written as null: not entered
    for value, stored in (("no", False), ("yes", True), ("unknown", None), ("", None)):
        changes = Changes()
        changes.set(BY_OPTION["insured"], BY_OPTION["insured"].parse(value), "--insured")
        assert apply(case, changes).shipment.insured is stored
    # an empty field clears an amount, a quantity and a time to "not entered"
    assert BY_OPTION["freight"].parse("") is None and BY_OPTION["quantity"].parse("") is None
    assert BY_OPTION["signed-at"].parse("") is None


def test_a_record_without_the_new_fields_stays_as_it_was_when_written_again(library):
    case = make_case(library)
    data = case_to_data(case)
    for key in ("agent",):
        assert key not in data
    assert "received_at" not in data["transaction"] and "claimant" not in data["shipment"]


def test_optional_parties_come_and_go_with_what_is_entered(library):
    case = make_case(library)
    changes = Changes()
    changes.set(BY_OPTION["sender"], "某某数码", "--sender")
    with_sender = apply(case, changes)
    assert with_sender.shipment.sender == Party(kind=PartyKind.PERSON, name="某某数码")
    cleared = apply(with_sender, changes_from_json({"shipment": {"sender": None}}))
    assert cleared.shipment.sender is None
    assert apply(case, changes_from_json({"agent": {"name": ""}})).agent is None


# ---------------------------------------------------------------------------- JSON intake


def test_json_intake_refuses_unknown_keys_naming_every_one():
    with pytest.raises(InvalidValueError) as caught:
        changes_from_json({"complainant": {"adress": "x", "name": "张三"}, "wechat": "z", "shipment": {"insurd": 1}})
    message = str(caught.value)
    assert "unknown fields complainant.adress, wechat, shipment.insurd" in message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"shipment": {"insured": "maybe"}}, "shipment.insured: 'maybe' is not yes, no or unknown"),
        ({"transaction": {"amount": "12.345"}}, "transaction.amount: '12.345' has more than two decimals"),
        ({"transaction": {"quantity": "many"}}, "transaction.quantity: 'many' is not a quantity"),
        ({"complainant": {"postcode": "1000"}}, "complainant.postcode: '1000' is not a postcode"),
        ({"complainant": {"kind": "company"}}, "complainant.kind: 'company' is not one of person, organisation"),
        ({"demands": [{"type": "refund", "amount": "abc"}]}, "demands[1].amount: 'abc' is not an amount"),
        ({"demands": {"type": "refund"}}, "demands: expected a list of demands"),
        ([1, 2], "expected a JSON object of record fields"),
    ],
)
def test_json_intake_names_the_field_of_a_bad_value(data, words):
    with pytest.raises(InvalidValueError) as caught:
        changes_from_json(data, "intake.json")
    assert words in str(caught.value)


def test_an_id_number_given_in_json_is_checked_by_the_partys_kind(library):
    case = make_case(library)
    for data, path in (
        ({"complainant": {"id_number": "12345"}}, "complainant.id_number"),
        ({"respondent": {"kind": "organisation", "id_number": GOOD_IDS[0]}}, "respondent.id_number"),
    ):
        changes = changes_from_json(data)
        with pytest.raises(FieldError) as caught:
            check_changes(case, apply(case, changes), changes.names)
        assert caught.value.path == path and str(caught.value).startswith(path)


def test_check_changes_names_the_field_as_the_person_typed_it(library):
    case = make_case(library)
    changes = Changes()
    changes.set(BY_OPTION["complainant-id"], "12345", "--complainant-id")  # (parse would have refused it already)
    with pytest.raises(FieldError, match=r"^--complainant-id: '12345' is not a resident ID number"):
        check_changes(case, apply(case, changes), changes.names)


# ---------------------------------------------------------------------------- demands


def test_demands_from_words_and_json():
    assert demand_from_words(["refund 1299 全额退款"]) == Demand(DemandType.REFUND, Decimal("1299"), "全额退款")
    assert demand_from_words(["apology"]) == Demand(DemandType.APOLOGY)
    assert demand_from_words(["退一赔三"]) == Demand(DemandType.OTHER, description="退一赔三")
    assert demand_from_words(["compensation", "-", "民法典第五百七十七条"]) == Demand(
        DemandType.COMPENSATION, None, basis="民法典第五百七十七条"
    )
    assert demand_from_words(["refund", "1299", "消法第二十四条", "退货退款"]) == Demand(
        DemandType.REFUND, Decimal("1299"), "退货退款", "消法第二十四条"
    )
    with pytest.raises(InvalidValueError, match="'bribe' is not one of refund"):
        demand_from_words(["bribe", "100"])
    with pytest.raises(InvalidValueError, match="--demand amount: 'lots' is not an amount"):
        demand_from_words(["refund", "lots"])
    assert demands_from_json('[{"kind": "repair", "basis": "三包规定"}]') == [
        Demand(DemandType.REPAIR, basis="三包规定")
    ]


# ---------------------------------------------------------------------------- the registry


def test_every_field_the_documents_print_is_declared_with_an_option():
    options = set(BY_OPTION)
    for option in (
        "complainant-address", "complainant-id", "complainant-postcode", "complainant-gender",
        "complainant-birth-date", "complainant-ethnicity", "complainant-occupation", "complainant-employer",
        "complainant-email", "respondent-credit-code", "respondent-representative",
        "respondent-representative-title", "respondent-shop", "respondent-platform", "respondent-address",
        "agent-name", "agent-id", "agent-phone", "agent-law-firm", "agent-licence", "agent-authority",
        "purchased-at", "received-at", "brand-model", "quantity", "payment-method", "amount",
        "insured", "insured-value", "declared-value", "insurance-fee", "freight", "weight", "signed-at", "signer",
        "exception-type", "exception-at", "discovered-at", "claimant", "claimant-credit-code", "carrier",
        "carrier-credit-code", "sender", "recipient-phone",
    ):  # fmt: skip
        assert option in options, option
    paths = {s.path for s in FIELDS}
    assert {f.name for f in dataclasses.fields(Agent)} <= {p.split(".")[1] for p in paths if p.startswith("agent.")}
    assert {f.name for f in dataclasses.fields(Party)} <= {
        p.split(".")[1] for p in paths if p.startswith("complainant.")
    }


def test_set_fields_lists_what_is_entered_and_nothing_else(library):
    case = make_case(library)
    listed = {spec.path for spec, _ in set_fields(case)}
    assert "complainant.kind" not in listed and "shipment.insured" not in listed
    filled = apply(case, full_changes())
    listed = {spec.path: value for spec, value in set_fields(filled)}
    assert listed["shipment.insured"] is True and listed["agent.authority"] is AgentAuthority.SPECIAL
    assert listed["complainant.kind"] is PartyKind.PERSON and "shipment.sender.name" in listed
    assert set(BY_PATH) >= set(listed)


# ---------------------------------------------------------------------------- who is who in a courier claim


def test_courier_claim_parties_default_to_the_organisation_in_the_settings(library):
    settings = Settings(
        org_name="某某数码旗舰店", org_credit_code=GOOD_CODES[0], org_address="杭州", org_phone="0571-1"
    )
    case = make_case(
        library,
        complainant={"name": "张三", "phone": "13812345678"},
        respondent={"kind": "organisation", "name": "某某速运"},  # registered against the carrier
        shipment={"carrier": "某某速运"},
    )
    claimant, carrier, customer = courier_claim_parties(case, settings)
    assert (claimant.name, claimant.id_number, claimant.kind) == (
        "某某数码旗舰店",
        GOOD_CODES[0],
        PartyKind.ORGANISATION,
    )
    assert carrier.name == "某某速运" and carrier.kind is PartyKind.ORGANISATION
    assert customer.name == "张三"
    # Named explicitly, the case's own parties win; the case itself is not changed.
    case.shipment.claimant = Party(kind=PartyKind.ORGANISATION, name="某某数码科技有限公司")
    case.courier = Party(kind=PartyKind.ORGANISATION, name="某某速运有限公司", id_number=GOOD_CODES[1])
    case.shipment.recipient = Party(name="李四", phone="13900001111")
    claimant, carrier, customer = courier_claim_parties(case, settings)
    assert (claimant.name, carrier.name, carrier.id_number, customer.name) == (
        "某某数码科技有限公司",
        "某某速运有限公司",
        GOOD_CODES[1],
        "李四",
    )
    claimant.name = "changed"
    assert case.shipment.claimant.name == "某某数码科技有限公司"
    empty = courier_claim_parties(make_case(library), Settings())
    assert empty.claimant.name == "" and empty.carrier.name == ""  # nothing invented


def test_a_demands_basis_passes_the_disclosure_step_like_its_description(library):
    from casefile.core.disclosure import disclosure_for
    from casefile.core.disclosure.masking import Masker
    from casefile.core.venues import Venue

    case = make_case(library, demands=[{"type": "refund", "amount": "1", "basis": "客服王五（13700001111）承诺退款"}])
    shown = Masker(case, disclosure_for(Venue.CONSUMER_ASSOCIATION)).case(case)
    assert "13700001111" not in shown.demands[0].basis and "137****1111" in shown.demands[0].basis
    assert case.demands[0].basis == "客服王五（13700001111）承诺退款"  # the record itself is not changed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("139-0571-2233", "13905712233"),  # as a customer dictates it at the counter
        ("139 0571 2233", "13905712233"),
        ("１３９－０５７１－２２３３", "13905712233"),  # typed with a full-width input method
        ("139–0571–2233", "13905712233"),
        ("+86 139-0571-2233", "13905712233"),
        ("010-12345678", "010-12345678"),  # a landline keeps its area code's dash
        ("400-123-4567", "400-123-4567"),
    ],
)
def test_a_phone_number_written_in_groups_is_taken(typed: str, kept: str) -> None:
    from casefile.core.validate import normalise_phone

    assert normalise_phone(typed) == kept


@pytest.mark.parametrize("typed", ["139--05712233", "-13905712233", "139-0571-223", "139-0571-22334"])
def test_a_phone_number_with_a_digit_too_few_or_stray_dashes_is_refused(typed: str) -> None:
    from casefile.core.validate import normalise_phone

    with pytest.raises(InvalidValueError, match="is not a phone number"):
        normalise_phone(typed)
