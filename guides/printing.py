"""Sheets on paper: a sheet's PDF and the CPIP's print pack, drawn by ``portal.pdf``.

A PDF is the same HTML as the page, laid out with the site's print stylesheet.
"""

from django.core.cache import cache
from django.template.loader import render_to_string

from portal.addresses import page_full_url
from portal.pdf import pdf_response, qr_code_svg, render_document, template_pdf

# A sheet's PDF is kept this long for its revision; a partner's new phone number shows within the hour.
PDF_CACHE_SECONDS = 60 * 60


def sheet_context(sheet, request, anchor_prefix):
    """Everything the printed sheet shows, the same as on screen."""
    full_url = page_full_url(sheet, request)
    return {
        "sheet": sheet,
        "full_url": full_url,
        "qr_code": qr_code_svg(full_url),
        **sheet.rendered_content(request, anchor_prefix=anchor_prefix),
    }


def sheet_pdf(sheet, request):
    """The PDF of one sheet, as bytes."""
    context = {"printed": sheet_context(sheet, request, anchor_prefix="mot-"), "page": sheet}
    return template_pdf("guides/pdf/sheet.html", context, request)


def sheet_pdf_response(sheet, request):
    """The sheet's PDF, drawn once per published revision and kept a while: drawing it takes time."""
    key = sheet.pdf_cache_key(request)
    data = cache.get(key)
    if data is None:
        data = sheet_pdf(sheet, request)
        cache.set(key, data, PDF_CACHE_SECONDS)
    return pdf_response(data, f"fiche-{sheet.slug}.pdf", private=False)


def print_pack_html(sheets, appointment, request):
    """The print pack as one HTML document: a cover page with the appointment and the list of sheets, then each sheet.

    ``appointment`` (first name, date, time, place) is only drawn on the cover:
    it is not kept anywhere.
    """
    printed = [sheet_context(sheet, request, anchor_prefix=f"fiche-{sheet.pk}-mot-") for sheet in sheets]
    return render_to_string(
        "guides/pdf/print_pack.html", {"sheets": printed, "appointment": appointment}, request=request
    )


def print_pack_pdf(sheets, appointment, request):
    """The print pack as one laid-out document (WeasyPrint)."""
    return render_document(print_pack_html(sheets, appointment, request), request)
