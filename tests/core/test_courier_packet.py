"""The courier claim and the 12305 appeal as the carrier and the postal administration read them (pdftotext):

- 交涉记录 lists only the dealings with the carrier (spec §7(d) 8, §4.2), by the rule the reply clock reads
  (``with_carrier``); the buyer's talks with the merchant's customer service are left out, and with none
  recorded the packet says so.
"""

from __future__ import annotations

from pathlib import Path

from bundle_pages import page_texts
from test_documents import MERCHANT, context, full_case
from test_packet_fill import AFTER_DEADLINE, ANSWER, COMPLAINT, appeal

from casefile.core.bundle.context import BundleContext, Venue
from casefile.core.bundle.documents import front_matter
from casefile.core.bundle.documents.courier import NO_DEALINGS
from casefile.core.bundle.pdfkit import render_story
from casefile.core.model import Case

# The merchant's chats with the buyer in full_case: not the carrier's.
MERCHANT_CHATS = ("电话联系客服，客服同意退货但拒绝赔偿", "在线反映屏幕碎裂并发送照片")


def document(ctx: BundleContext, title: str, folder: Path) -> str:
    """One of the packet's documents as pdftotext reads it, whitespace removed."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "doc.pdf"
    render_story(path, dict(front_matter(ctx))[title])
    return "".join("".join(page.split()) for page in page_texts(path))


def packets(case: Case, folder: Path) -> dict[str, str]:
    return {
        "claim": document(context(case, Venue.COURIER_CLAIM, MERCHANT), "快递理赔申请书", folder / "claim"),
        "appeal": document(appeal(case, AFTER_DEADLINE), "邮政业用户申诉书", folder / "appeal"),
    }


def test_dealings_are_with_the_carrier_only(tmp_path: Path) -> None:
    case = full_case()
    case.timeline += [COMPLAINT, ANSWER]
    for name, text in packets(case, tmp_path).items():
        dealings = text[text.index("交涉记录") :]
        assert "向某某速运客服提出理赔申请" in dealings and "快递公司答复只退运费" in dealings, name
        for chat in MERCHANT_CHATS:
            assert chat not in text, (name, chat)


def test_no_dealings_with_the_carrier_are_said_plainly(tmp_path: Path) -> None:
    for name, text in packets(full_case(), tmp_path).items():
        dealings = text[text.index("交涉记录") :]
        assert NO_DEALINGS in dealings, name
        for chat in MERCHANT_CHATS:
            assert chat not in text, (name, chat)
