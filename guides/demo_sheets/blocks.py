"""Small builders for the sheets' blocks (raw StreamField data)."""

ALT = {
    "argent": "Un billet et une pièce",
    "travail": "Une mallette de travail",
    "sante": "Une croix de soin",
    "papiers": "Une carte d'identité",
    "logement": "Une maison",
    "impots": "Une feuille d'impôt",
    "justice": "Une balance de la justice",
    "ordinateur": "Un ordinateur",
    "telephone": "Un téléphone portable",
    "rendez-vous": "Un calendrier avec un rendez-vous",
    "courrier": "Une enveloppe",
    "documents": "Des papiers",
    "conseiller": "Deux personnes qui parlent",
}


def step(text, picto=None, alt="", url="", link_text="", phone=""):
    return {
        "text": text,
        "image": picto,
        "image_alt": alt,
        "link_url": url,
        "link_text": link_text,
        "phone": phone,
    }


class Steps:
    """Steps written with a pictogram's name: ``s("Allez à la mairie.", "papiers")``."""

    def __init__(self, pictograms):
        self.pictograms = pictograms

    def __call__(self, text, picto, url="", link_text="", phone=""):
        return step(text, self.pictograms[picto], ALT[picto], url, link_text, phone)


def steps(*items, heading="Les étapes"):
    return {"type": "steps", "value": {"heading": heading, "steps": list(items)}}


def checklist(*items, heading="Les papiers à préparer"):
    return {"type": "checklist", "value": {"heading": heading, "items": list(items)}}


def attention(html):
    return {"type": "attention", "value": {"text": html}}


def good_to_know(html):
    return {"type": "good_to_know", "value": {"text": html}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def contact(partner, text=""):
    return {"type": "contact", "value": {"partner": partner.pk, "text": text, "show_directory_link": True}}
