"""`stttt pki`: the test certificate authority and signed PDFs (see docs/signing.md).

stttt pki init [--dir DIR] [--organisation NAME] [--locality PLACE]   test CA + signing certificate
stttt pki check                                                       is signing configured and usable?
stttt pki sign IN.pdf OUT.pdf --reason ... [--location ...] [--signer-name ...]
stttt pki verify FILE.pdf [--trust-root PEM ...]                      report each signature
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from stttt.core import signing

# The kind of agency, not a particular one: name the agency with --organisation and --locality.
DEFAULT_ORGANISATION = "Sở Thông tin và Truyền thông"


def _read_pdf(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}, returncode=2
        ) from None


class Command(BaseCommand):
    help = "Test certificate authority, signing and verification of PDF documents."
    # Runs even when the signing system check fails: it is the tool that repairs and explains that failure.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        init = sub.add_parser("init", help="Create a test root CA and a signing certificate (keeps existing files).")
        init.add_argument("--dir", help="Folder for the files (default: the data folder's pki/)")
        init.add_argument(
            "--organisation", help=f"Organisation (O) of the certificates (default: {DEFAULT_ORGANISATION})"
        )
        init.add_argument("--common-name", default="", help="Common name (CN) of the signing certificate")
        init.add_argument("--locality", default="", help="Locality (L), e.g. the province")
        init.add_argument("--country", default="VN", help="Two-letter country code (default VN)")
        init.add_argument("--days", type=int, default=3 * 365, help="Validity of the signing certificate in days")
        sub.add_parser("check", help="Check the signing settings: key, certificate and trust roots.")
        sign = sub.add_parser("sign", help="Sign a PDF with the configured certificate.")
        sign.add_argument("input")
        sign.add_argument("output")
        sign.add_argument("--reason", required=True)
        sign.add_argument("--location", default="")
        sign.add_argument("--signer-name", default="")
        verify = sub.add_parser("verify", help="Report the signatures of a PDF.")
        verify.add_argument("file")
        verify.add_argument(
            "--trust-root",
            action="append",
            default=None,
            help="PEM/DER file of a trusted root (repeatable; default: the configured roots)",
        )

    def handle(self, *args, **options):
        getattr(self, f"do_{options['verb']}")(options)

    def do_init(self, options) -> None:
        folder = Path(options["dir"]) if options["dir"] else signing.pki_dir()
        organisation = options["organisation"] or DEFAULT_ORGANISATION
        if not 1 <= options["days"] <= 20 * 365:
            raise CommandError(_("The validity must be between 1 and 7300 days."), returncode=2)
        try:
            files = signing.init_pki(
                folder,
                organisation=organisation,
                common_name=options["common_name"],
                locality=options["locality"],
                country=options["country"],
                days=options["days"],
            )
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        if options["verbosity"] == 0:
            return
        if files.created:
            self.stdout.write(
                _("Test certificate authority written to %(dir)s: %(files)s")
                % {"dir": files.directory, "files": ", ".join(files.created)}
            )
        else:
            self.stdout.write(_("Test certificate authority in %(dir)s kept as it was.") % {"dir": files.directory})
        if folder.resolve() == signing.pki_dir().resolve():
            self.stdout.write(_("stttt signs with these files when no STTTT_SIGNING_KEY is set. Explicitly:"))
        else:
            self.stdout.write(_("To sign with these files, set:"))
        for name, value in files.settings().items():
            self.stdout.write(f"{name}={value}")

    def do_check(self, options) -> None:
        problems = signing.configuration_problems()
        if problems:
            raise CommandError("\n".join(problems), returncode=1)
        config = signing.signing_config()
        if not config.enabled:
            self.stdout.write(_("Signing is off: documents are issued unsigned."))
        else:
            self.stdout.write(_("Signing with %(key)s") % {"key": config.key})
        roots = ", ".join(str(path) for path in config.trust_roots) or _("none")
        self.stdout.write(_("Trust roots: %(roots)s") % {"roots": roots})

    def do_sign(self, options) -> None:
        if not signing.signing_available():
            raise CommandError(
                _("Signing is not configured (run `stttt pki init` or set STTTT_SIGNING_KEY)."), returncode=2
            )
        pdf = _read_pdf(options["input"])
        try:
            signed = signing.sign_pdf(
                pdf, reason=options["reason"], location=options["location"], signer_name=options["signer_name"]
            )
        except signing.SigningError as exc:
            raise CommandError(str(exc), returncode=2) from None
        Path(options["output"]).write_bytes(signed)

    def do_verify(self, options) -> None:
        pdf = _read_pdf(options["file"])
        try:
            reports = signing.verify_pdf(pdf, trust_roots=options["trust_root"])
        except signing.UnreadablePdf as exc:
            raise CommandError(str(exc), returncode=2) from None
        except signing.SigningError as exc:
            raise CommandError(str(exc), returncode=2) from None
        for report in reports:
            when = report.signing_time.isoformat() if report.signing_time else "-"
            self.stdout.write(f"{report.field_name}\t{report.status.value}\t{report.signer_subject}\t{when}")
            self.stdout.write(f"\t{report.modification.label}")
            for problem in report.problems:
                self.stdout.write(f"\t{problem}")
        status = signing.document_status(reports)
        self.stdout.write(f"{status.value}\t{status.label}")
        if status != signing.SignatureStatus.VALID:
            raise CommandError(str(status.label), returncode=1)
