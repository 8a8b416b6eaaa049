"""A CPIP moves a booking to another free slot: the old slot is free at once, a new letter follows."""

from datetime import time
from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from agenda.booking import BookingError, book, move
from agenda.models import Booking, Outcome, Session, Subject
from home.groups import CPIP
from tests.agenda.factories import BookingFactory, SessionFactory, in_days
from tests.factories import UserFactory
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_cpip(db):
    user = UserFactory(username="autre-cpip")
    user.groups.add(Group.objects.get(name=CPIP))
    return user


@pytest.fixture
def session(meaux):
    return SessionFactory(unit=meaux, date=in_days(7), start_time=time(9), end_time=time(10, 30))


@pytest.fixture
def later(meaux):
    return SessionFactory(unit=meaux, date=in_days(14), start_time=time(14), end_time=time(15))


@pytest.fixture
def booking(session, cpip):
    return BookingFactory(session=session, slot_start=time(9), cpip=cpip, subject=Subject.HOUSING)


def text(response):
    return unescape(response.content.decode())


def test_moving_frees_the_old_slot_and_keeps_the_subject_and_sheets(
    booking, later, cpip, other_cpip, home_page
):
    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page), title="Argent", slug="argent")
    sheet = ProcedureSheetPageFactory(parent=topic, title="Le RSA", slug="rsa")
    booking.sheets.set([sheet])
    new = move(booking, session_id=later.pk, slot_start=time(14, 30), user=cpip)
    booking.refresh_from_db()
    assert (new.session, new.slot_start, new.cpip, new.subject) == (
        later,
        time(14, 30),
        cpip,
        Subject.HOUSING,
    )
    assert list(new.sheets.all()) == [sheet.page_ptr.specific]
    assert not booking.is_active
    assert booking.outcome == Outcome.MOVED
    assert booking.moved_to == new
    # The old slot is free at once, for everyone.
    again = book(session_id=booking.session_id, slot_start=time(9), cpip=other_cpip, subject=Subject.CAF)
    assert again.is_active


def test_moving_within_the_same_session(booking, session, cpip):
    new = move(booking, session_id=session.pk, slot_start=time(10), user=cpip)
    assert new.session == session
    assert set(session.bookings.active().values_list("slot_start", flat=True)) == {time(10)}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("taken", "vient d'être pris"),
        ("same", "déjà à cette heure"),
        ("not_a_slot", "n'est pas un créneau"),
        ("missing", "n'existe pas"),
        ("cancelled", r"annulée \(grève\)"),
    ],
)
def test_a_move_that_cannot_be_done_changes_nothing(
    booking, session, later, cpip, other_cpip, target, message
):
    BookingFactory(session=later, slot_start=time(14), cpip=other_cpip)
    cancelled = SessionFactory(
        unit=session.unit, date=in_days(20), status=Session.Status.CANCELLED, reason="grève"
    )
    session_id, slot = {
        "taken": (later.pk, time(14)),
        "same": (session.pk, time(9)),
        "not_a_slot": (later.pk, time(14, 10)),
        "missing": (987654, time(9)),
        "cancelled": (cancelled.pk, time(9)),
    }[target]
    with pytest.raises(BookingError, match=message):
        move(booking, session_id=session_id, slot_start=slot, user=cpip)
    booking.refresh_from_db()
    assert booking.is_active and booking.outcome == "" and booking.moved_to is None
    assert Booking.objects.count() == 2


def test_only_the_cpip_moves_a_coming_active_booking(booking, later, cpip, other_cpip, editor):
    for user in (other_cpip, editor):
        with pytest.raises(BookingError, match="propres rendez-vous"):
            move(booking, session_id=later.pk, slot_start=time(14), user=user)
    with pytest.raises(BookingError, match="passé"):
        move(booking, session_id=later.pk, slot_start=time(14), user=cpip, now=booking.ends_at())
    booking.cancelled_at = booking.created_at
    booking.save()
    with pytest.raises(BookingError, match="annulé"):
        move(booking, session_id=later.pk, slot_start=time(14), user=cpip)


# Through the staff pages


def test_cpip_moves_through_the_pages_and_gets_the_new_letter(client, booking, later, cpip):
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:booking", args=[booking.pk])))
    move_url = reverse("agenda:booking_move", args=[booking.pk])
    assert move_url in page
    choices = text(client.get(move_url))
    assert f"{move_url}?permanence={later.pk}" in choices
    slots = text(client.get(move_url, {"permanence": later.pk}))
    assert 'name="creneau" value="14:30"' in slots
    response = client.post(move_url, {"permanence": later.pk, "creneau": "14:30"}, follow=True)
    new = Booking.objects.active().get()
    assert response.redirect_chain[-1][0] == reverse("agenda:booking", args=[new.pk])
    page = text(response)
    assert "Rendez-vous déplacé" in page
    assert "Imprimez la nouvelle convocation" in page
    assert reverse("agenda:letter", args=[new.pk]) in page
    # The old booking says where it went.
    old = text(client.get(reverse("agenda:booking", args=[booking.pk])))
    assert "Ce rendez-vous a été déplacé" in old
    assert reverse("agenda:booking", args=[new.pk]) in old


def test_the_move_page_offers_only_free_slots(client, booking, session, later, cpip, other_cpip):
    BookingFactory(session=later, slot_start=time(14), cpip=other_cpip)
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:booking_move", args=[booking.pk]), {"permanence": later.pk}))
    assert 'value="14:30"' in page
    assert 'value="14:00"' not in page
    page = text(client.get(reverse("agenda:booking_move", args=[booking.pk]), {"permanence": session.pk}))
    assert 'value="09:00"' not in page  # its own slot
    assert 'value="09:30"' in page


@pytest.mark.parametrize(
    "data",
    [
        {"permanence": "\x00", "creneau": "14:00"},
        {"permanence": "9" * 40, "creneau": "14:00"},
        {"permanence": "99999999999", "creneau": "14:00"},
        {"permanence": "1", "creneau": "25:99"},
        {"permanence": "1", "creneau": "14:00\x00"},
        {},
    ],
)
def test_bad_input_moves_nothing_and_says_so_in_french(client, booking, later, cpip, data):
    client.force_login(cpip)
    response = client.post(reverse("agenda:booking_move", args=[booking.pk]), data, follow=True)
    assert response.status_code == 200
    page = text(response)
    assert "Choisissez une permanence et un créneau" in page or "n'existe pas" in page
    booking.refresh_from_db()
    assert booking.is_active
    assert Booking.objects.count() == 1
    response = client.get(
        reverse("agenda:booking_move", args=[booking.pk]), {"permanence": data.get("permanence", "")}
    )
    assert response.status_code == 200


def test_another_cpip_cannot_open_the_move_page(client, booking, other_cpip, editor):
    client.force_login(other_cpip)
    assert client.get(reverse("agenda:booking_move", args=[booking.pk])).status_code == 404
    client.force_login(editor)
    response = client.post(reverse("agenda:booking_move", args=[booking.pk]), {}, follow=True)
    assert "déplacer seulement vos propres rendez-vous" in text(response)
