"""Every coded value the core defines has a label, in English and in Chinese.

The values are taken from the core itself (its enums, and the value sets and FLAG_/SOURCE_ constants
it stores), so a member added there without a label here fails.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator

import casefile.core
from casefile.core import record, validate
from casefile.core.review.facts import FUNNEL
from casefile.core.workflow import clocks, handling
from casefile.ui import labels

CJK = re.compile(r"[\u4e00-\u9fff]")

# Core enums the interface never names by their members: their values drive code or carry their own
# words (a store reader's reason is an English message the core words itself).
NOT_SHOWN = {
    "casefile.core.bundle.context.Level",  # a finding's level: shown as its colour and its list
    "casefile.core.bundle.history.FileRole",  # worded by the bundle history's venue column ("…: notes for…")
    "casefile.core.bundle.history.FileState",  # worded by the bundle history's tooltip sentences
    "casefile.core.bundle.jpeg.Verdict",  # how a JPEG goes into a PDF
    "casefile.core.disclosure.pictures.OcrState",  # worded by the preflight's findings and the report
    "casefile.core.disclosure.report.DisclosureAction",  # printed in Chinese by the core's own report
    "casefile.core.law.Verification",  # how a citation was checked, for the law table's maintainers
    "casefile.core.record.fields.Form",  # how a field is typed and checked
    "casefile.core.store.reader.Reason",  # worded by the core's message
    "casefile.core.walkin.WalkInStep",  # the walk-in dialog's progress steps
    "casefile.core.workflow.clocks.Bound",  # who must meet a deadline: shown as whether its last day moved
    "casefile.core.workflow.limitation.Source",  # what the limitation period starts on: named by the packets' notes
    "casefile.core.workflow.limitation.Reading",  # what a dealing is to the limitation period: worded by its note
}


def core_modules() -> Iterator[object]:
    for info in pkgutil.walk_packages(casefile.core.__path__, "casefile.core."):
        yield importlib.import_module(info.name)


def core_enums() -> dict[str, type[enum.Enum]]:
    found = {}
    for module in core_modules():
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def core_constants(prefix: str) -> set[str]:
    """The text constants named PREFIX… anywhere in the core (FLAG_EMPTY = "empty"…)."""
    return {
        value
        for module in core_modules()
        for name, value in vars(module).items()
        if name.startswith(prefix) and isinstance(value, str)
    }


def value_sets() -> list[tuple[str, Callable[[str], str], list[str]]]:
    """Every labelled value, with the lookup that names it."""
    sets = [
        (name, labels.ENUM_NAMES[enum_type], [str(member.value) for member in enum_type])
        for name, enum_type in core_enums().items()
        if name not in NOT_SHOWN
    ]
    sets += [
        ("flags", labels.flag_name, sorted(core_constants("FLAG_"))),
        ("capture time sources", labels.capture_source_name, sorted(core_constants("SOURCE_"))),
        ("custody actions", labels.custody_action_name, sorted(record.ACTIONS)),
        ("exhibit fields", labels.exhibit_field_name, sorted(record.EXHIBIT_UPDATABLE)),
        ("handed in", labels.handed_in_name, list(validate.HANDED_IN)),
        ("dispositions", labels.disposition_name, list(validate.DISPOSITIONS)),
        ("event parties", labels.event_party_name, list(validate.EVENT_PARTIES)),
        ("event directions", labels.event_direction_name, list(validate.EVENT_DIRECTIONS)),
        ("review funnel steps", labels.funnel_step_name, list(FUNNEL)),
        ("handling parties", labels.handling_party_name, list(handling.PARTIES)),
        ("clocks", labels.clock_name, clocks.keys()),
    ]
    return sets


def test_every_core_enum_is_labelled_or_known_not_to_be_shown():
    enums = core_enums()
    assert set(NOT_SHOWN) <= set(enums), "an enum listed as not shown is gone: drop it from NOT_SHOWN"
    unlabelled = [
        name for name, enum_type in enums.items() if name not in NOT_SHOWN and enum_type not in labels.ENUM_NAMES
    ]
    assert unlabelled == [], "give these enums a table in casefile/ui/labels.py"
    assert {"empty", "edited", "time-disagrees"} <= core_constants("FLAG_")  # the flags are found


def test_every_member_of_every_core_value_set_has_a_label(qapp):
    from casefile.ui.i18n import install

    empty = [f"{name}: {value}" for name, label, values in value_sets() for value in values if not label(value).strip()]
    assert empty == []
    install(qapp, "zh_CN")
    missing, english = [], []
    for name, label, values in value_sets():
        assert values, name
        for value in values:
            text = label(value)
            if text == value:
                missing.append(f"{name}: {value}")  # the lookup fell back to the value itself
            elif not CJK.search(text):
                english.append(f"{name}: {value} -> {text!r}")
    assert missing == [], "add these to casefile/ui/labels.py"
    assert english == [], "translate these in i18n/casefile_zh_CN.ts"


def test_an_unknown_value_is_shown_as_it_is(qapp):
    """A value a newer CaseFile wrote has no label yet: it is shown rather than hidden or refused."""
    assert labels.stage_name("appeal") == "appeal"
    assert labels.custody_action_name("notarise") == "notarise"
    assert labels.route_name("12345") == "12345"


def test_labels_follow_the_language(qapp):
    from casefile.core.model import Stage
    from casefile.core.venues import Route
    from casefile.ui.i18n import install

    assert labels.stage_name(Stage.CLOSED) == "Closed"
    install(qapp, "zh_CN")
    assert labels.stage_name(Stage.CLOSED) == "结案"
    assert labels.custody_action_name(record.INGEST) == "导入"
    assert labels.route_name(Route.MARKET_REGULATOR) == labels.event_party_name("regulator")
