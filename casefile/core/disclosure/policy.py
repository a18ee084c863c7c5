"""Who may be seen by whom: the masking policy of each destination (spec §6.3).

- Court and arbitration: both parties complete (民事诉讼法 art. 124, 仲裁法's application
  requirements); third parties in the evidence masked; photos byte-exact, GPS printed.
- 消协 / 12315: the complainant complete (投诉举报办法 art. 9) and the respondent (a business);
  third parties masked; photos without their metadata (no location, no hidden comments).
- Courier claim: the merchant (the claimant, the sender) and the carrier complete; the end customer
  (the complainant, the recipient) and the customer's agent masked, except what the carrier needs to find
  the parcel (the waybill number); photos without metadata.
- Receipt: the store copy complete; the customer copy masked throughout.

A party's people follow the party: an organisation's legal representative (民事诉讼法 art. 124 (二)) is shown
wherever the organisation is, and masked with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from casefile.core.venues import Venue

# Every person or organisation the record holds: the case's parties, the complainant's agent, and the
# shipment's claimant, sender and recipient (casefile.core.disclosure.masking.party_in reads each).
ROLES = ("complainant", "respondent", "courier", "agent", "claimant", "sender", "recipient")
# Who a complaint or a pleading is between; the shipment's people are not parties to it.
_CONSUMER_ROLES = frozenset({"complainant", "respondent", "courier", "agent"})
# A courier claim is the merchant's against the carrier: the customer is a third party to it.
_COURIER_ROLES = frozenset({"respondent", "courier", "claimant", "sender"})


@dataclass(frozen=True)
class Disclosure:
    """What one destination may see."""

    venue: Venue
    visible: frozenset[str]  # roles whose personal data is shown complete
    shows_location: bool  # GPS positions printed (movement tracks: PIPL art. 28)
    keeps_photo_metadata: bool  # photos byte-exact, their metadata included
    prefers_redacted: bool  # a redacted copy of an exhibit goes in instead of the original
    copy: str = ""  # for receipts: "customer" or "store"
    masks_third_parties: bool = True  # people in the evidence who are not parties (all but the store's own copy)

    def shows(self, role: str) -> bool:
        return role in self.visible

    @property
    def masks_anyone(self) -> bool:
        return self.visible != frozenset(ROLES)


def disclosure_for(venue: Venue, *, copy: str = "") -> Disclosure:
    """The policy of ``venue``; for receipts, of the store's copy or (``copy="customer"``) the customer's."""
    if venue in (Venue.COURT, Venue.ARBITRATION):
        return Disclosure(
            venue, frozenset(ROLES), shows_location=True, keeps_photo_metadata=True, prefers_redacted=False
        )
    if venue is Venue.CONSUMER_ASSOCIATION:
        return Disclosure(
            venue, _CONSUMER_ROLES, shows_location=False, keeps_photo_metadata=False, prefers_redacted=True
        )
    if venue is Venue.COURIER_CLAIM:
        return Disclosure(
            venue,
            _COURIER_ROLES,
            shows_location=False,
            keeps_photo_metadata=False,
            prefers_redacted=True,
        )
    if copy == "customer":
        return Disclosure(venue, frozenset(), False, False, True, copy="customer")
    return Disclosure(venue, frozenset(ROLES), False, False, False, copy="store", masks_third_parties=False)
