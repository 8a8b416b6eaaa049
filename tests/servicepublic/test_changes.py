"""Editors hear when an official sheet changes under an easy-to-read sheet, until they check it again."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories import UserFactory
from tests.guides.factories import ProcedureSheetPageFactory
from tests.servicepublic.conftest import link, run_import, sheet_bytes, write

pytestmark = pytest.mark.django_db

NEW_DATE = b'dateDerniereModificationImportante="2021-02-01'
OLD_DATE = b'dateDerniereModificationImportante="2020-04-01'


@pytest.fixture
def rsa_sheet(topic, xml_dir, editor):
    """Checked on 1 May 2020, after the RSA sheet's last important change (1 April 2020)."""
    run_import(xml_dir)
    sheet = ProcedureSheetPageFactory(
        parent=topic, title="Comment demander le RSA ?", last_checked_on=datetime.date(2020, 5, 1)
    )
    return link(sheet, "F19778")


@pytest.fixture
def older_sheet(topic):
    """Not linked to an official sheet, and even later for its review."""
    return ProcedureSheetPageFactory(
        parent=topic, title="Une fiche très en retard", last_checked_on=datetime.date(2019, 1, 1)
    )


def official_change(xml_dir):
    """Service-Public.fr changes the RSA sheet in an important way on 1 February 2021."""
    write(xml_dir, "F19778.xml", sheet_bytes("F19778").replace(OLD_DATE, NEW_DATE))
    return run_import(xml_dir)


def report_html(client):
    return " ".join(client.get(reverse("guides_review_report")).content.decode().split())


def test_a_changed_official_sheet_puts_its_sheet_at_the_top_of_the_report(
    client, editor, rsa_sheet, older_sheet, xml_dir
):
    official_change(xml_dir)
    client.force_login(editor)
    html = report_html(client)
    assert "La fiche officielle a changé le 1er février 2021" in html
    assert html.index("Comment demander le RSA ?") < html.index("Une fiche très en retard")


def test_the_dashboard_says_the_official_sheet_changed(client, editor, rsa_sheet, xml_dir):
    official_change(xml_dir)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="guides-sheets-to-review-content"') :]
    assert "Comment demander le RSA ?" in panel
    assert "La fiche officielle a changé le 1er février 2021" in panel


def test_one_email_tells_the_editors_which_sheets_to_check(rsa_sheet, xml_dir, editor, cpip):
    UserFactory(username="editrice", email="editrice@example.org").groups.add(*editor.groups.all())
    mail.outbox.clear()
    report = official_change(xml_dir)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["editeur@example.org", "editrice@example.org"]
    assert message.subject == "Une fiche facile à lire à vérifier : sa fiche officielle a changé"
    assert (
        "Comment demander le RSA ? : la fiche officielle a changé le 1er février 2021 (F19778)"
        in message.body
    )
    assert f"http://testserver/admin/pages/{rsa_sheet.pk}/edit/" in message.body
    assert "Courriel envoyé aux éditeurs : 1 fiche à vérifier." in report


def test_an_import_that_changes_nothing_sends_no_email(rsa_sheet, xml_dir):
    official_change(xml_dir)
    mail.outbox.clear()
    run_import(xml_dir)
    assert mail.outbox == []


def test_a_change_older_than_the_check_flags_nothing(rsa_sheet, xml_dir, client, editor):
    write(
        xml_dir,
        "F19778.xml",
        sheet_bytes("F19778").replace(OLD_DATE, b'dateDerniereModificationImportante="2020-04-20'),
    )
    mail.outbox.clear()
    run_import(xml_dir)
    assert mail.outbox == []
    client.force_login(editor)
    assert "La fiche officielle a changé" not in report_html(client)


def test_checking_the_sheet_again_takes_it_off_the_report(client, editor, rsa_sheet, older_sheet, xml_dir):
    official_change(xml_dir)
    rsa_sheet.last_checked_on = timezone.localdate()
    rsa_sheet.save_revision().publish()
    client.force_login(editor)
    html = report_html(client)
    assert "Comment demander le RSA ?" not in html
    assert "Une fiche très en retard" in html
