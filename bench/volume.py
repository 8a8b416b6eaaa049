"""Volume for the search benchmark: thousands of sheets and pages that read like the real ones.

Each generated sheet is a published demo sheet (its summary, audience and
body) given a new subject and place: "Comment demander le RSA ? (Meaux, cas
12)". Other pages are simple pages made of the demo sheets' sentences. So the
words, their frequencies and the size of texts are those of real content,
multiplied. Everything lands under two containers (slugs
``volume-fiches`` and ``volume-pages``) and is created once: a second run
with the same numbers creates nothing.
"""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils.html import strip_tags

from directory.models import Commune
from guides.models import GuideIndexPage, ProcedureSheetPage, TopicPage
from home.models import HomePage, StandardPage
from search import spelling

SHEETS_PER_TOPIC = 100
PAGES_PER_PARENT = 200
BATCH = 250


@dataclass
class VolumeReport:
    sheets_created: int = 0
    pages_created: int = 0
    sheets_total: int = 0
    pages_total: int = 0


def templates():
    """The published demo sheets the generated sheets copy."""
    sheets = list(
        ProcedureSheetPage.objects.live().exclude(slug__startswith="volume-fiche-").order_by("path")
    )
    if not sheets:
        raise LookupError("Aucune fiche publiée à copier : lancez d'abord « manage.py load_demo ».")
    return sheets


def container(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
    return page


def sentences(sheets):
    """Every sentence of the demo sheets, to write the other pages with."""
    found = []
    for sheet in sheets:
        for text in sheet.falc_texts():
            found += [
                part.strip() + "." for part in strip_tags(str(text)).split(".") if len(part.strip()) > 20
            ]
    return found


def generate(sheets=5000, pages=2000, dry_run=False, seed=77):
    """Create what is missing for ``sheets`` generated sheets and ``pages`` other pages."""
    report = VolumeReport()
    home = HomePage.objects.get()
    sources = templates()
    places = list(Commune.objects.order_by("code").values_list("name", flat=True)) or ["Melun"]
    rng = random.Random(seed)  # the same volume on every machine

    sheet_index = GuideIndexPage.objects.child_of(home).filter(slug="volume-fiches").first()
    existing_sheets = ProcedureSheetPage.objects.filter(slug__startswith="volume-fiche-").count()
    page_root = StandardPage.objects.child_of(home).filter(slug="volume-pages").first()
    existing_pages = StandardPage.objects.filter(slug__startswith="volume-page-").count()

    report.sheets_created = max(sheets - existing_sheets, 0)
    report.pages_created = max(pages - existing_pages, 0)
    report.sheets_total = existing_sheets + report.sheets_created
    report.pages_total = existing_pages + report.pages_created
    if dry_run:
        return report

    if report.sheets_created:
        sheet_index = sheet_index or container(home, GuideIndexPage, "volume-fiches", title="Fiches (volume)")
        create_sheets(sheet_index, sources, places, existing_sheets, sheets, rng)
    if report.pages_created:
        page_root = page_root or container(home, StandardPage, "volume-pages", title="Pages (volume)")
        create_pages(page_root, sentences(sources), places, existing_pages, pages, rng)
    spelling.rebuild_vocabulary()
    return report


def create_sheets(sheet_index, sources, places, start, stop, rng):
    for first in range(start, stop, BATCH):
        with transaction.atomic():
            for number in range(first, min(first + BATCH, stop)):
                topic_number = number // SHEETS_PER_TOPIC
                topic = container(
                    sheet_index,
                    TopicPage,
                    f"volume-theme-{topic_number:03d}",
                    title=f"Thème {topic_number + 1}",
                    intro="Des fiches pour le banc d'essai de la recherche.",
                )
                source = sources[number % len(sources)]
                place = rng.choice(places)
                sheet = ProcedureSheetPage(
                    slug=f"volume-fiche-{number:05d}",
                    title=f"{source.title.rstrip(' ?')} ({place}, cas {number}) ?",
                    summary=source.summary,
                    audience=source.audience,
                    body=source.body.raw_data,
                    last_checked_on=source.last_checked_on,
                    service_public_number=source.service_public_number,
                )
                topic.add_child(instance=sheet)


def create_pages(page_root, lines, places, start, stop, rng):
    for first in range(start, stop, BATCH):
        with transaction.atomic():
            for number in range(first, min(first + BATCH, stop)):
                parent = container(
                    page_root,
                    StandardPage,
                    f"volume-rubrique-{number // PAGES_PER_PARENT:03d}",
                    title=f"Rubrique {number // PAGES_PER_PARENT + 1}",
                )
                place = rng.choice(places)
                body = "".join(f"<p>{line}</p>" for line in rng.sample(lines, min(12, len(lines))))
                parent.add_child(
                    instance=StandardPage(
                        slug=f"volume-page-{number:05d}",
                        title=f"Actualité de {place} numéro {number}",
                        intro=rng.choice(lines),
                        body=body,
                    )
                )
