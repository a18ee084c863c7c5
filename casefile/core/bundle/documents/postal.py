"""The courier packet turned into an appeal to the postal administration (12305): 邮政业用户申诉书
(spec §4.2, §7(d) "12305 cover variant"; docs/pleading-templates.md §4).

The 申诉 is a 用户's since the 邮政业用户申诉处理办法 (in force 2020-10-01) replaced the 2014 邮政业消费者
申诉处理办法; a merchant who sent the parcel is such a user. The new text was not read, so the conditions are
those of the 2014 art. 9 (casefile.core.law: postal-complaint-measures.9), confirmed by the signer without an
article cited while that text is not in force. The appeal names the carrier and the outlet, the parcel, the
complaint to the carrier (its date and 工单号: blanks until the record holds them, ``rules.carrier_complaint``)
and the carrier's answer, the demand and the facts.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from casefile.core import law
from casefile.core.bundle.context import BundleContext
from casefile.core.bundle.documents import rules
from casefile.core.bundle.documents.common import (
    DATE_BLANK,
    _day,
    _free,
    _money,
    _signature,
    cite_on_day,
    courier_parties,
    fmt_date,
    fmt_deadline,
    fmt_time,
    on_day,
    proceeding_said,
)
from casefile.core.bundle.documents.courier import (
    APPEAL_CONDITIONS,
    carrier_fields,
    complaint_fields,
    courier_dealings,
    courier_law,
    exception_fields,
    shipment_fields,
)
from casefile.core.bundle.documents.cover import postal_body
from casefile.core.bundle.documents.layout import _F, WIDTH, _form, _h, _p, _ruled, _title
from casefile.core.bundle.documents.rules import loss_table
from casefile.core.bundle.handling import before_other_bodies
from casefile.core.bundle.pdfkit import sign_here
from casefile.core.record.timeline import with_carrier
from casefile.core.workflow.records import Venue as ProceedingVenue

# The form's label columns: its longest labels (实际提供服务的网点, 向快递企业投诉日期) on one line at the left,
# the short ones on the right (收件人电话) leaving the values room (杭州某某数码科技有限公司 on one line).
LABEL_WIDTH = 38 * mm
RIGHT_LABEL_WIDTH = 26 * mm


def _identity(ctx: BundleContext, claimant_name: str) -> str:
    """申诉人身份 (art. 9 (2)): 寄件人 ticked when the waybill's sender is recorded as the claimant; otherwise
    the boxes are left for the signer (a merchant is usually, not always, the sender)."""
    sender = ctx.party("sender").name.strip()
    if sender and sender == claimant_name.strip():
        return "■ 寄件人　□ 收件人　□ 委托人"
    return "□ 寄件人　□ 收件人　□ 委托人"


def _box(ticked: bool, text: str) -> str:
    return f"{'■' if ticked else '□'} {text}"


def _unanswered(ctx: BundleContext) -> bool:
    """No answer of the carrier's is recorded by its last day to answer, and that day is past."""
    deadline = rules.reply_deadline(ctx)
    answer = rules.carrier_answer(ctx)
    answer_day = _day(answer.at, ctx.case) if answer is not None else None
    return (
        deadline is not None
        and deadline.last_day < on_day(ctx)
        and (answer_day is None or answer_day > deadline.last_day)
    )


def _dissatisfied(ctx: BundleContext) -> bool:
    """An answer of the carrier's is recorded that the claimant did not accept."""
    answer = rules.carrier_answer(ctx)
    return answer is not None and not answer.accepted


def _awaited(ctx: BundleContext) -> str:
    """The carrier's last day to answer, printed, while a complaint is recorded, no answer of the carrier's is, and
    that day is not past (neither ground of the appeal is shown: the preflight stops the build, ``appeal-too-early``);
    "" otherwise."""
    deadline = rules.reply_deadline(ctx)
    if deadline is None or rules.carrier_answer(ctx) is not None or deadline.last_day < on_day(ctx):
        return ""
    return fmt_deadline(deadline)


def _handling_fields(ctx: BundleContext) -> list[_F]:
    """企业处理结果 and 企业答复内容 (the appeal's precondition, spec §4.2) from the dealings the record holds:
    未答复 ticked when no answer is recorded by the carrier's last day to answer and that day is past, and the
    answer's place says so; 不满意 when an answer is recorded that the claimant did not accept, its date and words
    printed; while the last day is not past and no answer is recorded, the answer's place says so. With no
    complaint recorded the boxes and the answer stay for the signer (the 投诉渠道不畅通 box always does)."""
    case = ctx.case
    answer = rules.carrier_answer(ctx)
    unanswered = _unanswered(ctx)
    dissatisfied = _dissatisfied(ctx)
    result = "\n".join(
        [
            _box(unanswered, "投诉后7日内未得到答复"),
            _box(dissatisfied, "对企业处理和答复不满意"),
            _box(False, "投诉渠道不畅通、投诉无人受理"),
        ]
    )
    if answer is not None:
        when = fmt_date(answer.at, case) if answer.date_only else fmt_time(answer.at, case)
        words = f"{when}（{answer.how}）：{answer.words or '＿＿＿＿＿＿＿＿'}"
    elif unanswered:  # its last day is printed just above (应答复日期)
        words = "企业在规定期限内未答复"
    elif _awaited(ctx):
        words = "本案尚未记录企业的答复，应答复日期尚未届满"
    else:
        words = ""  # no complaint recorded: left for the signer
    return [_F("企业处理结果", result, wide=True), _F("企业答复内容", words, wide=True)]


def _postal_appeal(ctx: BundleContext) -> list[Flowable]:
    parties = courier_parties(ctx)
    appellant, carrier = parties.claimant, parties.carrier
    losses = loss_table(ctx)
    # The conditions confirmed, under the article that sets them when it can be cited on the packet's day.
    conditions = APPEAL_CONDITIONS
    confirm = (
        f"申诉人确认本申诉符合{law.cite(conditions)}规定的条件："
        if law.printable(conditions, on_day(ctx))
        else "申诉人确认："
    )
    basis = courier_law(ctx)

    story: list[Flowable] = [
        _title("邮政业用户申诉书"),
        _p(f"致：{postal_body(ctx)}"),
        _h("一、申诉人"),
        _form(
            [
                _F("名称（姓名）", appellant.name, wide=True),
                _F("统一社会信用代码", appellant.id_number),
                _F("联系人", ctx.org.contact),
                _F("联系电话", appellant.phone),
                _F("邮政编码", appellant.postcode),
                _F("地址", appellant.address, wide=True),
                _F("申诉人身份", _identity(ctx, appellant.name), wide=True),
            ],
            label_width=LABEL_WIDTH,
            right_label_width=RIGHT_LABEL_WIDTH,
        ),
        _h("二、被申诉人"),
        _form(
            carrier_fields(ctx, carrier, "快递企业名称", "实际提供服务的网点"),
            label_width=LABEL_WIDTH,
            right_label_width=RIGHT_LABEL_WIDTH,
        ),
        _h("三、快件信息"),
        _form(shipment_fields(ctx), label_width=LABEL_WIDTH, right_label_width=RIGHT_LABEL_WIDTH),
        CondPageBreak(60 * mm),  # the complaint, the carrier's handling and its answer on one page
        _h("四、向企业投诉情况"),
        _form(
            [
                *complaint_fields(ctx),
                *_handling_fields(ctx),
            ],
            label_width=LABEL_WIDTH,
            right_label_width=RIGHT_LABEL_WIDTH,
        ),
        CondPageBreak(50 * mm),
        _h("五、申诉请求"),
        _p(
            f"请求邮政管理部门依法处理，责成被申诉人赔偿申诉人损失共计 {_money(losses.claim)}"
            "（计算见下表及证据目录）。",
            "indent",
        ),
        _ruled(
            [("项目", "金额", "依据/说明"), *losses.rows()],
            [40 * mm, 40 * mm, WIDTH - 80 * mm],
        ),
        Spacer(1, 2 * mm),
        _p(losses.rule, "indent"),
        _h("六、事实与理由"),
        *_appeal_facts(ctx),
        CondPageBreak(45 * mm),
        _h("七、异常情况"),
        _form(exception_fields(ctx), label_width=LABEL_WIDTH, right_label_width=RIGHT_LABEL_WIDTH),
        _h("八、交涉记录"),
        *courier_dealings(ctx, with_complaint=False, us="申诉人"),  # the complaint itself is in 四
        _h("九、证据"),
        _p(f"详见证据目录（共 {len(ctx.entries)} 件）。", "indent"),
        _h("十、法律依据摘录"),
        *basis,
        KeepTogether(
            [
                _h("十一、声明"),
                _p(
                    f"{confirm}申诉人是与申诉事件有直接利害关系的当事人；"
                    f"{_complaint_declared(ctx)}"
                    f"{_bodies_declared(ctx)}"
                    "申诉事项发生于与企业产生服务争议或者交寄快件之日起1年之内。"
                    "以上所述及所附材料真实，如有虚假，愿承担相应的法律责任。",
                    "indent",
                ),
                Spacer(1, 10 * mm),
                *_signature(
                    [
                        f"申诉人（签名/盖章）：{sign_here(appellant.name)}",
                        f"申诉日期：{DATE_BLANK}",
                    ]
                ),
            ]
        ),
    ]
    return story


def _appeal_facts(ctx: BundleContext) -> list[Flowable]:
    """The parcel's story from the shipment record, each unknown a blank. The case's own statement of facts is
    not printed here: it tells the customer's dispute with the merchant, not the merchant's with the carrier."""
    case = ctx.case
    shipment, txn = case.shipment, case.transaction
    parties = courier_parties(ctx)
    carrier = parties.carrier.name.strip() or "＿＿＿＿＿＿"
    blank_day = "＿＿＿＿年＿＿月＿＿日"
    shipped = fmt_time(shipment.shipped_at, case) or blank_day
    signed = fmt_time(shipment.signed_at, case) or blank_day
    found = fmt_time(shipment.discovered_at, case) or blank_day
    what = shipment.exception_type.strip() or "＿＿＿＿＿＿"
    sender = ctx.party("sender").name.strip()
    who = "申诉人" if sender and sender == parties.claimant.name.strip() else sender or "寄件人"
    art27 = cite_on_day(ctx, "express-regulation.compensation")
    art832 = cite_on_day(ctx, "civil-code.832")
    waybill = shipment.waybill_no.strip() or "＿＿＿＿＿＿＿＿"
    product = txn.product.strip() or "＿＿＿＿＿＿"
    text = (
        f"{who}于{shipped}交由被申诉人{carrier}寄递快件一件（快件号码 {waybill}，品名 {product}）。"
        f"该快件于{signed}签收，{found}发现{what}。{_complaint_told(ctx)}"
        f"依照{art27}和{art832}，被申诉人应当依法承担赔偿责任，特提出申诉。"
    )
    return [_p(text, "indent")]


def _complaint_told(ctx: BundleContext) -> str:
    """事实与理由 on the complaint to the carrier (the appeal's precondition, spec §4.2), as the record holds it:
    its date and 工单号 when one is recorded (``rules.carrier_complaint``), and where the carrier's handling is told,
    or that its last day to answer is not past and no answer is recorded; otherwise that none is, pointing to the
    dealings with the carrier if there are any, never to a 第四项 left blank. An appeal never says a complaint was
    made that the record does not show (the preflight warns of it: ``no-carrier-complaint``)."""
    complaint = rules.carrier_complaint(ctx)
    if complaint is not None:
        ref = _free(ctx, complaint.ref.strip())
        number = f"（工单号 {ref}）" if ref else ""
        lodged = f"申诉人已于{fmt_date(complaint.at, ctx.case)}向被申诉人投诉{number}"
        if awaited := _awaited(ctx):
            return f"{lodged}，被申诉人的答复期限至{awaited}，尚未届满，本案尚未记录其答复。"
        return f"{lodged}，被申诉人的处理情况见第四项、第八项。"
    if any(with_carrier(ctx.case, e) for e in ctx.case.timeline):
        return "本案尚未记录申诉人向被申诉人投诉的日期及工单号，与被申诉人的交涉情况见第八项。"
    return "本案尚未记录申诉人向被申诉人投诉及与其交涉的情况。"


def _complaint_declared(ctx: BundleContext) -> str:
    """声明's clause on the complaint to the carrier, worded as the record shows it: the complaint's date, and
    that no answer came within 7 days or the answer did not satisfy when the record shows which (both boxes of
    第四项 are ticked from the same record), or that the carrier's last day to answer is not past; nothing is
    declared of a complaint the record does not hold, and 第四项 is pointed at only when it holds the answer or
    says none came."""
    complaint = rules.carrier_complaint(ctx)
    if complaint is None:
        return "本案尚未记录申诉人向被申诉人投诉的情况；"
    lodged = f"已于{fmt_date(complaint.at, ctx.case)}先向被申诉人投诉"
    if _unanswered(ctx):
        return f"{lodged}，投诉后7日内未得到答复（见第四项）；"
    if _dissatisfied(ctx):
        return f"{lodged}，对其处理和答复不满意（见第四项）；"
    if awaited := _awaited(ctx):
        return f"{lodged}，其答复期限至{awaited}，尚未届满，本案尚未记录其答复；"
    return f"{lodged}，处理情况见第四项；"


def _bodies_declared(ctx: BundleContext) -> str:
    """声明's clauses on the postal administration, the courts and arbitration (申诉 conditions (5) and (7)), as the
    record shows them: an earlier appeal (a proceeding before a postal administration that has ended or has a result;
    one still pending is this appeal) and a court's or an arbitration institution's proceeding stated as they are,
    the 未…过 kept only for what the record shows none of."""
    held = before_other_bodies(ctx.case, ProceedingVenue.POSTAL_REGULATOR)
    appeals = [q for q in held if q.venue is ProceedingVenue.POSTAL_REGULATOR]
    courts = [q for q in held if q.venue in (ProceedingVenue.COURT, ProceedingVenue.ARBITRATION)]
    if appeals:
        text = f"同一事项曾{'；曾'.join(proceeding_said(ctx, q, '') for q in appeals)}；"
    else:
        text = "未就同一事项向邮政管理部门申诉过；"
    if courts:
        text += f"申诉事项曾{'；曾'.join(proceeding_said(ctx, q, '') for q in courts)}；"
        missing = [
            name
            for name, venue in (("人民法院", ProceedingVenue.COURT), ("仲裁机构", ProceedingVenue.ARBITRATION))
            if not any(q.venue is venue for q in courts)
        ]
        if missing:
            text += f"未经{'、'.join(missing)}受理或者处理；"
    else:
        text += "申诉事项未经人民法院、仲裁机构受理或者处理；"
    return text
