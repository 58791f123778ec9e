"""Getting into a space: by an emailed invitation, and by asking to join."""

import re

import pytest

from .helpers import expect, last_email_to, link_in, sign_in, tr

pytestmark = pytest.mark.e2e

GROUP = "Gemensam utvecklingsgrupp för socialtjänsten"
GROUP_SLUG = "gemensam-utvecklingsgrupp-for-socialtjansten"


@pytest.fixture
def emailed_links_reach_the_test_server(settings, live_server):
    settings.MEDVIND_BASE_URL = live_server.url


def test_invited_person_opens_the_emailed_link_signs_in_accepts_and_sees_the_space(
    new_page, demo, emailed_links_reach_the_test_server
):
    facilitator = new_page()
    sign_in(facilitator, "facilitator@demo.example")
    facilitator.goto(f"/en/spaces/{GROUP_SLUG}/members/")
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(f"Members of {GROUP}")
    invite = facilitator.get_by_role("region", name="Invite someone")
    invite.get_by_label("Email address").fill("coordinator@demo.example")
    invite.get_by_label("Role").select_option(label="Member")
    invite.get_by_role("button", name="Send invitation").click()
    expect(facilitator.get_by_role("status")).to_contain_text("The invitation is sent.")
    expect(invite.get_by_role("heading", name="Waiting for an answer")).to_be_visible()
    expect(invite).to_contain_text("coordinator@demo.example (Member)")

    # The invitation arrives in Karin's language (Swedish), with a link.
    message = last_email_to("coordinator@demo.example")
    assert GROUP in message.subject
    link = link_in(message)
    assert re.search(r"/sv/invitations/[^/]+/$", link), link

    # Karin opens the link in her own browser, signs in from the invitation page and says yes.
    karin = new_page()
    karin.goto(link)
    expect(karin.get_by_role("heading", level=1)).to_contain_text(GROUP)
    expect(karin.locator("html")).to_have_attribute("lang", "sv")
    karin.get_by_role("main").get_by_role("link", name=tr("sv", "Sign in")).click()
    expect(karin).to_have_url(re.compile(r"/sv/accounts/login/\?next="))
    karin.locator("input[name=login]").fill("coordinator@demo.example")
    karin.locator("input[name=password]").fill("medvind-demo")
    karin.locator("main form button[type=submit]").click()
    expect(karin).to_have_url(re.compile(r"/sv/invitations/[^/]+/$"))
    karin.get_by_role("button", name=tr("sv", "Yes, I want to take part")).click()

    # She is a member and sees the space.
    expect(karin).to_have_url(re.compile(rf"/sv/spaces/{GROUP_SLUG}/$"))
    expect(karin.get_by_role("status")).to_contain_text(tr("sv", "Welcome! You are now a member."))
    expect(karin.get_by_role("heading", level=1)).to_have_text(GROUP)
    expect(karin.get_by_role("button", name=tr("sv", "Leave the space"))).to_be_visible()

    # The facilitator sees Karin among the members, and the invitation no longer waits.
    facilitator.reload()
    expect(
        facilitator.get_by_role("table").get_by_role("cell", name="Karin Dahl", exact=True)
    ).to_be_visible()
    expect(facilitator.get_by_role("main")).not_to_contain_text("coordinator@demo.example")


def test_participant_asks_to_join_a_space_and_the_facilitator_accepts(
    new_page, demo, emailed_links_reach_the_test_server
):
    # The facilitator creates a space where people ask to join.
    facilitator = new_page()
    sign_in(facilitator, "facilitator@demo.example")
    facilitator.goto("/en/spaces/new/")
    facilitator.get_by_label("Title").fill("Samtalsgrupp om boendestöd")
    facilitator.get_by_label("Kind").select_option(label="Forum")
    facilitator.get_by_label("Summary").fill("Vi pratar om hur boendestödet fungerar.")
    facilitator.get_by_label("Owned by").select_option(label="Exempelkommun")
    facilitator.get_by_label("Who can see it").select_option(label="Public")
    facilitator.get_by_label("How people join").select_option(label="Ask to join")
    facilitator.get_by_label("Language").select_option(value="sv")
    facilitator.get_by_role("button", name="Create the space").click()
    expect(facilitator.get_by_role("status")).to_contain_text(
        "The space is created. You are its facilitator."
    )
    expect(facilitator.get_by_role("heading", level=1)).to_have_text("Samtalsgrupp om boendestöd")
    space_path = facilitator.url.split("/en", 1)[1]

    # Pia finds it and asks to join, with a message.
    pia = new_page()
    sign_in(pia, "participant@demo.example", language="sv")
    pia.goto(f"/sv{space_path}")
    expect(pia.get_by_role("heading", level=1)).to_have_text("Samtalsgrupp om boendestöd")
    pia.get_by_label(tr("sv", "Message to the facilitators (optional)")).fill("Jag får boendestöd själv.")
    pia.get_by_role("button", name=tr("sv", "Ask to join")).click()
    expect(pia.get_by_role("status")).to_contain_text(
        tr("sv", "Your request is sent. The facilitators will answer you.")
    )
    expect(pia.get_by_role("main")).to_contain_text(
        tr("sv", "You have asked to join. The facilitators will answer you.")
    )

    # The facilitator sees the request with Pia's message and accepts it.
    facilitator.goto(f"/en{space_path}members/")
    requests = facilitator.get_by_role("region", name="Requests to join")
    expect(requests).to_contain_text("Pia: “Jag får boendestöd själv.”")
    requests.get_by_role("button", name="Accept Pia").click()
    expect(facilitator.get_by_role("status")).to_contain_text(
        "The answer is saved and the person is told by email."
    )
    expect(facilitator.get_by_role("region", name="Requests to join")).to_have_count(0)
    expect(facilitator.get_by_role("table").get_by_role("cell", name="Pia", exact=True)).to_be_visible()

    # Pia is told by email, in Swedish, and is a member when she comes back.
    message = last_email_to("participant@demo.example")
    assert "Samtalsgrupp om boendestöd" in message.subject
    pia.goto(link_in(message))
    expect(pia.locator("html")).to_have_attribute("lang", "sv")
    expect(pia.get_by_role("button", name=tr("sv", "Leave the space"))).to_be_visible()
