"""Nothing a person types reaches a log line or an error e-mail (issue 11, portal/logging.py).

Each public query and form gets a unique name; every log record (all loggers at DEBUG),
the output of the configured handlers (console, runserver's request lines, gunicorn's access
and error logs) and every error e-mail must not hold it, nor any word of it.
"""

import io
import logging
import runpy
from datetime import time, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, quote_plus

from django.core import mail
from django.core.servers.basehttp import WSGIRequestHandler
from django.http import HttpResponse
from django.urls import path, reverse

import pytest
from gunicorn.config import Config

import portal.logging
import portal.urls
from agenda.models import Subject
from portal.logging import QueryStringFilter, without_query
from tests.agenda.factories import AgendaPageFactory, BookingFactory, SessionFactory, in_days
from tests.directory.factories import DirectoryPageFactory
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

MARKER = "Zorglubette Quintessar-Privée"
GUNICORN_CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def traces_of(marker=MARKER):
    """The marker, each of its words, accent-less and escaped as in an address."""
    words = marker.split()
    forms = {marker, *words, "quintessar-privee", quote_plus(marker), *(quote(w) for w in words)}
    return {form.lower() for form in forms}


def assert_no_trace(text, marker=MARKER):
    found = [form for form in traces_of(marker) if form in text.lower()]
    assert not found, f"{found} found in:\n{text}"


# A view that fails, for the 500 tests; the rest of the site's addresses stay.
def failing_view(request):
    name = request.POST.get("name") or request.GET.get("q")
    raise ValueError(f"impossible de traiter « {name} »")


def fine_view(request):
    return HttpResponse("ok")


urlpatterns = [path("panne/", failing_view), path("bien/", fine_view), *portal.urls.urlpatterns]


@pytest.fixture
def logs(caplog):
    """Everything logged: the raw records (all loggers at DEBUG) and what each configured handler writes."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    streams = []
    handlers = [
        *logging.getLogger().handlers,
        *logging.getLogger("django").handlers,
        *logging.getLogger("django.server").handlers,
    ]
    configured = [h for h in handlers if isinstance(h, logging.StreamHandler) and h is not caplog.handler]
    assert {h.name for h in configured} >= {"console", "django.server"}
    for handler in configured:
        stream = io.StringIO()
        streams.append((handler, handler.setStream(stream), stream))

    def text():
        written = "\n".join(stream.getvalue() for _, _, stream in streams)
        mails = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
        return "\n".join([caplog.text, written, mails])

    text.handlers = {h.name: stream for h, _, stream in streams}
    yield text
    for handler, old, _ in streams:
        handler.setStream(old)


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Exploitation", "exploitation@example.fr")]
    return settings.ADMINS


@pytest.fixture
def sheet(home_page):
    index = GuideIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=index, title="Argent", slug="argent")
    return ProcedureSheetPageFactory(parent=topic, title="Demander le RSA", slug="rsa")


@pytest.fixture
def booking(home_page, cpip):
    AgendaPageFactory(parent=home_page)
    return BookingFactory(session=SessionFactory(date=in_days(9)), slot_start=time(10, 30), cpip=cpip)


# What citizens type: the site search, the directory's commune search, "Où aller ?".


def test_the_site_search_logs_nothing_typed(client, logs, admins):
    for address in ("/recherche/", "/search/"):
        for params in ({"q": MARKER}, {"q": MARKER, "page": "2"}, {"q": MARKER, "format": "json"}):
            assert client.get(address, params).status_code == 200
    assert_no_trace(logs())


def test_the_commune_search_logs_nothing_typed(client, home_page, logs, admins):
    directory = DirectoryPageFactory(parent=home_page)
    response = client.get(directory.search_url(MARKER))
    assert response.status_code == 200
    assert "Zorglubette" in response.content.decode()  # the page answers about what was typed
    assert_no_trace(logs())


def test_where_to_go_logs_nothing_typed(client, sheet, logs, admins):
    assert client.get(f"/ou-aller/{sheet.pk}/", {"q": MARKER}).status_code == 200
    assert client.get(f"/ou-aller/{sheet.pk}/", {"commune": MARKER}).status_code == 200
    assert_no_trace(logs())


# What staff type: the name on an invitation letter, the booking form, a sign-in.


def test_the_name_on_an_invitation_letter_is_logged_nowhere(client, booking, cpip, logs, admins):
    client.force_login(cpip)
    response = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": MARKER})
    assert response["Content-Type"] == "application/pdf"
    assert_no_trace(logs())


def test_a_booking_form_with_typed_text_logs_none_of_it(client, booking, cpip, logs, admins):
    client.force_login(cpip)
    session = booking.session
    response = client.post(
        reverse("agenda:session", args=[session.pk]),
        {"slot": MARKER, "subject": Subject.CAF, "sheets": MARKER},
    )
    assert response.status_code == 200  # the form's French message
    assert_no_trace(logs())


def test_a_failed_sign_in_logs_no_username(client, logs, admins):
    for _ in range(6):  # past the lock-out: axes logs each failure and the lock
        client.post("/connexion/", {"username": MARKER, "password": "mauvais"})
    assert "AXES" in logs()  # axes did log the attempts, by address
    assert_no_trace(logs())


# Errors: a 404 and a 500 with the name in the address or the form.


def test_a_not_found_page_logs_its_path_without_the_query(client, logs, admins):
    assert client.get("/ou-aller/999999/", {"q": MARKER}).status_code == 404
    assert "Not Found: /ou-aller/999999/" in logs.handlers["console"].getvalue()
    assert_no_trace(logs())


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_server_error_mails_and_logs_no_value_typed(client, logs, admins, method):
    client.raise_request_exception = False
    if method == "get":
        response = client.get("/panne/", {"q": MARKER, "page": "2"}, HTTP_REFERER=f"/recherche/?q={MARKER}")
    else:
        response = client.post("/panne/?q=" + quote_plus(MARKER), {"name": MARKER, "subject": "caf"})
    assert response.status_code == 500

    [message] = mail.outbox
    assert message.to == ["exploitation@example.fr"]
    assert message.subject.endswith("Internal Server Error: /panne/")
    # The report still says what failed and where, and which fields came…
    assert "ValueError" in message.body and "failing_view" in message.body
    assert "Request URL: http://testserver/panne/\n" in message.body
    assert (
        "q = '********************'" if method == "get" else "name = '********************'"
    ) in message.body
    # …but not what was in them: not in the address, the fields, META, the locals or the exception.
    assert_no_trace(f"{message.subject}\n{message.body}")
    console = logs.handlers["console"].getvalue()
    assert "Internal Server Error: /panne/" in console and "ValueError" in console
    assert_no_trace(console)
    assert_no_trace(logs())


@pytest.mark.urls(__name__)
def test_the_html_error_report_keeps_no_value_typed(client, admins, settings):
    settings.LOGGING["handlers"]["mail_admins"]["include_html"] = True  # as an operator may set it
    request = client.get("/bien/", {"q": MARKER}).wsgi_request
    try:
        failing_view(request)
    except ValueError:
        import sys

        reporter = portal.logging.PrivateExceptionReporter(request, *sys.exc_info(), is_email=True)
    html = reporter.get_traceback_html()
    assert "ValueError" in html
    assert_no_trace(html)


# The request lines of runserver and gunicorn.


def test_runserver_request_lines_have_no_query_string(logs):
    handler = WSGIRequestHandler.__new__(WSGIRequestHandler)
    handler.request = None
    handler.requestline = f"GET /recherche/?q={quote_plus(MARKER)} HTTP/1.1"
    handler.log_request(200, 1234)
    handler.requestline = f"GET /ou-aller/12/?q={quote_plus(MARKER)}&commune= HTTP/1.1"
    handler.log_request(404, 10)
    written = logs.handlers["django.server"].getvalue()
    assert '"GET /recherche/ HTTP/1.1" 200 1234' in written
    assert '"GET /ou-aller/12/ HTTP/1.1" 404 10' in written
    assert_no_trace(written)
    assert_no_trace(logs())


def _gunicorn_logger(**overrides):
    """gunicorn's logger as gunicorn.conf.py configures it, writing into a string."""
    conf = runpy.run_path(str(GUNICORN_CONF))
    cfg = Config()
    cfg.set("logger_class", conf["logger_class"])
    cfg.set("access_log_format", overrides.get("access_log_format", conf["access_log_format"]))
    cfg.set("accesslog", "-")
    logger = cfg.logger_class(cfg)
    assert isinstance(logger, portal.logging.GunicornLogger)
    stream = io.StringIO()
    for log in (logger.access_log, logger.error_log):
        log.addHandler(logging.StreamHandler(stream))
    return logger, stream


def _gunicorn_request(logger):
    query = "q=" + quote_plus(MARKER)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/recherche/?{query}",
        "PATH_INFO": "/recherche/",
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.7",
        "HTTP_REFERER": f"https://portail.example.fr/recherche/?{query}",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="200 OK", sent=321, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=12))


def test_gunicorn_access_log_writes_the_path_only(logs):
    logger, stream = _gunicorn_logger()
    _gunicorn_request(logger)
    written = stream.getvalue()
    assert "203.0.113.7 [" in written and '"GET /recherche/" 200 321 12ms' in written
    assert_no_trace(written)


def test_gunicorn_access_log_in_its_default_format_loses_the_query_string_too(logs):
    default = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(q)s %({referer}i)s'
    logger, stream = _gunicorn_logger(access_log_format=default)
    _gunicorn_request(logger)
    written = stream.getvalue()
    assert '"GET /recherche/ HTTP/1.1" 200 321 "https://portail.example.fr/recherche/"' in written
    assert_no_trace(written)


def test_gunicorn_error_log_has_no_query_string(logs):
    logger, stream = _gunicorn_logger()
    try:
        raise OSError("connexion coupée")
    except OSError:
        logger.exception("Error handling request %s", f"/recherche/?q={quote_plus(MARKER)}")
    written = stream.getvalue()
    assert "Error handling request /recherche/\n" in written and "OSError" in written
    assert_no_trace(written)


# The filter itself.


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('"GET /recherche/?q=a+b HTTP/1.1" 200 5', '"GET /recherche/ HTTP/1.1" 200 5'),
        ("https://site.example/ou-aller/3/?q=x&commune=77288", "https://site.example/ou-aller/3/"),
        ("Not Found: /ou-aller/3/", "Not Found: /ou-aller/3/"),
        ("Une question ? Oui.", "Une question ? Oui."),
    ],
)
def test_without_query_removes_query_strings_only(line, expected):
    assert without_query(line) == expected


def test_the_filter_keeps_every_record_and_cleans_its_arguments():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, '"%s" %s', (f"GET /a/?q={quote_plus(MARKER)} HTTP/1.1", 200), None
    )
    assert QueryStringFilter().filter(record) is True
    assert record.getMessage() == '"GET /a/ HTTP/1.1" 200'


def test_the_private_filter_and_reporter_are_the_settings(settings):
    assert settings.DEFAULT_EXCEPTION_REPORTER_FILTER == "portal.logging.PrivateExceptionReporterFilter"
    assert settings.DEFAULT_EXCEPTION_REPORTER == "portal.logging.PrivateExceptionReporter"
