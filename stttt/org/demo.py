"""Demo organisation: the Bình Phước structure of Art. 4 with invented staff that satisfies every rule.

The data is `data/binh-phuoc.yaml`, loaded through the same import as `stttt org import`, so the demo
also exercises the file format. Each person with a `user` key gets a demo account (shared password).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from stttt.accounts.services import demo_user_ensure
from stttt.core.demo import DemoLogin
from stttt.org import importing
from stttt.org.choices import UnitKind
from stttt.org.titles import position_title

DATA = Path(__file__).resolve().parent / "data" / "binh-phuoc.yaml"


def load(stdout) -> list[DemoLogin]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    kinds = {u["code"]: u["kind"] for u in data["units"]}
    names = {u["code"]: u["name"] for u in data["units"]}
    logins = []
    for person in data["staff"]:
        if not person.get("user"):
            continue
        demo_user_ensure(person["user"], full_name=person["name"])
        title = position_title(kinds[person["unit"]], person["position"], person["category"])
        unit = "" if kinds[person["unit"]] == UnitKind.LEADERSHIP else f" · {names[person['unit']]}"
        logins.append(DemoLogin(person["user"], f"{title}{unit}"))
    report = importing.import_data(data)
    stdout.write(f"org: {report.as_dict()}\n")
    return logins
