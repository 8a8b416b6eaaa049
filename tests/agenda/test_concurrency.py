"""Two CPIPs asking for the last free slot at the same moment: exactly one gets it.

These tests run real concurrent transactions, one database connection per
thread, so they need PostgreSQL (SQLite locks the whole file and has no row
locks to prove anything with).
"""

import threading
from datetime import time

from django.conf import settings
from django.db import IntegrityError, connection, transaction

import pytest

from agenda.booking import BookingError, book
from agenda.models import Booking, Subject
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL for real concurrent transactions: set DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTENDERS = 6


def run_together(action, count):
    """Run ``action(i)`` in ``count`` threads released at the same instant; return their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        try:
            barrier.wait(timeout=10)
            results[index] = action(index)
        except Exception as error:  # noqa: BLE001 - the test looks at what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def last_free_slot():
    """A session of three slots whose 9:00 and 9:30 are taken: only 10:00 is left."""
    session = SessionFactory(
        unit=ProbationUnitFactory(), date=in_days(3), start_time=time(9), end_time=time(10, 30)
    )
    BookingFactory(session=session, slot_start=time(9))
    BookingFactory(session=session, slot_start=time(9, 30))
    return session


def test_only_one_of_several_cpips_gets_the_last_free_slot(last_free_slot):
    cpips = [UserFactory(username=f"cpip-concurrent-{index}") for index in range(CONTENDERS)]

    def attempt(index):
        return book(session_id=last_free_slot.pk, slot_start=time(10), cpip=cpips[index], subject=Subject.CAF)

    results = run_together(attempt, CONTENDERS)
    won = [result for result in results if isinstance(result, Booking)]
    lost = [result for result in results if isinstance(result, BookingError)]
    assert len(won) == 1, results
    assert len(lost) == CONTENDERS - 1, results
    assert {error.message for error in lost} == {"Cette permanence est complète. Choisissez une autre date."}
    assert Booking.objects.active().filter(session=last_free_slot, slot_start=time(10)).count() == 1


def test_database_refuses_a_second_active_booking_even_without_the_lock(last_free_slot):
    """The unique constraint holds on its own: two bare inserts racing, one commits."""
    cpips = [UserFactory(username=f"cpip-raw-{index}") for index in range(2)]

    def insert(index):
        with transaction.atomic():
            return Booking.objects.create(
                session_id=last_free_slot.pk, slot_start=time(10), cpip=cpips[index], subject=Subject.CAF
            )

    results = run_together(insert, 2)
    assert sum(isinstance(result, Booking) for result in results) == 1, results
    assert sum(isinstance(result, IntegrityError) for result in results) == 1, results
