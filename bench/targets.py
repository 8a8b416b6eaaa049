"""Which URL stands for each page type in the benchmark, found in the benchmark database.

Run inside Django (bench/run.py calls it through `manage.py shell`).
"""

from wagtail.models import Page


def find():
    pages = {"accueil": "/"}
    pdfs = {}
    legal = Page.objects.live().filter(slug="mentions-legales").first()
    if legal:
        pages["page simple"] = legal.url
    return pages, pdfs
