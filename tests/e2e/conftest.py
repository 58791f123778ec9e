"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Every page a test's browser shows is checked with axe-core (WCAG 2.1 A and AA); see helpers.AxeGuard.
A test that shows a page with violations fails with the rule, its help text and the offending HTML.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from medvind.core.demo import load_demo

from .helpers import AxeGuard

# Playwright's sync API runs an event loop in this thread; Django must still let us use the ORM.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE_PATH.exists(), f"{AXE_PATH} is missing: run `npm ci` first"
    return AXE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(request, browser: Browser, axe_source: str, live_server) -> Iterator[Callable[..., Page]]:
    """`new_page(**context_options)`: a page in a fresh browser context, that is one person's browser.
    Every page it shows is checked with axe-core."""
    guard = AxeGuard(axe_source)
    request.node._mv_axe_guard = guard
    contexts: list[BrowserContext] = []

    def open_page(**options) -> Page:
        options.setdefault("base_url", live_server.url)
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return guard.watch(context.new_page(), javascript=options.get("java_script_enabled", True))

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    guard = getattr(item, "_mv_axe_guard", None)
    if guard is not None:
        guard.assert_clean()
    return result


@pytest.fixture
def demo(transactional_db) -> None:
    """The demo organisations, spaces and people (password `medvind-demo`), and an empty outbox."""
    load_demo()
    mail.outbox.clear()
