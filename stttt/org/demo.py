"""Demo organisations, each a YAML file in `data/` loaded through the same import as `stttt org import`
(so the demo also exercises the file format), with invented staff that satisfies every rule:

- `binh-phuoc.yaml`: the first agency, the structure of Art. 4 of its regulation;
- `binh-duong.yaml`: a second agency, another province's Department with its own units (codes prefixed
  `BD-`), districts and staff, so that the scoping of every page and API can be seen (sources in the
  file's header and in docs/org.md).

Each person with a `user` key gets a demo account (shared password). A file naming a `regulation` that
the legal app has not loaded is imported without it (the demo runs with or without the legal demo).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stttt.accounts.services import demo_user_ensure
from stttt.core.demo import DemoLogin
from stttt.org import importing
from stttt.org.choices import UnitKind
from stttt.org.models import Agency
from stttt.org.services import reorganisation
from stttt.org.titles import position_title

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA = DATA_DIR / "binh-phuoc.yaml"
FILES = (DATA, DATA_DIR / "binh-duong.yaml")  # in loading order
REORGANISATION = DATA_DIR / "reorganisation-2025.yaml"  # dated events over the first agency (issue 15)


def _without_missing_regulation(data: dict[str, Any]) -> dict[str, Any]:
    from stttt.legal.selectors import document_find

    number = (data.get("agency") or {}).get("regulation")
    if number and document_find(str(number)) is None:
        data["agency"] = {k: v for k, v in data["agency"].items() if k != "regulation"}
    return data


def load_file(path: Path, stdout) -> list[DemoLogin]:
    data = _without_missing_regulation(importing.load_yaml(path.read_bytes()))
    kinds = {u["code"]: u["kind"] for u in data["units"]}
    names = {u["code"]: u["name"] for u in data["units"]}
    short = data["agency"].get("short_name") or data["agency"]["name"]
    several = len(FILES) > 1 and path != DATA
    logins = []
    for person in data["staff"]:
        if not person.get("user"):
            continue
        demo_user_ensure(person["user"], full_name=person["name"])
        title = position_title(kinds[person["unit"]], person["position"], person["category"])
        unit = "" if kinds[person["unit"]] == UnitKind.LEADERSHIP else f" · {names[person['unit']]}"
        logins.append(DemoLogin(person["user"], f"{title}{unit}" + (f" · {short}" if several else "")))
    report = importing.import_data(data)
    stdout.write(f"org {data['agency']['code']}: {report.as_dict()}\n")
    return logins


OBSERVER = ("ubnd_quansat", "Chuyên viên Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Bình Phước")


def _observer() -> DemoLogin:
    """An observer of the Provincial People's Committee for the first agency (README: who uses stttt)."""
    from stttt.org import services

    username, full_name, body = OBSERVER
    user = demo_user_ensure(username, full_name=full_name)
    agency = Agency.objects.get(code=importing.load_yaml(DATA.read_bytes())["agency"]["code"])
    services.observer_link(user, agency, body=body, position="Chuyên viên")
    return DemoLogin(username, f"Quan sát viên · {body}")


def load(stdout) -> list[DemoLogin]:
    logins = []
    for path in FILES:
        logins.extend(load_file(path, stdout))
    logins.append(_observer())
    data = reorganisation.load_yaml(REORGANISATION)
    agency = Agency.objects.get(code=data["agency"])
    written = reorganisation.agency_events_load(agency, data["events"])
    stdout.write(f"org {agency.code}: reorganisation since 2025, {written} row(s) written\n")
    return logins
