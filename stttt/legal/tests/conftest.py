import pytest

from stttt.legal.services import document_import
from stttt.legal.tests.fixtures import seed_markdown


@pytest.fixture
def seed(db):
    """The seed imported into the test database; returns the Document."""
    return document_import(seed_markdown()).document
