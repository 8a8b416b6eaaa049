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
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.images.models import Image

import pytest
from playwright.sync_api import sync_playwright

from agenda import demo as agenda_demo
from agenda.models import AgendaPage, ProbationUnit, Session
from directory import demo as directory_demo
from directory import guide
from directory.models import DirectoryPage, Structure
from guides import demo as guides_demo
from guides.models import GlossaryPage, ProcedureSheetPage, TopicPage
from home import demo
from tests.agenda.factories import BookingFactory
from tests.directory.factories import ClosureFactory
from tests.guides.factories import (
    GlossaryPageFactory,
    GlossaryTermFactory,
    GuideIndexPageFactory,
    ProcedureSheetPageFactory,
    TopicPageFactory,
)

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


@pytest.fixture(scope="session")
def _quick_restore(django_db_setup, django_db_blocker):
    """On SQLite in memory (the test database by default), put the migrated data back as a copy.

    Django's serialized rollback saves its ~900 rows (communes, groups,
    partners, pages…) one by one before every test. Here that is done once,
    and SQLite's backup then copies the result before each test in a few
    milliseconds: the same data, the same ids. Other databases keep Django's way.
    """
    from django.db import connection

    serialized = getattr(connection, "_test_serialized_contents", None)
    if connection.vendor != "sqlite" or not connection.is_in_memory_db() or serialized is None:
        yield
        return
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(serialized)
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)

    def restore(_serialized):
        snapshot.backup(connection.connection)

    connection.creation.deserialize_db_from_string = restore
    yield
    del connection.creation.deserialize_db_from_string
    snapshot.close()


@pytest.fixture(autouse=True)
def _browser_test(browser_thread, _quick_restore, django_db_serialized_rollback, settings, media_root):
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
def home_url(demo_site, directory_site):
    """The home page with its commune search form and its link to the directory."""
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


# Topics and sheets of the guides' demo, built with the factories: the demo's titles, summaries,
# pictograms and papers to bring. Quicker than the whole demo (about a second a test).
# topic slug, title, pictogram, intro, [(sheet slug, title, summary, papers to bring)]
GUIDE_TOPICS = [
    (
        "argent",
        "Avoir de l'argent pour vivre",
        "argent",
        "Les aides pour vivre quand on a peu d'argent.",
        [
            (
                "demander-le-rsa",
                "Comment demander le RSA ?",
                "Le RSA est une aide pour vivre quand on a peu ou pas d'argent.",
                ["Votre carte d'identité ou votre titre de séjour", "Votre RIB"],
            ),
            (
                "demander-la-prime-activite",
                "Comment demander la prime d'activité ?",
                "La prime d'activité est une aide pour les personnes qui travaillent et gagnent peu.",
                ["Vos fiches de paie des 3 derniers mois", "Votre RIB"],
            ),
        ],
    ),
    (
        "sante",
        "Se soigner",
        "sante",
        "Être remboursé de ses soins, chez le médecin et à la pharmacie.",
        [
            (
                "avoir-sa-carte-vitale",
                "Comment avoir sa carte Vitale ?",
                "La carte Vitale prouve que vous êtes assuré. Avec elle, vos soins sont remboursés plus vite.",
                ["Une photo d'identité récente", "Votre carte d'identité ou votre titre de séjour"],
            ),
        ],
    ),
    (
        "papiers",
        "Avoir ses papiers",
        "papiers",
        "Demander une carte d'identité ou un autre papier officiel.",
        [
            (
                "demander-sa-carte-d-identite",
                "Comment demander sa carte d'identité ?",
                "La carte d'identité prouve qui vous êtes. Elle est gratuite la première fois.",
                ["Une photo d'identité de moins de 6 mois", "Un justificatif de domicile récent"],
            ),
        ],
    ),
]


def pictogram(name):
    path = Path(guides_demo.PICTOGRAMS) / f"{name}.svg"
    with path.open("rb") as file:
        return Image.objects.create(
            title=guides_demo.PICTOGRAM_TITLES[name], file=ImageFile(file, name=path.name)
        )


@pytest.fixture
def guides_content(directory_site, home_page):
    """The guides' section: topics with pictograms, sheets with their steps and papers, the difficult words."""
    index = GuideIndexPageFactory(
        parent=home_page,
        intro="<p>Des fiches simples pour faire vos démarches.</p>",
    )
    GlossaryPageFactory(parent=index)
    for term, other_forms, definition in guides_demo.GLOSSARY:
        GlossaryTermFactory(term=term, other_forms=other_forms, definition=definition)
    computer = pictogram("ordinateur")
    for slug, title, picto, intro, sheets in GUIDE_TOPICS:
        topic = TopicPageFactory(
            parent=index, slug=slug, title=title, intro=intro, pictogram=pictogram(picto)
        )
        for sheet_slug, sheet_title, summary, papers in sheets:
            ProcedureSheetPageFactory(
                parent=topic,
                slug=sheet_slug,
                title=sheet_title,
                summary=summary,
                audience="Vous habitez en France.",
                body__0__steps__steps__0__text="Faites la demande sur internet.",
                body__0__steps__steps__0__image=computer,
                body__0__steps__steps__0__image_alt="Un ordinateur",
                body__0__steps__steps__1__text="Un conseiller France services peut vous aider.",
                body__1__checklist__items__0=papers[0],
                body__1__checklist__items__1=papers[1],
            )
    return index


@pytest.fixture
def guide_index_url(guides_content):
    return guides_content.url


@pytest.fixture
def topic_url(guides_content):
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
def glossary_url(guides_content):
    return GlossaryPage.objects.get().url


@pytest.fixture
def print_pack_url(guides_content):
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


# ---- The agenda: the SPIP units' sessions (demo), the staff views, a booking ----


@pytest.fixture
def agenda_site(directory_site):
    """The agenda's demo: the three SPIP units, their sessions for this month and the next three."""
    agenda_demo.load(io.StringIO())


def first_day_of_next_month():
    today = timezone.localdate()
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


@pytest.fixture
def agenda_url(agenda_site):
    return AgendaPage.objects.get().url


@pytest.fixture
def unit_calendar_url(agenda_site):
    page = AgendaPage.objects.get()
    return page.url + page.reverse_subpage("unit", args=["meaux"])


@pytest.fixture
def poster_url(agenda_site):
    """The A4 poster of next month's sessions in Meaux, for the unit's notice board."""
    page = AgendaPage.objects.get()
    month = first_day_of_next_month()
    return page.url + page.reverse_subpage("poster", args=["meaux", month.year, month.month])


@pytest.fixture
def staff_calendar_url(agenda_site):
    """Next month, every unit: the calendar grid, then day by day."""
    month = first_day_of_next_month()
    return reverse("agenda:month", args=[month.year, month.month])


@pytest.fixture
def staff_list_url(agenda_site):
    return reverse("agenda:list")


@pytest.fixture
def next_session(agenda_site):
    """Meaux's first session next month: every slot free."""
    unit = ProbationUnit.objects.get(slug="meaux")
    return (
        Session.objects.for_unit(unit)
        .scheduled()
        .filter(date__gte=first_day_of_next_month())
        .earliest("date")
    )


@pytest.fixture
def booking_form_url(next_session, guides_content, cpip):
    """A session with one slot booked by this CPIP, and the form to book another (with sheets to choose)."""
    BookingFactory(session=next_session, cpip=cpip, slot_start=next_session.start_time)
    return reverse("agenda:session", args=[next_session.pk])


@pytest.fixture
def booking_url(next_session, guides_content, cpip):
    """A CPIP's booking, with the sheets to bring, and the invitation letter form."""
    booking = BookingFactory(session=next_session, cpip=cpip, slot_start=next_session.start_time)
    booking.sheets.set(
        ProcedureSheetPage.objects.filter(slug__in=["demander-le-rsa", "avoir-sa-carte-vitale"])
    )
    return reverse("agenda:booking", args=[booking.pk])
