"""Delegations of signature (Decree 30/2020 Art. 13(3)-(4)): the Director records and ends them, the refusals
at their boundaries, the page, the API and the command line, and a TL. delegation printing "TL." on the
unit head's signature."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from stttt.accounts.models import User
from stttt.correspondence import rules, services
from stttt.correspondence.models import Delegation
from stttt.correspondence.render import document_of
from stttt.org import services as org_services
from stttt.org.powers import forget_powers

pytestmark = pytest.mark.django_db
JAN_1, JAN_31, FEB_1 = dt.date(2027, 1, 1), dt.date(2027, 1, 31), dt.date(2027, 2, 1)
API = "/api/v1/correspondence/delegations/"


def delegate(dept, *, actor=None, **extra):
    values = dict(
        actor=actor or dept.director,
        unit=dept.division,
        kind="tl",
        doc_types=["CV", "TB"],
        start_on=JAN_1,
        end_on=JAN_31,
        basis="Quyết định số 12/QĐ-STTTT ngày 28/12/2026 ban hành Quy chế công tác văn thư",
    )
    values.update(extra)
    return services.delegation_create(**values)


def refused_on(field, call):
    with pytest.raises(ValidationError) as caught:
        call()
    errors = caught.value.message_dict if hasattr(caught.value, "error_dict") else {"__all__": caught.value.messages}
    assert field in errors, errors
    return errors[field]


# --- Rules, without the database -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((JAN_1, JAN_31), (JAN_31, None), True),  # the boundary day is shared
        ((JAN_1, JAN_31), (FEB_1, None), False),
        ((JAN_1, None), (dt.date(2030, 1, 1), dt.date(2030, 1, 1)), True),
        ((FEB_1, FEB_1), (JAN_1, JAN_31), False),
        ((JAN_31, JAN_31), (JAN_1, JAN_31), True),
    ],
)
def test_periods_overlap_with_both_ends_included(a, b, overlap):
    assert rules.periods_overlap(*a, *b) is overlap
    assert rules.periods_overlap(*b, *a) is overlap


def test_conflicts_need_the_same_unit_kind_a_shared_type_and_a_shared_day():
    held = rules.DelegationTerms("7", "tl", frozenset({"CV", "TB"}), JAN_1, JAN_31, ref=1)
    new = rules.DelegationTerms("7", "tl", frozenset({"TB"}), JAN_31, None)
    assert rules.delegation_conflicts(new, [held]) == [held]
    assert rules.delegation_conflicts(rules.DelegationTerms("7", "tl", frozenset({"TB"}), FEB_1), [held]) == []
    assert rules.delegation_conflicts(rules.DelegationTerms("7", "tl", frozenset({"GM"}), JAN_1), [held]) == []
    assert rules.delegation_conflicts(rules.DelegationTerms("7", "tuq", frozenset({"CV"}), JAN_1), [held]) == []
    assert rules.delegation_conflicts(rules.DelegationTerms("8", "tl", frozenset({"CV"}), JAN_1), [held]) == []
    # an old record without types covers every type; a record is not in conflict with itself
    every = rules.DelegationTerms("7", "tl", frozenset(), JAN_1, None, ref=2)
    assert rules.delegation_conflicts(rules.DelegationTerms("7", "tl", frozenset({"GM"}), FEB_1), [every]) == [every]
    assert rules.delegation_conflicts(held, [held]) == []


def test_dates_end_and_state_rules():
    assert rules.dates_in_order(JAN_1, JAN_1) and rules.dates_in_order(JAN_1, None)
    assert not rules.dates_in_order(JAN_1, JAN_1 - dt.timedelta(days=1))
    assert rules.end_problem(JAN_1, None, JAN_1) is None
    assert rules.end_problem(JAN_1, None, JAN_1 - dt.timedelta(days=1)) == "before_start"
    assert rules.end_problem(JAN_1, JAN_31, JAN_31) is None
    assert rules.end_problem(JAN_1, JAN_31, FEB_1) == "after_end"
    assert rules.needs_end_date("tuq") and not rules.needs_end_date("tl")
    assert rules.delegation_state(JAN_1, JAN_31, JAN_1 - dt.timedelta(days=1)) == "upcoming"
    assert rules.delegation_state(JAN_1, JAN_31, JAN_1) == "current"
    assert rules.delegation_state(JAN_1, JAN_31, JAN_31) == "current"
    assert rules.delegation_state(JAN_1, JAN_31, FEB_1) == "ended"
    assert rules.types_in_order(["TB", "CV", "TB", " "], ["CV", "QĐ", "TB"]) == ["CV", "TB"]
    assert rules.unknown_types(["CV", "XYZ"], ["CV", "TB"]) == ["XYZ"]


# --- Services ----------------------------------------------------------------------------------------------


def test_director_records_a_delegation_with_its_history(dept):
    d = delegate(dept, doc_types=["TB", "CV", "TB"])
    assert (d.agency_id, d.unit_id, d.kind, d.doc_types) == (dept.agency.pk, dept.division.pk, "tl", ["CV", "TB"])
    record = d.history.get()  # audit.track: who created it
    assert record.history_type == "+" and record.history_user == dept.director
    services.delegation_end(d, actor=dept.director, end_on=JAN_1 + dt.timedelta(days=9))
    latest = d.history.order_by("-history_id").first()
    assert latest.history_type == "~" and latest.history_user == dept.director and latest.end_on == dt.date(2027, 1, 10)


def test_refusals_of_the_terms(dept, other):
    assert refused_on("unit", lambda: delegate(dept, unit=other.division))
    assert refused_on("unit", lambda: delegate(dept, unit=dept.board))
    assert refused_on("basis", lambda: delegate(dept, basis="   "))
    assert refused_on("doc_types", lambda: delegate(dept, doc_types=["CV", "XYZ"]))
    assert refused_on("doc_types", lambda: delegate(dept, doc_types=[]))
    assert refused_on("kind", lambda: delegate(dept, kind="kt"))
    assert refused_on("end_on", lambda: delegate(dept, kind="tuq", end_on=None))  # TUQ.: limited in time
    assert Delegation.objects.count() == 0


def test_end_before_start_is_refused_the_same_day_accepted(dept):
    assert refused_on("end_on", lambda: delegate(dept, start_on=JAN_31, end_on=JAN_31 - dt.timedelta(days=1)))
    one_day = delegate(dept, start_on=JAN_31, end_on=JAN_31, kind="tuq")
    assert (one_day.start_on, one_day.end_on) == (JAN_31, JAN_31)
    open_ended = delegate(dept, start_on=FEB_1, end_on=None, doc_types=["GM"])
    assert refused_on("end_on", lambda: services.delegation_end(open_ended, actor=dept.director, end_on=JAN_31))
    services.delegation_end(open_ended, actor=dept.director, end_on=FEB_1)
    open_ended.refresh_from_db()
    assert open_ended.end_on == FEB_1
    # ending brings the end forward, never later than written
    assert refused_on(
        "end_on", lambda: services.delegation_end(open_ended, actor=dept.director, end_on=FEB_1 + dt.timedelta(days=1))
    )


def test_overlap_of_the_same_kind_unit_and_a_type_is_refused_on_the_boundary_day(dept):
    delegate(dept)  # TL., CV and TB, 1-31 January
    messages = refused_on("__all__", lambda: delegate(dept, doc_types=["TB"], start_on=JAN_31, end_on=None))
    assert "31/01/2027" in messages[0]
    assert delegate(dept, doc_types=["TB"], start_on=FEB_1, end_on=None).start_on == FEB_1  # the next day
    assert delegate(dept, doc_types=["GM"], start_on=JAN_31)  # no type in common
    assert delegate(dept, kind="tuq", start_on=JAN_1)  # another kind
    assert delegate(dept, unit=dept.other, start_on=JAN_1)  # another unit
    # the open-ended one from 1 February now blocks any later TB delegation of the division
    assert refused_on("__all__", lambda: delegate(dept, doc_types=["TB"], start_on=dt.date(2030, 1, 1), end_on=None))


def test_only_the_director_records_or_ends(dept):
    for someone in (dept.deputy, dept.deputy2, dept.head, dept.desk, dept.officer):
        with pytest.raises(PermissionDenied):
            delegate(dept, actor=someone)
    d = delegate(dept)
    for someone in (dept.deputy, dept.head, dept.desk):
        with pytest.raises(PermissionDenied):
            services.delegation_end(d, actor=someone, end_on=JAN_1)
    admin = User.objects.create_superuser("quantri", password="x-Secret-123")
    assert services.delegation_end(d, actor=admin, end_on=JAN_1).end_on == JAN_1


def test_the_deputy_acting_as_director_may(dept):
    org_services.acting_appoint(
        dept.staff["PGD"], dept.board, start_on=timezone.localdate(), end_on=timezone.localdate() + dt.timedelta(days=6)
    )
    forget_powers(dept.deputy)
    assert delegate(dept, actor=dept.deputy).kind == "tl"


def test_the_other_agency_director_may_not_end_ours(dept, other):
    d = delegate(dept)
    with pytest.raises(PermissionDenied):
        services.delegation_end(d, actor=other.director, end_on=JAN_1)


# --- Signing under the delegation ---------------------------------------------------------------------------


def _reviewed_letter(dept, doc_type="CV"):
    doc = services.outgoing_create(
        actor=dept.officer,
        drafting_unit=dept.division,
        summary="V/v cung cấp thông tin",
        body="Phòng cung cấp thông tin như sau.",
        doc_type=doc_type,
        recipients=["Sở Tư pháp", "Lưu: VT"],
    )
    services.outgoing_submit(doc, actor=dept.officer)
    return services.outgoing_review(doc, actor=dept.head)


def test_after_a_tl_delegation_the_unit_head_signs_tl(dept):
    letter = _reviewed_letter(dept)
    with pytest.raises(PermissionDenied):  # no delegation yet: the head may not sign
        services.outgoing_sign(letter, actor=dept.head)
    delegate(dept, doc_types=["CV"], start_on=timezone.localdate(), end_on=None)
    letter = services.outgoing_sign(letter, actor=dept.head)
    assert (letter.capacity, letter.authority_line) == ("tl", "TL. GIÁM ĐỐC")
    assert letter.title_line and letter.title_line == letter.title_line.upper()
    assert document_of(letter).signatures[0].authority == "TL. GIÁM ĐỐC"
    # a type the delegation does not cover is still the leaders' to sign
    with pytest.raises(PermissionDenied):
        services.outgoing_sign(_reviewed_letter(dept, "QĐ"), actor=dept.head)


def test_an_ended_delegation_signs_no_more(dept):
    d = delegate(dept, doc_types=["CV"], start_on=timezone.localdate() - dt.timedelta(days=10), end_on=None)
    services.delegation_end(d, actor=dept.director, end_on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        services.outgoing_sign(_reviewed_letter(dept), actor=dept.head)


# --- Page ----------------------------------------------------------------------------------------------


def test_page_lists_and_the_director_adds_and_ends(client, dept):
    url = reverse("correspondence:delegations")
    client.force_login(dept.director)
    response = client.post(
        url,
        {
            "unit": dept.division.pk,
            "kind": "tl",
            "doc_types": ["CV", "GM"],
            "start_on": timezone.localdate().isoformat(),
            "basis": "Quy chế công tác văn thư của Sở",
        },
    )
    assert response.status_code == 302
    d = Delegation.objects.get()
    assert d.doc_types == ["CV", "GM"] and d.end_on is None
    page = client.get(url).content.decode()
    assert dept.division.name in page and "Quy chế công tác văn thư của Sở" in page and "TL." in page
    assert reverse("correspondence:delegation_end", args=[d.pk]) in page
    # a refusal shows the form again with the reason
    response = client.post(url, {"unit": dept.division.pk, "kind": "tl", "doc_types": ["CV"], "start_on": "2027-01-01"})
    assert response.status_code == 200 and Delegation.objects.count() == 1
    response = client.post(
        reverse("correspondence:delegation_end", args=[d.pk]), {"end_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.end_on == timezone.localdate()


def test_page_is_read_by_leaders_and_office_and_written_by_the_director(client, dept):
    d = delegate(dept)
    url = reverse("correspondence:delegations")
    end = reverse("correspondence:delegation_end", args=[d.pk])
    for reader in (dept.deputy, dept.desk):
        client.force_login(reader)
        page = client.get(url)
        assert page.status_code == 200 and d.basis in page.content.decode() and end not in page.content.decode()
        assert client.post(url, {"basis": "x"}).status_code == 403
        assert client.post(end, {"end_on": JAN_1.isoformat()}).status_code == 403
    for stranger in (dept.head, dept.officer):
        client.force_login(stranger)
        assert client.get(url).status_code == 403
        assert client.post(end, {"end_on": JAN_1.isoformat()}).status_code == 404
    d.refresh_from_db()
    assert d.end_on == JAN_31


def test_another_agencys_delegation_answers_404(client, dept, other):
    theirs = delegate(other)
    client.force_login(dept.director)
    end = reverse("correspondence:delegation_end", args=[theirs.pk])
    assert client.post(end, {"end_on": JAN_1.isoformat()}).status_code == 404
    assert theirs.basis not in client.get(reverse("correspondence:delegations")).content.decode()
    api = APIClient()
    api.force_authenticate(dept.director)
    assert api.get(f"{API}{theirs.pk}/").status_code == 404
    assert api.post(f"{API}{theirs.pk}/end/", {"end_on": "2027-01-01"}, format="json").status_code == 404
    assert api.get(API).json()["results"] == []
    theirs.refresh_from_db()
    assert theirs.end_on == JAN_31


# --- API and command line ---------------------------------------------------------------------------------


def test_api_records_lists_and_ends(dept):
    api = APIClient()
    api.force_authenticate(dept.director)
    body = {
        "unit": dept.division.code,
        "kind": "tuq",
        "doc_types": ["GM"],
        "start_on": "2027-01-01",
        "end_on": "2027-01-31",
        "basis": "Giấy ủy quyền số 01/GUQ-STTTT",
    }
    created = api.post(API, body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert (data["unit"], data["kind"], data["doc_types"], data["end_on"]) == (
        dept.division.code,
        "tuq",
        ["GM"],
        "2027-01-31",
    )
    again = api.post(API, {**body, "start_on": "2027-01-31", "end_on": "2027-02-28"}, format="json")
    assert again.status_code == 400 and again.json()["code"]
    assert api.post(API, {**body, "basis": ""}, format="json").status_code == 400
    ended = api.post(f"{API}{data['id']}/end/", {"end_on": "2027-01-15"}, format="json")
    assert ended.status_code == 200 and ended.json()["end_on"] == "2027-01-15"
    early = api.post(f"{API}{data['id']}/end/", {"end_on": "2026-12-31"}, format="json")
    assert early.status_code == 400
    deputy = APIClient()
    deputy.force_authenticate(dept.deputy)
    assert [d["id"] for d in deputy.get(API).json()["results"]] == [data["id"]]
    assert (
        deputy.post(API, {**body, "start_on": "2027-03-01", "end_on": "2027-03-02"}, format="json").status_code == 403
    )
    assert deputy.post(f"{API}{data['id']}/end/", {"end_on": "2027-01-10"}, format="json").status_code == 403
    head = APIClient()
    head.force_authenticate(dept.head)
    assert head.get(API).status_code == 403
    assert head.get(f"{API}{data['id']}/").status_code == 404


def test_command_lists_the_agencys_delegations(dept, other):
    delegate(dept)
    delegate(other, basis="Quy chế của Sở khác")
    out = io.StringIO()
    call_command("correspondence", "delegations", "--agency", dept.agency.code, stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].split("\t")[1:6] == [dept.division.code, "TL.", "CV,TB", "2027-01-01", "2027-01-31"]
    with pytest.raises(CommandError):
        call_command("correspondence", "delegations", "--agency", "KHONG-CO", stdout=io.StringIO())
