"""Every page of the staff area: sign-in required, and 403 for users outside CPIP and Éditeurs."""

from django.urls import reverse

import pytest

from tests.agenda.factories import BookingFactory, SessionFactory
from tests.html import has_inline_script

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_urls(meaux):
    session = SessionFactory(unit=meaux)
    booking = BookingFactory(session=session)
    return [
        reverse("agenda:index"),
        reverse("agenda:current_month"),
        reverse("agenda:month", args=[2026, 12]),
        reverse("agenda:list"),
        reverse("agenda:unit_list", args=[meaux.slug]),
        reverse("agenda:unit_current_month", args=[meaux.slug]),
        reverse("agenda:unit_month", args=[meaux.slug, 2026, 12]),
        reverse("agenda:session", args=[session.pk]),
        reverse("agenda:day_sheet", args=[session.pk]),
        reverse("agenda:day_sheet_pdf", args=[session.pk]),
        reverse("agenda:bookings"),
        reverse("agenda:booking", args=[booking.pk]),
        reverse("agenda:booking_cancel", args=[booking.pk]),
        reverse("agenda:letter", args=[booking.pk]),
        reverse("agenda:card", args=[booking.pk]),
        reverse("agenda:feed_settings"),
        reverse("agenda:session_outcomes", args=[session.pk]),
        reverse("agenda:booking_move", args=[booking.pk]),
        reverse("agenda:statistics"),
        reverse("agenda:statistics_csv"),
    ]


def test_staff_urls_are_all_listed_here(staff_urls):
    from agenda.urls import urlpatterns

    public = {"unit_ics", "private_feed"}
    assert len(staff_urls) == len([pattern for pattern in urlpatterns if pattern.name not in public])


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_the_sign_in_page(client, staff_urls, method):
    for url in staff_urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


@pytest.mark.parametrize("method", ["get", "post"])
def test_signed_in_users_outside_the_groups_get_403_everywhere(client, staff_urls, other_user, method):
    client.force_login(other_user)
    for url in staff_urls:
        response = getattr(client, method)(url, {"slot": "09:00", "subject": "caf", "name": "X"})
        assert response.status_code == 403, url
        assert "Accès refusé" in response.content.decode()


def test_forbidden_users_change_nothing(client, staff_urls, other_user):
    from agenda.models import Booking, CalendarFeedToken

    client.force_login(other_user)
    for url in staff_urls:
        client.post(url, {"slot": "09:30", "subject": "caf"})
    assert Booking.objects.count() == 1
    assert Booking.objects.get().is_active
    assert not CalendarFeedToken.objects.exists()


def test_editors_open_every_staff_page(client, staff_urls, editor):
    client.force_login(editor)
    for url in staff_urls:
        assert client.get(url, follow=True).status_code == 200, url


def test_cpips_open_every_staff_page_but_other_cpips_bookings(client, staff_urls, cpip):
    client.force_login(cpip)
    for url in staff_urls:
        expected = 404 if "/rendez-vous/" in url and url != reverse("agenda:bookings") else 200
        if "/feuille" in url:
            expected = 403  # the day sheet names every CPIP: editors only
        assert client.get(url, follow=True).status_code == expected, url


def test_staff_home_links_to_the_agenda(client, cpip):
    client.force_login(cpip)
    assert reverse("agenda:index") in client.get(reverse("staff_home")).content.decode()


def test_staff_pages_need_no_inline_script_or_style(client, staff_urls, cpip, editor):
    for user in (cpip, editor):
        client.force_login(user)
        for url in staff_urls:
            response = client.get(url, follow=True)
            if response["Content-Type"] == "application/pdf":
                continue
            page = response.content.decode()
            assert not has_inline_script(page) and "<style" not in page and "style=" not in page, url
