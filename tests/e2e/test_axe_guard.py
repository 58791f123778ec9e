"""The accessibility check itself: it runs under the site's Content-Security-Policy, with and without
JavaScript, reports what axe-core finds in a readable way, and notices a page that escaped it."""

import pytest

from .helpers import AxeGuard

pytestmark = pytest.mark.e2e

BROKEN = (
    "<html><body><main><img src='/static/none.png'><a href='/en/accessibility/'>on</a></main></body></html>"
)
CLEAN = "<html lang='en'><title>t</title><body><main><h1>{}</h1><a href='/{}/'>next</a></main></body></html>"


@pytest.fixture
def own_guard(browser, axe_source, live_server):
    """A guard of its own, so that this test can look at what it reports."""
    guard = AxeGuard(axe_source)
    contexts = []

    def open_page(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        return guard.watch(context.new_page(), javascript=options.get("java_script_enabled", True))

    yield guard, open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_axe_runs_under_the_sites_csp_and_reports_rule_help_and_html(own_guard, demo, javascript):
    guard, open_page = own_guard
    page = open_page(java_script_enabled=javascript)

    # A real page: strict CSP (no inline script), yet axe-core is injected and runs.
    response = page.goto("/en/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp, csp
    assert page.evaluate("() => typeof window.axe") == "object"
    assert guard.checked == [page.url] and not guard.problems

    # A broken page is reported with the rule, its help text and the offending HTML.
    page.route("**/broken/", lambda route: route.fulfill(body=BROKEN, content_type="text/html"))
    page.goto("/broken/")
    with pytest.raises(AssertionError) as failure:
        guard.assert_clean()
    report = str(failure.value)
    assert "image-alt: Images must have alternative text" in report
    assert '<img src="/static/none.png">' in report
    assert "html-has-lang" in report and "document-title" in report
    assert "/broken/" in report


def test_a_page_left_before_it_was_checked_fails_the_test(own_guard, live_server):
    guard, open_page = own_guard
    page = open_page()

    def serve(body):
        return lambda route: route.fulfill(body=body, content_type="text/html")

    for name, following in (("a", "b"), ("b", "c"), ("c", "c")):
        page.route(f"**/{name}/", serve(CLEAN.format(name, following)))
    page.goto("/a/")
    page.get_by_role("link").click()
    page.wait_for_url("**/b/")  # checked on arrival
    page.get_by_role("link").click()
    page.wait_for_function("() => location.pathname === '/c/'")  # not a checking step
    page.evaluate("() => { window.location.href = '/a/' }")
    page.wait_for_function("() => location.pathname === '/a/' && document.readyState === 'complete'")
    with pytest.raises(AssertionError) as failure:
        guard.assert_clean()
    assert "never checked with axe-core" in str(failure.value)
    assert "/c/" in str(failure.value).split("Checked:")[0]
