"""Factories for people, organisations, spaces and proposals. Plain model rows: no services, no audit log."""

import datetime as dt

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.markdown import render as render_markdown
from medvind.core.models import (
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from medvind.proposals import search
from medvind.proposals.models import Comment, Follow, Proposal, Support, Theme

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    language = "en"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary email address, unless made with `verified=False`."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class AdminFactory(UserFactory):
    is_superuser = True
    is_staff = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.MUNICIPALITY
    country = "SE"
    language = "sv"


class OrganisationMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMembership.Role.MEMBER


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    kind = Space.Kind.FORUM
    visibility = Space.Visibility.PUBLIC
    join_policy = Space.JoinPolicy.REQUEST
    language = "sv"
    summary = "A place to talk about the services."

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if not create:
            return
        self.organisations.set(extracted if extracted is not None else [OrganisationFactory()])


class SpaceMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceMembership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    role = SpaceMembership.Role.MEMBER


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    message = "I would like to take part."


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    space = factory.SubFactory(SpaceFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = SpaceMembership.Role.MEMBER
    invited_by = None


class TotpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authenticator

    user = factory.SubFactory(UserFactory)
    type = Authenticator.Type.TOTP
    data = factory.LazyFunction(lambda: {"secret": "JBSWY3DPEHPK3PXP"})


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    space = factory.SubFactory(SpaceFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class ProposalFactory(factory.django.DjangoModelFactory):
    """A submitted, signed proposal. Its search vector is built as the service builds it."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    body = "Please make the service better."
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    language = "en"
    author = factory.SubFactory(UserFactory)
    deadline = factory.LazyAttribute(lambda o: timezone.localdate() + dt.timedelta(days=o.space.answer_days))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            search.index(self)


class SupportFactory(factory.django.DjangoModelFactory):
    """A support row only: use services.proposal_support to keep the proposal's count right."""

    class Meta:
        model = Support

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment {n}")
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
