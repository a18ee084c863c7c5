"""`casefile new` and `casefile edit` set every field the documents print; `show` prints them back.

A command-line user can make a court packet's parties complete (民诉法 art. 124 needs 住所),
an arbitration packet's agent, a courier claim's parties and insurance, and structured demands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main

NEW = [
    "new",
    "--title",
    "屏幕碎裂",
    "--type",
    "quality",
    "--channel",
    "store",
    "--complained-at",
    "2026-11-20T10:30+08:00",
]
GOOD_ID = "110105199001011232"
GOOD_CODE = "91310000MA1FL0000N"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_case(capsys, lib: Path, *extra: str) -> str:
    code, out, err = run(capsys, "--library", str(lib), *NEW, *extra)
    assert code == 0, err
    return out.strip().splitlines()[-1]


def entries(lib: Path, number: str) -> list[dict]:
    return [json.loads(line) for line in (lib / "cases" / number / "CUSTODY.jsonl").read_text("utf-8").splitlines()]


def shown(capsys, lib: Path, number: str) -> dict:
    return json.loads(run(capsys, "--library", str(lib), "show", number, "--json")[1])


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


# ---------------------------------------------------------------------------- edit


def edit(capsys, lib: Path, number: str, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--library", str(lib), "edit", number, *argv)


# fmt: off
COURT_FIELDS = [
    "--complainant-address", "北京市朝阳区建国路88号院3号楼501", "--complainant-id", GOOD_ID,
    "--complainant-postcode", "100020", "--complainant-gender", "male", "--complainant-birth-date", "1990-01-01",
    "--respondent-kind", "organisation", "--respondent-credit-code", GOOD_CODE.lower(),
    "--respondent-representative", "李四", "--respondent-address", "杭州市余杭区文一西路1号",
    "--agent-name", "王律师", "--agent-law-firm", "上海某某律师事务所", "--agent-authority", "special",
    "--purchased-at", "2026-11-16T14:20+08:00", "--received-at", "2026-11-18 19:40",
    "--quantity", "1", "--brand-model", "X12 256G",
]
COURIER_FIELDS = [
    "--claimant", "某某数码科技有限公司", "--claimant-credit-code", GOOD_CODE,
    "--carrier-credit-code", "91110105MA01234565", "--carrier-address", "深圳市南山区某路2号",
    "--recipient", "张三", "--recipient-phone", "13812345678",
    "--insured", "no", "--freight", "23", "--weight", "1.25", "--declared-value", "6299",
    "--signed-at", "2026-11-18T19:40+08:00", "--signer", "驿站", "--exception-type", "外包装破损",
    "--exception-at", "2026-11-18T10:00+08:00", "--discovered-at", "2026-11-18T20:00+08:00",
]
NEW_FIELDS = [
    "--complainant", "张三", "--phone", "138 1234 5678", "--complainant-id", GOOD_ID,
    "--complainant-address", "北京市朝阳区", "--respondent", "某某数码", "--respondent-credit-code", GOOD_CODE,
    "--insured", "yes", "--insured-value", "6000", "--insurance-fee", "30", "--agent", "王律师",
    "--demand", "refund", "1299", "《消费者权益保护法》第二十四条", "退货退款", "--demand", "apology",
]
# fmt: on


def test_edit_sets_the_fields_a_court_filing_needs_in_one_custody_entry(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--complainant", "张三", "--respondent", "某某旗舰店")
    before = entries(lib, number)
    code, out, err = edit(capsys, lib, number, *COURT_FIELDS)
    assert code == 0, err
    after = entries(lib, number)
    assert len(after) == len(before) + 1
    entry = after[-1]
    assert entry["action"] == "update" and entry["v"] == 5
    assert set(entry["details"]["fields"]) == {"complainant", "respondent", "agent", "transaction"}  # only these
    assert "complainant.address: 北京市朝阳区建国路88号院3号楼501" in out
    assert f"complainant.id_number: {GOOD_ID}" in out and "agent.authority: special" in out
    assert "custody entry" in out
    data = shown(capsys, lib, number)
    assert data["complainant"]["address"] == "北京市朝阳区建国路88号院3号楼501"
    assert data["complainant"]["id_number"] == GOOD_ID and data["complainant"]["gender"] == "男"
    assert data["respondent"]["id_number"] == GOOD_CODE and data["respondent"]["legal_representative"] == "李四"
    assert data["agent"] == {
        "name": "王律师",
        "id_number": "",
        "phone": "",
        "employer": "上海某某律师事务所",
        "licence_no": "",
        "authority": "special",
    }
    assert data["transaction"]["quantity"] == 1 and data["transaction"]["received_at"].startswith("2026-11-18T19:40")
    text = run(capsys, "--library", str(lib), "show", number)[1]
    for path in ("complainant.address", "complainant.postcode", "respondent.legal_representative", "agent.name"):
        assert path in text
    assert "transaction.received_at" in text and "transaction.brand_model" in text
    assert run(capsys, "--library", str(lib), "verify", number)[0] == 0


def test_edit_sets_a_courier_claims_roles_insurance_and_times(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--carrier", "某某速运")
    code, out, err = edit(capsys, lib, number, *COURIER_FIELDS)
    assert code == 0, err
    data = shown(capsys, lib, number)
    shipment = data["shipment"]
    assert shipment["insured"] is False and shipment["freight"] == "23" and shipment["weight"] == "1.25"
    assert shipment["claimant"]["name"] == "某某数码科技有限公司" and shipment["claimant"]["kind"] == "organisation"
    assert shipment["recipient"]["phone"] == "13812345678" and shipment["recipient"]["kind"] == "person"
    assert data["courier"]["name"] == "某某速运" and data["courier"]["id_number"] == "91110105MA01234565"
    code, out, _ = edit(capsys, lib, number, "--insured", "unknown", "--freight", "")
    assert code == 0 and "shipment.insured: (not entered)  (was no)" in out
    assert shown(capsys, lib, number)["shipment"]["insured"] is None


def test_new_takes_the_same_options(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, *NEW_FIELDS)
    data = shown(capsys, lib, number)
    assert data["complainant"]["phone"] == "13812345678" and data["complainant"]["id_number"] == GOOD_ID
    assert data["respondent"]["kind"] == "organisation" and data["respondent"]["id_number"] == GOOD_CODE
    assert data["shipment"]["insured"] is True and data["shipment"]["insured_value"] == "6000"
    assert data["agent"]["name"] == "王律师"
    assert data["demands"] == [
        {"type": "refund", "amount": "1299", "description": "退货退款", "basis": "《消费者权益保护法》第二十四条"},
        {"type": "apology", "amount": None, "description": ""},
    ]
    created = entries(lib, number)[0]
    assert created["v"] == 5 and created["details"]["case"]["version"] == 3


def test_a_new_case_leaves_insurance_unknown_unless_told(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--carrier", "某某速运", "--waybill-no", "SF1")
    assert shown(capsys, lib, number)["shipment"]["insured"] is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--complainant-id", "12345"], "--complainant-id: '12345' is not a resident ID number"),
        (["--complainant-id", "110105199001011234"], "--complainant-id: '110105199001011234': the check digit"),
        (["--respondent-credit-code", "91310000MA1FL0000X"], "--respondent-credit-code: "),
        (["--complainant-postcode", "1000"], "--complainant-postcode: '1000' is not a postcode"),
        (["--agent-phone", "12ab"], "--agent-phone: '12ab' is not a phone number"),
        (["--insured", "perhaps"], "--insured: 'perhaps' is not yes, no or unknown"),
        (["--weight", "heavy"], "--weight: heavy is not a weight"),
        (["--quantity", "0"], "--quantity: 0 is not a quantity"),
        (["--signed-at", "2999-01-01T10:00"], "--signed-at: 2999-01-01"),
        (["--signed-at", "2030-01-01T10:00+08:00"], "--signed-at: 2030-01-01 10:00:00+08:00 is in the future"),
        (["--complainant-birth-date", "1990-02-30"], "--complainant-birth-date: '1990-02-30' is not a date"),
        (["--agent-authority", "total"], "--agent-authority: 'total' is not one of general, special"),
        (["--demand", "refund", "abc"], "--demand amount: 'abc' is not an amount"),
        (["--demand-json", "{}"], "--demand-json: expected a list of demands"),
        (["--phone", "13812345678", "--complainant-phone", "13900001111"], "give different values"),
    ],
)
def test_edit_refuses_a_bad_value_in_one_line_naming_the_option_and_records_nothing(capsys, tmp_path, argv, words):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    log = lib / "cases" / number / "CUSTODY.jsonl"
    before = log.read_bytes()
    code, out, err = edit(capsys, lib, number, *argv)
    assert words in one_line_error(code, err)
    assert out == "" and log.read_bytes() == before


def test_an_organisations_id_checked_by_its_kind(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--respondent", "某某数码")  # an organisation by default
    code, _, err = edit(capsys, lib, number, "--respondent-id", GOOD_ID)
    assert "--respondent-id: " in one_line_error(code, err) and "unified social credit code" in err


def test_edit_with_nothing_to_change_says_so(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--complainant", "张三")
    code, _, err = edit(capsys, lib, number)
    assert "nothing to change" in one_line_error(code, err)
    before = entries(lib, number)
    code, out, _ = edit(capsys, lib, number, "--complainant", "张三")
    assert code == 0 and out.strip() == f"{number}: nothing changed"
    assert entries(lib, number) == before


def test_demands_are_replaced_as_a_list(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--demand", "refund 1299", "--demand", "apology")
    claims = '[{"type": "compensation", "amount": "500", "basis": "《消费者权益保护法》第五十五条"}]'
    code, out, err = edit(capsys, lib, number, "--demand-json", claims)
    assert code == 0, err
    assert shown(capsys, lib, number)["demands"] == [
        {"type": "compensation", "amount": "500", "description": "", "basis": "《消费者权益保护法》第五十五条"}
    ]
    assert "demands: compensation 500 (basis: 《消费者权益保护法》第五十五条)" in out
    assert edit(capsys, lib, number, "--demand-json", "[]")[0] == 0
    assert shown(capsys, lib, number)["demands"] == []


# ---------------------------------------------------------------------------- edit --from FILE.json


def test_edit_from_a_json_file(capsys, tmp_path):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    intake = tmp_path / "intake.json"
    intake.write_text(
        json.dumps(
            {
                "complainant": {"name": "张三", "address": "北京市朝阳区建国路88号", "id_number": GOOD_ID},
                "respondent": {"name": "某某数码科技有限公司", "id_number": GOOD_CODE},
                "shipment": {"insured": False, "freight": 12.5, "claimant": {"name": "某某数码科技有限公司"}},
                "transaction": {"amount": "1299.00", "quantity": 2},
                "demands": [{"type": "refund", "amount": "1299", "basis": "合同约定"}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, out, err = edit(capsys, lib, number, "--from", str(intake), "--quantity", "1")
    assert code == 0, err
    data = shown(capsys, lib, number)
    assert data["complainant"]["address"] == "北京市朝阳区建国路88号" and data["respondent"]["id_number"] == GOOD_CODE
    assert data["shipment"]["insured"] is False and data["shipment"]["freight"] == "12.5"
    assert data["transaction"]["amount"] == "1299.00" and data["transaction"]["quantity"] == 1  # the option wins
    assert data["demands"][0]["basis"] == "合同约定"
    assert entries(lib, number)[-1]["action"] == "update"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ({"complainant": {"id_number": "12345"}}, "complainant.id_number: '12345' is not a resident ID number"),
        ({"shipment": {"insured": "perhaps"}}, "shipment.insured: 'perhaps' is not yes, no or unknown"),
        ({"complainant": {"adress": "x"}, "hearing_at": "2027"}, "unknown fields complainant.adress, hearing_at"),
        ({"number": "202611-999"}, "unknown fields number"),
        ("not json", "is not JSON"),
    ],
)
def test_edit_from_a_json_file_refuses_bad_values_and_unknown_keys(capsys, tmp_path, content, words):
    lib = tmp_path / "lib"
    number = new_case(capsys, lib)
    intake = tmp_path / "intake.json"
    intake.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    log = lib / "cases" / number / "CUSTODY.jsonl"
    before = log.read_bytes()
    code, _, err = edit(capsys, lib, number, "--from", str(intake))
    assert words in one_line_error(code, err)
    assert log.read_bytes() == before


def test_new_from_a_json_file_needs_its_title_type_and_channel(capsys, tmp_path):
    lib = tmp_path / "lib"
    intake = tmp_path / "new.json"
    intake.write_text(json.dumps({"title": "快递破损", "type": "logistics", "channel": "phone"}), encoding="utf-8")
    code, out, err = run(capsys, "--library", str(lib), "new", "--from", str(intake), "--carrier", "某某速运")
    assert code == 0, err
    number = out.strip().splitlines()[-1]
    assert shown(capsys, lib, number)["type"] == "logistics"
    code, _, err = run(capsys, "--library", str(lib), "new", "--title", "t")
    assert "casefile new needs --type, --channel" in one_line_error(code, err)


def test_edit_declines_the_costs_claim_and_sets_it_back(capsys, tmp_path):
    """是否主张诉讼费用: not entered claims the costs (the court complaint's 是); ``--claim-costs no`` declines."""
    lib = tmp_path / "lib"
    number = new_case(capsys, lib, "--complainant", "张三", "--respondent", "某某旗舰店")
    assert (shown(capsys, lib, number).get("filing") or {}).get("claim_costs") is None
    code, out, err = edit(capsys, lib, number, "--claim-costs", "no")
    assert code == 0, err
    assert "filing.claim_costs" in out
    assert shown(capsys, lib, number)["filing"]["claim_costs"] is False
    code, out, err = edit(capsys, lib, number, "--claim-costs", "yes")
    assert code == 0, err
    assert shown(capsys, lib, number)["filing"]["claim_costs"] is True
