"""The outcome form after a session: with the keyboard only, and with JavaScript off."""

from datetime import time, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from agenda.models import ProbationUnit
from tests.agenda.factories import BookingFactory, SessionFactory
from tests.html import french

from .test_keyboard import tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def outcomes_url(agenda_site, cpip):
    """Yesterday's session in Meaux, with two of this CPIP's bookings."""
    session = SessionFactory(
        unit=ProbationUnit.objects.get(slug="meaux"),
        date=timezone.localdate() - timedelta(days=1),
        start_time=time(9),
        end_time=time(10),
    )
    BookingFactory(session=session, slot_start=time(9), cpip=cpip)
    BookingFactory(session=session, slot_start=time(9, 30), cpip=cpip)
    return reverse("agenda:session_outcomes", args=[session.pk])


def test_cpip_notes_who_came_with_the_keyboard_only(context, outcomes_url, cpip_cookie):
    context.add_cookies([cpip_cookie])
    page = context.new_page()
    page.goto(outcomes_url)
    groups = page.locator("main fieldset")
    assert groups.count() == 2
    # Tab reaches the group's checked radio ("Pas encore noté"), the arrows choose.
    first = groups.nth(0)
    tab_to(page, first.get_by_role("radio", name="Pas encore noté"))
    page.keyboard.press("ArrowDown")
    assert first.get_by_role("radio", name="Venu", exact=True).is_checked()
    second = groups.nth(1)
    tab_to(page, second.get_by_role("radio", name="Pas encore noté"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert second.get_by_role("radio", name="Pas venu", exact=True).is_checked()
    tab_to(page, page.get_by_role("button", name="Enregistrer"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("status").inner_text() == french("C'est noté. Merci.")
    assert page.locator("main fieldset").nth(0).get_by_role("radio", name="Venu", exact=True).is_checked()
    assert page.locator("main fieldset").nth(1).get_by_role("radio", name="Pas venu", exact=True).is_checked()


def test_the_outcome_form_works_without_javascript(no_js_context, outcomes_url, cpip_cookie):
    no_js_context.add_cookies([cpip_cookie])
    page = no_js_context.new_page()
    page.goto(outcomes_url)
    page.locator("main fieldset").nth(1).get_by_text("Excusé").click()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == french("C'est noté. Merci.")
    assert page.locator("main fieldset").nth(1).get_by_role("radio", name="Excusé").is_checked()
    assert page.locator("main fieldset").nth(0).get_by_role("radio", name="Pas encore noté").is_checked()
