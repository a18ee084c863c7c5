"""Who is who in a case, where the record does not say it in one field.

A courier claim (快递理赔) is made by the merchant — usually the sender of the parcel — against
the carrier; the customer who received the parcel is a third party to it. The case names the
claimant in ``shipment.claimant`` when it is someone other than the organisation using CaseFile
(the settings' ``org_*``), and the carrier in ``courier`` (or only by name, ``shipment.carrier``).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import NamedTuple

from casefile.core.model import Case, Party, PartyKind
from casefile.core.settings import Settings


class CourierClaimParties(NamedTuple):
    claimant: Party  # 索赔人: the merchant
    carrier: Party  # 被索赔人: the courier company
    end_customer: Party  # the recipient: a third party to the claim, masked where the venue says


def organisation_party(settings: Settings) -> Party:
    """The organisation using CaseFile, as a party (empty when the settings name none)."""
    return Party(
        kind=PartyKind.ORGANISATION,
        name=settings.org_name.strip(),
        id_number=settings.org_credit_code.strip(),
        address=settings.org_address.strip(),
        phone=settings.org_phone.strip(),
        legal_representative=settings.org_legal_representative.strip(),
    )


def courier_claim_parties(case: Case, settings: Settings) -> CourierClaimParties:
    """The claimant, the carrier and the end customer of a courier claim (see claim_parties)."""
    return claim_parties(case, organisation_party(settings))


def claim_parties(case: Case, organisation: Party) -> CourierClaimParties:
    """The claimant, the carrier and the end customer of a courier claim (copies; the case is not changed).

    - claimant: ``shipment.claimant`` when entered, else ``organisation`` (the one in the settings); what it
      leaves blank (a postcode, say) taken from ``shipment.sender`` when the sender is the same party (by name);
    - carrier: the ``courier`` party when it has a name, else a party named after ``shipment.carrier``;
    - end customer: ``shipment.recipient`` when entered, else the complainant.

    A party nobody entered comes back empty: documents leave its fields blank to fill by hand.
    """
    shipment = case.shipment
    claimant = shipment.claimant
    if claimant is None or claimant.is_empty():
        claimant = organisation
    claimant = _filled_from(claimant, shipment.sender)
    carrier = case.courier or Party(kind=PartyKind.ORGANISATION)
    if not carrier.name.strip():  # details entered without a name keep their name from the waybill
        carrier = dataclasses.replace(carrier, name=shipment.carrier.strip())
    customer = shipment.recipient
    if customer is None or customer.is_empty():
        customer = case.complainant
    return CourierClaimParties(copy.deepcopy(claimant), copy.deepcopy(carrier), copy.deepcopy(customer))


def _filled_from(party: Party, same: Party | None) -> Party:
    """``party`` with its blank details taken from ``same`` when ``same`` is the same party (the same name): the
    waybill's sender entered with the postcode the settings' organisation lacks. What ``party`` says is kept."""
    if same is None or not party.name.strip() or same.name.strip() != party.name.strip():
        return party
    blanks = {
        f.name: getattr(same, f.name)
        for f in dataclasses.fields(party)
        if f.name != "kind" and not getattr(party, f.name) and getattr(same, f.name)
    }
    return dataclasses.replace(party, **blanks) if blanks else party


# --------------------------------------------------------------------------- who issues a walk-in receipt

# Names of organisations that take complaints about a business but are not one: a receipt in such a name tells
# the customer the wrong party took the complaint (a law firm representing the customer, the 消协, a regulator).
NOT_A_BUSINESS = (
    "律师事务所",
    "法律服务所",
    "公证处",
    "司法所",
    "消费者协会",
    "消费者权益保护委员会",
    "消保委",
    "市场监督管理局",
    "仲裁委员会",
    "仲裁院",
    "人民法院",
)


def _plain_name(name: str) -> str:
    """A name compared as written, whatever the spaces and brackets (（朝阳店） and (朝阳店))."""
    table = str.maketrans({"（": "(", "）": ")", "　": ""})
    return "".join(name.translate(table).split()).lower()


def not_a_business(name: str) -> str:
    """The word of ``name`` that makes it a law firm, consumer association, regulator or tribunal ("" if none)."""
    plain = _plain_name(name)
    return next((word for word in NOT_A_BUSINESS if word in plain), "")


def issued_by_respondent(organisation: Party, respondent: Party) -> bool | None:
    """Whether the organisation issuing a walk-in receipt is the business complained about.

    The same credit code, or one name containing the other (a company and its store: 好物数码有限公司 and
    好物数码有限公司朝阳店), or the respondent's store (店铺) named as the organisation. None when either name is
    missing: nothing to compare.
    """
    ours, theirs = _plain_name(organisation.name), _plain_name(respondent.name)
    if not ours or not theirs:
        return None
    codes = organisation.id_number.strip().upper(), respondent.id_number.strip().upper()
    if all(codes) and codes[0] == codes[1]:
        return True
    store = _plain_name(respondent.store)
    return ours in theirs or theirs in ours or (bool(store) and (store in ours or ours in store))
