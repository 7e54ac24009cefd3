"""Signed documents: PAdES signatures with the agency's certificate, and their verification.

`sign_pdf(pdf, reason=, location=, signer_name=)` adds a PAdES baseline (B-B) signature made with the key
and certificate named by the settings (see docs/signing.md). When signing is not configured it returns
the PDF unchanged and `signing_available()` is False, so callers need no branch of their own.

`verify_pdf(pdf)` reports every signature embedded in a PDF, ours or an applicant's: who signed, when
(as the signer claims: no timestamp authority), whether the signed bytes are intact and still cover the
document, whether the signer's certificate chains to a configured trust root, and one status among
valid / altered / untrusted (and unsigned for a PDF without signature, see `document_status`).

`init_pki(directory, organisation=...)` makes a test certificate authority and a signing certificate
for tests and the demo (`stttt pki init`). Nothing here uses the network: no timestamp server, no OCSP,
no CRL download.

Settings (all optional; paths to files, never key material in code):
- `STTTT_SIGNING_ENABLED`: False turns signing off; True makes a missing key an error; unset (None)
  signs when a key is configured or generated.
- `STTTT_SIGNING_KEY`: PEM/DER private key, or a PKCS#12 file (`.p12`/`.pfx`) holding key and certificate.
- `STTTT_SIGNING_CERT`: the signer's certificate (PEM/DER); not needed with PKCS#12.
- `STTTT_SIGNING_CHAIN`: intermediate (and root) certificates embedded beside the signer's, one path,
  a comma-separated string or a list.
- `STTTT_SIGNING_PASSPHRASE` (the passphrase) or `STTTT_SIGNING_PASSPHRASE_FILE` (a file holding it).
- `STTTT_SIGNING_TRUST_ROOTS`: PEM/DER file(s) of the roots a signature must chain to.
Without `STTTT_SIGNING_KEY`, the files that `stttt pki init` wrote to `DATA_DIR/pki/` are used when
present, and their root is trusted unless `STTTT_SIGNING_TRUST_ROOTS` says otherwise.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.signers import SimpleSigner

# Names of the files `init_pki` writes (and the defaults read from DATA_DIR/pki/).
ROOT_CERT = "root-ca.pem"
ROOT_KEY = "root-ca.key"
SIGNING_CERT = "signing.pem"
SIGNING_KEY = "signing.key"

PKCS12_SUFFIXES = {".p12", ".pfx"}


class SigningError(Exception):
    """Signing was asked for and could not be done (bad key, wrong passphrase, unreadable PDF)."""


class UnreadablePdf(ValueError):
    """The bytes are not a PDF that can be read; the message is for the user."""


class SignatureStatus(models.TextChoices):
    VALID = "valid", _("Valid signature")
    ALTERED = "altered", _("Altered after signing")
    UNTRUSTED = "untrusted", _("Signer not trusted")
    UNSIGNED = "unsigned", _("Not signed")


class Modification(models.TextChoices):
    """What happened to the document after a signature was made."""

    NONE = "none", _("No change after signing")
    SIGNATURES = "signatures", _("Only signatures, form fields or document properties changed after signing")
    OTHER = "other", _("Content changed after signing")
    UNKNOWN = "unknown", _("Changes after signing could not be analysed")


@dataclass(frozen=True)
class SignatureReport:
    """One embedded signature, as `verify_pdf` found it."""

    field_name: str
    signer_subject: str  # RFC 4514 distinguished name of the signer's certificate
    signer_name: str  # its common name
    issuer_subject: str
    serial_number: str  # hexadecimal
    certificate_not_after: dt.datetime | None
    signing_time: dt.datetime | None  # claimed by the signer (no timestamp authority)
    reason: str
    location: str
    intact: bool  # the signed bytes hash to what was signed and the signature value is correct
    covers_whole_document: bool  # nothing was appended after this signature
    modification: Modification
    trusted: bool  # the certificate chains to a configured trust root (and is valid now)
    status: SignatureStatus
    problems: list[str] = field(default_factory=list)  # translated sentences for the reader

    @property
    def modified_after_signing(self) -> bool:
        return not self.covers_whole_document

    @property
    def status_label(self) -> str:
        return str(self.status.label)


# --- configuration -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningConfig:
    enabled: bool
    key: Path | None = None
    cert: Path | None = None
    chain: tuple[Path, ...] = ()
    passphrase: bytes | None = None
    trust_roots: tuple[Path, ...] = ()


def pki_dir() -> Path:
    """Where `stttt pki init` writes by default: the `pki` folder of the data folder."""
    return Path(settings.DATA_DIR) / "pki"


def _paths(value: Any) -> tuple[Path, ...]:
    if not value:
        return ()
    if isinstance(value, str | Path):
        value = [part.strip() for part in str(value).split(",")]
    return tuple(Path(part) for part in value if str(part).strip())


def _passphrase() -> bytes | None:
    value = getattr(settings, "STTTT_SIGNING_PASSPHRASE", None)
    path = getattr(settings, "STTTT_SIGNING_PASSPHRASE_FILE", None)
    if not value and path:
        try:
            value = Path(path).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise ImproperlyConfigured(f"STTTT_SIGNING_PASSPHRASE_FILE cannot be read: {exc}") from None
    if not value:
        return None
    return value.encode() if isinstance(value, str) else bytes(value)


def signing_config() -> SigningConfig:
    """The signing settings, with the generated files of DATA_DIR/pki/ as defaults."""
    enabled = getattr(settings, "STTTT_SIGNING_ENABLED", None)
    key = getattr(settings, "STTTT_SIGNING_KEY", None)
    roots = _paths(getattr(settings, "STTTT_SIGNING_TRUST_ROOTS", None))
    if key:
        cert = getattr(settings, "STTTT_SIGNING_CERT", None)
        config = SigningConfig(
            enabled=enabled is not False,
            key=Path(key),
            cert=Path(cert) if cert else None,
            chain=_paths(getattr(settings, "STTTT_SIGNING_CHAIN", None)),
            passphrase=_passphrase(),
            trust_roots=roots,
        )
    else:
        folder = pki_dir()
        generated = all((folder / name).is_file() for name in (ROOT_CERT, SIGNING_CERT, SIGNING_KEY))
        if generated:
            config = SigningConfig(
                enabled=enabled is not False,
                key=folder / SIGNING_KEY,
                cert=folder / SIGNING_CERT,
                chain=(folder / ROOT_CERT,),
                trust_roots=roots or (folder / ROOT_CERT,),
            )
        else:
            config = SigningConfig(enabled=False, trust_roots=roots)
    if enabled is True and not config.enabled:
        raise ImproperlyConfigured(
            "STTTT_SIGNING_ENABLED is on but no signing key is configured: set STTTT_SIGNING_KEY "
            "(and STTTT_SIGNING_CERT) or run `stttt pki init`."
        )
    return config


def signing_available() -> bool:
    """True when `sign_pdf` signs (a key is configured and signing is not turned off)."""
    return signing_config().enabled


def configuration_problems() -> list[str]:
    """What is wrong with the signing settings, for `stttt pki check` and a system check; [] when fine."""
    try:
        config = signing_config()
        signer = _load_signer(config) if config.enabled else None
        _trust_roots_from_config(config)
    except (ImproperlyConfigured, SigningError) as exc:
        return [str(exc)]
    if signer is not None:
        assert signer.signing_cert is not None
        not_after = signer.signing_cert["tbs_certificate"]["validity"]["not_after"].native
        if not_after <= dt.datetime.now(dt.UTC):
            return [
                f"The signing certificate expired on {not_after:%Y-%m-%d}: documents would be signed with an "
                "expired certificate."
            ]
    return []


def check_signing(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """A Django system check (register it with `django.core.checks.register`): bad signing settings fail
    `stttt check` and the start of the server instead of the first licence issued."""
    from django.core.checks import Error

    return [Error(problem, id="stttt.signing.E001") for problem in configuration_problems()]


# --- loading keys and certificates -------------------------------------------------------------------


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SigningError(f"The {what} file cannot be read ({path}): {exc.strerror or exc}") from None


def _certificates(data: bytes, source: str) -> list[asn1_x509.Certificate]:
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        certs = list(load_certs_from_pemder_data(data))
    except ValueError:
        certs = []
    if not certs:
        raise SigningError(f"No certificate found in {source}.")
    return certs


def _load_signer(config: SigningConfig) -> SimpleSigner:
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        PublicFormat,
        load_der_private_key,
        load_pem_private_key,
        pkcs12,
    )
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    assert config.key is not None
    others = [cert for path in config.chain for cert in _certificates(_read(path, "certificate chain"), str(path))]
    key_data = _read(config.key, "signing key")
    if config.key.suffix.lower() in PKCS12_SUFFIXES:
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(key_data, config.passphrase)
        except ValueError:
            raise SigningError(f"The PKCS#12 file {config.key} cannot be opened (wrong passphrase?).") from None
        if key is None or cert is None:
            raise SigningError(f"The PKCS#12 file {config.key} holds no key or no certificate.")
        signing_cert = translate_pyca_cryptography_cert_to_asn1(cert)
        others += [translate_pyca_cryptography_cert_to_asn1(c) for c in extra]
    else:
        if config.cert is None:
            raise SigningError("STTTT_SIGNING_CERT must name the signer's certificate.")
        loader = load_pem_private_key if b"-----BEGIN" in key_data else load_der_private_key
        try:
            key = loader(key_data, password=config.passphrase)
        except (ValueError, TypeError) as exc:
            raise SigningError(f"The signing key {config.key} cannot be read ({exc}).") from None
        signing_cert = _certificates(_read(config.cert, "signing certificate"), str(config.cert))[0]
    spki = (Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*spki) != signing_cert.public_key.dump():
        raise SigningError("The signing key does not belong to the signing certificate.")
    return SimpleSigner(
        signing_cert=signing_cert,
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        cert_registry=SimpleCertificateStore.from_certs(others),
    )


def _trust_roots_from_config(config: SigningConfig) -> list[asn1_x509.Certificate]:
    return [cert for path in config.trust_roots for cert in _certificates(_read(path, "trust root"), str(path))]


def load_trust_roots(sources: Iterable[bytes | str | Path]) -> list[asn1_x509.Certificate]:
    """Certificates from PEM/DER data (bytes) or files (str/Path); a PEM may hold several."""
    roots = []
    for source in sources:
        if isinstance(source, bytes):
            roots += _certificates(source, "the trust roots given")
        else:
            roots += _certificates(_read(Path(source), "trust root"), str(source))
    return roots


# --- signing -----------------------------------------------------------------------------------------


def _outside_event_loop(func: Any) -> Any:
    """pyHanko runs its checks with `asyncio.run`, which refuses to start inside a running event loop (an
    async server, a browser-driving test); there the call runs in a worker thread and is waited for."""
    import asyncio
    import concurrent.futures
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return func(*args, **kwargs)
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(func, *args, **kwargs).result()

    return wrapper


@_outside_event_loop
def sign_pdf(pdf: bytes, *, reason: str, location: str, signer_name: str) -> bytes:
    """The PDF with a PAdES baseline signature of the configured certificate appended (an incremental
    update: the original bytes stay as they were). The first signature of a document certifies it and
    allows only later signatures and form filling; every other change shows as "altered".
    Returns `pdf` unchanged when signing is not configured (`signing_available()` is False)."""
    config = signing_config()
    if not config.enabled:
        return pdf
    signer = _load_signer(config)

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        existing = list(fields.enumerate_sig_fields(writer))
        meta = signers.PdfSignatureMetadata(
            field_name=f"Signature{len(existing) + 1}",
            reason=reason,
            location=location,
            name=signer_name,
            md_algorithm="sha256",
            subfilter=SigSeedSubFilter.PADES,
            certify=not existing,
            docmdp_permissions=MDPPerm.FILL_FORMS,
        )
        out = signers.PdfSigner(meta, signer=signer).sign_pdf(writer)
    except (PdfError, ValueError) as exc:
        raise SigningError(f"The PDF cannot be signed: {exc}") from exc
    return out.getvalue()


# --- verification ------------------------------------------------------------------------------------


def _text(sig_object: Any, key: str) -> str:
    value = sig_object.get(key)
    return str(value) if value is not None else ""


def _name(cert: asn1_x509.Certificate) -> tuple[str, str, str]:
    """(subject DN, common name, issuer DN) of a certificate, readable with Vietnamese names."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    parsed = x509.load_der_x509_certificate(cert.dump())
    common = parsed.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return (parsed.subject.rfc4514_string(), str(common[0].value) if common else "", parsed.issuer.rfc4514_string())


def _modification(status: Any) -> Modification:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return Modification.NONE
    level = status.modification_level
    if level is None:
        return Modification.UNKNOWN
    if level == ModificationLevel.NONE:
        return Modification.NONE
    if level in (ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING) and status.docmdp_ok:
        return Modification.SIGNATURES
    return Modification.OTHER


def _judge(status: Any) -> tuple[SignatureStatus, Modification, list[str]]:
    from pyhanko.sign.validation import SignatureCoverageLevel

    problems: list[str] = []
    modification = _modification(status)
    altered = False
    if not (status.intact and status.valid):
        altered = True
        problems.append(
            str(_("The signed content does not match the signature: the document was changed after signing."))
        )
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        altered = True
        problems.append(str(_("The signature does not cover the whole signed revision of the document.")))
    if modification in (Modification.OTHER, Modification.UNKNOWN) or status.docmdp_ok is False:
        altered = True
        problems.append(str(_("The document was changed after it was signed.")))
    if not status.trusted:
        if status.revoked:
            problems.append(str(_("The signer's certificate has been revoked.")))
        else:
            problems.append(
                str(
                    _(
                        "The signer's certificate does not chain to a trusted certification "
                        "authority, or it has expired."
                    )
                )
            )
    if altered:
        return SignatureStatus.ALTERED, modification, problems
    if not status.trusted:
        return SignatureStatus.UNTRUSTED, modification, problems
    return SignatureStatus.VALID, modification, problems


def _broken_input() -> tuple[type[BaseException], ...]:
    """What reading a damaged or hostile PDF raises (pyHanko's own errors and those seen by fuzzing signed
    PDFs); caught only to report the file as unreadable or the signature as not valid."""
    from pyhanko.pdf_utils.misc import PdfError

    return (
        PdfError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        NotImplementedError,
        RecursionError,
        zlib.error,
    )


def _unknown_signature(field_name: str, problem: str) -> SignatureReport:
    return SignatureReport(
        field_name=field_name,
        signer_subject="",
        signer_name="",
        issuer_subject="",
        serial_number="",
        certificate_not_after=None,
        signing_time=None,
        reason="",
        location="",
        intact=False,
        covers_whole_document=False,
        modification=Modification.UNKNOWN,
        trusted=False,
        status=SignatureStatus.ALTERED,
        problems=[problem],
    )


@_outside_event_loop
def verify_pdf(pdf: bytes, *, trust_roots: Sequence[bytes | str | Path] | None = None) -> list[SignatureReport]:
    """A report for each signature embedded in `pdf`, in signing order ([] when it has none).

    `trust_roots`: PEM/DER data or files of the certificates to trust; by default those of
    `STTTT_SIGNING_TRUST_ROOTS` (or the generated test root). No network access: revocation is checked
    only against what the PDF itself carries. Raises `UnreadablePdf` when the bytes are not a PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    roots = load_trust_roots(trust_roots) if trust_roots is not None else _trust_roots_from_config(signing_config())
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        if reader.encrypted:
            raise UnreadablePdf(_("The PDF is encrypted; its signatures cannot be checked."))
        embedded = list(reader.embedded_regular_signatures)
    except _broken_input() as exc:
        if isinstance(exc, UnreadablePdf):
            raise
        raise UnreadablePdf(_("The file is not a readable PDF.")) from exc

    # A signature may use its certificate for signing (digitalSignature) or for non-repudiation.
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    reports = []
    for sig in embedded:
        field_name = sig.field_name or ""
        try:
            context = ValidationContext(trust_roots=list(roots), allow_fetching=False, revocation_mode="soft-fail")
            status = validate_pdf_signature(sig, signer_validation_context=context, key_usage_settings=usage)
        except _broken_input():
            reports.append(_unknown_signature(field_name, str(_("The signature is damaged and cannot be checked."))))
            continue
        verdict, modification, problems = _judge(status)
        cert = status.signing_cert
        subject, common_name, issuer = _name(cert)
        not_after = cert["tbs_certificate"]["validity"]["not_after"].native
        reports.append(
            SignatureReport(
                field_name=field_name,
                signer_subject=subject,
                signer_name=common_name,
                issuer_subject=issuer,
                serial_number=format(cert.serial_number, "x"),
                certificate_not_after=not_after,
                signing_time=status.signer_reported_dt,
                reason=_text(sig.sig_object, "/Reason"),
                location=_text(sig.sig_object, "/Location"),
                intact=bool(status.intact and status.valid),
                covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                modification=modification,
                trusted=bool(status.trusted),
                status=verdict,
                problems=problems,
            )
        )
    return reports


def document_status(reports: Sequence[SignatureReport]) -> SignatureStatus:
    """One status for a whole document: unsigned without signature, else the worst of its signatures."""
    if not reports:
        return SignatureStatus.UNSIGNED
    statuses = {report.status for report in reports}
    for worst in (SignatureStatus.ALTERED, SignatureStatus.UNTRUSTED):
        if worst in statuses:
            return worst
    return SignatureStatus.VALID


# --- a test certificate authority --------------------------------------------------------------------


@dataclass(frozen=True)
class PkiFiles:
    directory: Path
    root_cert: Path
    root_key: Path
    signing_cert: Path
    signing_key: Path
    created: list[str]  # names of the files written by this run ([] when everything was kept)

    def settings(self) -> dict[str, str]:
        """The settings (environment variables) that make stttt sign with these files."""
        return {
            "STTTT_SIGNING_KEY": str(self.signing_key),
            "STTTT_SIGNING_CERT": str(self.signing_cert),
            "STTTT_SIGNING_CHAIN": str(self.root_cert),
            "STTTT_SIGNING_TRUST_ROOTS": str(self.root_cert),
        }


def _write_private(path: Path, data: bytes) -> None:
    """Create `path` readable by its owner only (0600), failing if it exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    path.chmod(0o600)


def _write_public(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def init_pki(
    directory: Path,
    *,
    organisation: str,
    common_name: str = "",
    locality: str = "",
    country: str = "VN",
    ca_name: str = "",
    days: int = 3 * 365,
    key_size: int = 3072,
    valid_from: dt.datetime | None = None,
) -> PkiFiles:
    """A test root CA and a document-signing certificate issued by it, in `directory`.

    Idempotent: files already there are kept (a missing signing certificate is issued again by the
    existing root). `valid_from` backdates the signing certificate (tests of expiry).
    For tests and the demo only: a real agency signs with the certificate of a licensed certification
    authority (docs/signing.md)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    if not organisation.strip():
        raise ValueError("organisation is required")
    if len(country) != 2:
        raise ValueError("country must be a two-letter code")
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    files = PkiFiles(
        directory,
        directory / ROOT_CERT,
        directory / ROOT_KEY,
        directory / SIGNING_CERT,
        directory / SIGNING_KEY,
        created=[],
    )
    have_root = files.root_cert.is_file()
    have_signing = files.signing_cert.is_file() and files.signing_key.is_file()
    if have_root and have_signing:
        return files

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    pem = serialization.Encoding.PEM
    unencrypted = serialization.NoEncryption()
    pkcs8 = serialization.PrivateFormat.PKCS8

    def name(cn: str) -> x509.Name:
        parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, country.upper())]
        if locality:
            parts.append(x509.NameAttribute(NameOID.LOCALITY_NAME, locality))
        parts += [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
        return x509.Name(parts)

    if have_root:
        if not files.root_key.is_file():
            raise ValueError(f"{files.root_key} is missing: the signing certificate cannot be issued again")
        root_cert = x509.load_pem_x509_certificate(files.root_cert.read_bytes())
        loaded_key = serialization.load_pem_private_key(files.root_key.read_bytes(), password=None)
        if not isinstance(loaded_key, rsa.RSAPrivateKey):
            raise ValueError(f"{files.root_key} is not an RSA key")
        root_key = loaded_key
    else:
        root_key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
        root_name = name(ca_name or f"stttt test CA - {organisation}")
        root_cert = (
            x509.CertificateBuilder()
            .subject_name(root_name)
            .issuer_name(root_name)
            .public_key(root_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=max(days, 1) * 3))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256())
        )
        if files.root_key.exists():
            files.root_key.unlink()
        _write_private(files.root_key, root_key.private_bytes(pem, pkcs8, unencrypted))
        _write_public(files.root_cert, root_cert.public_bytes(pem))
        files.created.extend([ROOT_KEY, ROOT_CERT])

    if not have_signing or not have_root:  # a new root issues a new signing certificate
        start = valid_from or now - dt.timedelta(minutes=5)
        signing_key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
        signing_cert = (
            x509.CertificateBuilder()
            .subject_name(name(common_name or organisation))
            .issuer_name(root_cert.subject)
            .public_key(signing_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(min(start + dt.timedelta(days=max(days, 1)), root_cert.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(signing_key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256())
        )
        for path in (files.signing_key, files.signing_cert):
            if path.exists():
                path.unlink()
        _write_private(files.signing_key, signing_key.private_bytes(pem, pkcs8, unencrypted))
        _write_public(files.signing_cert, signing_cert.public_bytes(pem))
        files.created.extend([SIGNING_KEY, SIGNING_CERT])
    return files
