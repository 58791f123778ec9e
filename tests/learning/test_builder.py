"""Writing learning paths: staff build their organisation's paths step by step; bad input is explained
and kept; nobody else may touch them. And the welcome that points new members to the path for them."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import SpaceMembership
from medvind.knowledge import services as knowledge_services
from medvind.learning import services
from medvind.learning.models import Path, Step
from tests.factories import AdminFactory, OrganisationMembershipFactory, SpaceFactory, UserFactory
from tests.helpers import LANGUAGES, field_error, field_value, html_lang, page, url

from .conftest import make_items

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>' OR 1=1 --"


@pytest.fixture
def staff():
    membership = OrganisationMembershipFactory(role="staff", user=UserFactory(language="sv"))
    return membership.user


@pytest.fixture
def own_path(staff):
    organisation = staff.organisation_memberships.get().organisation
    return services.path_create(
        actor=staff, title="Att vara brukarrepresentant", language="sv", organisation=organisation
    )


def positions(path: Path) -> list[str]:
    return list(path.steps.order_by("position").values_list("item__title", flat=True))


# Services ----------------------------------------------------------------------------------------


def test_staff_build_a_path_step_by_step_and_publish_it(staff, own_path):
    first, second, third = make_items(3)
    with pytest.raises(DomainError, match="at least one step"):
        services.path_publish(actor=staff, path=own_path, published=True)
    for item in (first, second, third):
        services.step_add(actor=staff, path=own_path, item=item)
    assert positions(own_path) == [first.title, second.title, third.title]

    step = own_path.steps.get(item=third)
    services.step_move(actor=staff, path=own_path, step=step, up=True)
    assert positions(own_path) == [first.title, third.title, second.title]
    services.step_move(actor=staff, path=own_path, step=own_path.steps.get(item=first), up=True)  # at the top
    assert positions(own_path) == [first.title, third.title, second.title]

    services.step_change(actor=staff, path=own_path, step=step, question="  Vem talar du för?  ")
    assert own_path.steps.get(item=third).question == "Vem talar du för?"

    services.step_remove(actor=staff, path=own_path, step=own_path.steps.get(item=first))
    assert positions(own_path) == [third.title, second.title]
    assert list(own_path.steps.order_by("position").values_list("position", flat=True)) == [1, 2]

    services.path_publish(actor=staff, path=own_path, published=True)
    own_path.refresh_from_db()
    assert own_path.published


def test_a_step_must_be_a_published_item_and_a_question_short(staff, own_path):
    (item,) = make_items(1)
    item.status = "draft"
    item.save()
    with pytest.raises(DomainError, match="published item"):
        services.step_add(actor=staff, path=own_path, item=item)
    item.status = "published"
    item.save()
    step = services.step_add(actor=staff, path=own_path, item=item)
    with pytest.raises(DomainError, match="at most 400"):
        services.step_change(actor=staff, path=own_path, step=step, question="x" * 401)


def test_a_step_of_another_path_is_refused(staff, own_path):
    other = services.path_create(
        actor=AdminFactory(), title="Annan", language="sv", steps=[(make_items(1)[0], "")]
    )
    with pytest.raises(NotAllowed):
        services.step_remove(actor=staff, path=other, step=other.steps.get())
    with pytest.raises(DomainError, match="another learning path"):
        services.step_remove(actor=staff, path=own_path, step=other.steps.get())
    assert other.steps.count() == 1


@pytest.mark.parametrize("role", ["member", None])
def test_people_who_do_not_write_for_the_organisation_cannot_change_its_paths(own_path, role):
    person = UserFactory()
    if role:
        OrganisationMembershipFactory(user=person, organisation=own_path.organisation, role=role)
    with pytest.raises(NotAllowed):
        services.path_update(actor=person, path=own_path, title="Kapad")
    with pytest.raises(NotAllowed):
        services.step_add(actor=person, path=own_path, item=make_items(1)[0])
    with pytest.raises(NotAllowed):
        services.path_publish(actor=person, path=own_path, published=True)
    own_path.refresh_from_db()
    assert own_path.title == "Att vara brukarrepresentant"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "  "}, "Write a title"),
        ({"hours": 0}, "from 1 to 200"),
        ({"audiences": []}, "who the path is for"),
        ({"audiences": ["everyone", "hackers"]}, "who the path is for"),
        ({"language": "de"}, "Choose a language"),
    ],
)
def test_a_changed_path_with_bad_values_is_refused(staff, own_path, values, message):
    with pytest.raises(DomainError, match=message):
        services.path_update(actor=staff, path=own_path, **values)
    own_path.refresh_from_db()
    assert own_path.title == "Att vara brukarrepresentant" and own_path.hours == 1


# Pages -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_builder_pages_open_in_every_language(client, staff, own_path, lang):
    make_items(2, prefix="Brukarråd")
    client.force_login(staff)
    for name, kwargs in (("learning:create", {}), ("learning:edit", {"slug": own_path.slug})):
        response = client.get(url(name, lang, **kwargs))
        assert response.status_code == 200 and html_lang(response) == lang


def test_staff_make_a_path_in_the_browserless_flow(client, staff):
    organisation = staff.organisation_memberships.get().organisation
    items = make_items(2, prefix="Brukarråd")
    knowledge_services.items_reindex()  # make_items writes no search data
    client.force_login(staff)
    response = client.post(
        url("learning:create"),
        {
            "organisation": str(organisation.pk),
            "title": "Ny i brukarrådet",
            "language": "sv",
            "audiences": ["representatives"],
            "hours": "2",
            "for_new_members": "on",
        },
    )
    path = Path.objects.get(title="Ny i brukarrådet")
    assert response.status_code == 302 and response["Location"].endswith(url("learning:edit", slug=path.slug))
    assert path.organisation == organisation and path.for_new_members and not path.published

    builder = page(client.get(url("learning:edit", slug=path.slug), {"q": "brukarrådet"}))
    assert items[0].title in builder  # the search stems: "brukarrådet" finds "Brukarråd"
    client.post(url("learning:step_add", slug=path.slug), {"item": str(items[0].pk)})
    step = path.steps.get()
    client.post(
        url("learning:step_change", slug=path.slug, step_id=step.pk), {f"s{step.pk}-question": "Varför?"}
    )
    client.post(url("learning:publish", slug=path.slug), {"action": "publish"})
    path.refresh_from_db()
    assert path.published and path.steps.get().question == "Varför?"
    assert "Ny i brukarrådet" in page(client.get(url("learning:paths")))


@pytest.mark.parametrize("title", ["", "x" * 201, HOSTILE])
def test_bad_input_in_the_path_form_is_explained_and_kept(client, staff, title):
    organisation = staff.organisation_memberships.get().organisation
    client.force_login(staff)
    data = {
        "organisation": str(organisation.pk),
        "title": title,
        "language": "sv",
        "audiences": [],
        "hours": "-3",
        "description": HOSTILE,
    }
    response = client.post(url("learning:create"), data)
    assert response.status_code == 400
    assert field_error(response, "audiences") and field_error(response, "hours")
    assert field_value(response, "description") == HOSTILE
    assert "<script>alert(1)</script>" not in page(response)
    assert not Path.objects.exists()


def test_a_hostile_title_is_shown_as_text(client, staff, own_path):
    services.path_update(actor=staff, path=own_path, title=HOSTILE)
    client.force_login(staff)
    for name in ("learning:edit", "learning:path"):
        content = page(client.get(url(name, slug=own_path.slug)))
        assert "<script>alert(1)</script>" not in content and "&lt;script&gt;" in content


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999", "9" * 30, "1 OR 1=1"])
def test_adding_a_step_with_a_bad_item_is_explained(client, staff, own_path, value):
    client.force_login(staff)
    response = client.post(url("learning:step_add", slug=own_path.slug), {"item": value}, follow=True)
    assert response.status_code == 200
    assert "Choose a published item of the knowledge bank." in page(response)
    assert not own_path.steps.exists()


def test_a_too_long_question_is_explained_and_kept(client, staff, own_path):
    step = services.step_add(actor=staff, path=own_path, item=make_items(1)[0])
    client.force_login(staff)
    long = "Varför? " * 60
    response = client.post(
        url("learning:step_change", slug=own_path.slug, step_id=step.pk), {f"s{step.pk}-question": long}
    )
    assert response.status_code == 400
    assert field_error(response, "question", prefix=f"s{step.pk}")
    assert field_value(response, "question", prefix=f"s{step.pk}") == long


def test_the_builder_is_closed_to_others(client, own_path):
    step_item = make_items(1)[0]
    client.force_login(UserFactory())
    # a draft path is hidden; a published one is refused
    assert client.get(url("learning:edit", slug=own_path.slug)).status_code == 404
    assert client.get(url("learning:create")).status_code == 403
    services.step_add(actor=AdminFactory(), path=own_path, item=step_item)
    services.path_publish(actor=AdminFactory(), path=own_path, published=True)
    assert client.get(url("learning:edit", slug=own_path.slug)).status_code == 403
    step = own_path.steps.get()
    for name, kwargs in (
        ("learning:publish", {}),
        ("learning:step_add", {}),
        ("learning:step_remove", {"step_id": step.pk}),
        ("learning:step_move", {"step_id": step.pk}),
    ):
        response = client.post(url(name, slug=own_path.slug, **kwargs), {"item": str(step_item.pk)})
        assert response.status_code == 403, name
    assert own_path.steps.count() == 1


def test_a_draft_of_their_own_organisation_is_listed_for_staff_only(client, staff, own_path):
    client.force_login(staff)
    assert own_path.title in page(client.get(url("learning:paths")))
    client.force_login(UserFactory())
    assert own_path.title not in page(client.get(url("learning:paths")))


def test_the_list_filters_by_language(client):
    admin = AdminFactory()
    (item,) = make_items(1)
    for title, language in (("Bli brukarrevisor", "sv"), ("Becoming a user auditor", "en")):
        services.path_create(actor=admin, title=title, language=language, steps=[(item, "")], published=True)
    content = page(client.get(url("learning:paths"), {"language": "en"}))
    assert "Becoming a user auditor" in content and "Bli brukarrevisor" not in content
    assert client.get(url("learning:paths"), {"language": "<script>"}).status_code == 200


# The welcome -------------------------------------------------------------------------------------


def welcome_path(language: str, title: str) -> Path:
    return services.path_create(
        actor=AdminFactory(),
        title=title,
        language=language,
        steps=[(make_items(1)[0], "")],
        published=True,
        for_new_members=True,
    )


def test_a_new_member_is_welcomed_with_the_path_in_their_language(client):
    welcome_path("en", "Being a user representative")
    welcome_path("sv", "Att vara brukarrepresentant")
    space = SpaceFactory(title="Brukarrådet", summary="Vi träffas varje månad.")
    person = UserFactory(language="sv")
    membership = SpaceMembership.objects.create(space=space, user=person, role="member")
    client.force_login(person)
    content = page(client.get(url("core:space_detail", "sv", slug=space.slug)))
    assert "Att vara brukarrepresentant" in content and "Being a user representative" not in content
    assert 'id="welcome-heading"' in content

    SpaceMembership.objects.filter(pk=membership.pk).update(created_at=timezone.now() - dt.timedelta(days=31))
    assert 'id="welcome-heading"' not in page(client.get(url("core:space_detail", "sv", slug=space.slug)))


def test_without_a_path_in_their_language_the_welcome_offers_another(client):
    welcome_path("en", "Being a user representative")
    space = SpaceFactory()
    person = UserFactory(language="da")
    SpaceMembership.objects.create(space=space, user=person, role="member")
    client.force_login(person)
    assert "Being a user representative" in page(client.get(url("core:space_detail", "da", slug=space.slug)))


def test_a_visitor_and_an_unpublished_path_get_no_welcome(client):
    path = welcome_path("sv", "Att vara brukarrepresentant")
    services.path_publish(actor=AdminFactory(), path=path, published=False)
    space = SpaceFactory()
    assert 'id="welcome-heading"' not in page(client.get(url("core:space_detail", slug=space.slug)))
    person = UserFactory(language="sv")
    SpaceMembership.objects.create(space=space, user=person, role="member")
    client.force_login(person)
    content = page(client.get(url("core:space_detail", "sv", slug=space.slug)))
    assert 'id="welcome-heading"' in content and "Att vara brukarrepresentant" not in content


def test_the_selection_email_points_to_the_path(django_capture_on_commit_callbacks):
    from medvind.directory import services as directory_services
    from medvind.directory.models import Call

    welcome_path("sv", "Att vara brukarrepresentant")
    space = SpaceFactory(language="sv")
    facilitator = UserFactory()
    SpaceMembership.objects.create(space=space, user=facilitator, role="facilitator")
    call = Call.objects.create(
        space=space,
        title="Brukarråd",
        description="Vi söker",
        deadline=timezone.now() + dt.timedelta(days=3),
        role="member",
    )
    person = UserFactory(language="sv")
    application = directory_services.apply(call=call, actor=person, motivation="Jag vill vara med.")
    with django_capture_on_commit_callbacks(execute=True):
        directory_services.application_decide(application=application, actor=facilitator, status="selected")
    (message,) = mail.outbox
    assert "Att vara brukarrepresentant" in message.body
    assert "/sv/learning/paths/att-vara-brukarrepresentant/" in message.body
    assert Step.objects.count() == 1


def count_queries(client, address: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_list_and_the_builder_read_a_fixed_number_of_queries(client, staff, own_path):
    admin = AdminFactory()
    client.force_login(staff)

    def grow(paths: int, steps: int) -> None:
        items = make_items(paths + steps)
        for n in range(paths):
            services.path_create(
                actor=admin, title=f"Väg {n}", language="sv", steps=[(items[n], "")], published=True
            )
        for item in items[paths:]:
            services.step_add(actor=staff, path=own_path, item=item, question="Varför?")

    grow(2, 2)
    list_address, builder = url("learning:paths"), url("learning:edit", slug=own_path.slug)
    client.get(list_address)
    small = (count_queries(client, list_address), count_queries(client, builder))
    grow(30, 20)
    assert (count_queries(client, list_address), count_queries(client, builder)) == small


def test_the_figures_list_no_draft_of_another_organisation(client, staff, own_path):
    other_staff = OrganisationMembershipFactory(role="staff").user
    client.force_login(other_staff)
    assert own_path.title not in page(client.get(url("learning:statistics")))
    client.force_login(staff)
    assert own_path.title in page(client.get(url("learning:statistics")))


def test_a_hostile_question_and_search_are_shown_as_text(client, staff, own_path):
    step = services.step_add(actor=staff, path=own_path, item=make_items(1)[0])
    client.force_login(staff)
    response = client.post(
        url("learning:step_change", slug=own_path.slug, step_id=step.pk), {f"s{step.pk}-question": HOSTILE}
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.question == HOSTILE
    for query in (HOSTILE, "", "x" * 201, "%_' OR 1=1"):
        response = client.get(url("learning:edit", slug=own_path.slug), {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in page(response)
    assert "&lt;script&gt;" in page(client.get(url("learning:edit", slug=own_path.slug)))
