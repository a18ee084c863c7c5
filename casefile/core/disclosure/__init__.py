"""What leaves the machine: personal data masked for each destination, hidden data stripped,
active content removed, redacted copies used, and a report of all of it.

A packet's destination decides who may be seen (:mod:`.policy`, spec §6.3). Every string from
the record and from evidence text goes through one masker for that destination
(:mod:`.masking`); photos lose their metadata where the destination must not see it
(:mod:`.photos`); evidence PDFs keep only what their pages show (:mod:`.pdf`); burn-in
redaction makes derived exhibits (:mod:`.redact`). Each step says what it did in the packet's
:class:`~.report.DisclosureReport`, which is shown before the packet is made and saved beside
it (never bound into the filing).
"""

from casefile.core.disclosure.policy import Disclosure, disclosure_for
from casefile.core.disclosure.report import DisclosureAction, DisclosureItem, DisclosureReport

__all__ = ["Disclosure", "DisclosureAction", "DisclosureItem", "DisclosureReport", "disclosure_for"]
