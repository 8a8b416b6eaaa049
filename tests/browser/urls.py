"""The portal's URLs plus one that always fails, to show the 500 page in a real browser.

Only the browser tests use this module, through the ``server_error_url`` fixture.
"""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def broken_view(request):
    raise RuntimeError("Deliberate failure: the browser tests look at the 500 page.")


# Before the portal's URLs: they end with Wagtail's catch-all.
urlpatterns = [path("erreur-de-test/", broken_view), *portal_urlpatterns]
