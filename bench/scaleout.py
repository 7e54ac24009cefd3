"""Scale-out load test: the same load through nginx onto one app server, then onto two (docs/benchmarks.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stttt_bench REDIS_URL=redis://127.0.0.1:6379/2 \\
        .venv/bin/python bench/scaleout.py [--duration 20] [--connections 16] [--server-workers 1]

Needs PostgreSQL, Redis, nginx and wrk on this machine (`apt-get install nginx-light wrk`). The database is
migrated and given the demo data (idempotent). Two gunicorn servers run with production settings
(`stttt.testing.cluster`) behind nginx with the site of deploy/nginx/stttt.conf (TLS, X-Forwarded-For);
wrk, on loopback, asks for the public licence register (`/api/v1/registers/`, rate-limited in Redis per
client address) from a new client address per request, as many citizens would: wrk stands for a load
balancer in front of nginx that appends the citizen's address (STTTT_TRUSTED_PROXIES=2). Both runs count every
answer that is not 200 as an error. Not part of the test suite: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stttt.testing import cluster  # noqa: E402

DEFAULT_PATH = "/api/v1/registers/?page_size=20"
# Every request comes from its own client address (the proxy appends it): no client reaches its limit.
WRK_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local n = math.random(1, 16000000)
  local address = string.format("10.%d.%d.%d", n % 256, math.floor(n / 256) % 256, math.floor(n / 65536) % 256)
  return wrk.format("GET", nil, {["X-Forwarded-For"] = address, ["Host"] = "127.0.0.1"})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d p50=%.1f p99=%.1f seconds=%.2f\\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
"""


def prepare(env: dict[str, str]) -> None:
    stttt = str(Path(sys.executable).parent / "stttt")
    for command in ([stttt, "migrate", "--no-input", "-v0"], [stttt, "demo"]):
        print("$", " ".join(command[1:]), flush=True)
        subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def nginx_conf(folder: Path, servers: list[str], port: int) -> Path:
    """The deploy/ site on a free port, with a throwaway certificate and the given upstream servers."""
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=bench"),
            *("-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")),
        ],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "deploy" / "nginx" / "stttt.conf").read_text()
    site = site.replace("/etc/ssl/stttt/", f"{folder}/").replace("/var/log/nginx/stttt.access.log", "off")
    site = site.replace("access_log off stttt;", "access_log off;")
    site = re.sub(r"listen 80;\n\s*listen \[::\]:80;", f"listen 127.0.0.1:{port + 1};", site)
    site = re.sub(r"listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;", f"listen 127.0.0.1:{port} ssl;", site)
    upstream = "".join(f"    server {server.removeprefix('http://')};\n" for server in servers)
    (folder / "site.conf").write_text(site)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nworker_processes 1;\nevents {{}}\n"
        f"http {{\n access_log off;\n upstream stttt_app {{\n{upstream}    keepalive 32;\n }}\n"
        f" include {folder}/site.conf;\n}}\n"
    )
    return conf


def run_wrk(url: str, duration: int, connections: int, script: Path) -> dict[str, float]:
    done = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"RESULT (.*)", done.stdout)
    if not found:
        raise RuntimeError(done.stdout + done.stderr)
    return {key: float(value) for key, value in (pair.split("=") for pair in found.group(1).split())}


def measure(servers: list[str], folder: Path, args: argparse.Namespace, script: Path) -> dict[str, float]:
    port = cluster.free_port()
    conf = nginx_conf(folder, servers, port)
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(folder), "-g", "daemon off;"])
    try:
        time.sleep(1)
        url = f"https://127.0.0.1:{port}{args.path}"
        run_wrk(url, 3, args.connections, script)  # warm-up: connections, caches, lazy imports
        result = run_wrk(url, args.duration, args.connections, script)
    finally:
        nginx.terminate()
        nginx.wait(10)
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of load per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--server-workers", type=int, default=1, help="gunicorn worker processes per server")
    parser.add_argument("--path", default=DEFAULT_PATH, help="what the clients ask for (public, no sign-in)")
    parser.add_argument("--rounds", type=int, default=2, help="one server then two, this many times")
    parser.add_argument("--skip-prepare", action="store_true", help="the database already has the demo")
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "openssl"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed: apt-get install nginx-light wrk openssl")
    database = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/stttt_bench")
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/2")
    folder = Path(tempfile.mkdtemp(prefix="stttt-scaleout-bench-"))
    # wrk plays the load balancer in front of nginx, appending each citizen's address: two proxies.
    env = cluster.production_env(database=database, redis=redis, data_dir=folder, STTTT_TRUSTED_PROXIES="2")
    if not args.skip_prepare:
        prepare(env)
    script = folder / "clients.lua"
    script.write_text(WRK_SCRIPT)
    servers = [cluster.start_app_server(name, env, folder, workers=args.server_workers) for name in ("a", "b")]
    rows: list[tuple[int, dict[str, float]]] = []
    load_before = os.getloadavg()[0]
    try:
        for server in servers:
            cluster.wait_ready(server)
        for _round in range(args.rounds):  # alternated, so that other work on the machine weighs on both
            rows.append((1, measure([servers[0].url], folder, args, script)))
            rows.append((2, measure([s.url for s in servers], folder, args, script)))
    finally:
        for server in servers:
            server.stop()
    print(f"\n{os.cpu_count()} cores, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after;")
    print(f"{args.connections} connections, {args.duration} s per run, {args.path}")
    print("| app servers (gunicorn workers each) | requests/s | p50 ms | p99 ms | requests | errors |")
    print("|---|---|---|---|---|---|")
    for count, result in rows:
        errors = int(result["errors"] + result["non2xx"])
        print(
            f"| {count} ({args.server_workers}) | {result['rps']:.1f} | {result['p50']:.1f} | {result['p99']:.1f} "
            f"| {int(result['requests'])} | {errors} |"
        )
    mean = {n: sum(r["rps"] for c, r in rows if c == n) / args.rounds for n in (1, 2)}
    print(f"\nscaling (mean requests/s, two servers / one): x{mean[2] / mean[1]:.2f}")


if __name__ == "__main__":
    main()
