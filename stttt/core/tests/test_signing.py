"""Signed documents: real keys, real PAdES signatures, real verification (no mocks)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import io
import stat
from pathlib import Path

import pypdf
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

from stttt.core import signing
from stttt.core.documents import Document, Paragraph, Signature, to_pdf
from stttt.core.signing import Modification, SignatureStatus

ORGANISATION = "Sở Thông tin và Truyền thông"

SIGNING_SETTINGS = (
    "STTTT_SIGNING_ENABLED",
    "STTTT_SIGNING_KEY",
    "STTTT_SIGNING_CERT",
    "STTTT_SIGNING_CHAIN",
    "STTTT_SIGNING_PASSPHRASE",
    "STTTT_SIGNING_PASSPHRASE_FILE",
    "STTTT_SIGNING_TRUST_ROOTS",
)


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> signing.PkiFiles:
    return signing.init_pki(
        tmp_path_factory.mktemp("pki"), organisation=ORGANISATION, locality="Tỉnh Thử Nghiệm", key_size=2048
    )


@pytest.fixture(scope="session")
def other_pki(tmp_path_factory) -> signing.PkiFiles:
    return signing.init_pki(
        tmp_path_factory.mktemp("other-pki"),
        organisation="Công ty Cổ phần Ví Dụ",
        common_name="Nguyễn Thị Bình",
        key_size=2048,
    )


@pytest.fixture
def no_signing(settings, tmp_path):
    """No signing setting and an empty data folder, whatever the machine's environment holds."""
    for name in SIGNING_SETTINGS:
        if hasattr(settings, name):
            delattr(settings, name)
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    return settings


@pytest.fixture
def configured(no_signing, pki):
    for name, value in pki.settings().items():
        setattr(no_signing, name, value)
    return no_signing


@pytest.fixture(scope="session")
def licence_pdf() -> bytes:
    return to_pdf(
        Document(
            issuer_parent="UBND TỈNH THỬ NGHIỆM",
            issuer=ORGANISATION,
            number="01/GP-STTTT",
            place="Thử Nghiệm",
            date=dt.date(2026, 3, 2),
            title="Giấy phép xuất bản bản tin",
            summary="Bản tin Ví Dụ",
            blocks=[Paragraph("Cho phép xuất bản bản tin Ví Dụ.")],
            signatures=[Signature(title="Giám đốc", name="Trần Văn An")],
        )
    )


def sign(pdf: bytes) -> bytes:
    return signing.sign_pdf(pdf, reason="Cấp giấy phép", location="Tỉnh Thử Nghiệm", signer_name="Trần Văn An")


def flip(data: bytes, marker: bytes) -> bytes:
    at = data.index(marker)
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def incremental(pdf: bytes, change) -> bytes:
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert data.startswith(pdf), "an incremental update keeps the signed bytes"
    return data


def add_text_to_first_page(writer: pypdf.PdfWriter) -> None:
    page = writer.pages[0]
    forged = DecodedStreamObject()
    forged.set_data(b"BT /F1 24 Tf 100 100 Td (HET HIEU LUC) Tj ET")
    contents = page["/Contents"]
    page[NameObject("/Contents")] = ArrayObject(
        [*(contents if isinstance(contents, ArrayObject) else [contents]), writer._add_object(forged)]
    )


# --- signing and verifying our own documents ---------------------------------------------------------


def test_a_signed_licence_verifies_as_valid_and_trusted(configured, licence_pdf):
    assert signing.signing_available()
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    signed = sign(licence_pdf)
    assert signed != licence_pdf and signed.startswith(licence_pdf[:1024])
    assert b"/ETSI.CAdES.detached" in signed, "PAdES baseline sub-filter"

    [report] = signing.verify_pdf(signed)
    assert report.status == SignatureStatus.VALID
    assert report.intact and report.trusted and report.covers_whole_document
    assert not report.modified_after_signing and report.modification == Modification.NONE
    assert report.signer_name == ORGANISATION
    assert "O=Sở Thông tin và Truyền thông" in report.signer_subject
    assert report.issuer_subject.startswith("CN=stttt test CA")
    assert report.reason == "Cấp giấy phép" and report.location == "Tỉnh Thử Nghiệm"
    assert report.signing_time is not None and before <= report.signing_time <= dt.datetime.now(dt.UTC)
    assert report.problems == []
    assert signing.document_status([report]) == SignatureStatus.VALID
    assert len(pypdf.PdfReader(io.BytesIO(signed)).pages) == len(pypdf.PdfReader(io.BytesIO(licence_pdf)).pages)


def test_a_flipped_byte_in_the_signed_content_is_reported_altered(configured, licence_pdf):
    signed = sign(licence_pdf)
    tampered = flip(signed, b"WeasyPrint")  # the producer string, inside the signed byte range
    [report] = signing.verify_pdf(tampered)
    assert report.status == SignatureStatus.ALTERED
    assert not report.intact
    assert signing.document_status([report]) == SignatureStatus.ALTERED


def test_a_different_trust_root_makes_the_signature_untrusted(configured, other_pki, licence_pdf):
    signed = sign(licence_pdf)
    [report] = signing.verify_pdf(signed, trust_roots=[other_pki.root_cert])
    assert report.status == SignatureStatus.UNTRUSTED
    assert report.intact and not report.trusted
    assert report.problems

    configured.STTTT_SIGNING_TRUST_ROOTS = str(other_pki.root_cert)
    [report] = signing.verify_pdf(signed)
    assert report.status == SignatureStatus.UNTRUSTED
    # trust roots as data, several in one PEM: ours among them makes it trusted again
    both = other_pki.root_cert.read_bytes() + Path(configured.STTTT_SIGNING_CHAIN).read_bytes()
    [report] = signing.verify_pdf(signed, trust_roots=[both])
    assert report.status == SignatureStatus.VALID


def test_no_trust_root_at_all_trusts_nothing(configured, licence_pdf):
    signed = sign(licence_pdf)
    [report] = signing.verify_pdf(signed, trust_roots=[])
    assert report.status == SignatureStatus.UNTRUSTED


def test_an_unsigned_pdf_has_no_signature(configured, licence_pdf):
    assert signing.verify_pdf(licence_pdf) == []
    assert signing.document_status([]) == SignatureStatus.UNSIGNED


def test_content_added_after_signing_is_reported_altered(configured, licence_pdf):
    modified = incremental(sign(licence_pdf), add_text_to_first_page)
    [report] = signing.verify_pdf(modified)
    assert report.intact, "the signed revision itself is untouched"
    assert report.modified_after_signing and not report.covers_whole_document
    assert report.modification == Modification.OTHER
    assert report.status == SignatureStatus.ALTERED


def test_properties_changed_after_signing_are_reported(configured, licence_pdf):
    modified = incremental(sign(licence_pdf), lambda writer: writer.add_metadata({"/Title": "Khác"}))
    [report] = signing.verify_pdf(modified)
    assert report.modified_after_signing
    assert report.modification == Modification.SIGNATURES
    assert report.status == SignatureStatus.VALID


def test_a_second_signature_keeps_the_first_valid_and_says_something_was_added(configured, licence_pdf):
    twice = sign(sign(licence_pdf))
    first, second = signing.verify_pdf(twice)
    assert first.field_name != second.field_name
    assert first.status == second.status == SignatureStatus.VALID
    assert first.modified_after_signing and first.modification == Modification.SIGNATURES
    assert second.covers_whole_document
    # and a change after both alters both
    first, second = signing.verify_pdf(incremental(twice, add_text_to_first_page))
    assert first.status == second.status == SignatureStatus.ALTERED


def test_bytes_that_are_not_a_pdf_are_refused_with_a_message(configured):
    for data in (b"", b"not a pdf", b"%PDF-1.7\n1 0 obj\n<<"):
        with pytest.raises(signing.UnreadablePdf):
            signing.verify_pdf(data)


def test_problems_and_labels_are_in_vietnamese(configured, other_pki, licence_pdf):
    signed = sign(licence_pdf)
    with translation.override("vi"):
        [report] = signing.verify_pdf(signed, trust_roots=[other_pki.root_cert])
        assert str(report.status.label) == "Người ký không được tin cậy"
        assert "chứng thư số" in report.problems[0].lower()


# --- a PDF signed elsewhere (an applicant's upload) ---------------------------------------------------


def pdf_made_by_pypdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def applicant_signed(other_pki: signing.PkiFiles) -> bytes:
    """An approval signature (adbe.pkcs7.detached, no certification) by another CA, made with pyHanko."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(
        str(other_pki.signing_key), str(other_pki.signing_cert), ca_chain_files=(str(other_pki.root_cert),)
    )
    meta = signers.PdfSignatureMetadata(field_name="ApplicantSignature", reason="Đề nghị cấp phép")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_made_by_pypdf()))
    # pyHanko signs through asyncio.run, which a browser test's loop left running in this worker refuses.
    return in_own_thread(lambda: signers.PdfSigner(meta, signer=signer).sign_pdf(writer).getvalue())


def in_own_thread(func):
    """`func()` run in a fresh thread, where no event loop runs whatever earlier tests left behind."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(func).result()


def test_an_uploaded_pdf_signed_by_another_authority(configured, other_pki):
    uploaded = applicant_signed(other_pki)
    [report] = signing.verify_pdf(uploaded)
    assert report.status == SignatureStatus.UNTRUSTED, "its authority is not among ours"
    assert report.intact and report.signer_name == "Nguyễn Thị Bình"
    [report] = signing.verify_pdf(uploaded, trust_roots=[other_pki.root_cert])
    assert report.status == SignatureStatus.VALID
    assert report.field_name == "ApplicantSignature" and report.reason == "Đề nghị cấp phép"
    [report] = signing.verify_pdf(flip(uploaded, b"595"), trust_roots=[other_pki.root_cert])
    assert report.status == SignatureStatus.ALTERED


def test_we_countersign_an_uploaded_signed_pdf(configured, other_pki):
    both = sign(applicant_signed(other_pki))
    theirs, ours = signing.verify_pdf(both, trust_roots=[other_pki.root_cert, Path(configured.STTTT_SIGNING_CHAIN)])
    assert theirs.status == ours.status == SignatureStatus.VALID
    assert theirs.modification == Modification.SIGNATURES


# --- configuration -----------------------------------------------------------------------------------


def test_without_configuration_the_pdf_is_returned_unchanged(no_signing, licence_pdf):
    assert not signing.signing_available()
    assert sign(licence_pdf) is licence_pdf
    assert signing.configuration_problems() == []


def test_settings_read_from_an_empty_environment_mean_not_configured(no_signing, pki, licence_pdf):
    for name in SIGNING_SETTINGS:
        setattr(no_signing, name, "")
    no_signing.STTTT_SIGNING_ENABLED = None
    no_signing.STTTT_SIGNING_CHAIN = []
    no_signing.STTTT_SIGNING_TRUST_ROOTS = []
    assert not signing.signing_available() and sign(licence_pdf) is licence_pdf
    no_signing.STTTT_SIGNING_KEY = str(pki.signing_key)
    no_signing.STTTT_SIGNING_CERT = str(pki.signing_cert)
    [report] = signing.verify_pdf(sign(licence_pdf))
    assert report.status == SignatureStatus.UNTRUSTED, "an explicit key brings no trust root of its own"


def test_signing_can_be_turned_off(configured, licence_pdf):
    configured.STTTT_SIGNING_ENABLED = False
    assert not signing.signing_available()
    assert sign(licence_pdf) is licence_pdf


def test_signing_required_but_not_configured_is_an_error(no_signing, licence_pdf):
    no_signing.STTTT_SIGNING_ENABLED = True
    with pytest.raises(ImproperlyConfigured):
        sign(licence_pdf)
    assert signing.configuration_problems()


def test_a_key_that_does_not_match_the_certificate_is_refused(configured, other_pki, licence_pdf):
    configured.STTTT_SIGNING_KEY = str(other_pki.signing_key)
    with pytest.raises(signing.SigningError, match="does not belong"):
        sign(licence_pdf)
    assert signing.configuration_problems()


def test_an_expired_signing_certificate_is_a_configuration_problem(no_signing, tmp_path):
    files = signing.init_pki(tmp_path / "pki", organisation=ORGANISATION, key_size=2048)
    for name, value in files.settings().items():
        setattr(no_signing, name, value)
    assert signing.configuration_problems() == [] and signing.check_signing() == []
    files.signing_cert.unlink()
    files.signing_key.unlink()
    signing.init_pki(
        tmp_path / "pki",
        organisation=ORGANISATION,
        key_size=2048,
        days=2,
        valid_from=dt.datetime.now(dt.UTC) - dt.timedelta(days=10),
    )
    [problem] = signing.configuration_problems()
    assert "expired" in problem
    [error] = signing.check_signing()
    assert error.id == "stttt.signing.E001"
    [report] = signing.verify_pdf(sign(pdf_made_by_pypdf()))
    assert report.intact and report.status == SignatureStatus.UNTRUSTED, "no timestamp: checked at today's date"


def test_a_missing_key_file_is_reported(configured, tmp_path, licence_pdf):
    configured.STTTT_SIGNING_KEY = str(tmp_path / "absent.key")
    with pytest.raises(signing.SigningError, match="cannot be read"):
        sign(licence_pdf)


def _load_pair(pki: signing.PkiFiles):
    from cryptography import x509

    key = serialization.load_pem_private_key(pki.signing_key.read_bytes(), password=None)
    return key, x509.load_pem_x509_certificate(pki.signing_cert.read_bytes())


def test_a_pkcs12_file_with_a_passphrase_from_a_file(configured, pki, tmp_path, licence_pdf):
    key, cert = _load_pair(pki)
    bundle = tmp_path / "department.p12"
    bundle.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"department", key, cert, None, serialization.BestAvailableEncryption(b"mat-khau")
        )
    )
    secret = tmp_path / "passphrase"
    secret.write_text("mat-khau\n")
    configured.STTTT_SIGNING_KEY = str(bundle)
    configured.STTTT_SIGNING_CERT = None
    configured.STTTT_SIGNING_PASSPHRASE_FILE = str(secret)
    [report] = signing.verify_pdf(sign(licence_pdf))
    assert report.status == SignatureStatus.VALID

    secret.write_text("sai")
    with pytest.raises(signing.SigningError, match="PKCS#12"):
        sign(licence_pdf)


def test_an_encrypted_pem_key_with_its_passphrase(configured, pki, tmp_path, licence_pdf):
    key, _cert = _load_pair(pki)
    encrypted = tmp_path / "signing-encrypted.key"
    encrypted.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"mat-khau"),
        )
    )
    configured.STTTT_SIGNING_KEY = str(encrypted)
    configured.STTTT_SIGNING_PASSPHRASE = "mat-khau"
    [report] = signing.verify_pdf(sign(licence_pdf))
    assert report.status == SignatureStatus.VALID
    configured.STTTT_SIGNING_PASSPHRASE = "sai"
    with pytest.raises(signing.SigningError):
        sign(licence_pdf)


# --- the test certificate authority ------------------------------------------------------------------


def test_pki_init_writes_a_ca_that_signing_uses_by_default(no_signing, licence_pdf):
    out = io.StringIO()
    call_command("pki", "init", "--organisation", ORGANISATION, "--locality", "Tỉnh Thử Nghiệm", stdout=out)
    folder = Path(no_signing.DATA_DIR) / "pki"
    assert "STTTT_SIGNING_KEY=" in out.getvalue()
    for name in (signing.ROOT_KEY, signing.SIGNING_KEY):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    contents = {
        name: (folder / name).read_bytes()
        for name in (signing.ROOT_CERT, signing.ROOT_KEY, signing.SIGNING_CERT, signing.SIGNING_KEY)
    }

    assert signing.signing_available()
    [report] = signing.verify_pdf(sign(licence_pdf))
    assert report.status == SignatureStatus.VALID
    assert "L=Tỉnh Thử Nghiệm" in report.signer_subject

    out = io.StringIO()
    call_command("pki", "init", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert {name: (folder / name).read_bytes() for name in contents} == contents, "a second run keeps the keys"


def test_pki_init_issues_a_missing_signing_certificate_from_the_existing_root(tmp_path):
    first = signing.init_pki(tmp_path, organisation=ORGANISATION, key_size=2048)
    root = first.root_cert.read_bytes()
    first.signing_cert.unlink()
    again = signing.init_pki(tmp_path, organisation=ORGANISATION, key_size=2048)
    assert again.created == [signing.SIGNING_KEY, signing.SIGNING_CERT]
    assert again.root_cert.read_bytes() == root


def test_pki_init_in_another_folder_prints_the_settings(no_signing, tmp_path):
    out = io.StringIO()
    call_command("pki", "init", "--dir", str(tmp_path / "elsewhere"), stdout=out)
    assert f"STTTT_SIGNING_TRUST_ROOTS={tmp_path / 'elsewhere' / signing.ROOT_CERT}" in out.getvalue()
    assert not signing.signing_available(), "only the data folder's pki/ is a default"
    with pytest.raises(CommandError) as error:
        call_command("pki", "init", "--dir", str(tmp_path / "bad"), "--country", "VNM", stdout=io.StringIO())
    assert error.value.returncode == 2


def test_pki_sign_verify_and_check_commands(configured, other_pki, tmp_path, licence_pdf):
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(licence_pdf)
    call_command("pki", "sign", str(source), str(target), "--reason", "Cấp giấy phép")
    out = io.StringIO()
    call_command("pki", "verify", str(target), stdout=out)
    assert "\tvalid\t" in out.getvalue()
    with pytest.raises(CommandError) as error:
        call_command("pki", "verify", str(target), "--trust-root", str(other_pki.root_cert), stdout=io.StringIO())
    assert error.value.returncode == 1
    with pytest.raises(CommandError) as error:
        call_command("pki", "verify", str(tmp_path / "absent.pdf"), stdout=io.StringIO())
    assert error.value.returncode == 2
    out = io.StringIO()
    call_command("pki", "check", stdout=out)
    assert str(configured.STTTT_SIGNING_KEY) in out.getvalue()


def test_signing_and_verifying_work_inside_a_running_event_loop(configured, licence_pdf):
    """A browser-driving test or an async server keeps an event loop running in the thread."""
    import asyncio

    async def inside():
        signed = sign(licence_pdf)
        return signing.verify_pdf(signed)

    [report] = in_own_thread(lambda: asyncio.run(inside()))
    assert report.status == SignatureStatus.VALID
