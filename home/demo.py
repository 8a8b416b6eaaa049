"""Demo content for the home app, and the helpers every app's demo module uses.

Each app that has demo content has a ``demo.py`` with a ``load(stdout)``
function; ``manage.py load_demo`` calls them in order. Every loader is
idempotent: a second run changes nothing.
"""

from django.db import transaction

from wagtail.models import Page, Site

from .models import HomePage, SiteSettings, StandardPage


def upsert_page(parent, model, slug, **fields):
    """Create the page ``slug`` under ``parent``, or update it when ``fields`` differ.

    A new revision is published only when something changed, so a second run
    leaves the page and its history as they were.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    changed = False
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
    return page


HOME_INTRO = (
    "<p>France services vous aide à faire vos démarches : CAF, santé, papiers, emploi, impôts, retraite.</p>"
    "<p>Un conseiller vous reçoit <b>gratuitement</b>, près de chez vous.</p>"
)

LEGAL_NOTICE = """
<h2>Qui publie ce site ?</h2>
<p>La préfecture de Seine-et-Marne publie ce site, avec le service pénitentiaire d'insertion et de probation (SPIP) de Seine-et-Marne.</p>
<p>Adresse : Préfecture de Seine-et-Marne, 12 rue des Saints-Pères, 77010 Melun Cedex.</p>
<p>Directeur de la publication : le préfet de Seine-et-Marne.</p>
<h2>Vos données</h2>
<p>Ce site ne vous demande pas qui vous êtes.</p>
<p>Il ne garde pas le nom des personnes reçues en France services.</p>
<p>Il ne dépose pas de cookie de mesure d'audience.</p>
<p>Les conseillers et les éditeurs ont un compte. Ce compte garde leur nom et leur adresse e-mail professionnelle.</p>
<h2>Les informations du site</h2>
<p>La liste des France services vient de l'ANCT : « liste des structures France services, 01/08/2024 », sous Licence Ouverte 2.0.</p>
<p>Les fiches s'appuient sur les fiches de Service-Public.fr (DILA), sous Licence Ouverte 2.0.</p>
"""

ACCESSIBILITY_STATEMENT = """
<h2>État de conformité</h2>
<p>Ce site est <b>partiellement conforme</b> au référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.</p>
<p>Il n'a pas encore eu d'audit complet fait à la main. C'est pourquoi il est « partiellement conforme ».</p>
<h2>Comment nous vérifions</h2>
<p>À chaque modification, des tests automatiques ouvrent chaque type de page dans un vrai navigateur.</p>
<ul>
<li>Ils cherchent les erreurs d'accessibilité avec l'outil axe-core (règles WCAG 2.1 niveaux A et AA).</li>
<li>Ils utilisent les pages au clavier seulement.</li>
<li>Ils vérifient les pages sans JavaScript, sur un écran de téléphone et à l'impression.</li>
</ul>
<h2>Signaler un problème</h2>
<p>Vous n'arrivez pas à utiliser une page ? Dites-le nous. Nous vous aiderons à trouver l'information autrement.</p>
<p>Écrivez à la préfecture de Seine-et-Marne : 12 rue des Saints-Pères, 77010 Melun Cedex.</p>
<h2>Si nous ne vous répondons pas</h2>
<p>Vous pouvez contacter le Défenseur des droits :</p>
<ul>
<li>par internet : <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;</li>
<li>par téléphone : 09 69 39 00 00 ;</li>
<li>par courrier gratuit, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07.</li>
</ul>
"""


@transaction.atomic
def load(stdout):
    home = HomePage.objects.get()
    home = upsert_page(
        home.get_parent(),
        HomePage,
        home.slug,
        title="France services en Seine-et-Marne",
        intro=HOME_INTRO,
    )
    legal = upsert_page(
        home, StandardPage, "mentions-legales", title="Mentions légales", body=LEGAL_NOTICE.strip()
    )
    accessibility = upsert_page(
        home,
        StandardPage,
        "accessibilite",
        title="Déclaration d'accessibilité",
        intro="Ce site est partiellement conforme aux règles d'accessibilité (RGAA).",
        body=ACCESSIBILITY_STATEMENT.strip(),
    )
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    wanted = {
        "operator_name": "Préfecture de Seine-et-Marne",
        "contact_address": "Préfecture de Seine-et-Marne\n12 rue des Saints-Pères\n77010 Melun Cedex",
        "legal_notice_page_id": legal.pk,
        "accessibility_page_id": accessibility.pk,
    }
    if any(getattr(site_settings, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site_settings, key, value)
        site_settings.save()
    stdout.write(f"home: {Page.objects.descendant_of(home, inclusive=True).count()} pages")
