"""The fields of a case record that people enter, declared once for every way in.

The command line (``casefile new`` / ``casefile edit`` options and ``--from FILE.json``) and
the app's overview read the same declarations: each field's path in the record, its options,
its label (a translatable message) and its form — how text typed for it becomes a value, with
an error naming the field when it cannot. A changed record is then checked as a whole
(:func:`check_changes`: ID numbers by the party's kind, times things happened against today…)
before :meth:`casefile.core.library.CaseWriter.update` records it; errors from that check name
the field the way the person typed it (an option, a JSON key, a label in the app).

Unknown is never a fact: an empty text clears a text, and clears an optional value to "not
entered" (None); a yes/no/unknown field takes "unknown".
"""

from __future__ import annotations

import copy
import dataclasses
import enum
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from casefile.core.errors import InvalidValueError, Message
from casefile.core.model import (
    Agent,
    AgentAuthority,
    Case,
    CaseType,
    Channel,
    Demand,
    DemandType,
    Filing,
    MediationWish,
    Party,
    PartyKind,
    Priority,
    ResponsibleParty,
    Side,
    parse_amount,
    parse_datetime,
    to_data,
)
from casefile.core.record.actions import UPDATABLE_FIELDS
from casefile.core.textsafe import without_unseen
from casefile.core.validate import (
    check_birth_date,
    check_credit_code,
    check_email,
    check_gender,
    check_input,
    check_phone,
    check_postcode,
    check_resident_id,
    check_text,
    quantity_from_text,
    weight_from_text,
)

Where = str | Message


class Form(enum.Enum):
    """How a field is typed in."""

    TEXT = "text"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    PERSON_ID = "person-id"  # a resident ID number
    CREDIT_CODE = "credit-code"  # a unified social credit code
    IDENTITY = "identity"  # either, by the party's kind (checked with the whole party)
    BIRTH_DATE = "birth-date"
    GENDER = "gender"
    TIME = "time"
    AMOUNT = "amount"
    QUANTITY = "quantity"
    WEIGHT = "weight"
    CHOICE = "choice"
    YES_NO = "yes-no"  # yes, no or unknown


YES_NO_WORDS = {
    "yes": True,
    "y": True,
    "true": True,
    "是": True,
    "no": False,
    "n": False,
    "false": False,
    "否": False,
    "unknown": None,
    "": None,
    "未知": None,
    "未填写": None,
}


def yes_no(text: str, where: str) -> bool | None:
    """A yes/no/unknown answer as typed (:data:`YES_NO_WORDS`): True, False, or None for unknown."""
    key = unicodedata.normalize("NFC", text).strip().lower()
    if key not in YES_NO_WORDS:
        raise InvalidValueError("{where}: {value!r} is not yes, no or unknown", where=where, value=text)
    return YES_NO_WORDS[key]


@dataclass(frozen=True)
class FieldSpec:
    path: str  # where in the record: "complainant.address", "shipment.insured"
    options: tuple[str, ...]  # command-line options without "--", the first is its name
    label: Message
    form: Form = Form.TEXT
    group: str = "case"
    choices: type[enum.Enum] | None = None
    optional_choice: bool = False  # a choice that may be left "not entered"
    required: bool = False  # a text that cannot be empty (the title)
    also: tuple[str, ...] = ()  # other paths that take the same value (the carrier's name)
    metavar: str = ""

    @property
    def option(self) -> str:
        return f"--{self.options[0]}" if self.options else self.path

    @property
    def choice_values(self) -> list[str]:
        return [str(c.value) for c in self.choices] if self.choices is not None else []

    def parse(self, value: Any, where: Where | None = None) -> Any:
        """The value for this field from what was typed (text) or given in JSON; raises naming ``where``."""
        at: Any = where if where is not None else self.option
        form = self.form
        if isinstance(value, str):
            value = without_unseen(unicodedata.normalize("NFC", value)).strip()
        if value is None or value == "":
            if self.required:
                raise InvalidValueError("{where} cannot be empty", where=at)
            if form is Form.CHOICE and not self.optional_choice:
                raise InvalidValueError(
                    "{where}: choose one of {choices}", where=at, choices=", ".join(self.choice_values)
                )
            return "" if _is_text(form) else None
        if form is Form.YES_NO:
            key = str(value).lower() if isinstance(value, str | bool) else None
            if key not in YES_NO_WORDS:
                raise InvalidValueError("{where}: {value!r} is not yes, no or unknown", where=at, value=value)
            return YES_NO_WORDS[key]
        if form is Form.QUANTITY and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if (
            form in (Form.AMOUNT, Form.WEIGHT)
            and isinstance(value, int | float | Decimal)
            and not isinstance(value, bool)
        ):
            value = str(value)
        if not isinstance(value, str):
            raise InvalidValueError("{where}: expected text, not {value!r}", where=at, value=value)
        if _is_text(form):
            check_text(value, at, self.path)  # the limit of the field, named as the person typed it
            return _PARSERS[form](value, at) if form in _PARSERS else value
        if form is Form.TIME:
            return parse_datetime(value, at)
        if form is Form.AMOUNT:
            return parse_amount(value, at)
        if form is Form.QUANTITY:
            return quantity_from_text(value, at)
        if form is Form.WEIGHT:
            return weight_from_text(value, at)
        assert self.choices is not None
        try:
            return self.choices(value.lower())
        except ValueError:
            raise InvalidValueError(
                "{where}: {value!r} is not one of {choices}",
                where=at,
                value=value,
                choices=", ".join(self.choice_values),
            ) from None

    def value_of(self, case: Case) -> Any:
        """The field's value in ``case`` (None when a party holding it is not there)."""
        obj: Any = case
        for part in self.path.split("."):
            if obj is None:
                return None
            obj = getattr(obj, part)
        return obj


def _is_text(form: Form) -> bool:
    return form not in (Form.TIME, Form.AMOUNT, Form.QUANTITY, Form.WEIGHT, Form.CHOICE, Form.YES_NO)


def _identity(text: str, where: Any) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").upper()


_PARSERS: dict[Form, Any] = {
    Form.PHONE: check_phone,
    Form.EMAIL: check_email,
    Form.POSTCODE: check_postcode,
    Form.PERSON_ID: check_resident_id,
    Form.CREDIT_CODE: check_credit_code,
    Form.IDENTITY: _identity,
    Form.BIRTH_DATE: check_birth_date,
    Form.GENDER: check_gender,
}


# ---------------------------------------------------------------------------- the declarations

GROUPS: dict[str, Message] = {
    "case": Message("Case"),
    "complainant": Message("Complainant"),
    "respondent": Message("Respondent"),
    "agent": Message("Agent (委托诉讼代理人)"),
    "purchase": Message("Purchase"),
    "shipment": Message("Shipment"),
    "carrier": Message("Carrier"),
    "claimant": Message("Courier claim: claimant"),
    "sender": Message("Sender"),
    "recipient": Message("Recipient"),
    "demands": Message("Demands"),
    "filing": Message("Filing (court, arbitration, 消协)"),
}

# A party's ID number is called by what it is for the party's kind.
ID_LABELS: dict[PartyKind, Message] = {
    PartyKind.PERSON: Message("ID number"),
    PartyKind.ORGANISATION: Message("Unified social credit code"),
}


def field_name(spec: FieldSpec, label: Message | None = None) -> Message:
    """How a field is named to a person in a message: its group and its label ("Complainant — Address")."""
    return Message("{group} — {field}", group=GROUPS[spec.group], field=label or spec.label)


def demand_name(number: int) -> Message:
    return Message("Demand {number}", number=number)


# Party roles: (path in the record, option prefix, group)
PARTY_ROLES = (
    ("complainant", "complainant", "complainant"),
    ("respondent", "respondent", "respondent"),
    ("courier", "carrier", "carrier"),
    ("shipment.claimant", "claimant", "claimant"),
    ("shipment.sender", "sender", "sender"),
    ("shipment.recipient", "recipient", "recipient"),
)
# Parties that may be absent (None) and the kind a new one starts as.
OPTIONAL_PARTIES = {
    "courier": PartyKind.ORGANISATION,
    "shipment.claimant": PartyKind.ORGANISATION,
    "shipment.sender": PartyKind.PERSON,
    "shipment.recipient": PartyKind.PERSON,
}


def _party_fields(path: str, prefix: str, group: str) -> list[FieldSpec]:
    def spec(name: str, options: tuple[str, ...], label: Message, form: Form = Form.TEXT, **kw: Any) -> FieldSpec:
        return FieldSpec(f"{path}.{name}", options, label, form, group, **kw)

    also = ("shipment.carrier",) if path == "courier" else ()
    return [
        spec("kind", (f"{prefix}-kind",), Message("Person or organisation"), Form.CHOICE, choices=PartyKind),
        spec("name", (prefix, f"{prefix}-name"), Message("Name"), also=also, metavar="NAME"),
        spec(
            "phone",
            (f"{prefix}-phone", *(("phone",) if prefix == "complainant" else ())),
            Message("Phone"),
            Form.PHONE,
            metavar="PHONE",
        ),
        spec("email", (f"{prefix}-email",), Message("Email"), Form.EMAIL, metavar="EMAIL"),
        spec("address", (f"{prefix}-address",), Message("Address"), metavar="ADDRESS"),
        spec("postcode", (f"{prefix}-postcode",), Message("Postcode"), Form.POSTCODE, metavar="NNNNNN"),
        spec("id_number", (f"{prefix}-id",), Message("ID number"), Form.PERSON_ID, metavar="ID"),
        spec(
            "id_number",
            (f"{prefix}-credit-code",),
            Message("Unified social credit code"),
            Form.CREDIT_CODE,
            metavar="CODE",
        ),
        spec("legal_representative", (f"{prefix}-representative",), Message("Legal representative"), metavar="NAME"),
        spec("representative_title", (f"{prefix}-representative-title",), Message("Representative's title")),
        spec("gender", (f"{prefix}-gender",), Message("Gender"), Form.GENDER, metavar="男|女"),
        spec("birth_date", (f"{prefix}-birth-date",), Message("Birth date"), Form.BIRTH_DATE, metavar="YYYY-MM-DD"),
        spec("ethnicity", (f"{prefix}-ethnicity",), Message("Ethnicity")),
        spec("occupation", (f"{prefix}-occupation",), Message("Occupation")),
        spec("employer", (f"{prefix}-employer",), Message("Employer")),
        spec("store", (f"{prefix}-shop",), Message("Shop name"), metavar="SHOP"),
        spec("platform", (f"{prefix}-platform",), Message("Platform"), metavar="PLATFORM"),
    ]


def _declare() -> list[FieldSpec]:
    case: list[FieldSpec] = [
        FieldSpec("title", ("title",), Message("Title"), required=True),
        FieldSpec("type", ("type",), Message("Type"), Form.CHOICE, choices=CaseType),
        FieldSpec("channel", ("channel",), Message("Channel"), Form.CHOICE, choices=Channel),
        FieldSpec("channel_ref", ("channel-ref",), Message("Channel reference"), metavar="REF"),
        FieldSpec("priority", ("priority",), Message("Priority"), Form.CHOICE, choices=Priority),
        FieldSpec("complained_at", ("complained-at",), Message("Complaint time"), Form.TIME, metavar="ISO"),
        # The first answer to the complainant (a call back, a message): it meets the response promise. Not given,
        # the first contact with the complainant on the timeline or the first step of handling is taken.
        FieldSpec("first_response_at", ("first-response-at",), Message("First response"), Form.TIME, metavar="ISO"),
        FieldSpec(
            "responsible_party",
            ("responsible-party",),
            Message("Responsible party"),
            Form.CHOICE,
            choices=ResponsibleParty,
        ),
        FieldSpec("responsibility_rationale", ("rationale",), Message("Rationale"), metavar="TEXT"),
        # Which party our user's side is: the complainant (a merchant's own claim) runs no response promise.
        FieldSpec("our_side", ("our-side",), Message("Our side"), Form.CHOICE, choices=Side, optional_choice=True),
        FieldSpec("facts", ("facts",), Message("Facts"), metavar="TEXT"),
    ]
    parties = [spec for path, prefix, group in PARTY_ROLES for spec in _party_fields(path, prefix, group)]

    def agent(name: str, options: tuple[str, ...], label: Message, form: Form = Form.TEXT, **kw: Any) -> FieldSpec:
        return FieldSpec(f"agent.{name}", options, label, form, "agent", **kw)

    agents = [
        agent("name", ("agent", "agent-name"), Message("Name"), metavar="NAME"),
        agent("id_number", ("agent-id",), Message("ID number"), Form.PERSON_ID, metavar="ID"),
        agent("phone", ("agent-phone",), Message("Phone"), Form.PHONE, metavar="PHONE"),
        agent("employer", ("agent-employer", "agent-law-firm"), Message("Law firm or employer"), metavar="NAME"),
        agent("licence_no", ("agent-licence",), Message("Lawyer's licence number"), metavar="NUMBER"),
        agent(
            "authority",
            ("agent-authority",),
            Message("Authority (代理权限)"),
            Form.CHOICE,
            choices=AgentAuthority,
            optional_choice=True,
        ),
    ]

    def purchase(name: str, options: tuple[str, ...], label: Message, form: Form = Form.TEXT, **kw: Any) -> FieldSpec:
        return FieldSpec(f"transaction.{name}", options, label, form, "purchase", **kw)

    purchases = [
        purchase("order_no", ("order-no",), Message("Order number"), metavar="N"),
        purchase("platform", ("platform",), Message("Platform / store"), metavar="NAME"),
        purchase("product", ("product",), Message("Product or service"), metavar="TEXT"),
        purchase("brand_model", ("brand-model",), Message("Brand and model"), metavar="TEXT"),
        purchase("quantity", ("quantity",), Message("Quantity"), Form.QUANTITY, metavar="N"),
        purchase("amount", ("amount",), Message("Amount paid (yuan)"), Form.AMOUNT, metavar="X"),
        purchase("payment_method", ("payment-method",), Message("Payment method"), metavar="TEXT"),
        purchase("purchased_at", ("purchased-at",), Message("Purchase time"), Form.TIME, metavar="ISO"),
        purchase("received_at", ("received-at",), Message("Time received (签收)"), Form.TIME, metavar="ISO"),
        purchase("fault_at", ("fault-at",), Message("Time the fault first appeared"), Form.TIME, metavar="ISO"),
        purchase(
            "is_phone", ("is-phone",), Message("The goods are a mobile phone"), Form.YES_NO, metavar="yes|no|unknown"
        ),
    ]

    def ship(name: str, options: tuple[str, ...], label: Message, form: Form = Form.TEXT, **kw: Any) -> FieldSpec:
        return FieldSpec(f"shipment.{name}", options, label, form, "shipment", **kw)

    shipments = [
        ship("waybill_no", ("waybill-no",), Message("Waybill number"), metavar="W"),
        ship("carrier", (), Message("Carrier on the waybill")),  # the command line sets it with --carrier
        ship("outlet", ("outlet",), Message("Outlet"), metavar="NAME"),
        ship("freight", ("freight",), Message("Freight (yuan)"), Form.AMOUNT, metavar="X"),
        ship("insured", ("insured",), Message("Insured (保价)"), Form.YES_NO, metavar="yes|no|unknown"),
        ship("insured_value", ("insured-value",), Message("Insured value (yuan)"), Form.AMOUNT, metavar="X"),
        ship("declared_value", ("declared-value",), Message("Declared value (yuan)"), Form.AMOUNT, metavar="X"),
        ship("insurance_fee", ("insurance-fee",), Message("Insurance fee (yuan)"), Form.AMOUNT, metavar="X"),
        ship("weight", ("weight",), Message("Weight (kg)"), Form.WEIGHT, metavar="KG"),
        ship("shipped_at", ("shipped-at",), Message("Shipped at"), Form.TIME, metavar="ISO"),
        ship("signed_at", ("signed-at",), Message("Signed for at"), Form.TIME, metavar="ISO"),
        ship("signer", ("signer",), Message("Signed for by"), metavar="NAME"),
        ship("delivery_mode", ("delivery-mode",), Message("How it was delivered"), metavar="TEXT"),
        ship("exception_type", ("exception-type",), Message("Exception (damage, loss, delay…)"), metavar="TEXT"),
        ship("exception_at", ("exception-at",), Message("Exception time"), Form.TIME, metavar="ISO"),
        ship("discovered_at", ("discovered-at",), Message("Discovered at"), Form.TIME, metavar="ISO"),
    ]

    def filing(name: str, options: tuple[str, ...], label: Message, form: Form = Form.TEXT, **kw: Any) -> FieldSpec:
        return FieldSpec(f"filing.{name}", options, label, form, "filing", **kw)

    filings = [
        filing("court", ("court",), Message("Court"), metavar="NAME"),
        filing("arbitration_body", ("arbitration-body",), Message("Arbitration institution"), metavar="NAME"),
        filing(
            "consumer_body", ("consumer-body",), Message("Consumer association or market regulator"), metavar="NAME"
        ),
        filing("cause", ("cause",), Message("Cause of action (案由)"), metavar="TEXT"),
        filing(
            "jurisdiction_clause",
            ("jurisdiction-clause",),
            Message("Arbitration or jurisdiction clause agreed"),
            Form.YES_NO,
            metavar="yes|no|unknown",
        ),
        filing("jurisdiction_terms", ("jurisdiction-terms",), Message("The clause and its terms"), metavar="TEXT"),
        filing(
            "preservation",
            ("preservation",),
            Message("Preservation applied for before filing"),
            Form.YES_NO,
            metavar="yes|no|unknown",
        ),
        filing(
            "preservation_detail",
            ("preservation-detail",),
            Message("Preservation: court, date, case number"),
            metavar="TEXT",
        ),
        filing(
            "mediation",
            ("mediation",),
            Message("Consider mediation first (先行调解)"),
            Form.CHOICE,
            choices=MediationWish,
            optional_choice=True,
        ),
        filing(
            "claim_costs",
            ("claim-costs",),
            Message(
                "Claim the costs of the proceedings (court or arbitration fees) from the other side (not entered: yes)"
            ),
            Form.YES_NO,
            metavar="yes|no|unknown",
        ),
        filing(
            "identity_papers",
            ("identity-papers",),
            Message("Identity papers ready to put in place of the packet's identity page"),
            Form.YES_NO,
            metavar="yes|no|unknown",
        ),
        filing(
            "mediation_understood",
            ("mediation-understood",),
            Message("Has read the court's notes on mediation"),
            Form.YES_NO,
            metavar="yes|no|unknown",
        ),
    ]
    return [*case, *parties, *agents, *purchases, *shipments, *filings]


FIELDS: tuple[FieldSpec, ...] = tuple(_declare())
BY_OPTION: dict[str, FieldSpec] = {o: s for s in FIELDS for o in s.options}
# One declaration per path for JSON and the app: a party's ID number is checked by the party's kind.
BY_PATH: dict[str, FieldSpec] = {}
for _spec in FIELDS:
    if _spec.path.endswith(".id_number") and not _spec.path.startswith("agent"):
        BY_PATH.setdefault(
            _spec.path, dataclasses.replace(_spec, form=Form.IDENTITY, options=(), label=Message("ID or credit code"))
        )
    else:
        BY_PATH.setdefault(_spec.path, _spec)
CONTAINERS = {"complainant", "respondent", "courier", "agent", "filing", "transaction", "shipment"} | {
    p for p in OPTIONAL_PARTIES
}


# ---------------------------------------------------------------------------- demands


def demand_from_words(words: list[str], where: Where = "--demand") -> Demand:
    """A demand from the command line: ``KIND [AMOUNT [BASIS [DESCRIPTION]]]`` as separate words,
    or one text: "refund 1299 退还货款", "apology", or free text (a demand of kind other)."""
    kinds = [k.value for k in DemandType]
    if len(words) == 1:
        parts = words[0].strip().split()
        if not parts:
            raise InvalidValueError("{where} needs a text", where=where)
        head = parts[0].lower()
        if head not in kinds:
            return Demand(type=DemandType.OTHER, description=_text(words[0].strip(), "description", where))
        amount = _demand_amount(parts[1], where) if len(parts) > 1 else None
        rest = " ".join(parts[2:]) if amount is not None else " ".join(parts[1:])
        return Demand(type=DemandType(head), amount=amount, description=_text(rest, "description", where))
    if len(words) > 4:
        raise InvalidValueError("{where} takes KIND [AMOUNT [BASIS [DESCRIPTION]]]", where=where)
    kind, money, basis, description = [*words, "", "", ""][:4]
    if kind.strip().lower() not in kinds:
        raise InvalidValueError(
            "{where}: {value!r} is not one of {choices}", where=where, value=kind, choices=", ".join(kinds)
        )
    return Demand(
        type=DemandType(kind.strip().lower()),
        amount=None if money.strip() in ("", "-") else _demand_amount(money, where),
        basis=_text(basis.strip(), "basis", where),
        description=_text(description.strip(), "description", where),
    )


def _demand_amount(text: str, where: Where) -> Decimal:
    return parse_amount(text, Message("{where} amount", where=where))


def _text(value: str, field: str, where: Where) -> str:
    return check_text(value, where, field)


def demands_from_json(value: Any, where: Where = "demands") -> list[Demand]:
    """Demands as JSON: a list of objects with ``type`` (or ``kind``), ``amount``, ``basis``, ``description``."""
    if isinstance(value, str):
        try:
            value = json.loads(value, parse_float=Decimal)
        except ValueError as exc:
            raise InvalidValueError("{where}: not JSON ({exc})", where=where, exc=exc) from None
    if not isinstance(value, list):
        raise InvalidValueError("{where}: expected a list of demands", where=where)
    demands = []
    kinds = [k.value for k in DemandType]
    for i, item in enumerate(value, start=1):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise InvalidValueError("{where}: expected an object with type, amount and basis", where=at)
        unknown = sorted(set(item) - {"type", "kind", "amount", "basis", "description"})
        if unknown:
            raise InvalidValueError("{where}: unknown keys {keys}", where=at, keys=", ".join(unknown))
        kind = item.get("type", item.get("kind", "other"))
        if not isinstance(kind, str) or kind.lower() not in kinds:
            raise InvalidValueError(
                "{where}: {value!r} is not one of {choices}", where=f"{at}.type", value=kind, choices=", ".join(kinds)
            )
        amount = item.get("amount")
        texts = {k: item.get(k) or "" for k in ("basis", "description")}
        for key, text in texts.items():
            if not isinstance(text, str):
                raise InvalidValueError("{where}: expected text, not {value!r}", where=f"{at}.{key}", value=text)
            check_text(text, f"{at}.{key}", key)
        demands.append(
            Demand(
                type=DemandType(kind.lower()),
                amount=None if amount in (None, "") else parse_amount(amount, f"{at}.amount"),
                basis=texts["basis"].strip(),
                description=texts["description"].strip(),
            )
        )
    return demands


# ---------------------------------------------------------------------------- changing a record


@dataclass
class Changes:
    """Values for fields, and (when given) the whole list of demands, to apply to a case."""

    values: list[tuple[FieldSpec, Any]] = dataclasses.field(default_factory=list)
    demands: list[Demand] | None = None
    names: dict[str, Where] = dataclasses.field(default_factory=dict)  # path -> how the person named it

    def __bool__(self) -> bool:
        return bool(self.values) or self.demands is not None

    def set(self, spec: FieldSpec, value: Any, name: Where) -> None:
        self.values.append((spec, value))
        self.names[spec.path] = name
        for other in spec.also:
            self.names.setdefault(other, name)


def apply(case: Case, changes: Changes) -> Case:
    """A copy of ``case`` with ``changes`` made (the case itself is not changed).

    A party or agent that is optional and ends up with nothing entered is removed (None).
    """
    changed = copy.deepcopy(case)
    for spec, value in changes.values:
        for path in (spec.path, *spec.also):
            _set(changed, path, value)
    if changes.demands is not None:
        changed.demands = copy.deepcopy(changes.demands)
    for path in OPTIONAL_PARTIES:
        holder, name = _holder(changed, path)
        party = getattr(holder, name)
        if party is not None and party.is_empty():
            setattr(holder, name, None)
    if changed.agent is not None and changed.agent.is_empty():
        changed.agent = None
    if changed.filing is not None and changed.filing.is_empty():
        changed.filing = None
    return changed


def new_case(changes: Changes, complained_at: datetime) -> Case:
    """A new (unnumbered) case holding ``changes``, checked as the record will hold it.

    The command line (``casefile new``) and the app's 新建案件 both build a case this way; the
    changes should give the title, type and channel. Errors name the field as the person typed it.
    """
    blank = Case(number="", title="-", complained_at=complained_at, channel=Channel.STORE, type=CaseType.QUALITY)
    case = apply(blank, changes)
    nothing = Case(number="", title="", complained_at=complained_at, channel=blank.channel, type=blank.type)
    check_changes(nothing, case, changes.names)  # every field given is checked
    return case


def _holder(case: Case, path: str) -> tuple[Any, str]:
    parts = path.split(".")
    obj: Any = case
    for part in parts[:-1]:
        obj = getattr(obj, part)
    return obj, parts[-1]


def _set(case: Case, path: str, value: Any) -> None:
    parts = path.split(".")
    obj: Any = case
    walked = ""
    for part in parts[:-1]:
        walked = f"{walked}.{part}" if walked else part
        child = getattr(obj, part)
        if child is None:
            if walked == "agent":
                child = Agent()
            elif walked == "filing":
                child = Filing()
            elif walked in OPTIONAL_PARTIES:
                child = Party(kind=OPTIONAL_PARTIES[walked])
            else:  # pragma: no cover - every container is declared
                raise InvalidValueError("{path} cannot be set", path=path)
            setattr(obj, part, child)
        obj = child
    setattr(obj, parts[-1], value)


class FieldError(InvalidValueError):
    """A value refused in a record, naming the field as the person typed it; ``path`` says which field."""

    def __init__(self, message: Message, path: str) -> None:
        super().__init__(message)
        self.path = path


def check_changes(old: Case, new: Case, names: Mapping[str, Where] | None = None) -> list[str]:
    """Check every top-level field that differs between ``old`` and ``new`` as it will be recorded.

    Raises :class:`FieldError` naming the field by ``names`` (path -> option, JSON key or label)
    where given, else by its path. Returns the names of the changed top-level fields.
    """
    names = names or {}
    changed = [f.name for f in dataclasses.fields(Case) if f.name in UPDATABLE_FIELDS]
    changed = [name for name in changed if getattr(old, name) != getattr(new, name)]
    for name in changed:
        try:
            check_input(getattr(new, name), name)
        except InvalidValueError as exc:
            message = exc.message
            where = message.params.get("where")
            path = str(where) if where is not None else name
            label = names.get(path)
            if label is not None:
                message = Message(message.template, **{**message.params, "where": label})
            raise FieldError(message, path) from None
    if not new.title.strip():
        raise FieldError(Message("{where} cannot be empty", where=names.get("title", "title")), "title")
    answered = new.first_response_at
    if answered is not None and answered < new.complained_at and {"first_response_at", "complained_at"} & set(changed):
        raise FieldError(
            Message(
                "{where}: {value} is before the complaint time ({complained})",
                where=names.get("first_response_at", "first_response_at"),
                value=answered.isoformat(sep=" "),
                complained=new.complained_at.isoformat(sep=" "),
            ),
            "first_response_at",
        )
    return changed


def changes_from_json(data: Any, source: str = "") -> Changes:
    """Record fields given as a JSON object (nested as in case.json), parsed like the options.

    Keys that are not fields people enter are refused, all of them named in one message.
    """
    if not isinstance(data, dict):
        raise InvalidValueError(
            "{source}: expected a JSON object of record fields (as in case.json)", source=source or "JSON"
        )
    changes = Changes()
    unknown: list[str] = []
    _walk_json(data, "", changes, unknown)
    if unknown:
        raise InvalidValueError(
            "{source}: unknown fields {fields} (fields are named as in case.json, e.g. complainant.address)",
            source=source or "JSON",
            fields=", ".join(unknown),
        )
    return changes


def _walk_json(data: dict[str, Any], prefix: str, changes: Changes, unknown: list[str]) -> None:
    for key, value in data.items():
        path = f"{prefix}{key}"
        if path == "demands":
            changes.demands = demands_from_json(value, "demands")
        elif path in BY_PATH:
            spec = BY_PATH[path]
            changes.set(dataclasses.replace(spec, also=()), spec.parse(value, path), path)
        elif path in CONTAINERS and isinstance(value, dict):
            _walk_json(value, f"{path}.", changes, unknown)
        elif path in CONTAINERS and value is None and (path in OPTIONAL_PARTIES or path in ("agent", "filing")):
            for spec in _clearing(path):
                changes.set(spec, spec.parse("", path), path)
        else:
            unknown.append(path)


def _clearing(container: str) -> Iterator[FieldSpec]:
    """The fields that clear an optional party or the agent."""
    for spec in BY_PATH.values():
        inside = spec.path.startswith(f"{container}.") and spec.path.count(".") == container.count(".") + 1
        if inside and (spec.form is not Form.CHOICE or spec.optional_choice):
            yield dataclasses.replace(spec, also=())


# ---------------------------------------------------------------------------- reading a record back


def is_set(value: Any) -> bool:
    return value not in (None, "", [])


def set_fields(case: Case) -> Iterator[tuple[FieldSpec, Any]]:
    """Every declared field that has a value in ``case`` (one per path), in declaration order.

    A party's kind is listed only for a party with something entered.
    """
    for spec in BY_PATH.values():
        value = spec.value_of(case)
        if not is_set(value):
            continue
        if spec.path.endswith(".kind"):
            holder, _ = _holder(case, spec.path)
            if holder is None or holder.is_empty():
                continue
        yield spec, value


def leaf_changes(old: Case, new: Case, fields: Iterable[str]) -> list[tuple[str, Any, Any]]:
    """(path, old, new) of every value that differs within the top-level ``fields``."""
    out: list[tuple[str, Any, Any]] = []
    for name in fields:
        a, b = getattr(old, name), getattr(new, name)
        if name in ("demands", "handed_items"):
            out.append((name, a, b))
            continue
        _diff(name, to_data(a), to_data(b), out)
    return out


def _diff(path: str, a: Any, b: Any, out: list[tuple[str, Any, Any]]) -> None:
    if isinstance(a, dict) or isinstance(b, dict):
        da = a if isinstance(a, dict) else {}
        db = b if isinstance(b, dict) else {}
        for key in [*da, *(k for k in db if k not in da)]:
            _diff(f"{path}.{key}", da.get(key), db.get(key), out)
    elif a != b and not (a in (None, "") and b in (None, "")):
        out.append((path, a, b))
