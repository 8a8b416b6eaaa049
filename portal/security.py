"""Two guards at the edge of every request: no NUL character gets in, no uploaded file runs.

- A NUL character (``%00``) in the address, the query string, a form field or a cookie
  is never legitimate: PostgreSQL refuses it in text, so it would end in a server error
  wherever it reaches a query. The request is refused with 400 before any view runs.
- User media (uploaded images and documents) are served with a Content-Security-Policy
  that forbids scripts, plugins, forms and every fetch (``sandbox``), and without content
  sniffing: even a hostile file opened from the site's own host cannot act on the site.
  nginx sends the same headers for ``/media/`` (``docs/deploy.md``).
"""

from django.conf import settings
from django.core.exceptions import BadRequest

MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# Chrome refuses to show a PDF in a sandboxed document; a PDF cannot run script in the site's origin.
PDF_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
NUL = "\x00"


def _contains_nul(values):
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


def has_nul(request):
    return (
        NUL in request.path
        or _contains_nul(request.GET)
        or (request.method == "POST" and _contains_nul(request.POST))
        or any(NUL in name or NUL in value for name, value in request.COOKIES.items())
    )


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            raise BadRequest("NUL character in the request")
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
