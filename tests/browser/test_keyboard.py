"""Keyboard use: the skip link, a visible focus on everything that takes it, sign-in without a mouse."""

from urllib.parse import urlsplit

import pytest

from tests.guides.pdf import is_pdf, page_count
from tests.html import french

from .harness import PostedResponses, posted_pdf
from .pages import PAGE_TYPES

pytestmark = pytest.mark.browser

# The focused element, the outline the browser draws around it, and the
# contrast of that outline with what is behind it: the first background
# colour among the element's ancestors (WCAG 1.4.11 asks for 3 to 1).
FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(element);
  let background = "rgb(255, 255, 255)";
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const color = getComputedStyle(parent).backgroundColor;
    if (color !== "rgba(0, 0, 0, 0)" && color !== "transparent") { background = color; break; }
  }
  const [light, dark] = [luminance(style.outlineColor), luminance(background)].sort().reverse();
  return {
    element: element.outerHTML.slice(0, 120),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    contrast: (light + 0.05) / (dark + 0.05),
  };
}"""

# Enough for the longest page; a page with more stops than this has too many.
MAX_TAB_STOPS = 150


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_first_tab_focuses_the_skip_link_and_enter_moves_focus_to_the_content(context, visit, page_type):
    page = visit(context)
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.inner_text() == "Aller au contenu"
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    # The next Tab goes on from the content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.querySelector('main').compareDocumentPosition(document.activeElement)"
        " & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)"
    ), "the next Tab after the skip link lands in or after the main content"


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_every_focusable_element_shows_a_visible_focus(context, visit, page_type):
    page = visit(context)
    seen = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (seen and state["element"] == seen[0]["element"]):
            break  # back to the top of the page
        seen.append(state)
    else:
        pytest.fail(f"more than {MAX_TAB_STOPS} Tab stops on {page_type}")
    assert len(seen) >= 2, "the skip link and at least one other link take the focus"
    for state in seen:
        assert state["outlineStyle"] not in ("none", "hidden"), state
        assert state["outlineWidth"] >= 2, state
        assert state["contrast"] >= 3, state


def tab_to(page, locator):
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reaches {locator}")


def test_staff_member_signs_in_with_the_keyboard_only(context, staff_home_url, cpip):
    page = context.new_page()
    page.goto(staff_home_url)  # sent to the sign-in form first
    tab_to(page, page.get_by_label("Identifiant"))
    page.keyboard.type(cpip.username)
    page.keyboard.press("Tab")
    page.keyboard.type("mot-de-passe-de-test")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == staff_home_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Espace des professionnels"


def test_cpip_builds_a_print_pack_with_the_keyboard_only(context, print_pack_url, cpip_cookie):
    context.add_cookies([cpip_cookie])
    page = context.new_page()
    page.goto(print_pack_url)
    sheets = ["Comment demander le RSA ?", "Comment avoir sa carte Vitale ?"]
    for title in sheets:
        checkbox = page.get_by_role("checkbox", name=title)
        tab_to(page, checkbox)
        page.keyboard.press("Space")
        assert checkbox.is_checked()
    tab_to(page, page.get_by_label("Prénom de la personne"))
    page.keyboard.type("Zéphyrine")
    date = page.get_by_label("Date du rendez-vous")
    tab_to(page, date)
    page.keyboard.type("12122027")  # 12 December 2027, whether the field reads day or month first
    assert date.input_value() == "2027-12-12"
    time = page.get_by_label("Heure")
    tab_to(page, time)
    # "A" picks the morning where the browser shows a 12-hour clock; a 24-hour clock ignores it.
    page.keyboard.type("1030A")
    assert time.input_value() == "10:30"
    tab_to(page, page.get_by_label("Lieu"))
    page.keyboard.type("SPIP de Meaux")
    tab_to(page, page.get_by_role("button", name="Fabriquer le PDF"))
    responses = PostedResponses(page)
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.keyboard.press("Enter")
    headers, pdf = posted_pdf(responses)
    assert 'filename="fiches-france-services.pdf"' in headers["content-disposition"]
    assert is_pdf(pdf)
    # A cover, then each sheet on 1 or 2 pages.
    assert 1 + len(sheets) <= page_count(pdf) <= 1 + 2 * len(sheets)


def test_cpip_books_a_slot_and_prints_the_letter_with_the_keyboard_only(
    context, staff_list_url, guides_content, cpip_cookie
):
    context.add_cookies([cpip_cookie])
    page = context.new_page()
    page.goto(staff_list_url)
    tab_to(page, page.get_by_role("link", name="Réserver un créneau").first)
    page.keyboard.press("Enter")
    page.wait_for_url("**/espace-pro/agenda/permanence/*/")
    # In a group of radio buttons, Tab reaches the first one and the arrow keys choose.
    tab_to(page, page.get_by_role("radio").first)
    page.keyboard.press("ArrowDown")
    slot = page.get_by_role("radio", name="9 h 30", exact=True)
    assert slot.is_checked()
    tab_to(page, page.get_by_role("radio", name="CAF", exact=True))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name="Papiers", exact=True).is_checked()
    sheet = page.get_by_role("checkbox", name="Comment demander sa carte d'identité ?")
    tab_to(page, sheet)
    page.keyboard.press("Space")
    assert sheet.is_checked()
    tab_to(page, page.get_by_role("button", name="Réserver ce créneau"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/espace-pro/agenda/rendez-vous/*/")
    assert page.get_by_role("status").inner_text().startswith(french("Rendez-vous réservé :"))
    facts = page.locator("main dl").inner_text().replace("\xa0", " ")
    assert (
        "9 h 30" in facts and "Papiers" in facts and french("Comment demander sa carte d'identité ?") in facts
    )
    tab_to(page, page.get_by_label("Nom et prénom de la personne"))
    page.keyboard.type("Zéphyrine Quintessa")
    responses = PostedResponses(page)
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.keyboard.press("Enter")
    headers, pdf = posted_pdf(responses)
    assert 'filename="convocation-' in headers["content-disposition"]
    assert is_pdf(pdf)
