"""The advisor's day sheet: reached from the session's page with the keyboard only, and with JavaScript off."""

from datetime import time, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from agenda.models import ProbationUnit, Subject
from tests.agenda.factories import BookingFactory, SessionFactory
from tests.guides.pdf import page_count
from tests.html import french

from .harness import session_cookie
from .test_keyboard import tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def session_url(agenda_site, cpip):
    """A session in Meaux in five months, 9 h to 10 h: one slot booked by this CPIP, one free."""
    session = SessionFactory(
        unit=ProbationUnit.objects.get(slug="meaux"),
        date=timezone.localdate() + timedelta(days=150),  # after the demo's sessions
        start_time=time(9),
        end_time=time(10),
    )
    BookingFactory(session=session, slot_start=time(9, 30), cpip=cpip, subject=Subject.PENSION)
    return reverse("agenda:session", args=[session.pk])


@pytest.fixture
def editor_cookie(editor, live_server):
    return session_cookie(editor, live_server.url)


def rows(page):
    return [" ".join(row.inner_text().split()) for row in page.locator("main table.day-sheet tbody tr").all()]


def test_an_editor_opens_the_day_sheet_with_the_keyboard_only(context, session_url, editor_cookie, cpip):
    context.add_cookies([editor_cookie])
    page = context.new_page()
    page.goto(session_url)
    tab_to(page, page.get_by_role("link", name="Feuille du jour (à imprimer)"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text().startswith(french("Feuille du jour"))
    nine, half_past = rows(page)
    assert nine.startswith(french("9 h")) and "libre" in nine.lower()
    assert half_past.startswith(french("9 h 30")) and "Retraite" in half_past
    assert (cpip.get_full_name() or cpip.username) in half_past
    assert page.get_by_role("img", name="case à cocher : venu").count() == 1
    assert page.get_by_role("link", name="Imprimer la feuille du jour (PDF, une page A4)").is_visible()


def test_the_day_sheet_works_without_javascript(no_js_context, session_url, editor_cookie):
    no_js_context.add_cookies([editor_cookie])
    page = no_js_context.new_page()
    page.goto(session_url)
    page.get_by_role("link", name="Feuille du jour (à imprimer)").click()
    page.wait_for_load_state()
    assert len(rows(page)) == 2
    link = page.get_by_role("link", name="Imprimer la feuille du jour (PDF, une page A4)")
    response = page.request.get(link.get_attribute("href"))  # the browser's own cookies
    assert response.headers["content-type"] == "application/pdf"
    assert page_count(response.body()) == 1
