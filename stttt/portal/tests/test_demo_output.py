"""The demo: nothing filed or received in the future, tracking codes printed on every run and easy to
copy by hand, no raw e-mail or Python structure printed."""

import io
import re

import pytest
from django.conf import settings
from django.utils import timezone

from stttt.core.demo import load_all
from stttt.portal import rules
from stttt.portal.models import Submission
from stttt.procedures.models import Dossier

pytestmark = pytest.mark.django_db
LINE = re.compile(r"portal: .*?(HS-[0-9A-Z]+).*? ([0-9A-Z]{12})$", re.M)


def test_demo_prints_tracking_codes_every_run_and_nothing_in_the_future(settings_email_console):
    first, second = io.StringIO(), io.StringIO()
    load_all(first)
    load_all(second)
    for out in (first.getvalue(), second.getvalue()):
        found = LINE.findall(out)
        assert len(found) == Submission.objects.count() >= 1, out
        for reference, secret in found:
            assert not set(secret) & set("01IlOo_-") and not set(reference[3:]) & set("01IlOo_-")
            stored = Submission.objects.get(reference=reference).secret_hash
            assert rules.secret_matches(secret, stored, settings.SECRET_KEY)
            assert rules.secret_matches(secret.lower(), stored, settings.SECRET_KEY)
        assert "Content-Type:" not in out and "MIME-Version" not in out
        ours = [line for line in out.splitlines() if line.startswith(("portal:", "procedures:"))]
        assert ours and not any("{'" in line for line in ours)  # org's own summary is org's to word
    now = timezone.now()
    assert not Dossier.objects.filter(submitted_at__gt=now).exists()
    assert not Dossier.objects.filter(received_at__gt=now).exists()


@pytest.fixture
def settings_email_console(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    yield
    printed = capsys.readouterr().out
    assert "Content-Type:" not in printed, printed[:2000]
