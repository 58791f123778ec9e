from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, OrganisationMembership, Space, SpaceMembership


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "description", "website", "email", "language", "require_staff_mfa"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class OrganisationCreateForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "parent", "country", "language", "description", "website", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Organisation.objects.filter(
            kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION]
        )
        self.fields["parent"].queryset = parents.order_by("name")  # type: ignore[attr-defined]


class OrganisationMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationMembership.Role.choices)


class SpaceForm(forms.ModelForm):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Owned by"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_(
            "Choose one or more. At least one must be an organisation where you work or are administrator."
        ),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Space
        fields = [
            "title",
            "kind",
            "summary",
            "description",
            "organisations",
            "visibility",
            "join_policy",
            "language",
            "proposals_open",
            "anonymous_proposals",
            "answer_days",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "summary": forms.TextInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["maxlength"] = 150
        if self.instance.pk:
            for name in ("kind", "organisations"):
                self.fields.pop(name)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the facilitators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    # A representative speaks for an organisation, which an invitation does not name.
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[c for c in SpaceMembership.Role.choices if c[0] != SpaceMembership.Role.REPRESENTATIVE],
        initial="member",
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=SpaceMembership.Role.choices)
    represents = forms.ModelChoiceField(
        label=_("Speaks for"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Needed for a user representative."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == SpaceMembership.Role.REPRESENTATIVE and not data.get("represents"):
            self.add_error("represents", _("Choose the organisation that the representative speaks for."))
        return data
