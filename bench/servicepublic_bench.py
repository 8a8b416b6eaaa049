"""Benchmark of the official sheets' import (not a test): prints the figures, never fails.

    .venv/bin/python bench/servicepublic_bench.py

Uses its own SQLite database under var/bench-servicepublic/ (git-ignored; set
BENCH_DATABASE_URL for PostgreSQL) with the test settings. It measures:

- the import of the 8 shared sheets (first run, then a second run that changes nothing);
- the import of a generated national zip of 7,500 publications shaped after the inventory of
  the 7,591 real ones (data/STRUCTURE_inventory.txt): the same mix of root types, 147 elements
  per sheet on average, 32 % of publications with an important-change date, "où s'adresser"
  with PivotLocal types, online services, situations and chapters, tables, lists…;
  first run (all new), second run (nothing to change), a run with 10 % of the sheets changed,
  and the parsing alone (no database).

Target from the issue: the whole national set in under a minute on this machine.
"""

import io
import os
import random
import shutil
import sys
import time
import zipfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK = BASE_DIR / "var" / "bench-servicepublic"
SHEETS = int(os.environ.get("BENCH_SHEETS", "7500"))
INVENTORY_ELEMENTS_PER_SHEET = 1_116_497 / 7591

sys.path.insert(0, str(BASE_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'db.sqlite3'}")

# Root element and @type counts of the 7,591 real sheets (STRUCTURE_inventory.txt).
ROOT_TYPES = [
    ("ServiceComplementaire", "Formulaire", 2111),
    ("Publication", "Fiche d'information", 1759),
    ("Publication", "Fiche Question-réponse", 1629),
    ("ServiceComplementaire", "Téléservice", 879),
    ("ServiceComplementaire", "Modèle de document", 323),
    ("Publication", "Dossier", 310),
    ("Publication", "Fiche d'information conditionnée", 169),
    ("ServiceComplementaire", "Simulateur", 130),
    ("Publication", "Fiche Question-réponse conditionnée", 76),
    ("Publication", "Fiche avec liens externes", 68),
    ("Publication", "Recherche guidée", 55),
    ("ServiceComplementaire", "Outil de recherche", 36),
    ("Publication", "Fiche Comment faire si", 21),
    ("Publication", "Theme", 20),
    ("Publication", "Fiche Comment faire si - simulateur", 4),
    ("ServiceComplementaire", "Téléservice personnalisé sur SP", 1),
]
THEMES = [
    ("N19806", "Argent"),
    ("N19807", "Justice"),
    ("N19808", "Famille - Scolarité"),
    ("N19809", "Logement"),
    ("N19810", "Papiers - Citoyenneté - Élections"),
    ("N19811", "Social - Santé"),
    ("N19803", "Travail - Formation"),
    ("N19812", "Transports - Mobilité"),
    ("N19804", "Étranger - Europe"),
    ("N19805", "Loisirs"),
]
PIVOTS = [
    "caf",
    "cpam",
    "mairie",
    "pole_emploi",
    "msap",
    "prefecture",
    "sip",
    "carsat",
    "cg",
    "msa",
    "urssaf",
    "ccas",
]
WORDS = [
    "demande",
    "droit",
    "aide",
    "allocation",
    "dossier",
    "caisse",
    "formulaire",
    "justificatif",
    "montant",
    "délai",
    "recours",
    "conditions",
    "ressources",
    "déclaration",
    "situation",
    "logement",
    "famille",
    "enfant",
    "salarié",
    "retraite",
]
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="{id}" type="{type}" '
    'xsi:noNamespaceSchemaLocation="../Schemas/3.3/Publication.xsd"{date} '
    'spUrl="https://www.service-public.fr/particuliers/vosdroits/{id}">'
)


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize()


def metadata(rng, identifier, kind, title, theme):
    code, name = theme
    return (
        f"<dc:title>{title}</dc:title><dc:creator>Direction de l'information légale et administrative</dc:creator>"
        f"<dc:subject>{name}</dc:subject><dc:description>{words(rng, 25)}.</dc:description>"
        "<dc:publisher>DILA</dc:publisher><dc:contributor>DILA (Premier ministre)</dc:contributor>"
        f"<dc:date>modified 20{rng.randint(15, 20)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</dc:date>"
        f"<dc:type>{kind}</dc:type><dc:format>text/xml</dc:format><dc:identifier>{identifier}</dc:identifier>"
        "<dc:language>Fr</dc:language><dc:coverage>France entière</dc:coverage>"
        "<dc:rights>https://www.service-public.fr/a-propos/mentions-legales</dc:rights>"
        f"<SurTitre>{kind}</SurTitre><Audience>Particuliers</Audience><Canal>www.service-public.fr</Canal>"
        f'<FilDAriane><Niveau ID="Particuliers">Accueil particuliers</Niveau><Niveau ID="{code}">{name}</Niveau>'
        f'<Niveau ID="{identifier}" type="{kind}">{title}</Niveau></FilDAriane>'
        f'<Theme ID="{code}"><Titre>{name}</Titre></Theme>'
    )


def chapter(rng, number):
    items = "".join(
        f"<Item><Paragraphe>{words(rng, 8)}</Paragraphe></Item>" for _ in range(rng.randint(2, 5))
    )
    paragraphs = "".join(
        f"<Paragraphe>{words(rng, 20)} <MiseEnEvidence>{words(rng, 2)}</MiseEnEvidence> "
        f'<LienInterne LienPublication="F{rng.randint(1, 40000)}" type="Fiche d\'information" '
        f'audience="Particuliers">{words(rng, 3)}</LienInterne>.</Paragraphe>'
        for _ in range(rng.randint(1, 4))
    )
    extra = ""
    if rng.random() < 0.3:
        extra = f"<ANoter><Titre>À noter</Titre><Paragraphe>{words(rng, 15)}</Paragraphe></ANoter>"
    if rng.random() < 0.15:
        cells = "".join(f"<Cellule><Paragraphe>{words(rng, 3)}</Paragraphe></Cellule>" for _ in range(3))
        extra += (
            f'<Tableau><Colonne largeur="30" type="normal"/><Rangée type="normal">{cells}</Rangée></Tableau>'
        )
    kind = ' type="pieces"' if number == 1 and rng.random() < 0.2 else ""
    return (
        f"<Chapitre{kind}><Titre><Paragraphe>{words(rng, 4)}</Paragraphe></Titre>{paragraphs}"
        f'<Liste type="puce">{items}</Liste>{extra}</Chapitre>'
    )


def places(rng):
    out = []
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        pivot = rng.choice(PIVOTS)
        out.append(
            f'<OuSAdresser ID="R{rng.randint(1, 60000)}" sve="non" type="Local personnalisé sur SP">'
            f"<Titre>{words(rng, 3)}</Titre><PivotLocal>{pivot}</PivotLocal>"
            '<RessourceWeb URL="https://lannuaire.service-public.fr/"/><Source ID="R30673">DILA</Source></OuSAdresser>'
        )
    return "".join(out)


def publication(rng, identifier, kind, size):
    theme = rng.choice(THEMES)
    title = words(rng, rng.randint(3, 8))
    date = f' dateDerniereModificationImportante="20{rng.randint(15, 20)}-0{rng.randint(1, 9)}-15T00:00:00"'
    body = [metadata(rng, identifier, kind, title, theme)]
    body.append(f'<DossierPere ID="N{rng.randint(1, 30000)}"><Titre>{words(rng, 3)}</Titre></DossierPere>')
    body.append(f"<Introduction><Texte><Paragraphe>{words(rng, 30)}</Paragraphe></Texte></Introduction>")
    chapters = [chapter(rng, number) for number in range(size)]
    if "conditionnée" in kind:
        half = max(1, size // 2)
        body.append(
            '<ListeSituations affichage="onglet">'
            f"<Situation><Titre>{words(rng, 3)}</Titre><Texte>{''.join(chapters[:half])}</Texte></Situation>"
            f"<Situation><Titre>{words(rng, 3)}</Titre><Texte>{''.join(chapters[half:])}</Texte></Situation>"
            "</ListeSituations>"
        )
    else:
        body.append(f"<Texte>{''.join(chapters)}</Texte>")
    body.append(places(rng))
    for _ in range(rng.randint(0, 3)):
        body.append(
            f'<ServiceEnLigne ID="R{rng.randint(1, 60000)}" URL="https://www.formulaires.service-public.fr/gf/cerfa_{rng.randint(10000, 16000)}.do" '
            f'numerocerfa="{rng.randint(10000, 16000)}*01" type="Formulaire"><Titre>{words(rng, 4)}</Titre>'
            '<Source ID="R30673">Ministère</Source></ServiceEnLigne>'
        )
    for _ in range(rng.randint(0, 3)):
        body.append(
            f'<QuestionReponse ID="F{rng.randint(1, 40000)}" audience="Particuliers">{words(rng, 6)} ?</QuestionReponse>'
        )
    head = HEAD.format(root="Publication", id=identifier, type=kind, date=date if rng.random() < 0.32 else "")
    return head + "".join(body) + "</Publication>"


def complementary_service(rng, identifier, kind):
    theme = rng.choice(THEMES)
    title = words(rng, rng.randint(3, 7))
    cerfa = (
        f"<NumeroCerfa>{rng.randint(10000, 16000)}*0{rng.randint(1, 5)}</NumeroCerfa>"
        if kind == "Formulaire"
        else ""
    )
    return (
        HEAD.format(root="ServiceComplementaire", id=identifier, type=kind, date="")
        + metadata(rng, identifier, kind, title, theme)
        + cerfa
        + f'<LienWeb URL="https://www.formulaires.service-public.fr/gf/cerfa_{rng.randint(10000, 16000)}.do" format="application/pdf" poids="120 KB"/>'
        + f'<FicheLiee ID="F{rng.randint(1, 40000)}" audience="Particuliers" type="Fiche d\'information">'
        + f'<Dossier ID="N{rng.randint(1, 30000)}"><Titre>{words(rng, 3)}</Titre></Dossier></FicheLiee>'
        + "</ServiceComplementaire>"
    )


def national_zip(path, count, seed=77, changed=0.0):
    """Write ``count`` generated sheets to a zip; ``changed``: the share whose content differs from seed's."""
    total = sum(n for _root, _kind, n in ROOT_TYPES)
    plan = [(root, kind) for root, kind, n in ROOT_TYPES for _ in range(round(n * count / total))][:count]
    plan += [ROOT_TYPES[1][:2]] * (count - len(plan))  # rounding: complete with information sheets
    rng = random.Random(seed)
    elements = size = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (root, kind) in enumerate(plan):
            identifier = (
                "R" if root == "ServiceComplementaire" else "N" if kind in ("Dossier", "Theme") else "F"
            ) + str(10000 + number)
            sheet_rng = random.Random(f"{seed}-{number}-{rng.random() < changed}")
            if root == "ServiceComplementaire":
                text = complementary_service(sheet_rng, identifier, kind)
            else:
                text = publication(
                    sheet_rng, identifier, kind, size=max(1, int(sheet_rng.lognormvariate(2.05, 0.8)))
                )
            data = text.encode()
            elements += data.count(b"<") - data.count(b"</") - 1  # start tags, less the XML declaration
            size += len(data)
            archive.writestr(f"vosdroits/{identifier}.xml", data)
        archive.writestr("vosdroits/arborescence.xml", '<?xml version="1.0"?><Arborescence/>')
    return len(plan), elements, size


def timed(label, paths, **options):
    from django.core.management import call_command

    out = io.StringIO()
    start = time.perf_counter()
    call_command("import_service_public", *map(str, paths), stdout=out, **options)
    seconds = time.perf_counter() - start
    print(f"  {label:<52} {seconds:6.2f} s   {out.getvalue().splitlines()[0]}")
    return seconds


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    import django

    django.setup()
    from django.core.management import call_command

    from servicepublic.demo import DEMO_XML
    from servicepublic.parser import parse_sheet

    call_command("migrate", verbosity=0)
    print("The 8 shared sheets:")
    timed("first import", [DEMO_XML])
    timed("second import (nothing to change)", [DEMO_XML])

    print(f"\nGenerated national zip ({SHEETS} sheets):")
    start = time.perf_counter()
    count, elements, size = national_zip(WORK / "vosdroits-latest.zip", SHEETS)
    national_zip(WORK / "vosdroits-changed.zip", SHEETS, changed=0.1)
    print(
        f"  written in {time.perf_counter() - start:.1f} s: {count} sheets, {elements / count:.0f} elements "
        f"per sheet (inventory: {INVENTORY_ELEMENTS_PER_SHEET:.0f}), {size / 1e6:.1f} MB uncompressed, "
        f"zip {(WORK / 'vosdroits-latest.zip').stat().st_size / 1e6:.1f} MB"
    )
    with zipfile.ZipFile(WORK / "vosdroits-latest.zip") as archive:
        datas = [archive.read(name) for name in archive.namelist() if "arborescence" not in name]
    start = time.perf_counter()
    for data in datas:
        parse_sheet(data)
    print(f"  {'parsing alone (defusedxml, no database)':<52} {time.perf_counter() - start:6.2f} s")
    timed("first import (all new)", [WORK / "vosdroits-latest.zip"])
    timed("dry run of the same (reads and compares only)", [WORK / "vosdroits-latest.zip"], dry_run=True)
    timed("second import (nothing to change)", [WORK / "vosdroits-latest.zip"])
    timed("import with about 10 % of the sheets changed", [WORK / "vosdroits-changed.zip"])


if __name__ == "__main__":
    main()
