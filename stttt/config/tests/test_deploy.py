"""The process files in deploy/ hold together and pass the checkers this machine has (docs/deployment.md):
the compose file (parsed; `docker-compose config` when installed), the nginx site (`nginx -t` with a
throwaway certificate), the systemd units (`systemd-analyze verify`), and the numbers they share with
the application's settings (request size cap, proxy count, app servers behind nginx)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from stttt.core.limits import DEFAULT_MAX_REQUEST_BYTES

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def app_services(spec: dict) -> list[str]:
    return sorted(name for name, service in spec["services"].items() if "gunicorn" in service.get("command", []))


def test_the_compose_file_has_every_part_of_the_layout():
    spec = compose()
    assert {"postgres", "redis", "migrate", "worker", "beat", "nginx"} <= set(spec["services"])
    apps = app_services(spec)
    assert len(apps) >= 2
    upstream = (DEPLOY / "nginx" / "upstream-compose.conf").read_text()
    assert sorted(re.findall(r"server (\w+):8000", upstream)) == apps  # nginx sends to every app server
    for name in [*apps, "worker", "beat"]:
        service = spec["services"][name]
        assert service["environment"]["STTTT_TRUSTED_PROXIES"] == "1"  # nginx alone appends to the header
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "--scale" not in str(spec["services"]["beat"])


def test_docker_compose_accepts_the_file(tmp_path):
    if not shutil.which("docker-compose"):
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    project = tmp_path / "deploy"
    shutil.copytree(DEPLOY, project)
    (project / "stttt.env").write_text("SECRET_KEY=x\n")
    done = subprocess.run(
        ["docker-compose", "-f", str(project / "compose.yaml"), "config", "-q"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_nginx_accepts_the_site_and_caps_requests_as_the_app_does(tmp_path):
    site = (DEPLOY / "nginx" / "stttt.conf").read_text()
    cap = re.search(r"client_max_body_size (\d+)m;", site)
    assert cap and int(cap.group(1)) * 1024 * 1024 == DEFAULT_MAX_REQUEST_BYTES
    assert "$proxy_add_x_forwarded_for" in site and "X-Request-ID $request_id" in site
    if not shutil.which("nginx"):
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=stttt.test"),
            *("-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")),
        ],
        check=True,
        capture_output=True,
    )
    (tmp_path / "logs").mkdir()
    local = site.replace("/etc/ssl/stttt/", f"{tmp_path}/").replace("/var/log/nginx/", f"{tmp_path}/logs/")
    (tmp_path / "site.conf").write_text(local)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\nevents {{}}\n"
        f"http {{\n access_log {tmp_path}/logs/access.log;\n"
        f" include {DEPLOY}/nginx/upstream.conf;\n include {tmp_path}/site.conf;\n}}\n"
    )
    done = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "test is successful" in done.stderr, done.stderr


def test_systemd_accepts_the_units(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    bin_dir = Path(sys.executable).parent  # the installation's programs (gunicorn, celery, stttt) are here
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text().replace("/opt/stttt/bin/", f"{bin_dir}/")
        name = unit.name.replace("@.service", "@8001.service")  # an instance of each template
        (tmp_path / name).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    app = (DEPLOY / "systemd" / "stttt-app@.service").read_text()
    assert "STTTT_BIND=127.0.0.1:%i" in app and "PROMETHEUS_MULTIPROC_DIR=/run/stttt-app-%i" in app
    ports = re.findall(r"server 127\.0\.0\.1:(\d+)", (DEPLOY / "nginx" / "upstream.conf").read_text())
    target = (DEPLOY / "systemd" / "stttt.target").read_text()
    assert sorted(re.findall(r"stttt-app@(\d+)\.service", target)) == sorted(ports)
