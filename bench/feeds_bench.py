"""Benchmark of the calendar feeds (.ics) under load (not a test): prints figures, never fails.

    .venv/bin/python bench/feeds_bench.py
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/feeds_bench.py

Like `make bench` (bench/run.py): the benchmark database (demo content, without the
generated volume unless BENCH_SKIP_VOLUME=0), gunicorn with the production settings and
2 workers on 127.0.0.1. A benchmark CPIP gets 40 bookings and a private feed. Then wrk
at 50 connections for BENCH_SECONDS (10 s) on a unit's public feed and on the private
feed: requests per second, latency, timeouts and error answers.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BENCH_SKIP_VOLUME", "1")

from bench.run import HOST, PORT, WRK_SECONDS, Server, prepare, shell  # noqa: E402

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
BENCH_USER = "bench-feeds-cpip"

FEED_SETUP = f"""
from datetime import timedelta
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from agenda.booking import BookingError, book
from agenda.models import Booking, CalendarFeedToken, ProbationUnit, Session, Subject
user, _ = User.objects.get_or_create(username={BENCH_USER!r})
user.groups.add(Group.objects.get(name="CPIP"))
wanted = 40 - Booking.objects.active().for_cpip(user).count()
for session in Session.objects.upcoming(timezone.localdate() + timedelta(days=1)).scheduled():
    for time in session.free_slot_times():
        if wanted <= 0:
            break
        try:
            book(session_id=session.pk, slot_start=time, cpip=user, subject=Subject.choices[0][0])
            wanted -= 1
        except BookingError:
            pass
feed = CalendarFeedToken.objects.filter(user=user).first() or CalendarFeedToken.renew(user)
unit = ProbationUnit.objects.order_by("slug").first()
print(reverse("agenda:unit_ics", args=[unit.slug]))
print(reverse("agenda:private_feed", args=[feed.token]))
"""


def feed_paths():
    public, private = shell(FEED_SETUP)[-2:]
    return {"flux public d'une unité": public, "flux privé d'un CPIP": private}


def load(path):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{WRK_SECONDS}s",
            "--timeout",
            "5s",
            "--latency",
            f"http://{HOST}:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = {"req/s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for label in ("50%", "99%"):
        figures[f"latence {label}"] = re.search(rf"\s{label}\s+(\S+)", out).group(1)
    timeouts = re.search(r"timeout (\d+)", out)
    figures["timeouts"] = int(timeouts.group(1)) if timeouts else 0
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    figures["erreurs"] = int(errors.group(1)) if errors else 0
    return figures


def main():
    if not shutil.which("wrk"):
        print("wrk manque : apt-get install wrk")
        return
    if os.environ.get("BENCH_SKIP_PREPARE") != "1":
        prepare()
    paths = feed_paths()
    print(f"\nwrk {WRK_SECONDS} s à {CONNECTIONS} connexions, gunicorn 2 workers, réglages de production\n")
    with Server(cached=True):
        for label, path in paths.items():
            figures = load(path)
            print(f"{label:<26}" + "  ".join(f"{name} {value}" for name, value in figures.items()))


if __name__ == "__main__":
    main()
