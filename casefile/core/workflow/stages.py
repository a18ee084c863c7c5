"""The order of the workflow's stages (spec §5): what a move from one stage to another may do.

A stage is entered at the time it really happened, never before the stage the case is in, and before
the complaint only when our user is not the one complained to (:func:`check_after_complaint`: a consumer
negotiates with the merchant before complaining to 消协 or 12315, 消法 art. 39); a case is closed with its
result (casefile.core.workflow.handling.close_case, ``casefile close``, 处理 → 结案), never by moving it to
the closed stage; 定期复盘 (the periodic review, spec §5 stage 9) comes after the closing. Moving forward
over a stage the case never went through (登记 → 执行与反馈) is a skip: it is recorded only when the person
confirms it, with a note, and the stage log keeps which stages were skipped, so that nothing narrates the
handling in an order it never had.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from casefile.core.errors import InvalidValueError
from casefile.core.model import Case, Side, Stage
from casefile.core.record.timeline import case_time

# For each stage, the stages that must come before it: one of each group must have been entered. Verification,
# negotiation, internal mediation and the external routes may each be the first step taken; the customer's
# confirmation answers a negotiation, and execution carries out what was agreed or decided.
BEFORE: dict[Stage, tuple[tuple[Stage, ...], ...]] = {
    Stage.CONFIRMATION: ((Stage.NEGOTIATION, Stage.MEDIATION),),
    Stage.EXECUTION: ((Stage.NEGOTIATION, Stage.CONFIRMATION, Stage.MEDIATION, Stage.EXTERNAL),),
}


class StageSkipError(InvalidValueError):
    """A move that skips stages, refused until the person confirms it (``skipped``: the stages passed over)."""

    def __init__(self, template: str, /, *, passed: list[Stage], **params: Any) -> None:
        super().__init__(template, **params)
        self.skipped = passed


def skipped(case: Case, stage: Stage) -> list[Stage]:
    """The stages a move of ``case`` to ``stage`` passes over: ones that come before it that the case never entered."""
    entered = {c.stage for c in case.stage_log} | {case.stage}
    return [group[0] for group in BEFORE.get(stage, ()) if not entered & set(group)]


def check_after_complaint(case: Case, at: datetime, where: str, *, answers: bool = False) -> None:
    """Refuse a step of the handling dated before the complaint when it cannot have come first.

    What answers the complaint (``answers``: the first response to it, the closing) never precedes it. Nor does
    any step of a complaint made to our user (``side`` respondent): their handling begins with it. When our
    user complains (a consumer, their lawyer, a merchant claiming against a courier) or the side is not said,
    the dealings before the complaint are true steps (消法 art. 39: 协商和解 comes first; 消协 and 12315 ask
    whether the consumer has dealt with the merchant), kept at their date: :func:`predates_complaint` tells."""
    if not predates_complaint(case, at):
        return
    if answers or case.side is Side.RESPONDENT:
        raise InvalidValueError(
            "{where}: {value} is before the complaint time ({complained})",
            where=where,
            value=at.isoformat(sep=" "),
            complained=case.complained_at.isoformat(sep=" "),
        )


def predates_complaint(case: Case, at: datetime) -> bool:
    """Whether ``at`` comes before the complaint (a time without its zone taken in the complaint's)."""
    return case_time(at, case) < case.complained_at


def check_move(case: Case, stage: Stage, at: datetime, *, skip: bool = False, note: str = "") -> list[Stage]:
    """Check that ``case`` may enter ``stage`` at ``at``; returns the stages skipped (confirmed with ``skip``).

    Raises InvalidValueError naming what is wrong, StageSkipError for a skip not confirmed."""
    if stage is Stage.CLOSED:
        raise InvalidValueError(
            "a case is closed with its result and the complainant's satisfaction: use casefile close "
            "(in the app, Handling → Close case…), not the closed stage"
        )
    if stage is Stage.REVIEW and case.workflow.closed is None:
        raise InvalidValueError("the periodic review comes after the closing: close the case first")
    check_after_complaint(case, at, "at")
    # Registration is dated when the case was entered, often after the handling began: the complaint bounds it.
    if case.stage_log and case.stage is not Stage.REGISTRATION and at < case.stage_log[-1].at:
        raise InvalidValueError(
            "at: {value} is before the case entered its current stage ({since}); a stage follows the one before it",
            value=at.isoformat(sep=" "),
            since=case.stage_log[-1].at.isoformat(sep=" "),
        )
    passed = skipped(case, stage)
    if passed and not skip:
        raise StageSkipError(
            "moving case {case} to {stage} skips {skipped}: confirm the skip, with a note saying why "
            "(casefile stage --skip-stages --note …)",
            case=case.number,
            stage=stage.value,
            skipped=", ".join(s.value for s in passed),
            passed=passed,
        )
    if passed and not note.strip():
        raise InvalidValueError("skipping stages needs a note saying why")
    return passed
