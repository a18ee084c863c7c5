"""Whose root a timestamp relies on, and whether the user pinned it.

A token validates against the root certificate kept beside it (``timestamps/<id>/ca.pem``), which
comes from the token or from the CA file of the settings: anyone can make a root and a TSA under any
name, and its tokens validate against that root. What makes a stamp one the user may call trusted is
that its root is the authority's real one, which only the user can confirm (against the fingerprint
the authority publishes). The settings keep the SHA-256 fingerprints of the roots the user confirmed
(``tsa_root_sha256``, set from a CA file or by fingerprint); a stamp whose every root is among them
is "pinned", any other is labelled "root not checked" wherever it is shown.

Only asn1crypto is used here (no pyHanko), and only once a stamp's certificates are read: a case without
stamps loads neither.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.core.errors import InvalidValueError
from casefile.core.model import Stamp
from casefile.core.timestamps.checking import CA_NAME as CA_FILE
from casefile.core.timestamps.checking import CHAIN_NAME as CHAIN_FILE
from casefile.core.timestamps.checking import STAMPS_DIR

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509

    from casefile.core.settings import Settings

# How to pin a root, said once when a stamp relies on one that is not pinned.
PIN_HINT = (
    "compare the root's SHA-256 fingerprint with the one the timestamp authority publishes, then pin it with "
    "'casefile config tsa_root_sha256 FILE.pem' (the authority's root certificate) or "
    "'casefile config tsa_root_sha256 FINGERPRINT'"
)
LABEL_PINNED = "trusted timestamp (root pinned)"
LABEL_NOT_CHECKED = "timestamp (root not checked)"

_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class RootCert:
    """A root certificate a stamp relies on."""

    subject: str  # its subject, as people read it
    sha256: str  # SHA-256 of its DER, lowercase hex

    @property
    def fingerprint(self) -> str:
        return fingerprint_text(self.sha256)


def fingerprint_text(digest: str) -> str:
    """``AB:CD:…``: a SHA-256 fingerprint as ``openssl x509 -fingerprint -sha256`` and browsers print it."""
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2)).upper()


def normalise_fingerprint(text: str) -> str:
    """A fingerprint typed or pasted (colons, spaces, any case; ``SHA256 Fingerprint=`` before it) as lowercase hex."""
    value = text.strip()
    if "=" in value:
        value = value.rsplit("=", 1)[1]
    value = re.sub(r"[\s:]", "", value).lower()
    if not _HEX64.fullmatch(value):
        raise InvalidValueError(
            "{text!r} is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)", text=text.strip()
        )
    return value


def parse_pins(text: str) -> list[str]:
    """The fingerprints of a ``tsa_root_sha256`` setting (separated by commas, semicolons or spaces between
    fingerprints), normalised; an invalid one is refused."""
    out: list[str] = []
    for item in re.split(r"[,;\n]+", text):
        if not item.strip():
            continue
        parts = item.split()
        # "AB:CD …" with spaces inside one fingerprint, or several fingerprints separated by spaces
        candidates = [item] if len(parts) > 1 and all(len(p) <= 2 for p in parts) else parts
        for part in candidates:
            digest = normalise_fingerprint(part)
            if digest not in out:
                out.append(digest)
    return out


def pins_of(settings: Settings) -> frozenset[str]:
    """The root fingerprints the user pinned; a setting that does not parse pins nothing."""
    try:
        return frozenset(parse_pins(settings.tsa_root_sha256))
    except InvalidValueError:
        return frozenset()


def load_certificates(data: bytes) -> list[asn1_x509.Certificate]:
    """The certificates of a PEM file (or of one DER certificate)."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    try:
        if pem.detect(data):
            return [asn1_x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, multiple=True)]
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018 - parses it all: raises on what is not a certificate
        return [cert]
    except (ValueError, TypeError) as exc:
        raise InvalidValueError("not a certificate file (PEM or DER): {exc}", exc=str(exc)) from exc


_SHORT = {
    "common_name": "CN",
    "organization_name": "O",
    "organizational_unit_name": "OU",
    "country_name": "C",
    "state_or_province_name": "ST",
    "locality_name": "L",
    "email_address": "emailAddress",
    "serial_number": "serialNumber",
    "organization_identifier": "organizationIdentifier",
}


def subject_text(cert: asn1_x509.Certificate) -> str:
    """A certificate's subject as ``openssl x509 -subject`` prints it: ``C=CN, O=…, CN=…``."""
    parts = []
    try:
        for rdn in cert.subject.chosen:
            for attr in rdn:
                kind = attr["type"].native
                parts.append(f"{_SHORT.get(kind, kind)}={attr['value'].native}")
    except (ValueError, TypeError, KeyError):
        return str(cert.subject.human_friendly)
    return ", ".join(parts)


def root_of(cert: asn1_x509.Certificate) -> RootCert:
    return RootCert(subject_text(cert), hashlib.sha256(cert.dump()).hexdigest())


def _self_signed(cert: asn1_x509.Certificate) -> bool:
    return bool(cert.self_signed in ("maybe", "yes"))


def pins_from_file(path: Path) -> list[RootCert]:
    """The root certificates (self-signed) in a CA file the user chose, to pin."""
    try:
        data = path.expanduser().read_bytes()
    except OSError as exc:
        raise InvalidValueError("{path} cannot be read: {reason}", path=str(path), reason=str(exc)) from exc
    roots = [root_of(c) for c in load_certificates(data) if _self_signed(c)]
    if not roots:
        raise InvalidValueError(
            "{path} holds no root certificate (a self-signed one): choose the authority's root, not its own "
            "certificate",
            path=str(path),
        )
    return roots


def stamp_roots(folder: Path, stamp: Stamp) -> list[RootCert]:
    """The roots a stamp of the case in ``folder`` relies on: the certificates of its ``ca.pem``."""
    try:
        data = (folder / STAMPS_DIR / stamp.id / CA_FILE).read_bytes()
        return [root_of(c) for c in load_certificates(data)]
    except (OSError, InvalidValueError):
        return []


def stamp_authority(folder: Path, stamp: Stamp) -> str:
    """The subject of the TSA's own certificate (the one for time-stamping in ``chain.pem``), else its name."""
    try:
        certs = load_certificates((folder / STAMPS_DIR / stamp.id / CHAIN_FILE).read_bytes())
    except (OSError, InvalidValueError):
        return stamp.tsa
    for cert in certs:
        try:
            usage = cert.extended_key_usage_value
        except ValueError:
            continue
        if usage is not None and "time_stamping" in usage.native:
            return subject_text(cert)
    return stamp.tsa


def is_pinned(roots: Iterable[RootCert], pins: Iterable[str]) -> bool:
    """Every root the stamp relies on is one the user pinned (a stamp with no readable root is not)."""
    wanted = set(pins)
    found = list(roots)
    return bool(found) and all(r.sha256 in wanted for r in found)


def label(pinned: bool) -> str:
    return LABEL_PINNED if pinned else LABEL_NOT_CHECKED
