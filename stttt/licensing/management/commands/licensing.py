"""`stttt licensing`: expiry warnings, the registers and their open-data exports."""

from __future__ import annotations

import datetime as dt
import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from stttt.licensing import exports, selectors, services
from stttt.licensing.kinds import KINDS
from stttt.org.models import Agency
from stttt.org.selectors import OrgNotFound, agency_get


def _days(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise CommandError(
            _("Write the days as whole numbers separated by commas, e.g. 60,30,7."), returncode=2
        ) from None
    if not values or min(values) < 0:
        raise CommandError(_("Write the days as whole numbers separated by commas, e.g. 60,30,7."), returncode=2)
    return values


def _agency(code: str | None, *, default: bool) -> Agency | None:
    """The agency named by `--agency`; without it, the installation's default agency (or None: every one)."""
    if not code and not default:
        return None
    try:
        return agency_get(code or settings.STTTT_DEFAULT_AGENCY or None)
    except OrgNotFound:
        raise CommandError(
            _("Unknown agency: %(code)s.") % {"code": code or settings.STTTT_DEFAULT_AGENCY}, returncode=2
        ) from None


def _date(text: str | None) -> dt.date:
    if not text:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(_("Write the date as YYYY-MM-DD."), returncode=2) from None


class Command(BaseCommand):
    help = "Licences: expiry warnings, registers and open-data exports."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        warn = sub.add_parser("warn-expiring", help="E-mail holders and staff about licences about to expire.")
        warn.add_argument("--days", help="Days before expiry, e.g. 60,30,7 (default: STTTT_LICENCE_WARNING_DAYS).")
        warn.add_argument("--today", help="YYYY-MM-DD (default: today).")
        warn.add_argument("--base-url", default="", help="Public address of the site, for the links.")
        warn.add_argument("--agency", default="", help="Agency code (default: every agency, each to its own staff).")
        reg = sub.add_parser("register", help="List or export a register.")
        reg.add_argument("kind", help="Kind code, or 3.8.c for the lists of provision 3.8.c.")
        reg.add_argument("--format", choices=["text", "csv", "json"], default="text")
        reg.add_argument("--status", default="")
        reg.add_argument("--agency", default="", help="Agency code (default: the installation's default agency).")

    def handle(self, *args, **options):
        if options["verb"] == "warn-expiring":
            days = _days(options["days"]) if options.get("days") else None
            try:
                sent = services.expiry_warnings_send(
                    today=_date(options.get("today")),
                    thresholds=days,
                    base_url=options.get("base_url") or "",
                    agency=_agency(options.get("agency"), default=False),
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages), returncode=2) from None
            for warning in sent:
                self.stdout.write(
                    f"{warning.licence.number}\t-{warning.days_before}\t{warning.valid_until}\t{warning.recipients}"
                )
            self.stdout.write(_("%(count)d warnings sent.") % {"count": len(sent)})
        elif options["verb"] == "register":
            kinds = ["game_point", "online_game"] if options["kind"] == "3.8.c" else [options["kind"]]
            if any(k not in KINDS for k in kinds):
                raise CommandError(
                    _("Unknown kind of licence. Known: %(kinds)s") % {"kinds": ", ".join(KINDS)}, returncode=2
                )
            today = timezone.localdate()
            agency = _agency(options.get("agency"), default=True)
            rows = [
                exports.public_row(licence, today, selectors.verification_url(licence))
                for licence in selectors.register(kinds, agency=agency, status=options["status"])
            ]
            if options["format"] == "csv":
                sys.stdout.flush()
                self.stdout.write(exports.to_csv(rows).decode("utf-8").lstrip("\ufeff"), ending="")
            elif options["format"] == "json":
                self.stdout.write(exports.to_json(rows, title=options["kind"], generated=today).decode("utf-8"))
            else:
                for row in rows:
                    self.stdout.write(f"{row['number']}\t{row['status']}\t{row['valid_until']}\t{row['holder_name']}")
