from stttt.licensing.tests.conftest import approve, walk  # noqa: F401
from stttt.procedures.tests.conftest import Department, catalog, dept  # noqa: F401
