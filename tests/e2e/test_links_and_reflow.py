"""Every link of the shell leads somewhere, and no page scrolls sideways on a small phone."""

import pytest

pytestmark = pytest.mark.e2e

SHELL_PAGES = ["/nl/", "/en/", "/ar/", "/nl/privacy/", "/en/privacy/", "/nl/zoeken/?q=buren"]


@pytest.mark.parametrize("path", SHELL_PAGES)
def test_links_in_header_and_footer_answer(page, live_url, path):
    """Menus, footer and language switcher: every same-site link answers without an error."""
    assert page.goto(live_url(path)).status == 200
    hrefs = page.eval_on_selector_all(
        ".site-header a[href], .site-footer a[href]",
        "links => links.map(link => link.href).filter(href => href.startsWith(location.origin))",
    )
    assert hrefs, "the shell has links"
    broken = {}
    for href in dict.fromkeys(hrefs):
        response = page.request.get(href, max_redirects=5)
        if response.status >= 400:
            broken[href] = response.status
    assert not broken, f"broken links on {path}: {broken}"


@pytest.mark.parametrize("path", ["/nl/", "/ar/", "/nl/privacy/", "/nl/zoeken/?q=buren"])
def test_no_horizontal_scrolling_at_320_pixels(new_page, live_url, path):
    """WCAG 1.4.10 (reflow): at 320 CSS pixels wide nothing sticks out sideways."""
    page = new_page(width=320, height=640)
    page.goto(live_url(path))
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            return {
                scrollWidth: document.documentElement.scrollWidth,
                width,
                culprits: Array.from(document.querySelectorAll("body *"))
                    .filter((element) => {
                        const box = element.getBoundingClientRect();
                        return box.width > 0 && (box.right > width + 1 || box.left < -1);
                    })
                    .slice(0, 5)
                    .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
            };
        }"""
    )
    assert overflow["scrollWidth"] <= overflow["width"], overflow
