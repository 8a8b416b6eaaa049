"""Benchmark of the calendar (not a test): prints figures, never fails.

    .venv/bin/python bench/agenda_bench.py            # SQLite in memory
    DATABASE_URL=postgres://… .venv/bin/python bench/agenda_bench.py

It builds a throwaway test database, then measures:
1. the staff month view of the three units holding 200 sessions (half the
   slots booked), as a CPIP and as an editor: median and p95 server time
   (Django test client: URL routing, middleware, queries, templates);
   target: median at most 100 ms;
2. generating 2 years of occurrences for 10 rules (dateutil rrule + French
   public holidays), alone and written to the database as sessions;
   target: at most 1 s.
"""

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from dateutil.relativedelta import relativedelta  # noqa: E402

from agenda.models import Booking, ProbationUnit, Session, SessionRule, Subject  # noqa: E402
from agenda.recurrence import sync_sessions  # noqa: E402
from home.groups import CPIP, EDITORS  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))
SESSIONS = 200


def timed(function, repeat):
    """[(wall-clock ms, CPU ms of this process), …]: on a busy machine the CPU time is the fairer figure."""
    durations = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        function()
        durations.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return durations


def summary(durations):
    walls = sorted(wall for wall, _cpu in durations)
    cpus = sorted(cpu for _wall, cpu in durations)
    p95 = walls[max(0, round(0.95 * len(walls)) - 1)]
    return (
        f"médiane {statistics.median(walls):6.1f} ms (CPU {statistics.median(cpus):6.1f} ms), "
        f"p95 {p95:6.1f} ms ({len(walls)} mesures)"
    )


def month_data():
    units = [
        ProbationUnit.objects.create(slug=slug, name=f"SPIP – {commune}", postcode=postcode, commune=commune)
        for slug, commune, postcode in [
            ("fontainebleau", "Fontainebleau", "77300"),
            ("la-rochette", "La Rochette", "77000"),
            ("meaux", "Meaux", "77100"),
        ]
    ]
    first = timezone.localdate().replace(day=1) + relativedelta(months=1)
    days = [first + timedelta(days=n) for n in range(31) if (first + timedelta(days=n)).month == first.month]
    days = [day for day in days if day.weekday() < 5]
    starts = [(9, 12), (13, 16), (16, 19), (8, 9)]
    sessions = []
    for index in range(SESSIONS):
        unit = units[index % 3]
        day = days[(index // 3) % len(days)]
        start, end = starts[(index // (3 * len(days))) % len(starts)]
        sessions.append(
            Session(
                unit=unit,
                date=day,
                start_time=f"{start:02d}:00",
                end_time=f"{end:02d}:00",
                holder="Conseiller",
            )
        )
    Session.objects.bulk_create(sessions)
    cpips = []
    for number in range(5):
        user = User.objects.create_user(f"cpip-bench-{number}")  # force_login: no password
        user.groups.add(Group.objects.get(name=CPIP))
        cpips.append(user)
    bookings = []
    for session in Session.objects.all():
        for position, slot in enumerate(session.slot_times()):
            if position % 2 == 0:
                bookings.append(
                    Booking(session=session, slot_start=slot, cpip=cpips[position % 5], subject=Subject.CAF)
                )
    Booking.objects.bulk_create(bookings)
    editor = User.objects.create_user("editeur-bench")
    editor.groups.add(Group.objects.get(name=EDITORS))
    return first, cpips[0], editor, len(bookings)


def bench_month_view():
    first, cpip, editor, booking_count = month_data()
    url = f"/espace-pro/agenda/mois/{first.year}/{first.month}/"
    print(f"Vue du mois {url} : {SESSIONS} permanences, 3 unités, {booking_count} rendez-vous")
    for label, user in (("CPIP", cpip), ("éditeur", editor)):
        client = Client()
        client.force_login(user)
        for _ in range(3):  # warm-up: templates compiled, connections open
            assert client.get(url).status_code == 200
        reset_queries()
        connection.force_debug_cursor = True
        client.get(url)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        durations = timed(lambda c=client: c.get(url), REQUESTS)
        print(f"  {label:8s}: {summary(durations)}, {queries} requêtes SQL, cible : médiane ≤ 100 ms")
    unit_url = f"/espace-pro/agenda/unite/meaux/mois/{first.year}/{first.month}/"
    client = Client()
    client.force_login(cpip)
    client.get(unit_url)
    print(f"  une unité (Meaux) : {summary(timed(lambda: client.get(unit_url), REQUESTS))}")


def two_year_rules():
    unit = ProbationUnit.objects.create(
        slug="bench-rules", name="SPIP – Bench", postcode="77000", commune="Melun"
    )
    start = date(2027, 1, 1)
    end = start + relativedelta(years=2, days=-1)
    rules = []
    for number in range(10):
        weekly = number < 5
        rules.append(
            SessionRule.objects.create(
                unit=unit,
                weekdays=[number % 5],
                positions=[] if weekly else [2, 4],
                start_time="09:00",
                end_time="12:00",
                starts_on=start,
                ends_on=end,
            )
        )
    return rules


def bench_rules():
    rules = two_year_rules()
    counts = [len(rule.occurrences()) for rule in rules]
    print(f"Règles : 10 règles sur 2 ans (5 hebdomadaires, 5 « 2e et 4e »), {sum(counts)} dates au total")
    print(
        f"  calcul des dates (rrule + jours fériés) : {summary(timed(lambda: [r.occurrences() for r in rules], 5))}"
    )
    validation = timed(lambda: [rule.full_clean() for rule in rules], 5)
    print(f"  validation éditeur (full_clean) des 10 règles : {summary(validation)}")

    def write():
        Session.objects.filter(rule__in=rules).delete()
        start, cpu = time.perf_counter(), time.process_time()
        for rule in rules:
            sync_sessions(rule, today=date(2027, 1, 1))
        return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000

    writes = [write() for _ in range(3)]
    print(f"  génération en base (création des permanences) : {summary(writes)}, cible : ≤ 1000 ms")
    regenerate = timed(lambda: [sync_sessions(rule, today=date(2027, 1, 1)) for rule in rules], 3)
    print(f"  régénération sans changement : {summary(regenerate)}")


def main():
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"Base : {connection.vendor}, Python {sys.version.split()[0]}")
        bench_month_view()
        bench_rules()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
