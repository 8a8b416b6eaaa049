"""Nothing a person typed reaches a log or an error report.

What readers and staff type travels in addresses (`/recherche/?q=…`, a commune, the
"Où aller ?" page) and in forms (the name printed on an invitation letter). Three doors
could let it out, and each is closed here:

- log lines: `QueryStringFilter` removes every query string from a record (the request
  line of runserver's `django.server` and of gunicorn's access log, a referrer, an address
  in a message) and, when the record carries the request (`django.request`), every value
  the request carried, from the message and the traceback. It is set on every handler of
  `LOGGING` (portal/settings/base.py) and on gunicorn's loggers (`GunicornLogger`,
  gunicorn.conf.py);
- error e-mails (ADMINS): `PrivateExceptionReporterFilter` shows the names of GET and POST
  fields but none of their values, no query string, referrer or raw address in META, and
  no local variable of the traceback, for every request;
- `PrivateExceptionReporter` writes the address without its query string and removes the
  request's values from the whole report, the exception's message included.
"""

import logging
import re
import unicodedata
from urllib.parse import quote, quote_plus

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

SUBSTITUTE = "********************"
# A query string: "?" after a path or an address, up to a space or a quote.
QUERY_STRING = re.compile(r"(?<=\S)\?[^\s\"]*")
# Values shorter than this are not hunted in a report's text ("1", "oui"): they would
# blank out every line number, and say nothing about a person.
MIN_VALUE_LENGTH = 3
# META keys that hold the query string or an address with it (gunicorn, uWSGI, the referrer).
META_WITH_QUERY = {"QUERY_STRING", "RAW_URI", "REQUEST_URI", "HTTP_REFERER", "HTTP_ORIGIN"}


def without_query(text):
    """`text` with every query string removed: `GET /recherche/?q=x HTTP/1.1` → `GET /recherche/ HTTP/1.1`."""
    return QUERY_STRING.sub("", text)


def _unaccented(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def typed_values(request):
    """What the request carried, as texts to hunt: each value, each of its words, and their escapes."""
    found = set()
    for data in (getattr(request, "GET", None), getattr(request, "POST", None)):
        if data is None:
            continue
        for _key, values in data.lists():
            for value in values:
                if not isinstance(value, str):
                    continue
                for piece in [value, *value.split()]:
                    for form in (piece, _unaccented(piece)):
                        found.update({form, quote_plus(form), quote(form)})
    query_string = getattr(request, "META", {}).get("QUERY_STRING", "")
    if query_string:
        found.add(query_string)
    return sorted((v for v in found if len(v) >= MIN_VALUE_LENGTH), key=len, reverse=True)


def scrub(text, values):
    """`text` without any of `values` (case-insensitive) and without query strings."""
    if values and text:
        pattern = re.compile("|".join(re.escape(v) for v in values), re.IGNORECASE)
        text = pattern.sub(SUBSTITUTE, text)
    return without_query(text) if text else text


def _clean(value, values):
    return scrub(value, values) if isinstance(value, str) else value


class QueryStringFilter(logging.Filter):
    """Removes query strings (and a carried request's values) from a log record; keeps the record."""

    def filter(self, record):
        request = getattr(record, "request", None)
        values = typed_values(request) if request is not None and hasattr(request, "GET") else []
        if isinstance(record.msg, str):
            record.msg = scrub(record.msg, values)
        if isinstance(record.args, dict):  # gunicorn's access log: one dict of "atoms"
            for key, value in list(record.args.items()):
                dict.__setitem__(record.args, key, _clean(value, values))
            if "q" in record.args:
                dict.__setitem__(record.args, "q", "-")
        elif isinstance(record.args, tuple):
            record.args = tuple(_clean(arg, values) for arg in record.args)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, values)
        return True


try:  # gunicorn is a production dependency; the test settings never start it.
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = object


class GunicornLogger(_GunicornLogger):
    """gunicorn's logger, with the query strings taken out of its error and access logs.

    ("Error handling request /recherche/?q=…" is what gunicorn writes when a response fails.)
    """

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, QueryStringFilter) for f in log.filters):
                log.addFilter(QueryStringFilter())


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """For every request, error reports show which fields came, never what was in them."""

    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in META_WITH_QUERY & set(meta):
            meta[key] = self.cleansed_substitute
        return meta

    def get_traceback_frame_variables(self, request, tb_frame):
        # A local variable may hold the query, the request (whose repr has the full
        # address) or a name being printed: show the names only.
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


class PrivateExceptionReporter(ExceptionReporter):
    """Django's error report, without the query string and without any value the request carried."""

    def _get_raw_insecure_uri(self):
        return without_query(super()._get_raw_insecure_uri())

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [(key, SUBSTITUTE) for key in self.request.GET]
            data["request_FILES_items"] = [(key, SUBSTITUTE) for key in self.request.FILES]
        return data

    def _values(self):
        return typed_values(self.request) if self.request is not None else []

    def get_traceback_text(self):
        return scrub(str(super().get_traceback_text()), self._values())

    def get_traceback_html(self):
        return scrub(str(super().get_traceback_html()), self._values())


def signin_client_str(username, ip_address, user_agent, path_info, request):
    """How django-axes names a sign-in attempt in its log: the address, never what was typed."""
    return f"{{ip_address: {ip_address!r}, path_info: {without_query(str(path_info))!r}}}"
