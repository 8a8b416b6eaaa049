"""The admin form of a sheet, as an editor would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def sheet_form(title, step_text, **fields):
    step = {"text": step_text, "image": "", "image_alt": "", "link_url": "", "link_text": "", "phone": ""}
    steps = {"count": "1", "0": {"value": step, "deleted": "", "order": "0"}}
    data = {
        "title": title,
        "slug": "une-fiche",
        "summary": "Une démarche simple.",
        "audience": "Vous avez 18 ans ou plus.",
        "body": streamfield([("steps", {"heading": "Les étapes", "steps": steps})]),
        "last_checked_on": "2026-11-01",
        "review_interval_months": "6",
        "official_sheet_links": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)
