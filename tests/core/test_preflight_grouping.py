"""Less noise: one warning per kind of problem, listing every exhibit that has it, once."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from casefile_testing import chinese
from preflight_cases import CST, complete_case, exhibit, run

from casefile.core.bundle.context import ExhibitEntry, Finding, Level, Venue
from casefile.core.bundle.preflight import preflight
from casefile.core.model import EvidenceKind, ExhibitMetadata


def test_exhibits_without_a_purpose_are_one_warning():
    case = complete_case()
    case.exhibits += [exhibit(n, EvidenceKind.PHOTO) for n in (4, 5)]
    for n in (1, 3, 5):
        case.exhibits[n - 1] = dataclasses.replace(case.exhibits[n - 1], purpose=" ")
    found = [f for f in run(case, Venue.COURT) if f.code == "no-purpose"]
    assert len(found) == 1
    (finding,) = found
    assert chinese(finding.message) == "证据1（案卷编号1）、证据3（案卷编号3）、证据5（案卷编号5）没有填写证明目的"
    # English source text, as the command line prints it and the app shows it in English.
    assert (
        finding.message
        == "Exhibit 1 (file no. 1), Exhibit 3 (file no. 3), Exhibit 5 (file no. 5): no proof purpose filled in"
    )
    assert finding.level is Level.WARNING
    assert finding.exhibits == (1, 3, 5) and finding.exhibit == 1
    assert finding.field == "exhibits.1.purpose"


def test_the_packets_labels_name_the_exhibits():
    """Listed as the packet numbers them (证据1-2), in the packet's order, each beside its own number; each once."""
    case = complete_case()
    case.exhibits = [dataclasses.replace(e, purpose="") for e in case.exhibits]
    entries = [ExhibitEntry(case.exhibits[2], "1-1"), ExhibitEntry(case.exhibits[0], "1-2")]
    (finding,) = [f for f in preflight(case, Venue.COURT, entries, size_limit_mb=None) if f.code == "no-purpose"]
    assert chinese(finding.message) == "证据1-1（案卷编号3）、证据1-2（案卷编号1）没有填写证明目的"
    assert finding.exhibits == (3, 1)


def test_flags_photos_and_contradictions_are_grouped_by_kind():
    case = complete_case()
    old = datetime(2022, 5, 10, 9, 0, tzinfo=CST)
    case.exhibits += [
        exhibit(n, EvidenceKind.PHOTO, original_name=f"IMG_{n}.jpg", captured_at=old, flags=["time-disagrees"])
        for n in (4, 5, 6)
    ]
    case.exhibits[3] = dataclasses.replace(case.exhibits[3], metadata=ExhibitMetadata(software="GIMP 2.10.36"))
    case.exhibits[5] = dataclasses.replace(case.exhibits[5], metadata=ExhibitMetadata(software="醒图 9.1"))
    case.exhibits[2] = dataclasses.replace(case.exhibits[2], size=30 << 20)
    case.exhibits[0] = dataclasses.replace(case.exhibits[0], size=25 << 20)
    found = run(case, Venue.COURT, size_limit_mb=10)
    codes = [f.code for f in found]
    assert len(codes) == len(set(codes)), codes  # one finding per kind
    by_code = {f.code: f for f in found}
    assert chinese(by_code["flag-time-disagrees"].message).startswith(
        "证据4（案卷编号4，IMG_4.jpg）、证据5（案卷编号5，IMG_5.jpg）、证据6（案卷编号6，IMG_6.jpg）："
    )
    assert by_code["flag-time-disagrees"].field == "exhibits.4.captured_at"
    assert chinese(by_code["flag-edited"].message).startswith(
        "证据4（案卷编号4，GIMP 2.10.36）、证据6（案卷编号6，醒图 9.1）："
    )
    assert by_code["flag-edited"].exhibits == (4, 6)
    assert by_code["captured-before-purchase"].exhibits == (4, 5, 6)
    assert chinese(by_code["captured-before-purchase"].message).count("2022年5月10日") == 3
    assert chinese(by_code["over-size-limit"].message) == (
        "证据1（案卷编号1，25.0 MB）、证据3（案卷编号3，30.0 MB）超过分册上限 10 MB，将单独成册"
    )
    for finding in found:
        for n in finding.exhibits:
            assert chinese(finding.message).count(f"案卷编号{n}") == 1


def test_thousands_of_exhibits_with_one_problem_are_named_twenty_and_counted():
    """A case of 5,000 exhibits, none with a purpose: the warning names the first 20 and counts the rest (the
    message nested one level a name, and 5,000 names went past Python's recursion limit: the bundle crashed)."""
    case = complete_case()
    case.exhibits = [exhibit(n, EvidenceKind.CHAT, purpose="") for n in range(1, 5001)]
    (finding,) = [f for f in run(case, Venue.COURT) if f.code == "no-purpose"]
    names = "、".join(f"证据{n}（案卷编号{n}）" for n in range(1, 21))
    assert chinese(finding.message) == f"{names}，另有 4980 件没有填写证明目的"
    assert finding.message.startswith("Exhibit 1 (file no. 1), Exhibit 2 (file no. 2), ")
    assert finding.message.endswith("Exhibit 20 (file no. 20) and 4980 more: no proof purpose filled in")
    assert finding.exhibits == tuple(range(1, 5001))  # every one can still be gone to


def test_a_refusal_of_thousands_of_findings_is_said_whole():
    """PreflightError's message lists every finding, nested as deep as their logarithm: one level a
    finding passed Python's recursion limit when thousands were printed."""
    from casefile.core.bundle.options import PreflightError
    from casefile.core.errors import Message

    findings = [Finding(Level.ERROR, "missing", Message("exhibit {n} is missing", n=n)) for n in range(1, 5001)]
    text = str(PreflightError(findings))
    assert text.count("[error] exhibit ") == 5000
    assert text.index("exhibit 1 is") < text.index("exhibit 2500 is") < text.index("exhibit 5000 is")
