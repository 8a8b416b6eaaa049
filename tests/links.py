"""Read every address a page or a PDF gives: its links, its printed URLs, its QR codes.

QR codes are decoded for real: the PDF (or the page's inline SVG, laid out by WeasyPrint) is
drawn as an image by Poppler's ``pdftoppm`` and read by ZBar's ``zbarimg`` (Debian packages
``poppler-utils`` and ``zbar-tools``). Without them the tests that need them are skipped.
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import weasyprint

from tests.guides.pdf import decompressed_parts

TOOLS = ("pdftoppm", "pdftotext", "zbarimg")
_MISSING = [tool for tool in TOOLS if not shutil.which(tool)]
# On CI (.ci/run installs them) a missing tool fails the tests; on a laptop they are skipped.
needs_pdf_tools = pytest.mark.skipif(
    bool(_MISSING) and not os.environ.get("CI"),
    reason=f"{', '.join(_MISSING)} missing: apt-get install poppler-utils zbar-tools",
)

_ATTRIBUTE = re.compile(r'\b(?:href|src|action)="([^"]*)"')
_URI = re.compile(rb"/URI\s*\(((?:\\.|[^\\)])*)\)")
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_LOCAL = re.compile(r"localhost|127\.0\.0\.1|\[::1\]|testserver")


def html_addresses(html):
    """Every address of the page's links, images and forms (not ``data:``, ``tel:``, ``mailto:``, ``#…``)."""
    addresses = (address.replace("&amp;", "&") for address in _ATTRIBUTE.findall(html))
    return [address for address in addresses if not address.startswith(("data:", "tel:", "mailto:", "#"))]


def pdf_link_addresses(pdf):
    """The addresses of the PDF's clickable links."""
    parts = decompressed_parts(pdf)
    return [uri.decode("latin-1").replace("\\", "") for part in parts for uri in _URI.findall(part)]


def pdf_text(pdf):
    """The PDF's text, as ``pdftotext`` reads it."""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def pdf_qr_codes(pdf):
    """What every QR code of the PDF says, page after page."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", source, Path(folder) / "page"], check=True)
        found = []
        for image in sorted(Path(folder).glob("page*.png")):
            result = subprocess.run(["zbarimg", "--quiet", "--raw", image], capture_output=True)
            if result.returncode not in (0, 4):  # 4: no code on this page
                raise RuntimeError(result.stderr.decode())
            found += result.stdout.decode().split()
        return found


def html_qr_codes(html):
    """What every inline SVG QR code of a page says (each laid out alone on an A4 page)."""
    found = []
    for svg in _SVG.findall(html):
        page = f'<html><body style="margin:0"><div style="width:60mm;height:60mm">{svg}</div></body></html>'
        found += pdf_qr_codes(weasyprint.HTML(string=page).write_pdf())
    return found


def local_addresses(addresses):
    """The addresses that point to this machine rather than to the site."""
    return [address for address in addresses if _LOCAL.search(address)]


def laid_out_text(document):
    """The text of a WeasyPrint document as laid out, no-break spaces included (pdftotext drops them)."""

    def walk(box):
        if isinstance(getattr(box, "text", None), str):
            yield box.text
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    return " ".join(text for page in document.pages for text in walk(page._page_box))


def pdf_qr_payloads(pdf, resolution=200):
    """The whole text of the QR code on each page of the PDF (one code a page), lines kept.

    For codes that hold more than an address, e.g. a calendar event: ``pdftoppm -r 200`` then
    ``zbarimg --raw -q``, page by page; a page without a code gives nothing.
    """
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(resolution), "-png", source, Path(folder) / "page"], check=True)
        found = []
        for image in sorted(Path(folder).glob("page*.png")):
            result = subprocess.run(["zbarimg", "--raw", "-q", image], capture_output=True)
            if result.returncode not in (0, 4):  # 4: no code on this page
                raise RuntimeError(result.stderr.decode())
            if result.stdout:
                found.append(result.stdout.decode().removesuffix("\n"))
        return found


POINTS_PER_MM = 72 / 25.4


def pdf_region_text(pdf, left_mm, top_mm, width_mm, height_mm, page=1):
    """The text ``pdftotext`` reads in a rectangle of a page, given in millimetres from its top left."""

    def points(mm):
        return str(round(mm * POINTS_PER_MM))

    command = ["pdftotext", "-f", str(page), "-l", str(page), "-r", "72"]
    command += ["-x", points(left_mm), "-y", points(top_mm), "-W", points(width_mm), "-H", points(height_mm)]
    return subprocess.run([*command, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
