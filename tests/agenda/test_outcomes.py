"""After the session: the advisor or the CPIP notes whether each person came."""

from datetime import time, timedelta
from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from agenda.booking import OutcomeError, record_outcomes
from agenda.models import Booking, Outcome
from home.groups import CPIP
from tests.agenda.factories import BookingFactory, SessionFactory, in_days
from tests.factories import UserFactory
from tests.html import french, has_inline_script

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_cpip(db):
    user = UserFactory(username="autre-cpip", first_name="Claire", last_name="Collègue")
    user.groups.add(Group.objects.get(name=CPIP))
    return user


@pytest.fixture
def past_session(meaux):
    return SessionFactory(unit=meaux, date=in_days(-2), start_time=time(9), end_time=time(10, 30))


@pytest.fixture
def bookings(past_session, cpip, other_cpip):
    return [
        BookingFactory(session=past_session, slot_start=time(9), cpip=cpip),
        BookingFactory(session=past_session, slot_start=time(9, 30), cpip=other_cpip),
    ]


def url(session):
    return reverse("agenda:session_outcomes", args=[session.pk])


def text(response):
    return unescape(response.content.decode())


def outcomes():
    return list(Booking.objects.order_by("slot_start").values_list("outcome", flat=True))


def test_editor_sees_one_group_of_french_choices_per_booking(client, editor, past_session, bookings):
    client.force_login(editor)
    page = text(client.get(url(past_session)))
    assert french("La personne est-elle venue ?") in page
    assert page.count("<fieldset") == 2
    for booking in bookings:
        name = f'name="resultat-{booking.pk}"'
        # Radios without JavaScript: one per answer, and "not noted yet" checked.
        assert page.count(name) == 5
        assert f'{name} value="" checked' in page
    for label in ("Pas encore noté", "Venu", "Pas venu", "Excusé", "Reporté"):
        assert f"> {label}</label>" in page
    assert not has_inline_script(page)
    assert "jamais des personnes" in page


def test_editor_notes_every_booking_of_the_session(client, editor, past_session, bookings):
    client.force_login(editor)
    data = {f"resultat-{bookings[0].pk}": "venu", f"resultat-{bookings[1].pk}": "pas_venu"}
    response = client.post(url(past_session), data, follow=True)
    assert "C'est noté" in text(response)
    assert outcomes() == [Outcome.CAME, Outcome.NO_SHOW]
    page = text(client.get(url(past_session)))
    assert f'name="resultat-{bookings[0].pk}" value="venu" checked' in page


def test_an_outcome_can_be_corrected_and_cleared(client, editor, past_session, bookings):
    client.force_login(editor)
    client.post(url(past_session), {f"resultat-{bookings[0].pk}": "venu"})
    client.post(url(past_session), {f"resultat-{bookings[0].pk}": "excuse"})
    assert outcomes() == [Outcome.EXCUSED, ""]
    client.post(url(past_session), {f"resultat-{bookings[0].pk}": ""})
    assert outcomes() == ["", ""]


def test_cpip_notes_their_own_booking_only(client, cpip, past_session, bookings):
    client.force_login(cpip)
    page = text(client.get(url(past_session)))
    assert f'name="resultat-{bookings[0].pk}"' in page
    assert f'name="resultat-{bookings[1].pk}"' not in page
    assert "Claire Collègue" not in page  # another CPIP's name is for editors
    data = {f"resultat-{bookings[0].pk}": "venu", f"resultat-{bookings[1].pk}": "pas_venu"}
    client.post(url(past_session), data)
    assert outcomes() == [Outcome.CAME, ""]


def test_a_future_session_is_refused_with_a_french_sentence(client, editor, meaux):
    session = SessionFactory(unit=meaux, date=in_days(3))
    booking = BookingFactory(session=session)
    client.force_login(editor)
    page = text(client.get(url(session)))
    assert "Cette permanence n'a pas encore eu lieu" in page
    assert 'type="radio"' not in page
    response = client.post(url(session), {f"resultat-{booking.pk}": "venu"}, follow=True)
    assert "Ce rendez-vous n'a pas encore eu lieu" in text(response)
    assert outcomes() == [""]


def test_the_service_refuses_a_slot_still_to_come(past_session, cpip, editor):
    booking = BookingFactory(session=past_session, slot_start=time(10), cpip=cpip)
    during = booking.starts_at() - timedelta(minutes=30)
    with pytest.raises(OutcomeError, match="pas encore eu lieu"):
        record_outcomes(past_session, {booking.pk: "venu"}, user=editor, editor=True, now=during)
    assert (
        record_outcomes(past_session, {booking.pk: "venu"}, user=cpip, editor=False, now=booking.starts_at())
        == 1
    )


def test_the_service_refuses_a_booking_of_another_session(past_session, editor, meaux):
    elsewhere = BookingFactory(session=SessionFactory(unit=meaux, date=in_days(-9)))
    with pytest.raises(OutcomeError, match="plus dans cette permanence"):
        record_outcomes(past_session, {elsewhere.pk: "venu"}, user=editor, editor=True)
    assert outcomes() == [""]


@pytest.mark.parametrize("value", ["peut-être", "venu\x00", "\x00", "VENU", "v" * 10_000, "9" * 40])
def test_a_bad_value_changes_nothing_and_says_so(client, editor, past_session, bookings, value):
    client.force_login(editor)
    data = {f"resultat-{bookings[0].pk}": "venu", f"resultat-{bookings[1].pk}": value}
    response = client.post(url(past_session), data, follow=True)
    assert response.status_code == 200
    assert "Choisissez une réponse de la liste" in text(response)
    assert outcomes() == ["", ""]  # all or nothing: the good answer is not kept either


@pytest.mark.parametrize(
    "name", ["resultat-99999999999999999999999", "resultat-\x00", "resultat-", "x" * 500]
)
def test_unknown_field_names_are_ignored(client, editor, past_session, bookings, name):
    client.force_login(editor)
    response = client.post(url(past_session), {name: "venu"}, follow=True)
    assert response.status_code == 200
    assert "Rien n'a changé" in text(response)
    assert outcomes() == ["", ""]


def test_a_huge_or_unknown_session_id_is_a_french_404(client, editor):
    client.force_login(editor)
    for pk in (987654, 10**30):
        response = client.get(f"/espace-pro/agenda/permanence/{pk}/presence/")
        assert response.status_code == 404
        response = client.post(f"/espace-pro/agenda/permanence/{pk}/presence/", {"resultat-1": "venu"})
        assert response.status_code == 404


def test_the_session_page_links_to_the_outcome_form(client, editor, past_session):
    client.force_login(editor)
    page = text(client.get(reverse("agenda:session", args=[past_session.pk])))
    assert url(past_session) in page
    assert "noter qui est venu" in page
