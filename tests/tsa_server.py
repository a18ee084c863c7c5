"""A real RFC 3161 timestamp authority on 127.0.0.1 for tests: ``openssl ts -reply`` behind http.server.

One test CA per session (EC P-256), and TSA certificates it issues (extended key usage timeStamping,
critical). Each POST is piped to ``openssl ts -reply``; the config leaves ``certs=`` out, and the CA is
embedded in the token only when asked (``-chain``).
"""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OPENSSL = shutil.which("openssl")


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class LocalCA:
    folder: Path
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    name: str = "CaseFile Test Root CA"

    @property
    def pem(self) -> Path:
        return self.folder / f"{self.name.replace(' ', '-')}.pem"

    def issue_tsa(self, label: str, *, days: int = 365, expired: bool = False) -> tuple[Path, Path]:
        """A TSA certificate and key (PEM files)."""
        now = dt.datetime.now(dt.UTC)
        key = ec.generate_private_key(ec.SECP256R1())
        start, end = (
            (now - dt.timedelta(days=30), now - dt.timedelta(days=1))
            if expired
            else (
                now - dt.timedelta(days=1),
                now + dt.timedelta(days=days),
            )
        )
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(f"CaseFile Test TSA {label}"))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        cert_path, key_path = self.folder / f"tsa-{label}.pem", self.folder / f"tsa-{label}.key"
        cert_path.write_bytes(_pem(cert))
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        return cert_path, key_path


def make_ca(folder: Path, name: str = "CaseFile Test Root CA") -> LocalCA:
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=60))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    ca = LocalCA(folder, key, cert, name)
    ca.pem.write_bytes(_pem(cert))
    return ca


_CONFIG = """\
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {dir}
serial = {dir}/serial
crypto_device = builtin
signer_cert = {cert}
signer_key = {key}
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


@dataclass
class TSA:
    """A running TSA; ``url`` to ask it, ``embed_ca`` to put the CA in its tokens, ``down`` to refuse."""

    ca: LocalCA
    folder: Path
    cert: Path
    key: Path
    embed_ca: bool = False
    down: bool = False
    requests: int = 0
    url: str = ""
    _server: http.server.ThreadingHTTPServer | None = field(default=None, repr=False)

    def use(self, cert: Path, key: Path) -> None:
        self.cert, self.key = cert, key
        self._write_config()

    def _write_config(self) -> None:
        (self.folder / "ts.cnf").write_text(_CONFIG.format(dir=self.folder, cert=self.cert, key=self.key))

    def reply(self, query: bytes) -> bytes:
        with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
            q, r = Path(tmp) / "q.tsq", Path(tmp) / "r.tsr"
            q.write_bytes(query)
            cmd = [OPENSSL or "openssl", "ts", "-reply", "-config", str(self.folder / "ts.cnf")]
            cmd += ["-queryfile", str(q), "-out", str(r)]
            if self.embed_ca:
                cmd += ["-chain", str(self.ca.pem)]
            subprocess.run(cmd, check=True, capture_output=True)
            return r.read_bytes()

    def start(self) -> None:
        (self.folder / "serial").write_text("01\n")
        self._write_config()
        tsa = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if tsa.down:
                    self.send_error(503, "down for the test")
                    return
                tsa.requests += 1
                data = tsa.reply(body)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/tsa"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture(scope="session")
def local_ca(tmp_path_factory: pytest.TempPathFactory) -> LocalCA:
    if OPENSSL is None:
        pytest.skip("openssl is needed to run a test TSA")
    return make_ca(tmp_path_factory.mktemp("test-ca"))


@pytest.fixture
def tsa(local_ca: LocalCA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TSA]:
    folder = tmp_path_factory.mktemp("tsa")
    cert, key = local_ca.issue_tsa(folder.name)
    server = TSA(local_ca, folder, cert, key)
    server.start()
    yield server
    server.stop()
