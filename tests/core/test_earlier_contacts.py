"""The parties' earlier names and phone numbers (曾用), read from the custody log, so that the case list finds a case
by the number on the receipt the customer holds after the number was corrected."""

from __future__ import annotations

from casefile_testing import make_case

from casefile.core.library import Library
from casefile.core.model import Party, PartyKind, case_from_data, case_to_data
from casefile.core.record.contacts import earlier_contacts, merge_earlier


def set_complainant(library: Library, number: str, name: str, phone: str) -> None:
    with library.edit(number) as writer:
        changed = case_from_data(case_to_data(writer.case))
        changed.complainant = Party(PartyKind.PERSON, name=name, phone=phone)
        writer.update(changed)


def test_earlier_contacts_are_those_held_before_and_not_now():
    entries = [
        {"action": "create", "details": {"case": {"complainant": {"name": "张敏", "phone": "13912345678"}}}},
        {"action": "update", "details": {"fields": {"title": "x"}}},
        {"action": "update", "details": {"fields": {"complainant": {"name": "张敏", "phone": "13912345687"}}}},
        {"action": "update", "details": {"fields": {"respondent": {"name": "某店"}}}},
        {"action": "update", "details": {"fields": {"complainant": {"name": "张旻", "phone": "13912345687"}}}},
    ]
    assert earlier_contacts(entries) == ["张敏", "13912345678"]
    # Back to the first number: it is the current one again, not an earlier one.
    entries.append(
        {"action": "update", "details": {"fields": {"complainant": {"name": "张旻", "phone": "13912345678"}}}}
    )
    assert earlier_contacts(entries) == ["张敏", "13912345687"]
    assert merge_earlier("张敏", ["13912345678", "某店"], ["张敏", "13900000000", "某店"]) == "13912345678"


def test_the_case_list_finds_a_case_by_a_corrected_number_also_after_the_index_is_rebuilt(library: Library):
    case = make_case(library)
    set_complainant(library, case.number, "张敏", "13912345678")
    set_complainant(library, case.number, "张敏", "13912345687")
    for _ in range(2):
        [found] = library.list_cases("5678")
        assert found.number == case.number and found.earlier_contacts == "13912345678"
        assert [c.number for c in library.list_cases("13912345687")] == [case.number]
        library.reindex()  # the index rebuilt from the case folders reads the earlier number from the log
