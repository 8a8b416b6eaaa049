"""Settings shared by every environment. Production-safe on their own.

Configuration comes from environment variables (see README.md and
.env.example); defaults are safe on a laptop.
"""

from datetime import timedelta
from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal",
    "home",
    "guides",
    "directory",
    "agenda",
    "search",
    "servicepublic",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL character: 400 in the address or a cookie, removed from the query (portal/security.py).
    "portal.security.NulCharacterMiddleware",
    # Uploaded files are served sandboxed, never as active content.
    "portal.security.UserMediaHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous visitors from the cache before any other work.
    "portal.cache.PageCacheMiddleware",
    # No-break spaces of French typography, in what the cache keeps too (portal/typography.py).
    "portal.typography.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Axes must come last: it turns a locked-out login into a refusal.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise
# (postgres://user:password@host:5432/name uses psycopg 3).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise this process's memory.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A signed-in session (CPIPs, editors) ends after SESSION_IDLE_HOURS without a request:
# every request pushes the end back. Anonymous visitors have no session.
SESSION_COOKIE_AGE = int(env.float("SESSION_IDLE_HOURS", default=8) * 3600)
SESSION_SAVE_EVERY_REQUEST = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff_home"  # home.views.SignInView picks the admin for FALC reviewers
LOGOUT_REDIRECT_URL = "/"

# Language and time
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files, served by WhiteNoise: compressed, hashed names, cached for a year.
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60  # unhashed names; hashed names are cached for a year
# Files browsers ask for at the site's root (favicon.ico), served as they are.
WHITENOISE_ROOT = PROJECT_DIR / "public"

# Security headers and cookies
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's page preview frames the site itself
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True

# Content-Security-Policy: public pages load nothing but the portal's own
# files. No inline script or style, no other host. The Wagtail admin needs
# inline scripts and styles, so it keeps its own policy (none from us).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Whole-page cache for anonymous visitors (portal/cache.py). Entries live at
# most PAGE_CACHE_TIMEOUT seconds (pages say "open now"), and are dropped at
# once when content changes. Browsers, nginx or a CDN may keep a public page
# PAGE_CACHE_MAX_AGE seconds.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = 60
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/espace-pro/",
    "/connexion/",
    "/deconnexion/",
    "/search/",
    "/recherche/",
    "/documents/",
    "/ou-aller/",
]
PAGE_CACHE_INVALIDATING_APPS = [
    "home",
    "guides",
    "directory",
    "agenda",
    "search",
    "servicepublic",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
]
# Sent after writes in bulk that send no post_save.
PAGE_CACHE_INVALIDATING_SIGNALS = [
    "directory.signals.structures_imported",
    "servicepublic.signals.official_sheets_imported",
]
# Saved often, shown on no public page: a booking or a feed token changes nothing there.
PAGE_CACHE_IGNORED_MODELS = ["agenda.Booking", "agenda.CalendarFeedToken", "agenda.MonthlyBookingCount"]
# French no-break spaces go into every HTML page but the admin's (Wagtail's own pages).
TYPOGRAPHY_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/"]
SERVER_TIMING = env.bool("SERVER_TIMING", default=False)
if SERVER_TIMING:
    MIDDLEWARE.insert(0, "portal.cache.ServerTimingMiddleware")

# Login throttling (django-axes, portal/signin.py): 5 failures lock the username from
# that address for one hour; 20 failures from one address, whatever the usernames, lock
# the address for one hour.
AXES_FAILURE_LIMIT = 5
SIGNIN_ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "portal.signin.AccountAndAddressHandler"
AXES_USERNAME_CALLABLE = "portal.signin.attempted_username"
AXES_CLIENT_IP_CALLABLE = "portal.signin.client_address"
# Proxies whose X-Forwarded-For gives the visitor's address (nginx on the same machine).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_RESET_ON_SUCCESS = True
# Axes must not keep who tried to sign in for longer than needed.
AXES_ENABLE_ACCESS_FAILURE_LOG = False
# Axes's log lines name the address only, never the username typed (portal/logging.py).
AXES_CLIENT_STR_CALLABLE = "portal.logging.signin_client_str"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "France services Seine-et-Marne"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# A sheet approved by its "Relecture FALC" workflow is published even though editors may
# not publish a sheet without that review (guides/permissions.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "guides.publishing.publish_reviewed_page"
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "svg", "webp"]
# Uploaded SVGs are cleaned of scripts and links to other sites (portal/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")

# Nothing a person typed reaches a log or an error e-mail (portal/logging.py): every handler
# removes query strings and the request's values; error reports show field names, no values.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_typed_text": {"()": "portal.logging.QueryStringFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_typed_text"]},
        # runserver's request lines ("GET /recherche/?q=… HTTP/1.1" 200), query string removed.
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["no_typed_text"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "no_typed_text"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Replaces Django's own "django" and "django.server" loggers, whose handlers have no filter.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # Its DEBUG lines dump a failed lookup's whole context (an error report's included):
        # never, at any level of the others.
        "django.template": {"level": "INFO"},
    },
}
DEFAULT_EXCEPTION_REPORTER = "portal.logging.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.logging.PrivateExceptionReporterFilter"
# Who receives the error e-mails: ADMINS=ops@example.fr,other@example.fr (none by default).
ADMINS = [("", address) for address in env.list("ADMINS", default=[])]
SERVER_EMAIL = env("SERVER_EMAIL", default="root@localhost")

# ==== search (issue 6): the search backend and the query log ====
# SQLite → the database backend (FTS5). PostgreSQL → the database backend with the
# French, accent-blind "french_unaccent" text-search configuration and trigram fuzzy
# queries (both set up by search/migrations). ELASTICSEARCH_URL set → Wagtail's
# Elasticsearch backend with a French analyzer. search/config.py builds the setting.
from search.config import search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends(DATABASES["default"]["ENGINE"], ELASTICSEARCH_URL)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite reads the search index (and every page) through a memory map of the database file,
    # without a system call per page read: the site search reads thousands of index rows.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("init_command", "PRAGMA mmap_size=268435456")
# The query log (search/querylog.py) writes no query typed once in clear, anywhere: searches
# are counted in the cache under a daily keyed hash, and written to the database in batches
# every SEARCH_LOG_FLUSH_SECONDS by each process (0: only by `manage.py flush_search_log`).
# Its writes change nothing a public page shows.
SEARCH_LOG_FLUSH_SECONDS = env.int("SEARCH_LOG_FLUSH_SECONDS", default=60)
PAGE_CACHE_IGNORED_MODELS += ["search.LoggedQuery", "search.DailySearchCount"]
# The agenda keeps bookings this many months after their day, then reduces them to the monthly
# counts and deletes them (`manage.py purge_old_bookings`, daily: docs/deploy.md).
AGENDA_BOOKING_RETENTION_MONTHS = env.int("AGENDA_BOOKING_RETENTION_MONTHS", default=12)
