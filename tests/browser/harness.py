"""The browser harness: one Chromium in a thread of its own, browser contexts on the live server,
and what a form posts. The fixtures that use it are in conftest.py; the module docstring there
says why Playwright runs in its own thread.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.test import Client

from playwright.sync_api import sync_playwright

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))

# Root in a container without a sandbox; no GPU. The background services
# (component updates, sync, safe browsing lists…) would try to reach Google:
# this closed network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

NO_CHROMIUM = "browser tests: no Chromium"
DESKTOP = {"width": 1280, "height": 800}


class BrowserThread:
    """The one thread where Playwright and Chromium are driven."""

    def __init__(self):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playwright")
        self._playwright = None
        self.browser = None

    def run(self, function, *args, **kwargs):
        return self._executor.submit(function, *args, **kwargs).result()

    def start(self):
        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

    def _stop(self):
        if self.browser:
            self.browser.close()
        if self._playwright:
            self._playwright.stop()

    def close(self):
        self.run(self._stop)
        self._executor.shutdown()


class Contexts:
    """Opens browser contexts on the live server, and closes them after the test.

    Requests to any other host are refused and listed in ``foreign_requests``:
    a page must load nothing from elsewhere.
    """

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.netloc = urlsplit(base_url).netloc
        self.foreign_requests = []
        self._opened = []

    def _is_foreign(self, url):
        return urlsplit(url).netloc != self.netloc

    def _refuse(self, route):
        self.foreign_requests.append(route.request.url)
        route.abort()

    def new(self, **options):
        options.setdefault("viewport", DESKTOP)
        context = self.browser.new_context(base_url=self.base_url, locale="fr-FR", **options)
        context.route(self._is_foreign, self._refuse)
        self._opened.append(context)
        return context

    def close(self):
        for context in self._opened:
            context.close()


def session_cookie(user, base_url):
    """The cookie of a signed-in session of ``user``, as the sign-in form would give."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": base_url, "httpOnly": True}


class PostedResponses:
    """What the server answers to the forms a page posts, bodies included.

    Chromium opens a PDF in its own viewer, and Playwright then reports the
    viewer's HTML as the response body: a route fetches each POST itself and
    hands the response on to the page unchanged, keeping a copy.
    """

    def __init__(self, page):
        self.responses = []
        page.route("**/*", self._keep)

    def _keep(self, route):
        if route.request.method != "POST":
            route.fallback()
            return
        response = route.fetch()
        self.responses.append((response.status, response.headers, response.body()))
        route.fulfill(response=response)


def posted_pdf(responses):
    """The one PDF that the form's answer is: (headers, bytes)."""
    assert len(responses.responses) == 1, "the form was sent once"
    status, headers, body = responses.responses[0]
    assert status == 200
    assert headers["content-type"] == "application/pdf"
    return headers, body
