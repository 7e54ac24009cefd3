"""Every kind of licence that expires takes its term from a fact of law with its provision."""

from stttt.licensing.facts import VALIDITY
from stttt.licensing.kinds import KINDS


def test_each_expiring_kind_reads_its_term_from_its_fact():
    expiring = {code: kind.validity_months for code, kind in KINDS.items() if kind.validity_months}
    assert expiring == {code: item.value for code, item in VALIDITY.items()}
    assert all(item.unit == "months" and item.basis for item in VALIDITY.values())
