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

import functools
import os
import sqlite3
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command

import pytest

from .harness import CHROMIUM, NO_CHROMIUM, BrowserThread, Contexts, session_cookie

# The pages' fixtures (tests/browser/sites.py), imported so that every browser test can ask for them.
from .sites import (  # noqa: F401
    accessibility_statement_url,
    admin_sign_in_url,
    agenda_site,
    agenda_url,
    booking_form_url,
    booking_url,
    commune_choice_url,
    commune_needs_url,
    commune_search_url,
    commune_spip_url,
    demo_sheet_urls,
    demo_site,
    directory_site,
    directory_url,
    glossary_url,
    guide_index_url,
    guides_content,
    guides_site,
    home_url,
    invitation_structure_url,
    legal_notice_url,
    missing_page_url,
    next_session,
    poster_url,
    print_pack_url,
    search_url,
    search_with_results_url,
    search_without_results_url,
    server_error_url,
    sheet_url,
    sign_in_url,
    site_plan_url,
    staff_calendar_url,
    staff_home_url,
    staff_list_url,
    step_free_structures,
    structure_url,
    topic_url,
    unit_calendar_url,
    unknown_commune_url,
)

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


@pytest.fixture
def contexts(browser_thread, live_server):
    opened = Contexts(browser_thread.browser, live_server.url)
    yield opened
    browser_thread.run(opened.close)


@pytest.fixture
def context(browser_thread, contexts):
    """A desktop browser context (1280 × 800), JavaScript on."""
    return browser_thread.run(contexts.new)


@pytest.fixture
def no_js_context(contexts, browser_thread):
    """A desktop browser context with JavaScript off."""
    return browser_thread.run(contexts.new, java_script_enabled=False)


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
