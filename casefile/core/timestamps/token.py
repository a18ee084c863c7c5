"""RFC 3161 time-stamp requests, responses and their offline validation.

A request asks for a SHA-256 imprint with a random nonce and the TSA's certificate (certReq).
A response is accepted only when it is granted, answers that request (imprint and nonce), and its
signature and certificate chain validate — with pyHanko, offline (nothing is fetched), against the
certificates kept beside it: the root CA(s) as trust anchors, the others as intermediates.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, pem, tsp
from asn1crypto import x509 as asn1_x509
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import ValidationContext

from casefile.core.errors import CaseFileError

CONTENT_TYPE_QUERY = "application/timestamp-query"
CONTENT_TYPE_REPLY = "application/timestamp-reply"
TIMEOUT = 20.0
_GRANTED = ("granted", "granted_with_mods")


class TimestampError(CaseFileError):
    """A timestamp could not be obtained, or a token does not validate."""


class TsaUnreachableError(TimestampError):
    """The TSA could not be reached (offline, down, refused): the request stays queued."""


@dataclass(frozen=True)
class TokenInfo:
    """What a validated token says."""

    time: datetime
    serial: str
    tsa: str  # the TSA's name: its signing certificate's subject
    imprint: str  # hex
    expires: datetime  # the signing certificate's notAfter
    root_fingerprints: tuple[str, ...]  # SHA-256 of each trust anchor's DER


def make_request(imprint: bytes) -> tuple[bytes, int]:
    """A DER TimeStampReq for a SHA-256 ``imprint``, and its nonce."""
    nonce = secrets.randbits(63) | 1
    req = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": imprint},
            "nonce": nonce,
            "cert_req": True,
        }
    )
    return req.dump(), nonce


def post_request(url: str, body: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """POST a request to the TSA at ``url``; its response's bytes."""
    if not url.lower().startswith(("http://", "https://")):
        raise TimestampError("the TSA address {url} is not an http:// or https:// address", url=url)
    request = urllib.request.Request(url, data=body, headers={"Content-Type": CONTENT_TYPE_QUERY}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - checked above
            data: bytes = response.read(1 << 20)
    except urllib.error.HTTPError as exc:
        raise TsaUnreachableError("the TSA at {url} answered HTTP {code}", url=url, code=exc.code) from exc
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TsaUnreachableError("the TSA at {url} cannot be reached: {reason}", url=url, reason=str(reason)) from exc
    return data


def load_pem_certificates(data: bytes) -> list[asn1_x509.Certificate]:
    certs = []
    try:
        for _type, _headers, der in pem.unarmor(data, multiple=True):
            certs.append(asn1_x509.Certificate.load(der))
    except ValueError as exc:
        raise TimestampError("the certificate file is not PEM: {exc}", exc=str(exc)) from exc
    return certs


def pem_certificates(certs: list[asn1_x509.Certificate]) -> bytes:
    return b"".join(pem.armor("CERTIFICATE", c.dump()) for c in certs)


def is_self_signed(cert: asn1_x509.Certificate) -> bool:
    return bool(cert.self_signed in ("maybe", "yes"))


def parse_response(data: bytes) -> tsp.TimeStampResp:
    try:
        resp = tsp.TimeStampResp.load(data)
        status = resp["status"]["status"].native
    except (ValueError, TypeError, KeyError) as exc:
        raise TimestampError("the TSA's answer is not an RFC 3161 time-stamp response") from exc
    if status not in _GRANTED:
        text = resp["status"]["status_string"].native
        raise TimestampError(
            "the TSA refused the request ({status}: {text})", status=str(status), text="; ".join(text or [])
        )
    if not isinstance(resp["time_stamp_token"], cms.ContentInfo) or resp["time_stamp_token"].native is None:
        raise TimestampError("the TSA's answer holds no time-stamp token")
    return resp


def _signed_data(resp: tsp.TimeStampResp) -> cms.SignedData:
    token = resp["time_stamp_token"]
    if token["content_type"].native != "signed_data":
        raise TimestampError("the time-stamp token is not signed data")
    content: cms.SignedData = token["content"]
    return content


def tst_info(resp: tsp.TimeStampResp) -> tsp.TSTInfo:
    info: tsp.TSTInfo = _signed_data(resp)["encap_content_info"]["content"].parsed
    return info


def token_certificates(resp: tsp.TimeStampResp) -> list[asn1_x509.Certificate]:
    certs = _signed_data(resp)["certificates"]
    out = []
    for choice in certs or []:
        if choice.name == "certificate":
            out.append(choice.chosen)
    return out


def check_answer(resp: tsp.TimeStampResp, imprint: bytes, nonce: int) -> None:
    """The response answers the request for ``imprint`` with ``nonce``."""
    info = tst_info(resp)
    if info["message_imprint"]["hashed_message"].native != imprint:
        raise TimestampError("the TSA stamped another digest than the one asked for")
    if info["nonce"].native != nonce:
        raise TimestampError("the TSA's answer does not carry the request's nonce (a replayed answer?)")


def split_chain(
    token_certs: list[asn1_x509.Certificate], extra: list[asn1_x509.Certificate]
) -> tuple[list[asn1_x509.Certificate], list[asn1_x509.Certificate]]:
    """(trust anchors, others): the self-signed certificates among the token's and ``extra``, and the rest."""
    seen: set[bytes] = set()
    roots: list[asn1_x509.Certificate] = []
    others: list[asn1_x509.Certificate] = []
    for cert in [*token_certs, *extra]:
        der = cert.dump()
        if der in seen:
            continue
        seen.add(der)
        (roots if is_self_signed(cert) else others).append(cert)
    return roots, others


def validate(
    resp_der: bytes,
    roots: list[asn1_x509.Certificate],
    others: list[asn1_x509.Certificate],
    expected_imprint: bytes,
    *,
    moment: datetime | None = None,
) -> TokenInfo:
    """Validate a stored response offline: imprint, signature, and the chain to ``roots``.

    The chain is judged at ``moment``, by default the token's own time: the TSA's certificate must
    have been valid when it signed.
    """
    resp = parse_response(resp_der)
    info = tst_info(resp)
    imprint = info["message_imprint"]["hashed_message"].native
    algorithm = info["message_imprint"]["hash_algorithm"]["algorithm"].native
    if algorithm != "sha256":
        raise TimestampError("the token stamps a {algorithm} digest, not SHA-256", algorithm=str(algorithm))
    if imprint != expected_imprint:
        raise TimestampError("the token stamps another digest than the Merkle root of its tree")
    if not roots:
        raise TimestampError("the TSA's certificate chain holds no root certificate to check the token against")
    gen_time: datetime = info["gen_time"].native
    context = ValidationContext(
        trust_roots=roots,
        other_certs=others,
        allow_fetching=False,
        moment=moment or gen_time,
        revocation_mode="soft-fail",
    )
    try:
        status = asyncio.run(validate_tst_signed_data(_signed_data(resp), context, lambda _alg: imprint))
    except Exception as exc:  # noqa: BLE001 - pyHanko raises many kinds for a bad token
        raise TimestampError("the token's signature does not validate: {reason}", reason=str(exc) or repr(exc)) from exc
    if not status.get("intact"):
        raise TimestampError("the token's signature does not match its content (the token was altered)")
    if not status.get("valid"):
        raise TimestampError("the token's signature is not valid")
    problem = status.get("trust_problem_indic")
    if problem is not None and ("OUT_OF_BOUNDS" in str(problem) or "EXPIRED" in str(problem)):
        raise TimestampError(
            "the token does not validate: the TSA's certificate was not valid at the token's time {time} ({reason})",
            time=gen_time.isoformat(),
            reason=str(problem),
        )
    if problem is not None or status.get("validation_path") is None:
        raise TimestampError(
            "the TSA's certificate does not chain to the root kept beside the token ({reason})",
            reason=str(status.get("trust_problem_indic")),
        )
    signer: asn1_x509.Certificate = status["signing_cert"]
    return TokenInfo(
        time=gen_time,
        serial=str(info["serial_number"].native),
        tsa=tsa_name(signer),
        imprint=imprint.hex(),
        expires=signer["tbs_certificate"]["validity"]["not_after"].native,
        root_fingerprints=tuple(hashlib.sha256(r.dump()).hexdigest() for r in roots),
    )


def tsa_name(cert: asn1_x509.Certificate) -> str:
    subject = cert.subject.native
    name = subject.get("common_name") or subject.get("organization_name")
    if isinstance(name, list):
        name = name[0]
    return str(name) if name else cert.subject.human_friendly


def token_time(resp_der: bytes) -> datetime:
    gen: datetime = tst_info(parse_response(resp_der))["gen_time"].native
    return gen
