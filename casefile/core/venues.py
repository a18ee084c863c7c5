"""Where a packet goes: the places a dispute is taken to, and the walk-in receipt."""

from __future__ import annotations

import enum


class Venue(enum.StrEnum):
    CONSUMER_ASSOCIATION = "consumer-association"  # 消协 / 12315
    ARBITRATION = "arbitration"
    COURT = "court"
    COURIER_CLAIM = "courier-claim"
    RECEIPT = "receipt"  # walk-in complaint receipt

    @property
    def heading(self) -> str:
        return {
            "consumer-association": "消费投诉材料",
            "arbitration": "仲裁申请材料",
            "court": "民事起诉材料",
            "courier-claim": "快递理赔申请材料",
            "receipt": "投诉受理回执",
        }[self.value]
