"""The site shell in a real browser: accessibility (axe), keyboard, right-to-left, languages, CSP."""

import pytest

from .conftest import DESKTOP, PHONE, assert_no_axe_violations, axe_violations, screenshot

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_home_page_has_no_axe_violations(new_page, live_url, language, viewport):
    page = new_page(**VIEWPORTS[viewport])
    response = page.goto(live_url(f"/{language}/"))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/nl/privacy/", "/nl/toegankelijkheid/", "/nl/zoeken/?q=buren"])
def test_shell_pages_have_no_axe_violations(page, live_url, path):
    response = page.goto(live_url(path))
    assert response.status == 200
    assert_no_axe_violations(page)


def test_search_page_finds_results(page, live_url):
    """The axe run on the search page above checks a page with results, not an empty one."""
    page.goto(live_url("/nl/zoeken/?q=buren"))
    assert page.locator(".search-results li").count() > 0


def test_axe_reports_a_violation_readably(page, live_url):
    """The helper really runs axe: an image without alt text in the page is reported."""
    page.goto(live_url("/nl/"))
    page.evaluate(
        """() => {
            const img = document.createElement("img");
            img.src = "/static/img/logo.svg";
            img.className = "e2e-no-alt";
            document.querySelector("main").append(img);
        }"""
    )
    violations = axe_violations(page)
    assert "image-alt" in {violation["id"] for violation in violations}
    with pytest.raises(AssertionError, match=r"image-alt \(critical\).*\n +\.e2e-no-alt: "):
        assert_no_axe_violations(page)


def test_skip_link_works_with_the_keyboard(page, live_url):
    page.goto(live_url("/nl/"))
    skip_link = page.locator("a.skip-link")
    assert not _in_viewport(page, skip_link), "the skip link is hidden until it gets focus"

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert _in_viewport(page, skip_link), "the focused skip link is visible"
    assert skip_link.get_attribute("href") == "#main"

    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    assert page.url.endswith("/nl/#main")


def _in_viewport(page, locator):
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_arabic_is_right_to_left_and_the_layout_mirrors(new_page, live_url, viewport):
    size = VIEWPORTS[viewport]
    boxes = {}
    for language in ("nl", "ar"):
        page = new_page(**size)
        page.goto(live_url(f"/{language}/"))
        boxes[language] = page.locator(".brand__logo").bounding_box()
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert direction == ("rtl" if language == "ar" else "ltr")

    width = size["width"]
    nl, ar = boxes["nl"], boxes["ar"]
    # The logo starts the header: at the left edge in Dutch, at the right edge in Arabic.
    assert nl["x"] + nl["width"] / 2 < width / 2
    assert ar["x"] + ar["width"] / 2 > width / 2
    # Mirrored: the gap to the left edge in Dutch is the gap to the right edge in Arabic.
    assert abs(nl["x"] - (width - ar["x"] - ar["width"])) <= 2


def test_language_switcher_leads_from_dutch_to_english_home(page, live_url):
    page.goto(live_url("/nl/"))
    switcher = page.get_by_role("navigation", name="Kies een taal")
    assert switcher.locator("a[hreflang='nl']").get_attribute("aria-current") == "true"

    switcher.locator("a[hreflang='en']").click()
    page.wait_for_url(live_url("/en/"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".language-switcher a[hreflang='en']").get_attribute("aria-current") == "true"


@pytest.mark.parametrize(
    "path", ["/nl/", "/ar/", "/en/", "/nl/privacy/", "/nl/toegankelijkheid/", "/nl/zoeken/?q=buren"]
)
def test_pages_work_with_the_content_security_policy(page, live_url, path):
    response = page.goto(live_url(path))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    # The site's own script ran (it is an external file, allowed by the policy).
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.csp_violations == [], page.csp_violations.describe()


def test_csp_violations_are_detected(new_page, live_url):
    """The CSP watch is not blind: an inline script is refused and reported."""
    page = new_page(allow_csp_violations=True)
    page.goto(live_url("/nl/"))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true;";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("() => true")
    assert page.evaluate("window.inlineRan === undefined")
    page.wait_for_timeout(200)
    assert any("script-src" in violation for violation in page.csp_violations), page.csp_violations


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_home_page_screenshots(new_page, live_url, language):
    for name, size in VIEWPORTS.items():
        page = new_page(**size)
        page.goto(live_url(f"/{language}/"))
        path = screenshot(page, f"home-{language}-{name}")
        assert path.stat().st_size > 10_000


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_starts_from_the_demo_content(page, live_url, run):
    """The live server sees what a test writes, and the next test gets the demo back (run 2)."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="nl", depth=2)
    assert home.title != "Veranderd door een test"
    home.title = "Veranderd door een test"
    home.save_revision().publish()

    page.goto(live_url("/nl/"))
    assert page.locator("h1").first.inner_text() == "Veranderd door een test"
