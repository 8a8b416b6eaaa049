"""Two guards at the edge of every request: no NUL character gets in, no uploaded file runs.

- A NUL character (``%00``) is never legitimate, and PostgreSQL refuses it in text: wherever
  it reached a query, it would end in a server error. In the address or a cookie, where no
  view can do anything with it, the request is refused with 400 before any view runs. In the
  query string it is removed, so that a search or a filter answers as if it was not typed.
  Form fields refuse it themselves, with their French message (Django's
  ProhibitNullCharactersValidator).
- User media (uploaded images and documents) are served with a Content-Security-Policy
  that forbids scripts, plugins, forms and every fetch (``sandbox``), and without content
  sniffing: even a hostile file opened from the site's own host cannot act on the site.
  nginx sends the same headers for ``/media/`` (``docs/deploy.md``).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import QueryDict

MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# Chrome refuses to show a PDF in a sandboxed document; a PDF cannot run script in the site's origin.
PDF_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
NUL = "\x00"


def _has_nul(query):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())


def _without_nul(query):
    pairs = [
        (key.replace(NUL, ""), value.replace(NUL, "")) for key, values in query.lists() for value in values
    ]
    return QueryDict(urlencode(pairs))


class NulCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or any(NUL in name + value for name, value in request.COOKIES.items()):
            raise BadRequest("NUL character in the address or a cookie")
        if _has_nul(request.GET):
            request.GET = _without_nul(request.GET)
        return self.get_response(request)


def is_user_media(request):
    """A file uploaded by an editor: under MEDIA_URL, or a document served by Wagtail."""
    match = getattr(request, "resolver_match", None)
    return request.path.startswith(settings.MEDIA_URL) or (
        match is not None and match.url_name == "wagtaildocs_serve"
    )


class UserMediaHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_user_media(request):
            is_pdf = response.get("Content-Type", "").startswith("application/pdf")
            response["Content-Security-Policy"] = PDF_POLICY if is_pdf else MEDIA_POLICY
            response["X-Content-Type-Options"] = "nosniff"
        return response
