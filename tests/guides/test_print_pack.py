"""The CPIP's print pack: chosen sheets and an appointment in one PDF, and nothing kept."""

import datetime
import logging
import pickle

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from guides.printing import print_pack_html
from tests.guides.factories import ProcedureSheetPageFactory, TopicPageFactory
from tests.guides.pdf import is_pdf, page_count
from tests.html import french

pytestmark = pytest.mark.django_db

URL = "/espace-pro/fiches/"
NAME = "Zéphyrine-Quintessa"
PLACE = "SPIP de Meaux, bureau Ornicar-77"


@pytest.fixture
def two_sheets(sheet, guide_index):
    health = TopicPageFactory(parent=guide_index, title="Se soigner", slug="sante")
    return [sheet, ProcedureSheetPageFactory(parent=health, title="Comment avoir sa carte Vitale ?")]


def pack(sheets, **fields):
    data = {
        "sheets": [str(sheet.pk) for sheet in sheets],
        "first_name": "",
        "date": "",
        "time": "",
        "place": "",
    }
    data.update(fields)
    return data


def test_the_print_pack_url_is_in_the_staff_area():
    assert reverse("guides:print_pack") == URL


def test_visitors_are_sent_to_the_sign_in_page(client, sheet):
    for response in (client.get(URL), client.post(URL, pack([sheet]))):
        assert response.status_code == 302
        assert response.url.startswith("/connexion/")


def test_signed_in_users_outside_cpip_and_editors_are_refused(client, other_user, falc_reviewer, sheet):
    for user in (other_user, falc_reviewer):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, pack([sheet])).status_code == 403


def test_the_staff_area_links_to_the_print_pack(client, cpip):
    client.force_login(cpip)
    assert (
        f'<a href="{URL}">Imprimer des fiches pour un rendez-vous</a>'
        in client.get("/espace-pro/").content.decode()
    )


def test_the_form_lists_published_sheets_by_topic(client, cpip, two_sheets, topic):
    draft = ProcedureSheetPageFactory(parent=topic, title="Une fiche en brouillon", live=False)
    client.force_login(cpip)
    html = client.get(URL).content.decode()
    assert html.index("<h2>Avoir de l&#x27;argent pour vivre</h2>") < html.index(
        french("Comment demander le RSA ?")
    )
    assert html.index("<h2>Se soigner</h2>") < html.index(french("Comment avoir sa carte Vitale ?"))
    assert f'value="{two_sheets[0].pk}"' in html
    assert draft.title not in html
    assert 'name="first_name"' in html and 'autocomplete="off"' in html


@pytest.mark.parametrize("member", ["cpip", "editor"])
def test_cpip_and_editors_get_one_pdf_with_a_cover_then_each_sheet(client, request, member, two_sheets):
    client.force_login(request.getfixturevalue(member))
    response = client.post(
        URL, pack(two_sheets, first_name="Léa", date="2026-12-03", time="14:30", place="Meaux")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert is_pdf(response.content)
    assert page_count(response.content) >= 3  # the cover, then at least a page per sheet
    assert "no-store" in response["Cache-Control"]


def test_the_cover_shows_the_appointment_and_the_sheets(rf, two_sheets):
    appointment = {
        "first_name": "Léa",
        "date": datetime.date(2026, 12, 3),
        "time": datetime.time(14, 30),
        "place": "SPIP de Meaux",
    }
    html = print_pack_html(two_sheets, appointment, rf.get(URL))
    assert "Pour Léa" in html
    assert "<strong>jeudi 3 décembre 2026</strong>" in html
    assert "<strong>14\u00a0h\u00a030</strong>" in html
    assert "<strong>SPIP de Meaux</strong>" in html
    assert "<li>Comment demander le RSA ?</li><li>Comment avoir sa carte Vitale ?</li>" in html
    assert html.count('<div class="pack-sheet">') == 2


def test_each_sheet_of_the_pack_has_its_own_list_of_difficult_words(rf, two_sheets, glossary):
    html = print_pack_html(two_sheets, {}, rf.get(URL))
    assert html.count("Les mots difficiles") == 1  # only the RSA sheet uses glossary words
    assert f'id="fiche-{two_sheets[0].pk}-mot-liste"' in html
    assert f'href="#fiche-{two_sheets[0].pk}-mot-caf"' in html


def test_the_cover_writes_a_round_hour_10_h(rf, two_sheets):
    appointment = {"first_name": "", "date": None, "time": datetime.time(10), "place": ""}
    html = print_pack_html(two_sheets, appointment, rf.get(URL))
    assert "<strong>10\u00a0h</strong>" in html
    assert "10 h 00" not in html


def test_the_appointment_is_optional(client, cpip, sheet):
    client.force_login(cpip)
    response = client.post(URL, pack([sheet]))
    assert response["Content-Type"] == "application/pdf"


def _form_error(client, data):
    response = client.post(URL, data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Le PDF n'a pas été fait." in html
    return html


def test_an_unknown_unpublished_or_private_sheet_gives_the_form_again(client, cpip, sheet, topic):
    draft = ProcedureSheetPageFactory(parent=topic, live=False)
    private = ProcedureSheetPageFactory(parent=topic)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(cpip)
    for sheet_id in ("999999", str(draft.pk), str(private.pk), str(topic.pk)):
        html = _form_error(client, {"sheets": [str(sheet.pk), sheet_id]})
        assert "Une des fiches choisies n&#x27;existe pas, ou elle n&#x27;est pas publiée." in html
    html = _form_error(client, {"sheets": ["abc"]})
    assert "Une des fiches choisies n&#x27;existe pas." in html


@pytest.mark.parametrize("sheet_id", ["9" * 30, str(2**63), str(2**31), "0", "-3", "1e5", "١٢", "12\x00"])
def test_a_sheet_id_no_page_can_have_gives_the_form_again(client, cpip, sheet, sheet_id):
    client.force_login(cpip)
    html = _form_error(client, {"sheets": [str(sheet.pk), sheet_id]})
    assert "Une des fiches choisies n&#x27;existe pas. Choisissez dans la liste." in html


def test_no_sheet_or_more_than_20_sheets_gives_the_form_again(client, cpip, topic):
    sheets = [ProcedureSheetPageFactory(parent=topic) for _ in range(21)]
    client.force_login(cpip)
    assert "Choisissez au moins une fiche." in _form_error(client, pack([]))
    html = _form_error(client, pack(sheets))
    assert "Choisissez 20 fiches au plus (vous en avez choisi 21)." in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "31/02/2026", "Cette date n&#x27;existe pas. Écrivez-la comme ceci : 25/03/2026."),
        ("date", "demain", "Cette date n&#x27;existe pas."),
        ("time", "25:99", "Cette heure n&#x27;existe pas. Écrivez-la comme ceci : 14:30."),
        ("first_name", "A" * 101, "100 caractères au plus, s&#x27;il vous plaît (vous en avez écrit 101)."),
        ("place", "B" * 150, "100 caractères au plus, s&#x27;il vous plaît (vous en avez écrit 150)."),
    ],
)
def test_bad_appointment_details_give_the_form_again_with_a_french_message(
    client, cpip, sheet, field, value, message
):
    client.force_login(cpip)
    assert french(message) in _form_error(client, pack([sheet], **{field: value}))


def test_dates_and_times_are_read_as_people_write_them(client, cpip, sheet):
    client.force_login(cpip)
    response = client.post(URL, pack([sheet], date="03/12/2026", time="14h30"))
    assert response["Content-Type"] == "application/pdf"


def _all_stored_text():
    """Every row of every table, as text: what the database keeps."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from the database
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def _cached_bytes():
    stored = []
    for cache in caches.all(initialized_only=True):
        for value in getattr(cache, "_cache", {}).values():
            stored.append(value if isinstance(value, bytes) else pickle.dumps(value))
    return b"".join(stored)


@pytest.mark.parametrize("valid", [True, False], ids=["pdf made", "form refused"])
def test_what_is_typed_is_never_stored_in_database_session_cache_or_log(client, cpip, sheet, caplog, valid):
    caplog.set_level(logging.DEBUG)
    client.force_login(cpip)
    session_before = dict(client.session.items())
    data = pack(
        [sheet], first_name=NAME, date="2026-12-03" if valid else "pas une date", time="09:15", place=PLACE
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, data)
    assert (response["Content-Type"] == "application/pdf") is valid
    for secret in (NAME, PLACE):
        assert not any(secret in query["sql"] for query in queries.captured_queries)
        assert secret not in _all_stored_text()
        assert secret.encode() not in _cached_bytes()
        assert secret not in caplog.text
        assert not any(secret in str(record.args) for record in caplog.records)
    assert dict(client.session.items()) == session_before
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("number", ["99999999999999999999999999", "-99999999999999999999"])
def test_a_sheet_number_too_big_for_the_database_gives_the_form_again(client, cpip, sheet, number):
    client.force_login(cpip)
    html = _form_error(client, {"sheets": [str(sheet.pk), number]})
    assert "Une des fiches choisies n&#x27;existe pas. Choisissez dans la liste." in html
