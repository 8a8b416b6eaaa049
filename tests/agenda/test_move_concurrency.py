"""Moves at the same moment as other moves and bookings: capacity holds, nothing is lost.

Real concurrent transactions, one connection per thread: PostgreSQL only (see test_concurrency.py).
"""

from datetime import time

from django.conf import settings

import pytest

from agenda.booking import BookingError, book, cancel, move
from agenda.models import Booking, Outcome, Subject
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.agenda.test_concurrency import run_together
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL for real concurrent transactions: set DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONTENDERS = 5


@pytest.fixture
def unit():
    return ProbationUnitFactory()


@pytest.fixture
def target(unit):
    """A session of two slots whose 14:00 is taken: only 14:30 is left."""
    session = SessionFactory(unit=unit, date=in_days(10), start_time=time(14), end_time=time(15))
    BookingFactory(session=session, slot_start=time(14))
    return session


@pytest.fixture
def origin(unit):
    return SessionFactory(unit=unit, date=in_days(3), start_time=time(9), end_time=time(12))


def test_only_one_of_several_moves_gets_the_last_free_slot(origin, target):
    cpips = [UserFactory(username=f"cpip-move-{index}") for index in range(CONTENDERS)]
    bookings = [
        BookingFactory(session=origin, slot_start=time(9 + index // 2, 30 * (index % 2)), cpip=cpips[index])
        for index in range(CONTENDERS)
    ]

    def attempt(index):
        return move(bookings[index], session_id=target.pk, slot_start=time(14, 30), user=cpips[index])

    results = run_together(attempt, CONTENDERS)
    won = [result for result in results if isinstance(result, Booking)]
    lost = [result for result in results if isinstance(result, BookingError)]
    assert len(won) == 1, results
    assert len(lost) == CONTENDERS - 1, results
    assert {error.message for error in lost} == {"Cette permanence est complète. Choisissez une autre date."}
    assert Booking.objects.active().filter(session=target).count() == 2  # its capacity
    # The losers keep their booking exactly as it was; the winner's old slot is free.
    assert Booking.objects.active().filter(session=origin).count() == CONTENDERS - 1
    assert Booking.objects.filter(outcome=Outcome.MOVED).count() == 1


def test_a_move_and_a_booking_racing_for_one_slot(origin, target):
    mover, booker = UserFactory(username="cpip-mover"), UserFactory(username="cpip-booker")
    booking = BookingFactory(session=origin, slot_start=time(9), cpip=mover)

    def attempt(index):
        if index == 0:
            return move(booking, session_id=target.pk, slot_start=time(14, 30), user=mover)
        return book(session_id=target.pk, slot_start=time(14, 30), cpip=booker, subject=Subject.CAF)

    for _round in range(3):
        results = run_together(attempt, 2)
        assert sum(isinstance(result, Booking) for result in results) == 1, results
        assert Booking.objects.active().filter(session=target, slot_start=time(14, 30)).count() == 1
        won = Booking.objects.active().get(session=target, slot_start=time(14, 30))
        # Put things back for another round.
        Booking.objects.filter(pk=won.pk).delete()
        Booking.objects.filter(pk=booking.pk).update(cancelled_at=None, outcome="", moved_to=None)
    booking.refresh_from_db()
    assert booking.is_active


def test_one_booking_moved_twice_at_once_lands_in_one_slot(origin, target, unit):
    other = SessionFactory(unit=unit, date=in_days(12), start_time=time(9), end_time=time(10))
    cpip = UserFactory(username="cpip-twice")
    booking = BookingFactory(session=origin, slot_start=time(9), cpip=cpip)
    destinations = [(target.pk, time(14, 30)), (other.pk, time(9, 30))]

    def attempt(index):
        session_id, slot = destinations[index]
        return move(booking, session_id=session_id, slot_start=slot, user=cpip)

    results = run_together(attempt, 2)
    assert sum(isinstance(result, Booking) for result in results) == 1, results
    errors = [result for result in results if isinstance(result, BookingError)]
    assert [error.message for error in errors] == [
        "Ce rendez-vous est annulé : il ne peut plus être déplacé."
    ]
    assert Booking.objects.active().filter(cpip=cpip).count() == 1


def test_crossed_moves_between_two_sessions_do_not_wait_for_each_other(unit):
    first = SessionFactory(unit=unit, date=in_days(4), start_time=time(9), end_time=time(10))
    second = SessionFactory(unit=unit, date=in_days(5), start_time=time(9), end_time=time(10))
    cpips = [UserFactory(username=f"cpip-cross-{index}") for index in range(2)]
    there = BookingFactory(session=first, slot_start=time(9), cpip=cpips[0])
    back = BookingFactory(session=second, slot_start=time(9), cpip=cpips[1])

    def attempt(index):
        if index == 0:
            return move(there, session_id=second.pk, slot_start=time(9, 30), user=cpips[0])
        return move(back, session_id=first.pk, slot_start=time(9, 30), user=cpips[1])

    results = run_together(attempt, 2)
    assert all(isinstance(result, Booking) for result in results), results
    assert set(Booking.objects.active().values_list("session_id", "slot_start")) == {
        (second.pk, time(9, 30)),
        (first.pk, time(9, 30)),
    }


def test_a_move_and_a_cancel_of_one_booking_at_once(origin, target):
    """One of them happens; neither waits for the other forever (no deadlock, no server error)."""
    cpip = UserFactory(username="cpip-undecided")
    for _round in range(3):
        booking = BookingFactory(session=origin, slot_start=time(9), cpip=cpip)

        def attempt(index, booking=booking):
            if index == 0:
                return move(booking, session_id=target.pk, slot_start=time(14, 30), user=cpip)
            return cancel(booking, user=cpip)

        results = run_together(attempt, 2)
        assert all(isinstance(result, Booking | BookingError) for result in results), results
        assert sum(isinstance(result, BookingError) for result in results) == 1, results
        assert Booking.objects.active().filter(cpip=cpip).count() in (0, 1)
        Booking.objects.filter(cpip=cpip).delete()
