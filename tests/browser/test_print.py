"""Pages that CPIPs print: A4, as Chromium prints them, on few sheets of paper."""

import re

import pytest

from .pages import PRINTED_PAGE_TYPES

pytestmark = pytest.mark.browser

A4_WIDTH_PX = 794  # 210 mm at 96 CSS pixels per inch
QR_CODE_MIN_PX = 76  # 2 cm: a phone reads it from a sheet held in the hand


def pdf_page_count(pdf):
    """Pages of a PDF written by Chromium: one /Type /Page object each (not /Pages, the tree)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("page_type", PRINTED_PAGE_TYPES, ids=str)
def test_page_prints_on_few_a4_pages(context, visit, page_type):
    page = visit(context)
    pdf = page.pdf(format="A4")  # as the print dialog does by default: no backgrounds
    assert 1 <= pdf_page_count(pdf) <= page_type.print_pages


@pytest.mark.parametrize("page_type", PRINTED_PAGE_TYPES, ids=str)
def test_printed_page_shows_the_content_and_qr_code_not_the_site_tools(context, visit, page_type):
    page = visit(context)
    page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    page.emulate_media(media="print")
    assert page.locator("main h1").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert not page.locator(".site-footer").is_visible()
    if page_type.qr_code:
        # Hidden from screen readers: the address is printed beside it, as text.
        qr_code = page.locator("main svg.qr-code")
        assert qr_code.is_visible()
        box = qr_code.bounding_box()
        assert min(box["width"], box["height"]) >= QR_CODE_MIN_PX, box


def test_every_demo_sheet_prints_on_two_a4_pages_at_most(context, demo_sheet_urls):
    page = context.new_page()
    counts = {}
    for url in demo_sheet_urls:
        page.goto(url)
        counts[url] = pdf_page_count(page.pdf(format="A4"))
    assert len(counts) >= 8, "the demo has its sheets"
    assert {url: count for url, count in counts.items() if not 1 <= count <= 2} == {}
