"""Helpers for the browser tests: the axe-core guard, an `expect` that checks every page it sees,
sign-in steps, links from emails and TOTP codes."""

import base64
import hashlib
import hmac
import re
import struct
import time
from functools import wraps
from typing import Any

from django.core import mail
from django.utils import translation
from playwright.sync_api import Page
from playwright.sync_api import expect as playwright_expect

from medvind.core.demo import DEMO_PASSWORD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# True when this document was already checked; otherwise waits until it has fully loaded.
WAIT_FOR_LOAD = """() => window.__mvAxeChecked === true || new Promise(resolve => {
  if (document.readyState === 'complete') resolve(false);
  else window.addEventListener('load', () => resolve(false), {once: true});
})"""

AXE_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  window.__mvAxeChecked = true;
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({html: n.html, target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""

# With JavaScript turned off, the browser runs no timers, and axe-core needs them. In such a page
# (which runs none of its own scripts) timers are replaced by microtasks just for the check.
TIMERS_WITHOUT_JAVASCRIPT = """() => {
  if (window.__mvTimers) return;
  window.__mvTimers = true;
  let next = 1;
  const cancelled = new Set();
  window.setTimeout = (fn, ms, ...args) => {
    const id = next++;
    Promise.resolve().then(() => { if (!cancelled.has(id)) fn(...args); });
    return id;
  };
  window.clearTimeout = id => cancelled.add(id);
  window.requestAnimationFrame = fn => window.setTimeout(() => fn(performance.now()));
  window.cancelAnimationFrame = id => cancelled.add(id);
}"""

NAVIGATION_ERRORS = ("Execution context was destroyed", "navigat", "Cannot find context")


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"      at {node['target']}: {node['html'][:300]}")
            for detail in (node["summary"] or "").splitlines()[:4]:
                lines.append(f"          {detail.strip()}")
        if len(v["nodes"]) > 8:
            lines.append(f"      … and {len(v['nodes']) - 8} more elements")
    return "\n".join(lines)


class AxeGuard:
    """Checks every document the test's browser shows with axe-core (WCAG 2.1 A and AA).

    A page is checked after `goto`, `reload`, `go_back`, `wait_for_url`, before a key press, after
    every `expect(...)` assertion, and when the test body ends. Every 'load' of a document is
    counted, so a page that was shown but left before any of those moments fails the test too."""

    def __init__(self, axe_source: str) -> None:
        self.axe_source = axe_source
        self.problems: list[str] = []
        self.loaded: list[str] = []
        self.checked: list[str] = []
        self.pages: list[Page] = []

    def watch(self, page: Page, javascript: bool = True) -> Page:
        page._mv_guard = self  # type: ignore[attr-defined]
        page._mv_javascript = javascript  # type: ignore[attr-defined]
        self.pages.append(page)
        page.on("load", lambda: self.loaded.append(page.url))
        for name in ("goto", "reload", "go_back", "go_forward", "wait_for_url"):
            setattr(page, name, self._then_check(page, getattr(page, name)))
        keyboard = page.keyboard
        for name in ("press",):
            setattr(keyboard, name, self._check_first(page, getattr(keyboard, name)))
        return page

    def _then_check(self, page: Page, method: Any) -> Any:
        @wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            self.check(page)
            result = method(*args, **kwargs)
            self.check(page)
            return result

        return call

    def _check_first(self, page: Page, method: Any) -> Any:
        @wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            self.check(page)
            return method(*args, **kwargs)

        return call

    def check(self, page: Page) -> None:
        """Run axe-core on the page's current document unless that document was already checked."""
        for attempt in range(3):
            if page.is_closed() or not page.url.startswith("http"):
                return
            url = page.url
            try:
                if page.evaluate(WAIT_FOR_LOAD):
                    return
                if not page._mv_javascript:  # type: ignore[attr-defined]
                    page.evaluate(TIMERS_WITHOUT_JAVASCRIPT)
                if not page.evaluate("() => typeof window.axe === 'object'"):
                    page.evaluate(self.axe_source)
                violations = page.evaluate(AXE_RUN, AXE_TAGS)
            except Exception as error:
                if attempt < 2 and any(text in str(error) for text in NAVIGATION_ERRORS):
                    page.wait_for_load_state("load")  # a navigation replaced the page: check the new one
                    continue
                self.problems.append(f"Could not check {url} with axe-core: {error}")
                return
            self.checked.append(url)
            if violations:
                self.problems.append(format_violations(url, violations))
            return

    def assert_clean(self) -> None:
        for page in self.pages:
            self.check(page)
        if len(self.checked) < len(self.loaded):
            self.problems.append(
                "Some pages were shown but never checked with axe-core (add an expect() after the step "
                f"that opens them).\nLoaded:  {self.loaded}\nChecked: {self.checked}"
            )
        problems, self.problems = self.problems, []
        assert not problems, "\n\n".join(problems)


class _CheckingAssertions:
    """Playwright's assertions; after each one, the page it looked at is checked with axe-core."""

    def __init__(self, assertions: Any, page: Page) -> None:
        self._assertions = assertions
        self._page = page

    @property
    def not_(self) -> "_CheckingAssertions":
        return _CheckingAssertions(self._assertions.not_, self._page)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._assertions, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            __tracebackhide__ = True
            result = attr(*args, **kwargs)
            guard = getattr(self._page, "_mv_guard", None)
            if guard is not None:
                guard.check(self._page)
            return result

        return call


def expect(actual: Any, message: str | None = None) -> Any:
    page = actual if isinstance(actual, Page) else actual.page
    return _CheckingAssertions(playwright_expect(actual, message), page)


# People and steps ---------------------------------------------------------------------------------

PASSWORD = DEMO_PASSWORD
LANGUAGES = ["da", "sv", "nb", "nn", "en"]


def tr(language: str, text: str) -> str:
    """What a person sees for an English text in a language, from the same catalogues the site uses."""
    with translation.override(language):
        translated = translation.gettext(text)
    assert language == "en" or translated != text, f"{text!r} has no translation in {language!r}"
    return translated


def in_any_language(text: str) -> re.Pattern:
    """The text as it reads in any of the five languages, for steps that do not care which."""
    return re.compile("^(" + "|".join(re.escape(tr(language, text)) for language in LANGUAGES) + ")$")


def sign_in(page: Page, email: str, password: str = PASSWORD, language: str = "en") -> None:
    """Sign in with the form; the site then opens the person's home page in their own language."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("banner").get_by_role("button", name=in_any_language("Sign out"))).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("banner").get_by_role("button", name=in_any_language("Sign out")).click()


def last_email_to(address: str) -> mail.EmailMessage:
    messages = [m for m in mail.outbox if address in m.to]
    assert messages, f"No email to {address}; outbox has {[(m.to, m.subject) for m in mail.outbox]}"
    return messages[-1]


def link_in(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^\s<>\"']+", message.body)
    assert match, f"No link in the email:\n{message.body}"
    return match.group(0)


def totp_code(secret: str, at: float | None = None, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 TOTP (HMAC-SHA1, 30-second steps) from a base32 secret."""
    key = base64.b32decode(secret.replace(" ", "").upper() + "=" * (-len(secret.replace(" ", "")) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)
