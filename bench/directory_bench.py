"""Benchmark of the directory app (not a test): prints the figures, never fails.

    .venv/bin/python bench/directory_bench.py

Uses its own SQLite database and media folder under var/bench-directory/ (git-ignored), with
the test settings (DEBUG off, local-memory cache, no page cache). It measures:

- server time of the directory page, the commune search and a structure page: median and
  95th percentile over N requests through Django's test client (in-process, no network), after
  ``load_demo`` (35 structures), then again with the national file imported (about 2,800);
- bytes transferred for a structure page with its CSS (gzip and brotli; the pages load no JS);
- the PDF guide build time (WeasyPrint, 35 structures);
- an editor's save of a structure in Wagtail admin (the form posted back unchanged): what the
  editor waits for; then the first download of the guide after it (the stale guide is redrawn)
  and the next one (the stored file);
- the import time of a generated national-size file (2,800 rows with the real quirks), with
  ``--departement 77`` and without, first run and second run (nothing to change).

Targets from the issue: pages ≤ 20 ms median, structure page ≤ 30 KB, guide ≤ 5 s, import ≤ 10 s.
"""

import csv
import gzip
import html.parser
import io
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK = BASE_DIR / "var" / "bench-directory"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
NATIONAL_ROWS = 2800

sys.path.insert(0, str(BASE_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'db.sqlite3'}")


def setup():
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = WORK / "media"
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())


def page_times(urls):
    """Wall-clock time per request, and the CPU time of this process (the part other load cannot inflate)."""
    from django.test import Client

    client = Client()
    for label, url in urls:
        for _ in range(5):  # warm-up: caches, compiled templates, commune index
            assert client.get(url).status_code == 200, url
        wall, cpu = [], []
        for _ in range(REQUESTS):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        p95 = statistics.quantiles(wall, n=20)[-1]
        print(
            f"  {label:<38} median {statistics.median(wall):6.1f} ms  p95 {p95:6.1f} ms"
            f"  (CPU median {statistics.median(cpu):5.1f} ms)  {url}"
        )


def transferred_size(url):
    from django.contrib.staticfiles import finders
    from django.test import Client

    import brotli

    html = Client().get(url).content
    css = Path(finders.find("css/portal.css")).read_bytes()
    scripts = html.count(b"<script")
    print(f"  structure page {url}: {len(html)} B HTML + {len(css)} B CSS, {scripts} script(s)")
    print(
        f"    gzip:   {len(gzip.compress(html, 6)) + len(gzip.compress(css, 6)):6d} B"
        f"   brotli: {len(brotli.compress(html)) + len(brotli.compress(css)):6d} B   (target ≤ 30 720 B)"
    )


def guide_times():
    from directory import guide

    wall, cpu = [], []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        guide.build_pdf()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    size = guide.store()
    print(
        f"  guide PDF (35 structures): median {statistics.median(wall):.2f} s over 3 builds"
        f" (CPU {statistics.median(cpu):.2f} s), {size} B"
    )


class FormFields(html.parser.HTMLParser):
    """The values a browser would post back from the page's main form, unchanged."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append(
                    (name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
                )
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None


def admin_save_times(saves=5):
    """An editor opens a structure in Wagtail admin and saves it: the POST's time, as the editor waits."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from directory.models import Structure

    user = get_user_model().objects.create_superuser("bench-editor", "bench@example.org", "x")
    client = Client()
    client.force_login(user)
    structure = Structure.objects.get(id_fs="454")
    url = reverse("wagtailsnippets_directory_structure:edit", args=[structure.pk])
    wall = []
    for _ in range(saves + 1):
        parser = FormFields()
        parser.feed(client.get(url).content.decode())
        data = {}
        for name, value in parser.fields:
            data.setdefault(name, []).append(value)
        start = time.perf_counter()
        response = client.post(url, data)
        wall.append(time.perf_counter() - start)
        assert response.status_code == 302, response.content.decode()[:2000]
    wall = wall[1:]  # the first save warms up the templates
    print(
        f"  admin save of a structure: median {statistics.median(wall) * 1000:.0f} ms,"
        f" max {max(wall) * 1000:.0f} ms over {saves} saves"
    )
    for label in ("first guide download after the saves (rebuilds it)", "next guide download (stored file)"):
        start = time.perf_counter()
        response = client.get("/france-services/guide/")
        b"".join(response.streaming_content)
        print(f"  {label}: {(time.perf_counter() - start) * 1000:.0f} ms")


def national_file(path):
    """A national-size file built from the real rows of Seine-et-Marne: same columns, formats and quirks.

    The 34 real rows are kept; the other rows copy a real row's hours, formats and comments into
    made-up structures of the other départements (names, places and ids are invented), and about
    one row in forty carries a quirk seen in the national file.
    """
    rng = random.Random(77)
    source = BASE_DIR / "directory" / "data" / "france-services-77.csv"
    with source.open(encoding="utf-8", newline="") as file:
        real = list(csv.DictReader(file))
    departments = [f"{n:02d}" for n in range(1, 96) if n not in (20, 77)] + [
        "2A",
        "2B",
        "971",
        "972",
        "973",
        "974",
        "976",
    ]
    quirks = [
        "00:00 - 00:00 / 09:00 - 12:00",
        "9h-12h",
        "fermé",
        "sur rendez-vous",
        "09:00 - 12:00 / 13:30 - 17:00 / 18:00 - 19:00",
    ]
    rows = list(real)
    for number in range(NATIONAL_ROWS - len(real)):
        model = dict(rng.choice(real))
        department = departments[number % len(departments)]
        commune = f"Commune {number:04d}"
        model.update(
            id_fs=str(10_000 + number),
            insee_dep=department,
            lib_fs=f"France services {commune}",
            insee_com=f"{department[:2]}{number % 1000:03d}",
            code_postal=f"{department[:2]}{rng.randint(0, 999):03d}",
            lib_com=commune,
            latitude=f"{rng.uniform(42.5, 50.9):.6f}",
            longitude=f"{rng.uniform(-4.5, 7.9):.6f}",
            mail=f"fs{number}@example.org",
        )
        if rng.random() < 0.025:
            model[rng.choice(["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi"])] = rng.choice(
                quirks
            )
        rows.append(model)
    rng.shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(real[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def import_times():
    from django.core.management import call_command

    from directory.models import Structure

    path = national_file(WORK / "france-services-national.csv")
    print(
        f"  generated {path.relative_to(BASE_DIR)}: {NATIONAL_ROWS} rows, {path.stat().st_size // 1024} KiB"
    )
    Structure.objects.exclude(id_fs=None).delete()
    for label, args in [
        ("--departement 77, first run", ["--departement", "77"]),
        ("--departement 77, second run", ["--departement", "77"]),
        ("whole file, first run", []),
        ("whole file, second run", []),
    ]:
        out = io.StringIO()
        start, start_cpu = time.perf_counter(), time.process_time()
        call_command("import_france_services", str(path), *args, stdout=out)
        duration, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        print(f"  {label:<30} {duration:5.2f} s (CPU {cpu:5.2f} s)   {out.getvalue().splitlines()[0]}")
    print(f"  structures in the database: {Structure.objects.count()}")


def main():
    print(f"Machine: {os.cpu_count()} CPU, load average {os.getloadavg()[0]:.1f} at start.")
    print("Préparation : base neuve, migrate, load_demo…", flush=True)
    setup()
    from directory.models import Structure

    melun = Structure.objects.get(id_fs="454").slug
    urls = [
        ("directory page", "/france-services/"),
        ("directory page, CAF, by commune", "/france-services/?partenaire=caf&tri=commune"),
        ("commune search (name)", "/france-services/recherche/?q=st+fargeau"),
        ("commune search (postcode, choice)", "/france-services/recherche/?q=77230"),
        ("commune search (unknown, suggestions)", "/france-services/recherche/?q=fontenblo"),
        ("commune results page", "/france-services/commune/77284/"),
        ("structure page", f"/france-services/{melun}/"),
        ("SPIP itinerant structure page", "/france-services/itinerante-spip/"),
    ]
    print(f"\nServer time, {REQUESTS} requests each, 35 structures:")
    page_times(urls)
    print("\nTransferred size:")
    transferred_size(f"/france-services/{melun}/")
    transferred_size("/france-services/")
    print("\nPDF guide:")
    guide_times()
    print("\nEditor's save in Wagtail admin:")
    admin_save_times()
    print("\nImport of a national-size file (includes the guide rebuild at commit when something changed):")
    import_times()
    print(f"\nServer time again, {REQUESTS} requests each, national file imported:")
    page_times(urls[:1] + urls[2:3])
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
