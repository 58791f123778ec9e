from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    OrganisationMembership,
    SpaceMembership,
)

from .models import User

PREFERENCE_FIELDS = ("easy_read", "large_text", "high_contrast")
SESSION_KEY = "display_preferences"


def display_preferences(request: HttpRequest) -> dict[str, bool]:
    """A signed-in person's preferences come from the profile; a visitor's from the session."""
    user = request.user
    if user.is_authenticated:
        return {field: bool(getattr(user, field)) for field in PREFERENCE_FIELDS}
    stored = request.session.get(SESSION_KEY, {}) if hasattr(request, "session") else {}
    return {field: bool(stored.get(field)) for field in PREFERENCE_FIELDS}


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def account_export(user: User) -> dict[str, Any]:
    """Everything Medvind holds about the person, for 'download my data'."""
    return {
        "format": "medvind-personal-data/1",
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "language": user.language,
            "easy_read": user.easy_read,
            "large_text": user.large_text,
            "high_contrast": user.high_contrast,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor": [
            {"type": a.type, "created_at": a.created_at.isoformat()}
            for a in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "organisation_memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in OrganisationMembership.objects.filter(user=user)
            .select_related("organisation")
            .order_by("pk")
        ],
        "space_memberships": [
            {
                "space": m.space.title,
                "role": m.role,
                "speaks_for": m.represents.name if m.represents else None,
                "since": m.created_at.isoformat(),
            }
            for m in SpaceMembership.objects.filter(user=user)
            .select_related("space", "represents")
            .order_by("pk")
        ],
        "join_requests": [
            {
                "space": r.space.title,
                "message": r.message,
                "status": r.status,
                "created_at": r.created_at.isoformat(),
            }
            for r in JoinRequest.objects.filter(user=user).select_related("space").order_by("pk")
        ],
        "invitations": [
            {
                "space": i.space.title,
                "role": i.role,
                "status": i.status,
                "created_at": i.created_at.isoformat(),
            }
            for i in Invitation.objects.filter(email__iexact=user.email)
            .select_related("space")
            .order_by("pk")
        ],
        **_participation(user),
        "activity": [
            {
                "when": e.created_at.isoformat(),
                "action": e.action,
                "object": e.object_repr,
                "changes": e.changes,
            }
            for e in AuditLogEntry.objects.filter(actor=user).order_by("pk")
        ],
    }


def _participation(user: User) -> dict[str, Any]:
    """What the person keeps in the audits, learning and directory apps."""
    from medvind.audits.models import AuditorProfile, TeamMember
    from medvind.directory.models import Application, PanelMember, Representative
    from medvind.learning.models import Enrolment, Reflection

    profile = AuditorProfile.objects.filter(user=user).prefetch_related("trainings", "services_used").first()
    listing = Representative.objects.filter(user=user).first()
    panel = PanelMember.objects.filter(user=user).first()
    return {
        "auditor_pool": None
        if profile is None
        else {
            "experience_areas": profile.experience_areas,
            "languages": profile.languages,
            "availability": profile.availability,
            "available": profile.available,
            "services_used": [o.name for o in profile.services_used.all()],
            "trainings": [
                {
                    "course": t.course,
                    "from": t.started_on.isoformat(),
                    "to": t.ended_on.isoformat(),
                    "hours": t.hours,
                }
                for t in profile.trainings.all()
            ],
        },
        "audit_teams": [
            {"audit": m.audit.space.title, "role": m.role}
            for m in TeamMember.objects.filter(user=user).select_related("audit__space").order_by("pk")
        ],
        "learning": [
            {
                "path": e.path.title,
                "started": e.started_at.isoformat(),
                "completed": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in Enrolment.objects.filter(person=user).select_related("path").order_by("pk")
        ],
        "reflections": [
            {"question": r.step.question, "answer": r.text}
            for r in Reflection.objects.filter(person=user).select_related("step").order_by("pk")
        ],
        "contact_bank_listing": None
        if listing is None
        else {
            "display_name": listing.display_name,
            "experience_areas": listing.experience_areas,
            "languages": listing.languages,
            "can_help_with": listing.can_help_with,
            "consent_at": listing.consent_at.isoformat(),
        },
        "experience_panel": None
        if panel is None
        else {
            "experience_areas": panel.experience_areas,
            "languages": panel.languages,
            "consent_at": panel.consent_at.isoformat(),
        },
        "applications": [
            {"call": a.call.title, "motivation": a.motivation, "status": a.status}
            for a in Application.objects.filter(user=user).select_related("call").order_by("pk")
        ],
    }
