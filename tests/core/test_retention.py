"""Retention dates and legal holds set by the workflow: the plan a case's record gives its evidence, and the
store brought up to it — on a real SeaweedFS with Object Lock (tests/s3_server.py), where nobody, the
administrator included, can delete or shorten what the plan retains, and on a folder, which is not enforced."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from pathlib import Path
from typing import Any

import pytest
from casefile_testing import make_case
from s3_server import CREDENTIALS

from casefile.core import record
from casefile.core.catalogue import Catalogue
from casefile.core.errors import InvalidValueError
from casefile.core.evidence import add_files
from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case, Stage, StageChange, to_data
from casefile.core.store.base import EvidenceRetainedError, HoldState, object_key
from casefile.core.store.folder import FolderStore
from casefile.core.store.retention import (
    DEFAULT_YEARS,
    RetentionPolicy,
    apply,
    apply_for_case,
    apply_plan,
    case_digests,
    held_elsewhere,
    load_policy,
    plan,
    save_policy,
)
from casefile.core.store.s3 import S3Store
from casefile.core.team import TeamLibrary, team_init, team_push
from casefile.core.workflow import handling
from casefile.core.workflow.records import Closing, ClosingResult, Proceeding, Reopening, Venue

UTC = dt.UTC
POLICY = RetentionPolicy(years=3, open_case_days=30)
NOW = dt.datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # 18:00 in Beijing
EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # SHA-256 of no bytes


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def bare_case(stage: Stage = Stage.REGISTRATION) -> Case:
    case = case_from_fields(
        {"title": "手机屏幕碎裂", "complained_at": "2026-11-20T10:30:00+08:00", "channel": "store", "type": "quality"}
    )
    case.stage = stage
    case.stage_log = [StageChange(Stage.REGISTRATION, at("2026-11-20T10:30:00+08:00"), "张三")]
    return case


def closed_case(closing: str) -> Case:
    case = bare_case(Stage.CLOSED)
    case.workflow.closings.append(Closing(at=at(closing), result=ClosingResult.RESOLVED))
    case.stage_log.append(StageChange(Stage.CLOSED, at(closing), "张三"))
    return case


# ---------------------------------------------------------------------------- the plan


def test_an_open_case_is_retained_the_period_from_now_renewed_ahead() -> None:
    p = plan(bare_case(), POLICY, now=NOW)
    # Three years from 2026-11-29 (Beijing): to 24:00 CST of 2029-11-29; set thirty days past that.
    assert p.at_least == dt.datetime(2029, 11, 29, 16, 0, tzinfo=UTC)
    assert p.until == dt.datetime(2029, 12, 29, 16, 0, tzinfo=UTC)
    assert p.provisional and p.closed_at is None and not p.hold
    later = plan(bare_case(), POLICY, now=NOW + dt.timedelta(days=10))
    assert later.at_least == dt.datetime(2029, 12, 9, 16, 0, tzinfo=UTC)  # moves forward as time passes


@pytest.mark.parametrize(
    ("closing", "until"),
    [
        # to 24:00 in Beijing of the corresponding day three years on (民法典 arts. 201-203)
        ("2026-03-10T14:00:00+08:00", dt.datetime(2029, 3, 10, 16, 0, tzinfo=UTC)),
        ("2026-03-10T23:30:00+08:00", dt.datetime(2029, 3, 10, 16, 0, tzinfo=UTC)),
        ("2026-03-10T17:00:00+00:00", dt.datetime(2029, 3, 11, 16, 0, tzinfo=UTC)),  # already 11 March in Beijing
        ("2028-02-29T09:00:00+08:00", dt.datetime(2031, 2, 28, 16, 0, tzinfo=UTC)),  # no 29 February: the month's end
    ],
)
def test_a_closed_case_is_retained_until_its_closing_plus_the_period(closing: str, until: dt.datetime) -> None:
    p = plan(closed_case(closing), POLICY, now=NOW)
    assert (p.until, p.at_least, p.closed_at, p.hold) == (until, until, at(closing).astimezone(UTC), False)
    assert not p.provisional
    assert plan(closed_case(closing), RetentionPolicy(years=5), now=NOW).until == until.replace(year=until.year + 2)


def test_a_periodic_review_keeps_a_case_closed_and_a_stage_change_to_closed_closes_it() -> None:
    reviewed = closed_case("2026-03-10T14:00:00+08:00")
    reviewed.stage = Stage.REVIEW
    reviewed.stage_log.append(StageChange(Stage.REVIEW, at("2026-06-01T09:00:00+08:00"), "张三"))
    assert plan(reviewed, POLICY, now=NOW).until == dt.datetime(2029, 3, 10, 16, 0, tzinfo=UTC)
    moved = bare_case(Stage.CLOSED)  # closed by a stage change, with no closing record
    moved.stage_log.append(StageChange(Stage.CLOSED, at("2026-04-01T09:00:00+08:00"), "张三"))
    assert plan(moved, POLICY, now=NOW).closed_at == at("2026-04-01T09:00:00+08:00")
    reviewing_open = bare_case(Stage.REVIEW)  # a review of a case never closed leaves it open
    assert plan(reviewing_open, POLICY, now=NOW).provisional


@pytest.mark.parametrize(
    ("venue", "ended", "held"),
    [
        (Venue.COURT, None, True),
        (Venue.ARBITRATION, None, True),
        (Venue.COURT, "2026-11-27T10:00:00+08:00", False),
        (Venue.CONSUMER_ASSOCIATION, None, False),
        (Venue.REGULATOR, None, False),
    ],
)
def test_a_case_is_held_while_its_arbitration_or_lawsuit_runs(venue: Venue, ended: str | None, held: bool) -> None:
    case = bare_case(Stage.EXTERNAL)
    case.workflow.proceedings.append(
        Proceeding(venue=venue, filed_at=at("2026-11-22T10:00:00+08:00"), ended_at=at(ended) if ended else None)
    )
    p = plan(case, POLICY, now=NOW)
    assert p.hold is held and p.provisional


def test_closing_lifts_the_hold_and_reopening_puts_it_back() -> None:
    case = closed_case("2026-11-25T15:00:00+08:00")
    case.workflow.proceedings.append(Proceeding(venue=Venue.COURT, filed_at=at("2026-11-22T10:00:00+08:00")))
    closed = plan(case, POLICY, now=NOW)
    assert not closed.hold and closed.until == dt.datetime(2029, 11, 25, 16, 0, tzinfo=UTC)
    case.workflow.reopenings.append(Reopening(at=at("2026-11-28T09:00:00+08:00"), reason="对方上诉"))
    case.stage = Stage.EXTERNAL
    case.stage_log.append(StageChange(Stage.EXTERNAL, at("2026-11-28T09:00:00+08:00"), "张三"))
    reopened = plan(case, POLICY, now=NOW)
    assert reopened.hold and reopened.provisional
    assert reopened.at_least == dt.datetime(2029, 11, 29, 16, 0, tzinfo=UTC)  # provisional again, from now


@pytest.mark.parametrize(("years", "days"), [(0, 30), (21, 30), (3, 0), (3, 367)])
def test_a_policy_out_of_range_is_refused(years: int, days: int) -> None:
    with pytest.raises(InvalidValueError):
        RetentionPolicy(years, days)
    assert RetentionPolicy.from_data(RetentionPolicy(7, 10).to_data()) == RetentionPolicy(7, 10)
    assert RetentionPolicy().years == DEFAULT_YEARS == 3


# ---------------------------------------------------------------------------- on a store


class CountingS3Store(S3Store):
    """A real S3 store that counts the calls that change an object's retention or hold, and the reads of it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []

    def hold_state(self, sha256: str) -> HoldState:
        self.calls.append("hold_state")
        return super().hold_state(sha256)

    def retain(self, sha256: str, until: dt.datetime) -> None:
        self.calls.append("retain")
        super().retain(sha256, until)

    def legal_hold(self, sha256: str, on: bool) -> None:
        self.calls.append("legal_hold")
        super().legal_hold(sha256, on)

    def changes(self) -> int:
        return sum(1 for c in self.calls if c != "hold_state")


def s3_team(server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TeamLibrary:
    """A team library: a catalogue, and a bucket with Object Lock made by the administrator, used by a clerk."""
    bucket = f"retention-{uuid.uuid4().hex[:12]}"
    team = TeamLibrary(f"sqlite:///{tmp_path / 'catalogue.sqlite'}", f"s3://{bucket}?endpoint={server.endpoint}")
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["admin"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["admin"][1])
    team_init(team)
    monkeypatch.setenv("CASEFILE_S3_ACCESS_KEY", CREDENTIALS["clerk"][0])
    monkeypatch.setenv("CASEFILE_S3_SECRET_KEY", CREDENTIALS["clerk"][1])
    return team


def solo_library(root: Path, files: Path, *, closed: bool) -> str:
    """A solo library with one case of four files, closed on 2026-11-25 15:00 (Beijing) when ``closed``."""
    with Library.open(root, "张三") as library:
        number = make_case(library).number
        list(add_files(library, number, [files]))
        if closed:
            with library.edit(number) as writer:
                handling.close_case(
                    writer, Closing(at=at("2026-11-25T15:00:00+08:00"), result=ClosingResult.RESOLVED, satisfaction=4)
                )
    return number


def raw_refusal(call: Any, **params: Any) -> str:
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError) as caught:
        call(**params)
    return str(caught.value.response["Error"]["Code"])


def test_a_pushed_closed_case_is_retained_until_closing_plus_the_period_and_nobody_deletes_it(
    seaweed_s3: Any, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = solo_library(tmp_path / "solo", files, closed=True)
    team = s3_team(seaweed_s3, tmp_path, monkeypatch)
    result = team_push(team, tmp_path / "solo", "李四")
    assert result.pushed == [number] and not result.refused
    applied = result.retention[number]
    until = dt.datetime(2029, 11, 25, 16, 0, tzinfo=UTC)  # 2026-11-25 plus three years, 24:00 in Beijing
    assert applied.enforced and applied.plan.until == until and not applied.plan.hold
    assert applied.objects == 4 and not applied.missing
    assert not applied.retained  # stored retained already: put with the date, nothing left to set

    store = team.open_store()
    assert isinstance(store, S3Store)
    with Catalogue.open(team.db_url) as catalogue:
        digests = sorted(set(case_digests(catalogue, catalogue.load(number).case).values()))
    assert len(digests) == 4
    for digest in digests:
        assert store.hold_state(digest) == HoldState(until, False)
    digest = digests[0]
    with pytest.raises(EvidenceRetainedError, match="cannot be deleted"):
        store.delete(digest)
    with pytest.raises(EvidenceRetainedError, match="cannot be shortened"):
        store.retain(digest, until - dt.timedelta(days=1))
    key = object_key(digest)
    version = store.client.list_object_versions(Bucket=store.bucket, Prefix=key)["Versions"][0]["VersionId"]
    for role in ("clerk", "admin"):  # with the server administrator's own keys too
        client = seaweed_s3.client(role)
        common = {"Bucket": store.bucket, "Key": key, "VersionId": version}
        assert raw_refusal(client.delete_object, BypassGovernanceRetention=True, **common) == "AccessDenied"
        shorter = {"Mode": "COMPLIANCE", "RetainUntilDate": until - dt.timedelta(days=365)}
        assert raw_refusal(client.put_object_retention, Retention=shorter, **common) == "AccessDenied"
    assert store.hold_state(digest).until == until


def test_litigation_puts_a_hold_on_and_its_end_lifts_it_while_retention_stays(
    seaweed_s3: Any, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = solo_library(tmp_path / "solo", files, closed=False)
    team = s3_team(seaweed_s3, tmp_path, monkeypatch)
    assert team_push(team, tmp_path / "solo", "李四").pushed == [number]
    store = CountingS3Store(seaweed_s3.client("clerk"), team.open_store().bucket)  # type: ignore[attr-defined]
    with Catalogue.open(team.db_url) as catalogue:
        opened = catalogue.load(number)
        digests = sorted(set(case_digests(catalogue, opened.case).values()))
        provisional = store.hold_state(digests[0]).until
        assert provisional is not None and provisional > dt.datetime.now(UTC) + dt.timedelta(days=3 * 365 - 1)

        # A lawsuit is filed: every object goes under a legal hold.
        suit = Proceeding(venue=Venue.COURT, body="徐汇区人民法院", filed_at=at("2026-11-26T10:00:00+08:00"))
        opened = catalogue.update(opened, [(record.PROCEEDING, {"proceeding": to_data(suit)})], "李四")
        held = apply_for_case(catalogue, store, opened.case)
        assert held.plan.hold and sorted(held.held) == digests and not held.retained
        assert all(store.hold_state(d).legal_hold for d in digests)
        with pytest.raises(EvidenceRetainedError, match="legal hold"):
            store.delete(digests[0])

        # Nothing changed: no call at all, not even a read.
        store.calls.clear()
        again = apply_for_case(catalogue, store, opened.case)
        assert store.calls == [] and again.changes == 0

        # The lawsuit ends: the hold is lifted, the retention date stays.
        ended = {"proceeding": 1, "fields": {"ended_at": to_data(at("2026-11-28T16:00:00+08:00"))}}
        opened = catalogue.update(opened, [(record.PROCEEDING_UPDATE, ended)], "李四")
        released = apply_for_case(catalogue, store, opened.case)
        assert not released.plan.hold and sorted(released.released) == digests
        for digest in digests:
            assert store.hold_state(digest) == HoldState(provisional, False)


def test_applying_twice_makes_no_second_call(
    seaweed_s3: Any, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = solo_library(tmp_path / "solo", files, closed=False)
    team = s3_team(seaweed_s3, tmp_path, monkeypatch)
    team_push(team, tmp_path / "solo", "李四")
    store = CountingS3Store(seaweed_s3.client("clerk"), team.open_store().bucket)  # type: ignore[attr-defined]
    with Catalogue.open(team.db_url) as catalogue:
        case = catalogue.load(number).case
        digests = list(case_digests(catalogue, case).values())
    case.workflow.proceedings.append(Proceeding(venue=Venue.ARBITRATION, filed_at=at("2026-11-26T10:00:00+08:00")))
    later = dt.datetime.now(UTC) + dt.timedelta(days=31)  # past the renewal: a new provisional date as well
    first = apply(store, case, digests, POLICY, now=later)
    assert len(first.retained) == len(first.held) == 4 and store.changes() == 8
    store.calls.clear()
    second = apply(store, case, digests, POLICY, now=later)
    assert store.changes() == 0 and store.calls == ["hold_state"] * 4
    assert second.changes == 0 and not second.missing and second.up_to_plan


def test_a_shorter_period_never_shortens_a_retention_given(
    seaweed_s3: Any, tmp_path: Path, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = solo_library(tmp_path / "solo", files, closed=True)
    team = s3_team(seaweed_s3, tmp_path, monkeypatch)
    with Catalogue.open(team.db_url) as catalogue:
        save_policy(catalogue, RetentionPolicy(years=5), "管理员")
    team_push(team, tmp_path / "solo", "李四")
    store = CountingS3Store(seaweed_s3.client("clerk"), team.open_store().bucket)  # type: ignore[attr-defined]
    with Catalogue.open(team.db_url) as catalogue:
        assert load_policy(catalogue) == RetentionPolicy(years=5)
        save_policy(catalogue, RetentionPolicy(years=3), "管理员")
        assert [row.action for row in catalogue.audit_log()] == ["retention-policy", "retention-policy"]
        case = catalogue.load(number).case
        # A change to the case: the plan applied at the push (to 2031) holds, nothing is even read.
        assert apply_for_case(catalogue, store, case).changes == 0 and store.calls == []
        digests = case_digests(catalogue, case).values()
    # Every object checked against the new plan (as casefile team retention --apply does): none is shortened.
    applied = apply(store, case, digests, RetentionPolicy(years=3))
    assert applied.plan.until == dt.datetime(2029, 11, 25, 16, 0, tzinfo=UTC)
    assert len(applied.later) == 4 and store.changes() == 0
    assert all(store.hold_state(d).until == dt.datetime(2031, 11, 25, 16, 0, tzinfo=UTC) for d in applied.later)


# ---------------------------------------------------------------------------- a folder: the same plan, not enforced


def test_a_folder_store_records_the_plan_and_says_it_is_not_enforced(tmp_path: Path, files: Path) -> None:
    number = solo_library(tmp_path / "solo", files, closed=True)
    team = TeamLibrary(f"sqlite:///{tmp_path / 'catalogue.sqlite'}", f"folder:{tmp_path / 'store'}")
    team_init(team)
    applied = team_push(team, tmp_path / "solo", "李四").retention[number]
    assert not applied.enforced and applied.objects == 4
    store = team.open_store()
    assert isinstance(store, FolderStore)
    until = dt.datetime(2029, 11, 25, 16, 0, tzinfo=UTC)
    with Catalogue.open(team.db_url) as catalogue:
        digests = set(case_digests(catalogue, catalogue.load(number).case).values())
    for digest in digests:
        assert store.hold_state(digest) == HoldState(until, False)  # the store's own markers
        assert (store.root / ".retention" / digest[:2] / digest / "20291125T160000Z").is_file()
    with pytest.raises(EvidenceRetainedError, match="cannot be deleted"):
        store.delete(next(iter(digests)))  # refused by CaseFile (not by the storage)


def test_an_open_case_is_renewed_forward_as_time_passes(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "store")
    digest = store.put(io.BytesIO(b""), EMPTY)
    case = bare_case()
    first = apply(store, case, [digest.sha256], POLICY, now=NOW)
    assert first.retained == [digest.sha256]
    assert store.hold_state(digest.sha256).until == dt.datetime(2029, 12, 29, 16, 0, tzinfo=UTC)
    # Within the thirty days ahead nothing is renewed; past them, it is, by a new provisional date.
    assert not apply(store, case, [digest.sha256], POLICY, now=NOW + dt.timedelta(days=29)).retained
    renewed = apply(store, case, [digest.sha256], POLICY, now=NOW + dt.timedelta(days=31))
    assert renewed.retained and store.hold_state(digest.sha256).until == dt.datetime(2030, 1, 29, 16, 0, tzinfo=UTC)


def test_an_object_two_cases_share_keeps_the_hold_while_either_is_in_litigation(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "store")
    empty = store.put(io.BytesIO(b""), EMPTY).sha256
    in_court = bare_case(Stage.EXTERNAL)
    in_court.workflow.proceedings.append(Proceeding(venue=Venue.COURT, filed_at=at("2026-11-22T10:00:00+08:00")))
    assert apply(store, in_court, [empty], POLICY, now=NOW).held == [empty]
    other = bare_case()
    kept = apply(store, other, [empty], POLICY, now=NOW, still_held=lambda: {empty})
    assert kept.kept_held == [empty] and not kept.released and store.hold_state(empty).legal_hold
    lifted = apply_plan(store, plan(other, POLICY, now=NOW), [empty], now=NOW, still_held=set)
    assert lifted.released == [empty] and not store.hold_state(empty).legal_hold


def test_a_user_who_may_not_read_every_case_never_lifts_a_hold(tmp_path: Path, files: Path) -> None:
    """A case hidden from the user could share a file that its lawsuit needs held: only a login that
    reads every case decides that no other case holds it."""
    number = solo_library(tmp_path / "solo", files, closed=True)
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite'}"
    team_init(TeamLibrary(url, f"folder:{tmp_path / 'store'}"))
    team_push(TeamLibrary(url, f"folder:{tmp_path / 'store'}"), tmp_path / "solo", "李四")
    with Catalogue.open(url) as owner:
        owner.add_user("clerk", "店员")
        owner.grant(number, "write", user_id=owner.user_id("clerk"))
        owner_digests = held_elsewhere(owner, number)
        assert owner.sees_every_case() and owner_digests == set()  # no other case: nothing else holds its files
        digests = set(case_digests(owner, owner.load(number).case).values())
    with Catalogue.open(url, "clerk") as clerk:
        assert not clerk.sees_every_case()
        assert held_elsewhere(clerk, number) == digests


def test_only_an_administrator_of_the_whole_library_sets_the_period(tmp_path: Path) -> None:
    from casefile.core.errors import AccessDeniedError

    url = f"sqlite:///{tmp_path / 'catalogue.sqlite'}"
    team_init(TeamLibrary(url, f"folder:{tmp_path / 'store'}"))
    with Catalogue.open(url) as owner:
        owner.add_user("clerk", "店员")
    with Catalogue.open(url, "clerk") as clerk, pytest.raises(AccessDeniedError, match="not an administrator"):
        save_policy(clerk, RetentionPolicy(years=1, open_case_days=30), "店员")
    with Catalogue.open(url) as owner:
        assert load_policy(owner).years == DEFAULT_YEARS
        save_policy(owner, RetentionPolicy(years=5, open_case_days=30), "管理员")
        assert load_policy(owner).years == 5
