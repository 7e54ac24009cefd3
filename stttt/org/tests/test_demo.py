"""The demo organisation loads, satisfies every rule, and loading it again changes nothing."""

import datetime
import io

from stttt.org import demo, selectors
from stttt.org.choices import Severity
from stttt.org.models import Assignment, ReorgEvent, UnitFunction


def test_demo_loads_without_errors_and_is_idempotent(db):
    logins = demo.load(io.StringIO())
    assert {"giamdoc", "phogiamdoc1", "truongphong_ttbcxb", "chuyenvien_ttbcxb"} <= {x.username for x in logins}
    agency = selectors.agency_get("STTTT-BP")
    for day in (
        datetime.date(2023, 3, 3),
        datetime.date(2025, 8, 5),
        datetime.date(2026, 12, 8),
        datetime.date(2026, 6, 1),
    ):
        errors = [f for f in selectors.findings_at(agency, day) if f.severity == Severity.ERROR]
        assert errors == [], (day, errors)
    count = Assignment.objects.count()
    history = sum(m.history.count() for m in (Assignment,))
    out = io.StringIO()
    demo.load(out)
    assert Assignment.objects.count() == count
    assert sum(m.history.count() for m in (Assignment,)) == history
    assert "'created': {}" in out.getvalue()


def test_demo_gazette_function_left_the_centre_on_3_march_2023(db):
    demo.load(io.StringIO())
    gazette = UnitFunction.objects.get(title="Công báo tỉnh")
    assert gazette.valid_to == datetime.date(2023, 3, 2)
    assert "Trung tâm Phục vụ hành chính công" in gazette.transferred_to_external
    assert ReorgEvent.objects.filter(kind="transfer_function", effective_on=datetime.date(2023, 3, 3)).exists()
