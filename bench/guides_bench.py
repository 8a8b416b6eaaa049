"""Benchmark of the procedure sheets: prints measured figures, never fails.

    python bench/guides_bench.py            # BENCH_REQUESTS=200 by default

Prepares its own database (var/bench-guides.sqlite3, or BENCH_DATABASE_URL),
migrates it and loads the demo content, then measures, with production
settings and compressed, hashed static files:

- the server time of a sheet page (median and p95 of sequential requests,
  in-process through Django's WSGI handler: no network, no page cache);
- the bytes a first visit transfers for that page: HTML, CSS and JS, gzip-compressed;
- the time to draw a sheet's PDF (WeasyPrint), and a print pack of 10 sheets;
- the FALC analyser on 100,000 characters.

Figures depend on the machine and on what else runs on it.
"""

import gzip
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = BASE_DIR / "var"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
PDF_RUNS = int(os.environ.get("BENCH_PDF_RUNS", "5"))
HOST = "127.0.0.1"

ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(64)),
    "ALLOWED_HOSTS": HOST,
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{VAR / 'bench-guides.sqlite3'}"),
    "MEDIA_ROOT": str(VAR / "bench-guides-media"),
    "STATIC_ROOT": str(VAR / "bench-guides-static"),
    # The whole-page cache (when the portal has one) would answer repeated views: measure Django's work.
    "PAGE_CACHE_ENABLED": "false",
}


def prepare():
    VAR.mkdir(exist_ok=True)
    env = {**os.environ, **ENV}
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def setup_django():
    os.environ.update(ENV)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def wsgi_get(handler, path, **extra):
    from django.test import RequestFactory

    environ = RequestFactory().get(path, SERVER_NAME=HOST, **extra).environ
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = dict(headers)

    start = time.perf_counter()
    body = b"".join(handler(environ, start_response))
    return time.perf_counter() - start, captured["status"], captured["headers"], body


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))]


def static_file(url):
    from django.conf import settings

    return (Path(settings.STATIC_ROOT) / url.removeprefix(settings.STATIC_URL)).read_bytes()


def main():
    print("Préparation : migrate, load_demo, collectstatic…", flush=True)
    prepare()
    setup_django()
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    from guides import falc
    from guides.models import ProcedureSheetPage
    from guides.printing import print_pack_pdf, sheet_pdf

    handler = WSGIHandler()
    sheet = ProcedureSheetPage.objects.live().get(slug="demander-le-rsa")
    url = sheet.url

    for _ in range(10):  # warm up: templates, glossary, QR code
        wsgi_get(handler, url)
    times = [wsgi_get(handler, url)[0] * 1000 for _ in range(REQUESTS)]
    _, status, headers, html = wsgi_get(handler, url)
    assert status.startswith("200"), status

    css_urls = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
    js_urls = re.findall(rb'<script src="([^"]+)"', html)
    css = b"".join(static_file(u.decode()) for u in css_urls)
    js = b"".join(static_file(u.decode()) for u in js_urls)
    sizes = {
        "HTML": (len(html), len(gzip.compress(html, 6))),
        "CSS": (len(css), len(gzip.compress(css, 9))),
        "JS": (len(js), len(gzip.compress(js, 9))),
    }

    request = RequestFactory().get(url, SERVER_NAME=HOST)
    pdf_times = []
    for _ in range(PDF_RUNS):
        cache.clear()
        start = time.perf_counter()
        data = sheet_pdf(sheet, request)
        pdf_times.append(time.perf_counter() - start)
    cache.clear()
    cached = [wsgi_get(handler, url + "pdf/")[0] for _ in range(2)][1]

    sheets = list(ProcedureSheetPage.objects.live().order_by("path")[:10])
    appointment = {"first_name": "Prénom", "date": None, "time": None, "place": "SPIP de Meaux"}
    pack_times = []
    for _ in range(max(1, PDF_RUNS // 2)):
        start = time.perf_counter()
        document = print_pack_pdf(
            sheets, appointment, RequestFactory().post("/espace-pro/fiches/", SERVER_NAME=HOST)
        )
        pack = document.write_pdf()
        pack_times.append(time.perf_counter() - start)

    sentence = "Vous pouvez demander le RSA à la CAF si vous avez peu de ressources administratives. "
    text = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    start = time.perf_counter()
    falc.analyse(text, known_words=["RSA", "CAF"])
    falc_time = time.perf_counter() - start

    print()
    print(f"Fiche mesurée : {url} ({len(sheets)} fiches dans le dossier)")
    print(
        f"Temps serveur de la fiche ({REQUESTS} requêtes, sans cache de page) : "
        f"médiane {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"
    )
    total_raw = sum(raw for raw, _ in sizes.values())
    total_gz = sum(gz for _, gz in sizes.values())
    for name, (raw, gz) in sizes.items():
        print(f"  {name:4} : {raw / 1024:5.1f} Ko, {gz / 1024:5.1f} Ko compressé (gzip)")
    print(f"  Total premier affichage : {total_raw / 1024:.1f} Ko, {total_gz / 1024:.1f} Ko compressé")
    print(
        f"PDF d'une fiche (WeasyPrint, {PDF_RUNS} fois) : médiane {statistics.median(pdf_times):.2f} s, "
        f"max {max(pdf_times):.2f} s ; {len(data) / 1024:.0f} Ko ; déjà en cache : {cached * 1000:.1f} ms"
    )
    print(
        f"Dossier de 10 fiches (WeasyPrint, {len(pack_times)} fois) : médiane {statistics.median(pack_times):.2f} s, "
        f"{len(document.pages)} pages, {len(pack) / 1024:.0f} Ko"
    )
    print(f"Analyse FALC de 100 000 caractères : {falc_time * 1000:.0f} ms")


if __name__ == "__main__":
    main()
