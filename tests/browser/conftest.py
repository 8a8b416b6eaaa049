"""Real-browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

One Chromium serves the whole session; each test opens fresh browser contexts
(empty cache, no cookies). Chromium is looked for at ``PORTAL_CHROMIUM``
(default ``/usr/bin/chromium``). Where it is missing the browser tests are
skipped with one line in the summary, unless ``PORTAL_REQUIRE_BROWSER=1`` (set
by .ci/run) makes that a failure.

Playwright's sync API keeps an asyncio loop marked as running in the thread
that drives it, and Django then refuses the ORM in that thread (and would hand
it a different database connection). So Playwright lives in a thread of its
own, and the body of every browser test runs there: the test body only drives
the browser. Everything that touches the database (pages, users, sessions)
happens in fixtures, in pytest's thread, as in any other test. An ORM call in
a browser test body fails with SynchronousOnlyOperation: move it to a fixture.
"""

import datetime
import functools
import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest
from playwright.sync_api import sync_playwright

from directory import demo as directory_demo
from directory import guide
from directory.models import DirectoryPage, Structure
from guides import demo as guides_demo
from guides.models import GlossaryPage, GuideIndexPage, ProcedureSheetPage, TopicPage
from home import demo
from tests.directory.factories import ClosureFactory

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
HERE = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test here drives Chromium: it must carry the browser marker, so that -m 'not browser' leaves it out."""
    for item in items:
        if item.path.is_relative_to(HERE) and not item.get_closest_marker("browser"):
            raise pytest.UsageError(f"{item.nodeid}: mark it @pytest.mark.browser")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Without Chromium, pytest would give each skipped test a line of its own in the
    summary: give them all one place, so that they fold into one line."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple) and NO_CHROMIUM in report.longrepr[2]:
        report.longrepr = (__file__, None, report.longrepr[2])
    return report


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run the test body in the browser thread (see the module docstring)."""
    test = pyfuncitem.obj
    browser_thread = pyfuncitem.funcargs["browser_thread"]

    @functools.wraps(test)
    def in_browser_thread(*args, **kwargs):
        return browser_thread.run(test, *args, **kwargs)

    pyfuncitem.obj = in_browser_thread
    try:
        return (yield)
    finally:
        pyfuncitem.obj = test


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


@pytest.fixture(scope="session")
def browser_thread():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        message = f"{NO_CHROMIUM} at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{message}, and PORTAL_REQUIRE_BROWSER=1 makes that a failure", pytrace=False)
        pytest.skip(message)
    thread = BrowserThread()
    try:
        thread.run(thread.start)
        yield thread
    finally:
        thread.close()


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    """One media folder for the session: pictograms, and the directory's PDF guide (see directory_site)."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _browser_test(browser_thread, django_db_serialized_rollback, settings, media_root):
    """Every test here gets the browser thread, and the migrated data back after the flush.

    The live server needs real transactions, so each test ends with a flush of
    the database; serialized rollback puts back what the migrations created
    (home page, site, groups, partners, communes). The cache is emptied too:
    cached sheet PDFs are keyed by page ids, which the next test reuses.
    """
    settings.MEDIA_ROOT = media_root
    cache.clear()


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


@pytest.fixture
def contexts(browser_thread, live_server):
    opened = Contexts(browser_thread.browser, live_server.url)
    yield opened
    browser_thread.run(opened.close)


@pytest.fixture
def context(browser_thread, contexts):
    """A desktop browser context (1280 × 800), JavaScript on."""
    return browser_thread.run(contexts.new)


def session_cookie(user, base_url):
    """The cookie of a signed-in session of ``user``, as the sign-in form would give."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    return {"name": cookie.key, "value": cookie.value, "url": base_url, "httpOnly": True}


@pytest.fixture
def no_js_context(contexts, browser_thread):
    """A desktop browser context with JavaScript off."""
    return browser_thread.run(contexts.new, java_script_enabled=False)


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


@pytest.fixture
def cpip_cookie(cpip, live_server):
    """The session cookie of a signed-in CPIP, for ``context.add_cookies``."""
    return session_cookie(cpip, live_server.url)


@pytest.fixture
def visit(request, page_type, live_server):
    """For tests parametrised with ``page_type`` (see pages.py): ``visit(context)`` opens it.

    The page's data and its user's session are made here, in the fixture; the
    returned function only drives the browser, and checks the HTTP status.
    """
    url = request.getfixturevalue(page_type.url_fixture)
    cookies = []
    if page_type.user:
        cookies.append(session_cookie(request.getfixturevalue(page_type.user), live_server.url))

    def visit(context):
        context.add_cookies(cookies)
        page = context.new_page()
        response = page.goto(url)
        assert response.status == page_type.status, f"{page_type}: {url} answered {response.status}"
        return page

    return visit


# ---- Pages: one fixture per page type, returning its address ----


@pytest.fixture
def demo_site(db):
    """The home app's demo content: home page, legal notice, accessibility statement, footer."""
    demo.load(io.StringIO())


@pytest.fixture
def home_url(demo_site):
    return "/"


@pytest.fixture
def legal_notice_url(demo_site):
    return "/mentions-legales/"


@pytest.fixture
def accessibility_statement_url(demo_site):
    return "/accessibilite/"


@pytest.fixture
def site_plan_url(demo_site):
    return reverse("site_plan")


@pytest.fixture
def search_url(demo_site):
    return reverse("search")


@pytest.fixture
def search_with_results_url(demo_site):
    return reverse("search") + "?q=accessibilit%C3%A9"


@pytest.fixture
def search_without_results_url(demo_site):
    return reverse("search") + "?q=zzzzqqq"


@pytest.fixture
def sign_in_url(demo_site):
    return reverse("login")


@pytest.fixture
def staff_home_url(demo_site):
    return reverse("staff_home")


@pytest.fixture
def missing_page_url(demo_site):
    return "/cette-page-n-existe-pas/"


@pytest.fixture
def server_error_url(demo_site, settings):
    """A URL that fails, in a test-only URL configuration, with DEBUG off as in production."""
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.browser.urls"
    return "/erreur-de-test/"


@pytest.fixture
def admin_sign_in_url(demo_site):
    return reverse("wagtailadmin_login")


# ---- The guides and the directory: their demo content, as a newcomer's `make run` shows it ----


@pytest.fixture
def directory_site(demo_site, monkeypatch):
    """The directory's demo: the 34 France services of the official file (hours, partners) and the SPIP's.

    The first load of the session builds the PDF guide (WeasyPrint, about a
    second) into the session's media folder; later loads of the same data keep
    that file instead of building it again.
    """
    if guide.guide_info() is not None:
        monkeypatch.setattr(guide, "schedule_rebuild", lambda: None)
    directory_demo.load(io.StringIO())


@pytest.fixture
def guides_site(directory_site):
    """The guides' demo: 7 topics with pictograms, 11 sheets, the difficult words."""
    guides_demo.load(io.StringIO())


@pytest.fixture
def guide_index_url(guides_site):
    return GuideIndexPage.objects.get().url


@pytest.fixture
def topic_url(guides_site):
    """A topic with two sheets."""
    return TopicPage.objects.get(slug="argent").url


@pytest.fixture
def sheet_url(guides_site):
    """A sheet with every kind of block: steps with pictograms and links, papers, boxes, contact, difficult words."""
    return ProcedureSheetPage.objects.get(slug="demander-le-rsa").url


@pytest.fixture
def demo_sheet_urls(guides_site):
    return [sheet.url for sheet in ProcedureSheetPage.objects.live().order_by("path")]


@pytest.fixture
def glossary_url(guides_site):
    return GlossaryPage.objects.get().url


@pytest.fixture
def print_pack_url(guides_site):
    return reverse("guides:print_pack")


@pytest.fixture
def directory_url(directory_site):
    return DirectoryPage.objects.get().url


@pytest.fixture
def commune_search_url(directory_site):
    """One commune found: the France services nearest to it."""
    return DirectoryPage.objects.get().search_url("dammartin en goele")


@pytest.fixture
def commune_choice_url(directory_site):
    """A postcode of several communes: the reader chooses one."""
    return DirectoryPage.objects.get().search_url("77230")


@pytest.fixture
def unknown_commune_url(directory_site):
    """A misspelt commune: not found, with the closest names."""
    return DirectoryPage.objects.get().search_url("Fontenebleau")


@pytest.fixture
def structure_url(directory_site):
    """A France services open on weekdays, with its partners, and a closure coming."""
    structure = Structure.objects.get(slug="pimms-mediation-melun")
    ClosureFactory(
        structure=structure,
        start_date=datetime.date.today() + datetime.timedelta(days=10),
        end_date=datetime.date.today() + datetime.timedelta(days=12),
        reason="formation de l'équipe",
    )
    return structure.get_absolute_url()


@pytest.fixture
def invitation_structure_url(directory_site):
    """The SPIP's itinerant France services: "sur invitation", its three units."""
    return Structure.objects.get(slug=directory_demo.SPIP_STRUCTURE_SLUG).get_absolute_url()
