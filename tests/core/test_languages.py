"""Which language a person gets: the address, their own choice, the organisation's, then the browser's."""

import pytest

from tests.factories import OrganisationFactory, SpaceFactory, UserFactory
from tests.helpers import html_lang

pytestmark = pytest.mark.django_db

COOKIE = "medvind_language"


@pytest.fixture
def danish_org(db):
    return OrganisationFactory(name="Eksempelby Kommune", slug="eksempelby", country="DK", language="da")


def test_signed_in_persons_own_language_wins_over_cookie_organisation_and_browser(client, danish_org):
    client.force_login(UserFactory(language="nn"))
    client.cookies[COOKIE] = "sv"
    response = client.get("/organisations/eksempelby/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/nn/organisations/eksempelby/"


def test_language_cookie_wins_over_organisation_and_browser(client, danish_org):
    client.cookies[COOKIE] = "nb"
    response = client.get("/organisations/eksempelby/", headers={"accept-language": "en"})
    assert response["Location"] == "/nb/organisations/eksempelby/"


def test_visitor_gets_the_organisations_language(client, danish_org):
    response = client.get("/organisations/eksempelby/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/da/organisations/eksempelby/"
    assert html_lang(client.get(response["Location"])) == "da"


def test_visitor_gets_the_spaces_language(client, db):
    SpaceFactory(slug="brukarrad", language="nn")
    response = client.get("/spaces/brukarrad/", headers={"accept-language": "en"})
    assert response["Location"] == "/nn/spaces/brukarrad/"


def test_visitor_elsewhere_gets_the_browsers_language(client, danish_org):
    response = client.get("/spaces/", headers={"accept-language": "nb-NO,nb;q=0.9,en;q=0.5"})
    assert response["Location"] == "/nb/spaces/"


def test_unknown_organisation_falls_back_to_the_browsers_language(client, db):
    response = client.get("/organisations/no-such-org/", headers={"accept-language": "da"})
    assert response["Location"] == "/da/organisations/no-such-org/"
    assert client.get(response["Location"]).status_code == 404


def test_visitor_without_any_hint_gets_the_installations_language(client, db):
    response = client.get("/")
    assert response["Location"] == "/sv/"


def test_cookie_with_an_unknown_language_is_ignored(client, danish_org):
    client.cookies[COOKIE] = "xx"
    response = client.get("/organisations/eksempelby/")
    assert response["Location"] == "/da/organisations/eksempelby/"


@pytest.mark.parametrize(
    "path",
    [
        "/xx/spaces/",
        "/xx/",
        "/de/spaces/",
        "/EN/spaces/",
        "/en-gb/spaces/",
        "/zz-latn/organisations/",
        "/../spaces/",
    ],
)
def test_tampered_language_prefix_is_a_404_never_a_500(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) is not None


def test_changing_language_takes_the_person_to_the_same_page_in_that_language(client, db):
    response = client.post("/i18n/setlang/", {"language": "da", "next": "/en/spaces/"})
    assert response.status_code == 302
    assert response["Location"] == "/da/spaces/"
    assert response.cookies[COOKIE].value == "da"


def test_changing_language_is_remembered_in_the_profile_of_a_signed_in_person(client, db):
    person = UserFactory(language="en")
    client.force_login(person)
    client.post("/i18n/setlang/", {"language": "sv", "next": "/en/"})
    person.refresh_from_db()
    assert person.language == "sv"
    client.cookies.clear()
    client.force_login(person)
    assert client.get("/spaces/")["Location"] == "/sv/spaces/"


@pytest.mark.parametrize("language", ["xx", "de", "", "en-gb"])
def test_changing_to_a_language_medvind_does_not_offer_changes_nothing(client, db, language):
    person = UserFactory(language="en")
    client.force_login(person)
    response = client.post("/i18n/setlang/", {"language": language, "next": "/en/spaces/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/spaces/"
    person.refresh_from_db()
    assert person.language == "en"


def test_signed_in_person_reading_another_language_can_switch_language(client, db):
    person = UserFactory(language="sv")
    client.force_login(person)
    response = client.post("/i18n/setlang/", {"language": "nn", "next": "/en/organisations/?kind=region"})
    assert response["Location"] == "/nn/organisations/?kind=region"


def test_changing_language_does_not_send_people_to_another_site(client, db):
    response = client.post("/i18n/setlang/", {"language": "da", "next": "https://evil.example/"})
    assert not response["Location"].startswith("https://evil.example")
