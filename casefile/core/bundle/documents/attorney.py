"""授权委托书: the power of attorney a recorded agent files with (民诉法 art. 62; 投诉举报处理暂行办法
art. 10 for a complaint). It names the matter, lists the powers one by one — never 全权代理, which
grants no special power — and runs until the end of the first instance, the arbitration or the
complaint."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from casefile.core import law
from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    Section,
    _defendants,
    _party_fields,
    _party_paragraph,
    on_day,
)
from casefile.core.bundle.documents.layout import _numbered, _p, _title
from casefile.core.bundle.documents.rules import case_cause, filed_with
from casefile.core.model import AgentAuthority

# What each venue's agent is: (title, the powers of a general authority, how long, the special powers).
_SCOPE = {
    Venue.COURT: (
        "诉讼代理人",
        "代为起诉，提交、签收诉讼材料，参加调解、庭审，代为陈述、举证、质证和辩论",
        "自本委托书签署之日起至本案第一审程序终结之日止",
        "代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉",
    ),
    Venue.ARBITRATION: (
        "仲裁代理人",
        "代为申请仲裁，提交、签收仲裁材料，参加调解、庭审，代为陈述、举证、质证和辩论",
        "自本委托书签署之日起至本案仲裁程序终结之日止",
        "代为承认、放弃、变更仲裁请求，进行和解，提出反请求",
    ),
    Venue.CONSUMER_ASSOCIATION: (
        "投诉代理人",
        "代为提出投诉，提交、签收材料，参加调解，代为陈述",
        "自本委托书签署之日起至本次投诉处理终结之日止",
        "代为变更、撤回投诉请求，达成和解或者调解协议",
    ),
}


def _matter(ctx: BundleContext) -> str:
    me = ctx.party("complainant").name.strip() or "委托人"
    others = "、".join(p.name.strip() or "＿＿＿＿" for p in _defendants(ctx))
    if ctx.venue is Venue.COURT:
        return f"{me}与{others}{case_cause(ctx.case)}一案"
    if ctx.venue is Venue.ARBITRATION:
        body = filed_with(ctx.case, "arbitration_body")
        return f"{me}与{others}{case_cause(ctx.case)}仲裁一案" + (f"（{body}）" if body else "")
    body = filed_with(ctx.case, "consumer_body")
    return f"{me}与{others}消费者权益争议投诉一事" + (f"（向{body}投诉）" if body else "")


def agent_fields(ctx: BundleContext) -> list[tuple[str, str]]:
    """An agent's lines in a pleading's list of parties: employer, phone, practising certificate."""
    agent = ctx.case.agent
    assert agent is not None
    fields = [("工作单位", agent.employer), ("联系电话", agent.phone)]
    if agent.licence_no.strip():
        fields.append(("律师执业证号", agent.licence_no))
    return fields


def _power_of_attorney(ctx: BundleContext) -> list[Section]:
    """The 授权委托书 section of the packet, when the case records an agent; none otherwise."""
    agent = ctx.case.agent
    if agent is None or agent.is_empty() or ctx.venue not in _SCOPE:
        return []
    title, general, term, special = _SCOPE[ctx.venue]
    me = ctx.party("complainant")
    fields = [*agent_fields(ctx), ("公民身份号码", agent.id_number)]
    authority = agent.authority
    box = {True: "■", False: "□"}
    powers = [
        f"{box[authority is AgentAuthority.GENERAL]} 一般授权：{general}。",
        f"{box[authority is AgentAuthority.SPECIAL]} 特别授权：在一般授权之外，{special}。",
    ]
    story: list[Flowable] = [
        _title("授权委托书"),
        _party_paragraph("委托人", _party_fields(ctx, me, full_person=True, service=False), me.name),
        _party_paragraph("受托人", fields, agent.name),
        _p(f"现委托上列受托人在{_matter(ctx)}中，作为委托人的{title}。", "indent"),
        _p("代理权限（勾选一项）：", "indent"),
        *_numbered(powers, ending=None, last=None),
        _p(f"代理期限：{term}。", "indent"),
    ]
    if ctx.venue is Venue.COURT:
        story.append(
            _p(
                f"（依照{law.cite_on('civil-procedure.62', on_day(ctx))}，授权委托书须记明委托事项和权限；"
                "代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉，须有委托人的特别授权。）",
                "note",
            )
        )
    story.append(
        KeepTogether(
            [
                Spacer(1, 10 * mm),
                _p("委托人（签名或盖章）：＿＿＿＿＿＿＿＿", "sign"),
                _p("受托人（签名）：＿＿＿＿＿＿＿＿", "sign"),
                _p(f"日期：{DATE_BLANK}", "sign"),
            ]
        )
    )
    return [("授权委托书", story)]
