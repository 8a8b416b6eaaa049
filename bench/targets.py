"""Which URL stands for each page type in the benchmark, found in the benchmark database.

Run inside Django (bench/run.py calls it through `manage.py shell`). A page type
whose app has no content yet is left out.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from agenda.booking import BookingError, book
from agenda.models import AgendaPage, Booking, Session
from directory.models import DirectoryPage, Structure
from guides.models import ProcedureSheetPage, TopicPage

DEMO_SHEET = "demander-le-rsa"
BENCH_USER = "bench-cpip"


def find():
    pages = {"accueil": "/"}
    pdfs = {}
    sheets = ProcedureSheetPage.objects.live().public()
    sheet = sheets.filter(slug=DEMO_SHEET).first() or sheets.first()
    if sheet:
        pages["fiche"] = sheet.url
        pages["thématique"] = sheet.get_parent().url
        pdfs["fiche (PDF)"] = {"url": sheet.get_pdf_url()}
        pack = [str(pk) for pk in sheets.order_by("path").values_list("pk", flat=True)[:10]]
        pdfs["pack de 10 fiches"] = {
            "method": "POST",
            "url": reverse("guides:print_pack"),
            "form_url": reverse("guides:print_pack"),
            "data": {
                "sheets": pack,
                "first_name": "Prénom",
                "date": "2026-12-01",
                "time": "10:00",
                "place": "SPIP de Meaux",
            },
        }
    elif TopicPage.objects.live().exists():
        pages["thématique"] = TopicPage.objects.live().first().url
    directory = DirectoryPage.objects.live().first()
    if directory:
        pages["annuaire"] = directory.url
        structure = Structure.objects.in_department().order_by("name").first()
        if structure:
            pages["structure"] = structure.get_absolute_url()
        pages["recherche commune"] = directory.search_url("dammartin en goele")
        pdfs["guide départemental"] = {"url": directory.url + "guide/"}
    pages["recherche du site"] = reverse("search") + "?q=rsa"
    agenda = AgendaPage.objects.live().first()
    if agenda:
        pages["calendrier public"] = agenda.url
        booking = _bench_booking()
        if booking:
            letter = reverse("agenda:letter", args=[booking.pk])
            pdfs["convocation"] = {
                "method": "POST",
                "url": letter,
                "form_url": letter,
                "data": {"name": "Prénom Nom"},
            }
    return pages, pdfs


def _bench_booking():
    """A booking of the benchmark's CPIP account, made once, for the invitation letter."""
    user = get_user_model().objects.filter(username=BENCH_USER).first()
    if user is None:
        return None
    existing = Booking.objects.filter(cpip=user).upcoming().first()
    if existing:
        return existing
    for session in Session.objects.upcoming().scheduled()[:20]:
        for slot in session.slot_times():
            try:
                return book(session_id=session.pk, slot_start=slot, cpip=user, subject="caf")
            except BookingError:
                continue
    return None
