"""`make bench`: the portal under gunicorn with production settings, measured.

Prepares a benchmark database (demo content plus generated volume), starts
gunicorn (2 workers) on 127.0.0.1, then for each public page type prints:
median and p95 server time over 200 sequential requests (from the
Server-Timing header the portal adds when SERVER_TIMING is on), requests per
second at concurrency 10 for 10 s (wrk), and the bytes transferred
(compressed) for the page with its CSS and JS. Then the PDF times. The same
figures go to bench/results.json.

The site search is measured over the readers' queries of bench/search_queries.py, not
one: its uncached figures take each query in turn, its requests per second at
concurrency 10 rotate through them, and it is also loaded at concurrency 50 (requests per
second and 99th percentile of the latency seen by wrk). Its cached figures are those of
one repeated query. The run ends with the search's targets, as ratios to the sheet's
figures of the same run.

A benchmark, not a test: it never fails the suite. Figures depend on the
machine; run it on an idle machine.
"""

import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))  # run as a script: bench/ is then the first path

from bench.search_queries import QUERIES  # noqa: E402

VAR = BASE_DIR / "var"
PY = sys.executable
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
SEQUENTIAL = int(os.environ.get("BENCH_REQUESTS", "200"))
WRK_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARM_UP_SECONDS = 5
BENCH_USER = "bench-cpip"
BENCH_PASSWORD = secrets.token_urlsafe(16)
SEARCH = "recherche du site"
SHEET = "fiche"
SEARCH_PATHS = ["/recherche/?" + urlencode({"q": query}) for query in QUERIES]


def server_env(cached=True):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(64)),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"http://{HOST}:{PORT}",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
        STATIC_ROOT=str(VAR / "bench-static"),
        MEDIA_ROOT=str(VAR / "bench-media"),
        SERVER_TIMING="true",
        PAGE_CACHE_ENABLED="true" if cached else "false",
    )
    return env


def manage(*args, env=None):
    subprocess.run([PY, "manage.py", *args], cwd=BASE_DIR, env=env or server_env(), check=True)


def prepare():
    print("Préparation de la base de test (migrate, load_demo, volume, collectstatic)…", flush=True)
    VAR.mkdir(exist_ok=True)
    manage("migrate", "--noinput", "-v", "0")
    manage("load_demo")
    if os.environ.get("BENCH_SKIP_VOLUME") != "1" and _has_command("generate_volume"):
        manage("generate_volume", "--sheets", "5000", "--pages", "2000")
    manage("collectstatic", "--noinput", "-v", "0")


def ensure_bench_user():
    """A CPIP account for the PDFs of the staff area, with this run's password."""
    manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.contrib.auth.models import Group, User\n"
        f"u, _ = User.objects.get_or_create(username={BENCH_USER!r})\n"
        f"u.set_password({BENCH_PASSWORD!r}); u.save()\n"
        "u.groups.add(Group.objects.get(name='CPIP'))",
    )


def _has_command(name):
    out = subprocess.run(
        [PY, "manage.py", "help", "--commands"],
        cwd=BASE_DIR,
        env=server_env(),
        capture_output=True,
        text=True,
    )
    return name in out.stdout.split()


def targets():
    """The URL of each page type, looked up in the benchmark database."""
    code = "import json\nfrom bench.targets import find\nprint(json.dumps(find()))"
    out = subprocess.run(
        [PY, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=BASE_DIR,
        env=server_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


class Server:
    def __init__(self, cached):
        self.cached = cached

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(Path(PY).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"{HOST}:{PORT}",
                "--workers",
                "2",
                "--max-requests",
                "0",
            ],
            cwd=BASE_DIR,
            env=server_env(self.cached),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(100):
            try:
                request("GET", "/")
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=120)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def server_ms(response):
    match = re.search(r"app;dur=([\d.]+)", response.getheader("Server-Timing", ""))
    return float(match.group(1)) if match else None


def sequential(path, headers=None, paths=None):
    """Median and p95 server time of SEQUENTIAL requests: of ``path`` repeated, or of ``paths`` in turn."""
    paths = paths or [path]
    for warm_up in paths:  # each once: fill the caches, start the workers
        request("GET", warm_up, headers=headers)
    times = []
    for number in range(SEQUENTIAL):
        current = paths[number % len(paths)]
        response, _ = request("GET", current, headers=headers)
        if response.status != 200:
            raise RuntimeError(f"{current}: HTTP {response.status}")
        times.append(server_ms(response))
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
    }


def rotation_script(paths):
    """A wrk script that asks for ``paths`` in turn."""
    script = VAR / "bench-rotation.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


def wrk(path, connections, paths=None, seconds=WRK_SECONDS):
    """wrk's output for ``connections`` connections during ``seconds``, on ``path`` or rotating ``paths``."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if paths:
        command += ["-s", str(rotation_script(paths))]
    out = subprocess.run(
        [*command, f"http://{HOST}:{PORT}{path}"], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{path}: {errors.group(1)} error responses under load")
    return out


def latency_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 1)


def under_load(path, connections, paths=None):
    """Requests per second, 99th percentile latency and timeouts under wrk."""
    out = wrk(path, connections, paths)
    timeouts = re.search(r"timeout (\d+)", out)
    return {
        "requests_per_second": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))),
        "p99_ms": latency_ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def requests_per_second(path, paths=None):
    if not shutil.which("wrk"):
        return None
    if paths:
        # Every worker answers each path once before the measure: the steady state, not the start.
        wrk(path, 10, paths, seconds=WARM_UP_SECONDS)
    return under_load(path, 10, paths)["requests_per_second"]


def transferred_bytes(path):
    """HTML + CSS + JS as a browser with an empty cache receives them (compressed)."""
    headers = {"Accept-Encoding": "br, gzip"}
    _, compressed = request("GET", path, headers=headers)
    total = len(compressed)
    text = request("GET", path)[1].decode()
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', text)
    for asset in assets:
        _, body = request("GET", urlsplit(asset).path, headers=headers)
        total += len(body)
    return total


def login():
    response, html = request("GET", "/connexion/")
    cookie = _cookies(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html.decode()).group(1)
    body = urlencode({"username": BENCH_USER, "password": BENCH_PASSWORD, "csrfmiddlewaretoken": token})
    response, _ = request(
        "POST",
        "/connexion/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://{HOST}:{PORT}/connexion/",
        },
    )
    if response.status != 302:
        raise RuntimeError("bench sign-in failed")
    return "; ".join(filter(None, [cookie, _cookies(response)]))


def _cookies(response):
    return "; ".join(
        header.split(";", 1)[0] for name, header in response.getheaders() if name.lower() == "set-cookie"
    )


def pdf_time(spec, cookie):
    """Server time of one PDF request (median of 3)."""
    times = []
    for _ in range(3):
        headers = {"Cookie": cookie}
        body = None
        if spec.get("form_url"):
            _, html = request("GET", spec["form_url"], headers=headers)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html.decode()).group(1)
            body = urlencode({**spec["data"], "csrfmiddlewaretoken": token}, doseq=True)
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": f"http://{HOST}:{PORT}{spec['form_url']}",
                }
            )
        response, data = request(spec.get("method", "GET"), spec["url"], body=body, headers=headers)
        if response.status != 200 or not data.startswith(b"%PDF"):
            raise RuntimeError(f"{spec['url']}: HTTP {response.status}, not a PDF")
        times.append(server_ms(response))
    return round(statistics.median(times), 1)


def main():
    if os.environ.get("BENCH_SKIP_PREPARE") != "1":
        prepare()
    ensure_bench_user()
    pages, pdfs = targets()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "pages": {},
        "pdfs": {},
    }
    rotating = {SEARCH: SEARCH_PATHS}
    with Server(cached=False):
        for label, path in pages.items():
            results["pages"][label] = {"path": path, "uncached": sequential(path, paths=rotating.get(label))}
    with Server(cached=True):
        for label, path in pages.items():
            row = results["pages"][label]
            row["cached"] = sequential(path)
            row["requests_per_second_c10"] = requests_per_second(path, rotating.get(label))
            row["bytes_transferred"] = transferred_bytes(path)
        if SEARCH in pages and shutil.which("wrk"):
            results["pages"][SEARCH]["c50"] = under_load(pages[SEARCH], 50, SEARCH_PATHS)
        cookie = login()
        for label, spec in pdfs.items():
            results["pdfs"][label] = pdf_time(spec, cookie)

    results["load_average"] = [round(load, 2) for load in os.getloadavg()]
    (BASE_DIR / "bench" / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)
    print_search(results)


def print_table(results):
    print(f"\nBenchmark — {results['date']} — {results['machine']}")
    print(f"{SEQUENTIAL} requêtes séquentielles par page ; wrk {WRK_SECONDS} s à 10 connexions\n")
    head = f"{'page':<20}{'sans cache méd.':>16}{'p95':>11}{'cache méd.':>12}{'p95':>11}{'req/s c10':>11}{'octets':>9}"
    print(head)
    print("-" * len(head))
    for label, row in results["pages"].items():
        rps = row["requests_per_second_c10"]
        print(
            f"{label:<20}{row['uncached']['median_ms']:>13.2f} ms{row['uncached']['p95_ms']:>8.2f} ms"
            f"{row['cached']['median_ms']:>9.2f} ms{row['cached']['p95_ms']:>8.2f} ms"
            f"{(rps if rps is not None else 'n/a'):>11}{row['bytes_transferred']:>9}"
        )
    if results["pdfs"]:
        print("\nPDF (temps serveur, médiane de 3)")
        for label, ms in results["pdfs"].items():
            print(f"  {label:<28}{ms:>10.1f} ms")
    print("\nRésultats écrits dans bench/results.json")


def print_search(results):
    """The site search's figures and its targets, as ratios to the sheet's figures of this run."""
    search, sheet = results["pages"].get(SEARCH), results["pages"].get(SHEET)
    if not search or not sheet:
        return
    print(f"\nRecherche du site ({len(SEARCH_PATHS)} requêtes de lecteurs, charge {results['load_average']})")
    print(
        f"  sans cache : médiane {search['uncached']['median_ms']:.2f} ms, p95 {search['uncached']['p95_ms']:.2f} ms"
    )
    print(f"  requête répétée : médiane {search['cached']['median_ms']:.2f} ms")
    ratio = search["uncached"]["median_ms"] / sheet["uncached"]["median_ms"]
    print(f"  médiane sans cache / fiche sans cache : {ratio:.2f} (objectif ≤ 1,5)")
    if search.get("requests_per_second_c10") and sheet.get("requests_per_second_c10"):
        share = search["requests_per_second_c10"] / sheet["requests_per_second_c10"]
        print(
            f"  req/s à 10 connexions : {search['requests_per_second_c10']} "
            f"= {share:.2f} × la fiche en cache ({sheet['requests_per_second_c10']}) (objectif ≥ 0,25)"
        )
    if search.get("c50"):
        c50 = search["c50"]
        print(
            f"  à 50 connexions : {c50['requests_per_second']} req/s, p99 {c50['p99_ms']:.0f} ms "
            f"(objectif < 1 000 ms), {c50['timeouts']} délai(s) dépassé(s)"
        )


if __name__ == "__main__":
    main()
