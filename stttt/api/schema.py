"""The error answers every operation can give, added to the OpenAPI schema so that it tells the whole truth.

Any operation may answer 401/403 (not signed in, not allowed), 404 (no such record or route), 429
(throttled) and 500; one that takes parameters or a body may answer 400, one that takes a body 415.
All of them carry the one error format (`stttt.api.errors`), as JSON whatever the success content type.

Integer bounds that only mirror the database's column size (which differs between SQLite and PostgreSQL)
are left out, so that the schema is the same on every backend; the database's own limits still answer 400.

E-mail addresses in answers may be blank (none on file), which the `email` format does not allow: answers
(components other than the `...Request` ones) document them as plain strings; requests keep the format.
"""

from __future__ import annotations

from typing import Any

ERROR_REF = {"$ref": "#/components/schemas/Error"}
DESCRIPTIONS = {
    "400": "The data sent is not valid.",
    "401": "Not signed in, or the token has expired.",
    "403": "Not allowed.",
    "404": "No such record or address.",
    "415": "Unsupported content type.",
    "429": "Too many requests: try again later.",
    "500": "Unexpected error (logged; quote the request id).",
}
METHODS = {"get", "put", "post", "patch", "delete"}


def _blank_emails_in_answers(result: dict[str, Any]) -> None:
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            continue
        for field in component.get("properties", {}).values():
            if field.get("format") == "email":
                del field["format"]


#: Column sizes of SQLite and PostgreSQL integers (small, regular, big), as Django's validators state them.
COLUMN_LIMITS = {2**15 - 1, 2**31 - 1, 2**63 - 1}


def _backend_neutral_integers(result: dict[str, Any]) -> None:
    for component in result.get("components", {}).get("schemas", {}).values():
        for field in component.get("properties", {}).values():
            if field.get("type") != "integer" or field.get("maximum") not in COLUMN_LIMITS:
                continue
            del field["maximum"]
            if field.get("minimum") is not None and -field["minimum"] - 1 in COLUMN_LIMITS:
                del field["minimum"]
            field.pop("format", None)


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    _blank_emails_in_answers(result)
    _backend_neutral_integers(result)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            codes = ["401", "403", "404", "429", "500"]
            if operation.get("parameters") or "requestBody" in operation:
                codes.append("400")
            if "requestBody" in operation:
                codes.append("415")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code, {"description": DESCRIPTIONS[code], "content": {"application/json": {"schema": ERROR_REF}}}
                )
    return result
