"""The Content-Security-Policy allows only the portal's own files: no page breaks it."""

import pytest

from .pages import PAGE_TYPES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_breaks_no_content_security_rule(context, visit, page_type):
    errors = []
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page = visit(context)
    page.wait_for_load_state("load")
    refused = [error for error in errors if "Content Security Policy" in error]
    assert refused == []
