from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation

from .models import Application, Call, DirectoryEntry, PanelMember, Representative


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or what they do"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *Organisation.Kind.choices], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).order_by("name"),
        required=False,
        empty_label=_("All"),
        to_field_name="slug",
    )


class EntryForm(forms.ModelForm):
    class Meta:
        model = DirectoryEntry
        fields = ["what_we_do", "for_whom", "municipality", "email", "phone", "website", "listed"]
        widgets = {"what_we_do": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.MUNICIPALITY
        ).order_by("name")


class ListingForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_("I agree to be listed in the contact bank. I can withdraw this at any time."),
        required=True,
    )

    class Meta:
        model = Representative
        fields = ["display_name", "organisation", "experience_areas", "languages", "can_help_with"]
        widgets = {"can_help_with": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(memberships__user=user).order_by(
            "name"
        )
        if self.instance.pk:
            del self.fields["consent"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Write the name to show."))
        return name


class RepresentativeFilterForm(forms.Form):
    area = forms.CharField(label=_("Experience or help"), max_length=100, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *settings.LANGUAGES], required=False
    )


class ContactForm(forms.Form):
    sender_name = forms.CharField(label=_("Your name"), max_length=100)
    reply_to = forms.EmailField(
        label=_("Your email address (if you want an answer)"),
        required=False,
        help_text=_("We give it only to the person you write to."),
    )
    message = forms.CharField(label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6}))


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = ["title", "description", "requirements", "time_needed", "compensation", "deadline", "role"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must be in the future."))
        return deadline


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["motivation", "experience_areas", "availability", "needs", "organisation"]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 5}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(memberships__user=user).order_by(
            "name"
        )


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Answer"),
        choices=[
            (Application.Status.SELECTED, _("Select")),
            (Application.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PanelForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you can answer in"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PanelMember
        fields = ["experience_areas", "languages"]


class ConsultationForm(forms.Form):
    area = forms.CharField(
        label=_("Experience area (leave empty for everyone)"), max_length=100, required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *settings.LANGUAGES], required=False
    )
    deadline = forms.DateTimeField(
        label=_("Answer by"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must be in the future."))
        return deadline
