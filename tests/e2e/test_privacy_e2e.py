"""The privacy statement in a real browser: the retention table from the code, axe on phone and desktop."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, screenshot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", ["/nl/privacy/", "/en/privacy/"])
def test_the_privacy_statement_shows_the_retention_table(new_page, live_url, path, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(path))
    assert response.status == 200
    table = page.locator("table.retention-table")
    assert table.count() == 1
    assert table.locator("tbody tr").count() >= 4
    # The table fits the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert_no_axe_violations(page)
    screenshot(page, f"privacy-{viewport}-{path.split('/')[1]}")
