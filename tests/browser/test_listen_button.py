"""The sheet's "Écouter la fiche" button: only where the browser can read aloud, and only with JavaScript."""

import pytest

pytestmark = pytest.mark.browser

LISTEN = "Écouter la fiche"
# What a browser without speech synthesis lacks.
NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def test_listen_button_shows_where_the_browser_can_read_aloud(context, sheet_url):
    errors = []
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page = context.new_page()
    page.goto(sheet_url)
    assert page.evaluate("'speechSynthesis' in window")
    button = page.get_by_role("button", name=LISTEN)
    assert button.is_visible()
    assert button.get_attribute("aria-pressed") == "false"
    assert [error for error in errors if "Content Security Policy" in error] == []


def test_no_listen_button_where_the_browser_cannot_read_aloud(context, sheet_url):
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    page.goto(sheet_url)
    assert not page.evaluate("'speechSynthesis' in window")
    assert page.get_by_role("button", name=LISTEN).count() == 0
    assert page.locator("[data-listen-slot]").is_hidden()


def test_no_listen_button_without_javascript(no_js_context, sheet_url):
    page = no_js_context.new_page()
    page.goto(sheet_url)
    assert page.get_by_role("button", name=LISTEN).count() == 0
    assert page.locator("[data-listen-slot]").is_hidden()
    assert page.get_by_role("heading", level=1).is_visible()
