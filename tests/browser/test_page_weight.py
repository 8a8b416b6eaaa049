"""What a phone downloads for the first view of a page, with an empty cache."""

import gzip

import pytest

from .pages import PAGE_TYPES

pytestmark = pytest.mark.browser

MAX_PAGE_BYTES = 30_000  # HTML + CSS + JS, as transferred
MAX_SCRIPT_BYTES = 5_000
COUNTED_TYPES = {"document", "stylesheet", "script"}


def transferred_bytes(response):
    """Bytes on the wire for one response: its headers, then its body as a production server sends it.

    When the server compressed the body, the browser's own count of the
    encoded body is used. Django's test server compresses nothing, whereas in
    production WhiteNoise sends static files pre-compressed and the HTML goes
    out compressed by the page cache or the reverse proxy: so an uncompressed
    body is counted as gzip at level 6, zlib's default (WhiteNoise's level 9
    and Brotli only do better). Response headers count too: they travel.
    """
    sizes = response.request.sizes()
    if response.headers.get("content-encoding"):
        body = sizes["responseBodySize"]
    else:
        body = len(gzip.compress(response.body(), compresslevel=6, mtime=0))
    return sizes["responseHeadersSize"] + body


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_first_view_stays_within_the_page_weight_budget(contexts, visit, page_type):
    context = contexts.new()  # fresh context: empty cache
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = visit(context)
    page.wait_for_load_state("load")
    weights = {}
    for response in responses:
        resource_type = response.request.resource_type
        if resource_type in COUNTED_TYPES:
            weights[response.url] = (resource_type, transferred_bytes(response))
    total = sum(size for _, size in weights.values())
    scripts = sum(size for kind, size in weights.values() if kind == "script")
    assert total <= MAX_PAGE_BYTES, weights
    assert scripts <= MAX_SCRIPT_BYTES, weights
    assert contexts.foreign_requests == [], "requests to another host"
