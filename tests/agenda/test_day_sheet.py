"""The advisor's day sheet: a session's slots, on the screen and on one A4 page, with no name."""

from datetime import time
from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from agenda import day_sheet
from agenda.models import Session, Subject
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.factories import UserFactory
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory
from tests.guides.pdf import page_count
from tests.html import french
from tests.links import needs_pdf_tools, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(db):
    return ProbationUnitFactory(slug="melun", name="SPIP – Melun", postcode="77000", commune="Melun")


@pytest.fixture
def cpips(db):
    group = Group.objects.get(name="CPIP")
    people = []
    for first, last in [("Alice", "Martin"), ("Bruno", "Petit"), ("Chloé", "Durand")]:
        user = UserFactory(username=f"{first.lower()}", first_name=first, last_name=last)
        user.groups.add(group)
        people.append(user)
    return people


@pytest.fixture
def sheet(home_page):
    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page), slug="argent")
    return ProcedureSheetPageFactory(
        parent=topic,
        title="Demander le RSA",
        body__1__checklist__items__0="Votre carte d'identité",
        body__1__checklist__items__1="Votre RIB",
    )


@pytest.fixture
def session(unit, cpips, sheet):
    """9 h – 12 h, 6 slots: 10 h cancelled then booked again, 11 h booked, the others free."""
    session = SessionFactory(unit=unit, date=in_days(3), holder="Conseillère Dubois")
    cancelled = BookingFactory(session=session, slot_start=time(10), cpip=cpips[0], subject=Subject.CAF)
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    again = BookingFactory(session=session, slot_start=time(10), cpip=cpips[1], subject=Subject.HOUSING)
    again.sheets.add(sheet)
    BookingFactory(session=session, slot_start=time(11), cpip=cpips[2], subject=Subject.HEALTH)
    return session


def _rows(session):
    return [(line.time, line.state, line.cpip, line.subject, line.papers) for line in day_sheet.lines(
        day_sheet.session_for_sheet(session.pk)
    )]  # fmt: skip


def test_the_sheet_lists_every_slot_in_time_order_cancelled_ones_marked(session):
    assert _rows(session) == [
        (time(9), "free", "", "", []),
        (time(9, 30), "free", "", "", []),
        (time(10), "cancelled", "Alice Martin", "CAF", []),
        (time(10), "booked", "Bruno Petit", "Logement", ["Votre carte d'identité", "Votre RIB"]),
        (time(10, 30), "free", "", "", []),
        (time(11), "booked", "Chloé Durand", "Santé", []),
        (time(11, 30), "free", "", "", []),
    ]


def test_an_editor_sees_the_sheet_with_cpips_subjects_papers_and_boxes(client, editor, session):
    client.force_login(editor)
    page = unescape(client.get(reverse("agenda:day_sheet", args=[session.pk])).content.decode())
    assert "Feuille du jour – SPIP – Melun" in page
    assert french("Tenue par : Conseillère Dubois.") in page
    assert "<s>annulé</s>" in page
    assert "Bruno Petit" in page and "Logement" in page and "Votre carte d'identité, Votre RIB" in page
    assert page.count('aria-label="case à cocher : venu"') == 2
    assert reverse("agenda:day_sheet_pdf", args=[session.pk]) in page


def test_a_cancelled_session_says_so_on_the_sheet(client, editor, session):
    session.status = Session.Status.CANCELLED
    session.reason = "Conseillère absente"
    session.save()
    client.force_login(editor)
    page = unescape(client.get(reverse("agenda:day_sheet", args=[session.pk])).content.decode())
    assert french("Permanence annulée</strong> : Conseillère absente") in page
    assert "libre" not in page.split("<tbody>")[1]


def test_the_unit_calendar_links_to_each_sessions_sheet_for_editors(client, editor, cpip, session):
    url = reverse("agenda:unit_month", args=[session.unit.slug, session.date.year, session.date.month])
    sheet_url = reverse("agenda:day_sheet", args=[session.pk])
    client.force_login(editor)
    assert sheet_url in client.get(url).content.decode()
    client.force_login(cpip)
    assert sheet_url not in client.get(url).content.decode()


@pytest.mark.parametrize("name", ["day_sheet", "day_sheet_pdf"])
def test_only_staff_who_see_every_booking_open_the_sheet(client, cpip, other_user, session, name):
    url = reverse(f"agenda:{name}", args=[session.pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("login"))
    for user in (cpip, other_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 403
        assert "Bruno Petit" not in response.content.decode()


def test_an_unknown_session_has_no_sheet(client, editor):
    client.force_login(editor)
    assert client.get(reverse("agenda:day_sheet", args=[999999])).status_code == 404
    assert client.get(reverse("agenda:day_sheet_pdf", args=[999999])).status_code == 404


def test_a_full_days_sheet_fits_on_one_a4_page(client, editor, unit, cpips, sheet):
    """9 h – 17 h by 30 minutes: 16 slots, all booked, each with papers to bring."""
    session = SessionFactory(unit=unit, date=in_days(4), start_time=time(9), end_time=time(17))
    for number, slot in enumerate(session.slot_times()):
        booking = BookingFactory(session=session, slot_start=slot, cpip=cpips[number % 3])
        booking.sheets.add(sheet)
    client.force_login(editor)
    response = client.get(reverse("agenda:day_sheet_pdf", args=[session.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert page_count(response.content) == 1
    document = day_sheet.day_sheet_document(day_sheet.session_for_sheet(session.pk))
    assert len(document.pages) == 1
    assert (round(document.pages[0].width * 25.4 / 96), round(document.pages[0].height * 25.4 / 96)) == (
        210,
        297,
    )


@needs_pdf_tools
def test_the_printed_sheet_names_no_person_received(client, editor, cpip, session):
    """A letter printed with a name, then the sheet: the name is nowhere on it."""
    booking = session.bookings.active().get(slot_start=time(11))
    client.force_login(booking.cpip)
    client.post(reverse("agenda:letter", args=[booking.pk]), {"name": "Yvon Personne-Reçue"})
    client.force_login(editor)
    text = pdf_text(client.get(reverse("agenda:day_sheet_pdf", args=[session.pk])).content)
    assert "Chloé Durand" in text and "Venu" in text
    assert "Personne-Reçue" not in text and "Yvon" not in text
