"""On a small phone, and with text zoomed to 400 %, pages reflow: nothing scrolls sideways."""

import pytest

from .pages import PAGE_TYPES

pytestmark = pytest.mark.browser

SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"

# What sticks out on the right, to explain a failure.
WIDEST_ELEMENTS = """() => [...document.querySelectorAll('body *')]
  .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5).map((element) => element.outerHTML.slice(0, 120))"""


@pytest.fixture
def phone_context(contexts, browser_thread):
    """A cheap Android phone: 360 × 640 CSS pixels, touch, the mobile viewport rules."""
    return browser_thread.run(
        contexts.new,
        viewport={"width": 360, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )


@pytest.fixture
def zoomed_context(contexts, browser_thread):
    """A 1280 × 1024 desktop screen with the text zoomed to 400 %: 320 × 256 CSS pixels (WCAG 1.4.10)."""
    return browser_thread.run(contexts.new, viewport={"width": 320, "height": 256})


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_does_not_scroll_sideways_on_a_phone(phone_context, visit, page_type):
    page = visit(phone_context)
    assert not page.evaluate(SCROLLS_SIDEWAYS), page.evaluate(WIDEST_ELEMENTS)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_reflows_with_text_zoomed_to_400_percent(zoomed_context, visit, page_type):
    page = visit(zoomed_context)
    assert not page.evaluate(SCROLLS_SIDEWAYS), page.evaluate(WIDEST_ELEMENTS)
