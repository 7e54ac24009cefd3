"""The API shell: root, authentication, one error format in the user's language, the OpenAPI schema."""

import re

import pytest
import yaml
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from stttt.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return User.objects.create_user("chuyenvien", password="Mat-khau-dai-2026", full_name="Lê Thị Bình")


def test_root_lists_the_endpoints(user):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert "me" in response.json()


def test_anonymous_gets_401_in_the_shared_error_format_in_vietnamese():
    response = APIClient().get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "not_authenticated"
    assert body["errors"] == {}
    assert body["message"] == "Chưa cung cấp thông tin xác thực."


def test_error_message_follows_the_users_language():
    response = APIClient().get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["message"] == "Authentication credentials were not provided."


def test_token_login_and_token_auth(user):
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": "chuyenvien", "password": "Mat-khau-dai-2026"})
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(user=user).key == key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "chuyenvien" and me["display_name"] == "Lê Thị Bình"


def test_validation_errors_list_fields(user):
    response = APIClient().post("/api/v1/auth/token/", {"username": "chuyenvien"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["message"] == "Dữ liệu gửi lên không hợp lệ."
    assert list(body["errors"]) == ["password"]


def test_unknown_route_is_404_json(user):
    client = APIClient()
    client.force_authenticate(user)
    assert client.get("/api/v1/khong-co/").status_code == 404


def test_schema_is_valid_openapi_3():
    response = APIClient().get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate(schema)
    assert "/api/v1/me/" in schema["paths"]


def test_docs_render_from_the_apps_own_static_files():
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources, html
    assert all(src.startswith("/") for src in sources), sources
    for src in sources:
        assert APIClient().get(src).status_code == 200, src


def test_schema_generates_without_warnings(tmp_path):
    """Every endpoint's schema is derived (no guessed types, no ignored views): the docs stay true."""
    from django.core.management import call_command

    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert out.read_text().startswith("openapi: 3")
