"""The pages the browser tests visit: one fixture per page type, returning its address.

The data is made here, in pytest's thread (see conftest.py): demo content, then what each page
type needs. conftest.py imports these fixtures, so that every browser test can ask for them.
"""

import datetime
import io
from pathlib import Path

from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone

from wagtail.images.models import Image

import pytest

from agenda import demo as agenda_demo
from agenda.models import AgendaPage, ProbationUnit, Session
from directory import demo as directory_demo
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
def directory_site(demo_site):
    """The directory's demo: the 34 France services of the official file (hours, partners) and the SPIP's.

    Loading it marks the PDF guide stale (a small file): the guide is drawn when someone downloads it.
    """
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
def step_free_structures(directory_site):
    """Three structures near Meaux whose entrance is accessible in a wheelchair (the demo says nothing)."""
    Structure.objects.filter(id_fs__in=["1824", "1825", "1821"]).update(step_free_access=True)


@pytest.fixture
def commune_needs_url(directory_site, step_free_structures):
    """Meaux, narrowed by need: the CAF, a step-free entrance; the SPIP's structure apart, on invitation."""
    return DirectoryPage.objects.get().search_url("meaux") + "&partenaire=caf&fauteuil=1"


@pytest.fixture
def commune_spip_url(directory_site):
    """Meaux: the five nearest, then the SPIP's France services, on invitation of the CPIP."""
    return DirectoryPage.objects.get().search_url("meaux")


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
    structure.step_free_access, structure.accessible_toilets, structure.hearing_loop = True, True, False
    structure.languages, structure.helps_non_readers = ["en", "ar"], True
    structure.directions = "Bus 2, arrêt Maréchal Juin. Entrée par la galerie, cellule 32."
    structure.save()
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
