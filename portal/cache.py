"""Whole-page cache for anonymous visitors, invalidated as soon as content changes.

Public pages are the same for every anonymous visitor, so the first visitor's
response is kept (plain and gzip-compressed) and served to the next ones
without touching the database. Every entry is keyed by a *content version*;
when an editor publishes, unpublishes, moves or deletes a page, or saves any
model a page can show (a structure, a session, a snippet, a setting…), the
version changes and every entry becomes unreachable at once.

Never cached: signed-in users, the admin and staff area, anything that sets a
cookie or carries a CSRF token, non-GET requests, errors.
"""

import gzip
import hashlib
import os
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "page-cache:version"
NO_STORE = "private, no-cache, no-store, must-revalidate, max-age=0"
# Headers worth keeping with a cached page; the rest are added per request.
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "content-security-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
    "referrer-policy",
    "x-content-type-options",
    "link",
}


def _version_file():
    return Path(getattr(settings, "PAGE_CACHE_VERSION_FILE", settings.VAR_DIR / "page-cache-version"))


def _is_process_local():
    """A local-memory cache is not shared by the worker processes: keep the version in a file they all see."""
    return isinstance(caches["default"], LocMemCache)


def content_version():
    if _is_process_local():
        try:
            return str(os.stat(_version_file()).st_mtime_ns)
        except FileNotFoundError:
            return "0"
    return str(cache.get_or_set(VERSION_KEY, lambda: time.time_ns(), None))


def invalidate(*args, **kwargs):
    """Make every cached page stale (signal receiver)."""
    if _is_process_local():
        path = _version_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        # Two changes in the same clock tick must still give two versions.
        now = time.time_ns()
        os.utime(path, ns=(now, max(now, os.stat(path).st_mtime_ns + 1)))
    else:
        cache.set(VERSION_KEY, time.time_ns(), None)


def connect_signals():
    """Invalidate on every change a public page can show."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{signal}")
    for app_label in settings.PAGE_CACHE_INVALIDATING_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label in settings.PAGE_CACHE_IGNORED_MODELS:
                continue
            post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{model._meta.label}")
            post_delete.connect(
                invalidate, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}"
            )
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    invalidate, sender=field.remote_field.through, dispatch_uid=f"page-cache-m2m-{field}"
                )
    # Bulk writes (the official list's import) send no post_save: they send their own signal.
    for name in settings.PAGE_CACHE_INVALIDATING_SIGNALS:
        import_string(name).connect(invalidate, dispatch_uid=f"page-cache-{name}")


def _is_excluded(path):
    return any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES)


def _key(request, version):
    url = request.get_host() + request.get_full_path()
    return f"page-cache:{version}:{hashlib.sha256(url.encode()).hexdigest()}"


def _accepts_gzip(request):
    return "gzip" in request.headers.get("Accept-Encoding", "")


class PageCacheMiddleware:
    """Serve and store anonymous public pages; mark everything else as not cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        candidate = (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not _is_excluded(request.path)
        )
        key = None
        if candidate:
            key = _key(request, content_version())
            entry = cache.get(key)
            if entry is not None:
                return self._from_entry(request, entry)

        response = self.get_response(request)

        if candidate and self._storable(request, response):
            entry = self._to_entry(response)
            cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
            return self._from_entry(request, entry)
        if not response.has_header("Cache-Control") or self._private(request):
            response["Cache-Control"] = NO_STORE
        return response

    def _private(self, request):
        user = getattr(request, "user", None)
        return (
            (user is not None and user.is_authenticated)
            or _is_excluded(request.path)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )

    def _storable(self, request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not self._private(request)
            and response.get("Content-Type", "").startswith("text/html")
        )

    def _to_entry(self, response):
        body = response.content
        headers = {name: value for name, value in response.items() if name.lower() in KEPT_HEADERS}
        return {"headers": headers, "body": body, "gzip": gzip.compress(body, compresslevel=6, mtime=0)}

    def _from_entry(self, request, entry):
        compressed = _accepts_gzip(request)
        response = HttpResponse(entry["gzip"] if compressed else entry["body"])
        for name, value in entry["headers"].items():
            response[name] = value
        if compressed:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_MAX_AGE}"
        patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
        return response


class ServerTimingMiddleware:
    """Add ``Server-Timing: app;dur=…`` (milliseconds spent in Django), for the benchmark.

    Enabled by the SERVER_TIMING setting only: it tells how long a page takes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.3f}"
        return response
