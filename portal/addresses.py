"""The site's own address, for what leaves the page: printed URLs, QR codes, PDFs, letters, feeds.

A link inside a page stays relative ("/france-services/"). An address meant to be read or
scanned elsewhere is absolute, and never names this machine: it is built on the host the
request came to (validated by ALLOWED_HOSTS) or, without a request (the departmental guide
built in the background), on the production address, WAGTAILADMIN_BASE_URL. The Wagtail
Site record says the same once ``manage.py set_site_address`` has run (Wagtail's own links:
sitemap, "voir en ligne" in the admin).
"""

from urllib.parse import urlsplit

from django.conf import settings


def origin(request=None):
    """ "https://host" of the request, or of the configured site address when there is no request."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(url, request=None):
    """``url`` ("/fiches/…") on this site's address; an address on another site stays as it is."""
    if not url or urlsplit(url).netloc:
        return url
    return origin(request) + url


def page_full_url(page, request=None):
    """A page's absolute address (Wagtail's own ``full_url`` takes the Site record's, "localhost" by default)."""
    return absolute_url(page.get_url(request), request)
