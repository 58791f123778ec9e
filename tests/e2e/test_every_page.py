"""Every main page, as every demo person and as a visitor, in all five languages: each page has the
right `<html lang>`, one main heading, the expected answer (or a translated 403/404 page), and no
axe-core violations (checked automatically for every page the browser shows).

Each person sees every page in one language (the five languages take turns, so every language gets
the full tour at least once) and one page in each of the other four."""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.accounts.models import User
from medvind.core.models import Invitation, Organisation, Space

from .helpers import LANGUAGES, sign_in, tr

pytestmark = pytest.mark.e2e

PEOPLE = [
    "admin",
    "facilitator",
    "responder",
    "participant",
    "representative",
    "coordinator",
    "auditor",
    None,
]
GROUP = "gemensam-utvecklingsgrupp-for-socialtjansten"
AUDIT = "brukarrevision-av-boendestodet-2026"
MUNICIPALITY = "Exempelkommun"

OK, LOGIN, FORBIDDEN, NOT_FOUND = 200, "login", 403, 404


@dataclass
class Visit:
    path: str
    expect: int | str = OK


def tour(person, language: str) -> list[Visit]:
    """The pages to visit, with what this person should get on each."""
    group = Space.objects.get(slug=GROUP)
    audit = Space.objects.get(slug=AUDIT)
    municipality = Organisation.objects.get(name=MUNICIPALITY)
    invitation = Invitation.objects.filter(status=Invitation.Status.PENDING).first()
    signed_in = person.is_authenticated

    def allowed(perm: str, obj=None) -> int | str:
        if not signed_in:
            return LOGIN
        return OK if person.has_perm(perm, obj) else FORBIDDEN

    L = f"/{language}"
    visits = [
        Visit(f"{L}/"),
        Visit(f"{L}/spaces/"),
        Visit(f"{L}/spaces/{group.slug}/"),
        Visit(f"{L}/spaces/{group.slug}/members/", allowed("core.view_space_members", group)),
        Visit(f"{L}/spaces/{audit.slug}/", OK if person.has_perm("core.view_space", audit) else NOT_FOUND),
        Visit(f"{L}/organisations/"),
        Visit(f"{L}/organisations/{municipality.slug}/"),
        Visit(
            f"{L}/organisations/{municipality.slug}/members/",
            allowed("core.view_organisation_members", municipality),
        ),
        Visit(f"{L}/invitations/{invitation.token}/"),
        Visit(f"{L}/accessibility/"),
        Visit(f"{L}/privacy/"),
        Visit(f"{L}/account/display/"),
        Visit(f"{L}/account/profile/", OK if signed_in else LOGIN),
        Visit(f"{L}/account/privacy/", OK if signed_in else LOGIN),
        Visit(f"{L}/no/such/page/", NOT_FOUND),
    ]
    if signed_in:
        visits += [
            Visit(f"{L}/accounts/email/"),
            Visit(f"{L}/accounts/password/change/"),
            Visit(f"{L}/accounts/2fa/"),
        ]
        if person.has_perm("core.create_space"):
            visits.append(Visit(f"{L}/spaces/new/"))
        if person.has_perm("core.change_space", group):
            visits.append(Visit(f"{L}/spaces/{group.slug}/edit/"))
        if person.has_perm("core.change_organisation", municipality):
            visits.append(Visit(f"{L}/organisations/{municipality.slug}/edit/"))
        if person.has_perm("core.view_organisation_audit_log", municipality):
            visits.append(Visit(f"{L}/organisations/{municipality.slug}/audit-log/"))
        visits.append(Visit(f"{L}/audit-log/", allowed("core.view_audit_log")))
    else:
        visits += [
            Visit(f"{L}/accounts/login/"),
            Visit(f"{L}/accounts/signup/"),
            Visit(f"{L}/accounts/password/reset/"),
            Visit(f"{L}/spaces/new/", LOGIN),
        ]
    return visits


def short_tour(person, language: str) -> list[Visit]:
    """One page in another language. Which one changes with the person and the language, so that
    together the people see the home page, a space, a 404 page and a form in every language."""
    signed_in = person.is_authenticated
    choices = [
        Visit(f"/{language}/"),
        Visit(f"/{language}/spaces/{GROUP}/"),
        Visit(f"/{language}/spaces/this-space-does-not-exist/", NOT_FOUND),
        Visit(f"/{language}/account/profile/") if signed_in else Visit(f"/{language}/accounts/login/"),
    ]
    who = PEOPLE.index(person.email.split("@")[0] if signed_in else None)
    return [choices[(LANGUAGES.index(language) + who) % len(choices)]]


SEEN = """() => ({
  lang: document.documentElement.lang,
  headings: [...document.querySelectorAll('h1')].map(h => h.innerText.trim()),
  title: document.title,
})"""


def visit(page, language: str, step: Visit) -> None:
    """Open the page (axe-core checks it on arrival) and look at what a person sees there."""
    response = page.goto(step.path)
    where = f"{step.path} (now at {page.url})"
    if step.expect == LOGIN:
        assert response.status == OK, f"{where}: HTTP {response.status}"
        assert re.search(rf"/{language}/accounts/login/\?next=", page.url), f"{where}: not the sign-in page"
    else:
        assert response.status == step.expect, f"{where}: HTTP {response.status}, expected {step.expect}"
    seen = page.evaluate(SEEN)
    assert seen["lang"] == language, f"{where}: <html lang={seen['lang']!r}>"
    assert len(seen["headings"]) == 1, f"{where}: main headings {seen['headings']}"
    if step.expect == NOT_FOUND:
        assert seen["headings"] == [tr(language, "Page not found")], where
    elif step.expect == FORBIDDEN:
        assert seen["headings"] == [tr(language, "You do not have access")], where
    assert seen["title"].endswith("– Medvind"), f"{where}: title {seen['title']!r}"


@pytest.mark.parametrize("who", PEOPLE, ids=[who or "visitor" for who in PEOPLE])
def test_every_main_page_is_accessible_in_every_language(new_page, demo, who):
    person = User.objects.get(email=f"{who}@demo.example") if who else AnonymousUser()
    main_language = LANGUAGES[PEOPLE.index(who) % len(LANGUAGES)]
    page = new_page()
    if who:
        sign_in(page, person.email)
    for step in tour(person, main_language):
        visit(page, main_language, step)
    for language in LANGUAGES:
        if language != main_language:
            for step in short_tour(person, language):
                visit(page, language, step)
