"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every value can be overridden from the environment (GUNICORN_BIND, GUNICORN_WORKERS…).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: the portal's work is short database and template work.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# PDFs (departmental guide, print packs) may take a few seconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that memory stays flat.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
wsgi_app = "portal.wsgi:application"
# Access logs would hold the addresses people visit (the query string of a search,
# a commune): keep them off by default; nginx keeps its own, with its own rotation.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
# If it is turned on, it writes the path only: no query string (%(r)s, %(q)s), no referrer
# (%(f)s, the previous page's address with its query), no user agent.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
# Takes any query string out of the error log ("Error handling request /recherche/?q=…")
# and, in case the format above is changed, out of the access log (portal/logging.py).
logger_class = "portal.logging.GunicornLogger"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "warning")
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
